package ducha.report;

import ducha.finding.FindingCategory;
import ducha.finding.FindingStatus;
import ducha.finding.Severity;
import ducha.site.SiteType;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A finding open at the daily report's statusAt, with its unit and site, for the "most serious" list. */
@Schema(name = "DailyFinding", description = "A finding open at the daily report's statusAt, with unit and site.")
@Type("DailyFinding")
@Description("A finding open at the daily report's statusAt, with its unit and site.")
public record DailyFinding(
        @NonNull @Id @Description("The finding.") UUID id,
        @NonNull @Id @Description("Its unit.") UUID unitId,
        @NonNull @Description("Its unit's code.") String unitCode,
        @NonNull @Description("Its unit's name.") String unitName,
        @NonNull @Id @Description("Its site.") UUID siteId,
        @NonNull @Description("Its site's code.") String siteCode,
        @NonNull @Description("Its site's name.") String siteName,
        @NonNull @Description("Its site's type.") SiteType siteType,
        @Description("Its site's district.") String district,
        @NonNull @Description("Kind of problem.") FindingCategory category,
        @NonNull @Description("How serious it is.") Severity severity,
        @NonNull @Schema(description = "Its status now (it may have been rectified since statusAt).")
        @Description("Its status now (it may have been rectified since statusAt).") FindingStatus status,
        @NonNull @Description("What was found.") String description,
        @NonNull @Description("When it was found, in the report time zone.") OffsetDateTime foundAt,
        @Description("When it must be rectified by, in the report time zone.") OffsetDateTime dueAt,
        @Schema(description = "Past dueAt at statusAt.") @Description("Past dueAt at statusAt.") boolean overdue,
        @Schema(description = "Whole days from foundAt to statusAt.")
        @Description("Whole days from foundAt to statusAt.") int daysOpen) {
}
