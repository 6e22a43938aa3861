package ducha.report;

import ducha.finding.FindingCategory;
import ducha.finding.FindingStatus;
import ducha.finding.Severity;
import ducha.site.SiteType;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One finding of the CSV export, with its unit and site by code and name. */
public record ExportedFinding(
        UUID id,
        OffsetDateTime foundAt,
        String unitCode,
        String unitName,
        String siteCode,
        String siteName,
        SiteType siteType,
        String district,
        String township,
        FindingCategory category,
        Severity severity,
        FindingStatus status,
        boolean rectifiedOnSite,
        OffsetDateTime rectifiedAt,
        OffsetDateTime dueAt,
        boolean overdue,
        String description,
        String rectificationNote) {
}
