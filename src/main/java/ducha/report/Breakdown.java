package ducha.report;

import io.smallrye.graphql.api.Scalar;
import io.smallrye.graphql.api.ToScalar;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One row of a breakdown: the summary's figures for one category, site type, district or unit, i.e. what the
 * summary would say with that key added to its filter. Figures that do not apply to a breakdown are null.
 */
@Schema(name = "Breakdown", description = "The summary's figures for one key of a breakdown; figures that do not apply "
        + "to the breakdown are null (byCategory has no inspection or site figures; a unit's own-work row has no "
        + "sitesTotal or coverage).")
@Type("Breakdown")
@Description("The summary's figures for one key of a breakdown; figures that do not apply are null.")
public record Breakdown(
        @Schema(description = "The category, site type, district or unit code.", examples = "TESTING_POINT") @Description("The category, site type, district or unit code.") String key,
        @Schema(description = "A readable name: the unit's or district's name; null for enumerations.") @Description("A readable name: the unit's or district's name; null for enumerations.") String name,
        @Schema(description = "byUnit only: the unit.") @Description("byUnit only: the unit.") @Id UUID unitId,
        @Schema(description = "byUnit only: true when the row counts the unit with its sub-units, false for the "
                + "filter unit's own work without them.") @Description("byUnit only: true when the row counts the unit with its sub-units, false for the "
                + "filter unit's own work without them.") Boolean withSubUnits,
        @Description("Inspections (visits) started in the period.") @ToScalar(Scalar.Int.class) Long inspections,
        @Description("Sum of the inspector counts of those inspections (人次).") @ToScalar(Scalar.Int.class) Long personVisits,
        @Description("Distinct sites with at least one of those inspections.") @ToScalar(Scalar.Int.class) Long sitesInspected,
        @Description("Active sites of the area.") @ToScalar(Scalar.Int.class) Long sitesTotal,
        @Description("sitesInspected of the area ÷ sitesTotal, 0–1; null when sitesTotal is 0.") Double coverage,
        @Description("Findings found in the period.") @ToScalar(Scalar.Int.class) long findings,
        @Description("Of those, RECTIFIED or VERIFIED now.") @ToScalar(Scalar.Int.class) long rectified,
        @Description("Of those, fixed while the inspectors were there.") @ToScalar(Scalar.Int.class) long rectifiedOnSite,
        @Description("Of those, not rectified yet.") @ToScalar(Scalar.Int.class) long open,
        @Description("Of the open ones, past their due time.") @ToScalar(Scalar.Int.class) long overdue,
        @Description("Of the open ones, ESCALATED.") @ToScalar(Scalar.Int.class) long escalated,
        @Description("rectified ÷ findings, 0–1; null without findings.") Double rectificationRate) {
}
