package ducha.report;

import ducha.finding.FindingCategory;
import ducha.finding.FindingStatus;
import ducha.finding.Severity;
import ducha.site.SiteType;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OverdueFinding", description = "A finding past its due time and not rectified (OPEN, RECTIFYING or "
        + "ESCALATED), with its unit and site, for follow-up.")
public record OverdueFinding(
        UUID id,
        UUID unitId,
        @Schema(examples = "KAIFENG-OFFICE-2") String unitCode,
        String unitName,
        UUID siteId,
        String siteCode,
        String siteName,
        SiteType siteType,
        String district,
        FindingCategory category,
        Severity severity,
        String description,
        FindingStatus status,
        @Schema(description = "In the report time zone.") OffsetDateTime foundAt,
        @Schema(description = "In the report time zone.") OffsetDateTime dueAt,
        @Schema(description = "Whole days since dueAt.") long daysOverdue) {
}
