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
public record Breakdown(
        @Schema(description = "The category, site type, district or unit code.", examples = "TESTING_POINT") String key,
        @Schema(description = "A readable name: the unit's or district's name; null for enumerations.") String name,
        @Schema(description = "byUnit only: the unit.") UUID unitId,
        @Schema(description = "byUnit only: true when the row counts the unit with its sub-units, false for the "
                + "filter unit's own work without them.") Boolean withSubUnits,
        Long inspections,
        Long personVisits,
        Long sitesInspected,
        Long sitesTotal,
        Double coverage,
        long findings,
        long rectified,
        long rectifiedOnSite,
        long open,
        long overdue,
        long escalated,
        Double rectificationRate) {
}
