package ducha.report;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The counts of one day or week of a trend; a bucket without work has zeros, never a gap. */
@Schema(name = "TrendPoint", description = "The counts of one day or week (in the report time zone); the same "
        + "definitions as the summary, restricted to the bucket. A bucket without work has zeros.")
public record TrendPoint(
        @Schema(description = "First day of the bucket (a Monday for weeks), in the report time zone.",
                examples = "2021-08-07") LocalDate start,
        long inspections,
        long personVisits,
        @Schema(description = "Distinct sites inspected in the bucket.") long sitesInspected,
        long findings,
        long rectified,
        long rectifiedOnSite,
        long open,
        long overdue,
        long escalated,
        @Schema(description = "Notices issued in the bucket.") long notices) {
}
