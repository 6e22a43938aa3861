package ducha.finding;

import ducha.common.Times;
import io.smallrye.graphql.api.Scalar;
import io.smallrye.graphql.api.ToScalar;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Finding", description = "A problem found at a site by a unit, and where its rectification stands.")
@Type("Finding")
@Description("A problem (问题) found at a site by a unit, and where its rectification stands.")
public record FindingView(
        @NonNull @Id @Description("The finding's id.") UUID id,
        @NonNull @Id @Description("The unit that found it, and is answerable for it.") UUID unitId,
        @NonNull @Id @Description("Where it was found.") UUID siteId,
        @Id @Description("The visit it was found on, if recorded.") UUID inspectionId,
        @NonNull @Description("Kind of problem.") FindingCategory category,
        @NonNull @Description("How serious it is.") Severity severity,
        @NonNull @Schema(examples = "排队间距不足1米") @Description("What was found.") String description,
        @NonNull @Description("When it was found.") OffsetDateTime foundAt,
        @Description("When it must be rectified by.") OffsetDateTime dueAt,
        @NonNull @Description("Where it stands in the lifecycle.") FindingStatus status,
        @Schema(description = "Fixed while the inspectors were there.")
        @Description("Fixed while the inspectors were there (现场整改).") boolean rectifiedOnSite,
        @Description("When it was rectified.") OffsetDateTime rectifiedAt,
        @Description("How it was rectified.") String rectificationNote,
        @NonNull @Schema(description = "Token subject of who reported it.")
        @Description("Token subject of who reported it.") String reportedBy,
        @Schema(description = "Past its due time and not yet rectified.")
        @Description("Past its due time and not yet rectified.") boolean overdue,
        @Schema(description = "Optimistic version; also sent as the ETag.") @ToScalar(Scalar.Int.class)
        @Description("Optimistic version: pass it as expectedVersion to change the finding.") long version,
        @NonNull @Description("When it was recorded.") OffsetDateTime createdAt,
        @NonNull @Description("When it was last changed.") OffsetDateTime updatedAt,
        @Id @Schema(description = "The campaign it names, if any.") @Description("The campaign it names, if any.") UUID campaignId) {

    public static FindingView of(Finding finding) {
        return new FindingView(finding.id, finding.unitId, finding.siteId, finding.inspectionId, finding.category,
                finding.severity, finding.description, Times.utc(finding.foundAt), Times.utc(finding.dueAt),
                finding.status, finding.rectifiedOnSite, Times.utc(finding.rectifiedAt), finding.rectificationNote,
                finding.reportedBy, finding.isOverdue(Instant.now()), finding.version, Times.utc(finding.createdAt),
                Times.utc(finding.updatedAt), finding.campaignId);
    }
}
