package ducha.report;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One row of a breakdown: the summary's figures for one category, site type, district or unit, i.e. what the
 * summary would say with that key added to its filter. Figures that do not apply to a breakdown are null.
 */
@Schema(name = "Breakdown", description = "The summary's figures for one key of a breakdown; figures that do not apply "
        + "to the breakdown are null (byCategory has no inspection or site figures; a unit's own-work row has no "
        + "sitesTotal or coverage).")
@org.eclipse.microprofile.graphql.Type("Breakdown")
@org.eclipse.microprofile.graphql.Description("The summary's figures for one key of a breakdown; figures that do not apply are null.")
public record Breakdown(
        @Schema(description = "The category, site type, district or unit code.", examples = "TESTING_POINT") @org.eclipse.microprofile.graphql.Description("The category, site type, district or unit code.") String key,
        @Schema(description = "A readable name: the unit's or district's name; null for enumerations.") @org.eclipse.microprofile.graphql.Description("A readable name: the unit's or district's name; null for enumerations.") String name,
        @Schema(description = "byUnit only: the unit.") @org.eclipse.microprofile.graphql.Description("byUnit only: the unit.") @org.eclipse.microprofile.graphql.Id UUID unitId,
        @Schema(description = "byUnit only: true when the row counts the unit with its sub-units, false for the "
                + "filter unit's own work without them.") @org.eclipse.microprofile.graphql.Description("byUnit only: true when the row counts the unit with its sub-units, false for the "
                + "filter unit's own work without them.") Boolean withSubUnits,
        @org.eclipse.microprofile.graphql.Description("Inspections (visits) started in the period.") @io.smallrye.graphql.api.ToScalar(io.smallrye.graphql.api.Scalar.Int.class) Long inspections,
        @org.eclipse.microprofile.graphql.Description("Sum of the inspector counts of those inspections (人次).") @io.smallrye.graphql.api.ToScalar(io.smallrye.graphql.api.Scalar.Int.class) Long personVisits,
        @org.eclipse.microprofile.graphql.Description("Distinct sites with at least one of those inspections.") @io.smallrye.graphql.api.ToScalar(io.smallrye.graphql.api.Scalar.Int.class) Long sitesInspected,
        @org.eclipse.microprofile.graphql.Description("Active sites of the area.") @io.smallrye.graphql.api.ToScalar(io.smallrye.graphql.api.Scalar.Int.class) Long sitesTotal,
        @org.eclipse.microprofile.graphql.Description("sitesInspected of the area ÷ sitesTotal, 0–1; null when sitesTotal is 0.") Double coverage,
        @org.eclipse.microprofile.graphql.Description("Findings found in the period.") @io.smallrye.graphql.api.ToScalar(io.smallrye.graphql.api.Scalar.Int.class) long findings,
        @org.eclipse.microprofile.graphql.Description("Of those, RECTIFIED or VERIFIED now.") @io.smallrye.graphql.api.ToScalar(io.smallrye.graphql.api.Scalar.Int.class) long rectified,
        @org.eclipse.microprofile.graphql.Description("Of those, fixed while the inspectors were there.") @io.smallrye.graphql.api.ToScalar(io.smallrye.graphql.api.Scalar.Int.class) long rectifiedOnSite,
        @org.eclipse.microprofile.graphql.Description("Of those, not rectified yet.") @io.smallrye.graphql.api.ToScalar(io.smallrye.graphql.api.Scalar.Int.class) long open,
        @org.eclipse.microprofile.graphql.Description("Of the open ones, past their due time.") @io.smallrye.graphql.api.ToScalar(io.smallrye.graphql.api.Scalar.Int.class) long overdue,
        @org.eclipse.microprofile.graphql.Description("Of the open ones, ESCALATED.") @io.smallrye.graphql.api.ToScalar(io.smallrye.graphql.api.Scalar.Int.class) long escalated,
        @org.eclipse.microprofile.graphql.Description("rectified ÷ findings, 0–1; null without findings.") Double rectificationRate) {
}
