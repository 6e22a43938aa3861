package ducha.finding;

import ducha.common.Times;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Finding", description = "A problem found at a site by a unit, and where its rectification stands.")
public record FindingView(
        UUID id,
        UUID unitId,
        UUID siteId,
        UUID inspectionId,
        FindingCategory category,
        Severity severity,
        @Schema(examples = "排队间距不足1米") String description,
        OffsetDateTime foundAt,
        OffsetDateTime dueAt,
        FindingStatus status,
        @Schema(description = "Fixed while the inspectors were there.") boolean rectifiedOnSite,
        OffsetDateTime rectifiedAt,
        String rectificationNote,
        @Schema(description = "Token subject of who reported it.") String reportedBy,
        @Schema(description = "Past its due time and not yet rectified.") boolean overdue,
        @Schema(description = "Optimistic version; also sent as the ETag.") long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static FindingView of(Finding finding) {
        return new FindingView(finding.id, finding.unitId, finding.siteId, finding.inspectionId, finding.category,
                finding.severity, finding.description, Times.utc(finding.foundAt), Times.utc(finding.dueAt),
                finding.status, finding.rectifiedOnSite, Times.utc(finding.rectifiedAt), finding.rectificationNote,
                finding.reportedBy, finding.isOverdue(Instant.now()), finding.version, Times.utc(finding.createdAt),
                Times.utc(finding.updatedAt));
    }
}
