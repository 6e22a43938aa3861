package ducha.notice;

import ducha.common.Times;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Notice", description = "A bulletin, suggestion, accountability warning or reminder issued by a unit.")
public record NoticeView(
        UUID id,
        UUID unitId,
        @Schema(description = "The site it concerns, if one.") UUID siteId,
        NoticeKind kind,
        @Schema(examples = "关于疫情防控工作的督查通报") String title,
        String body,
        OffsetDateTime issuedAt,
        @Schema(description = "Token subject of who issued it.") String issuedBy,
        @Schema(description = "The findings it cites.") List<UUID> findingIds,
        @Schema(description = "Optimistic version; also sent as the ETag.") long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static NoticeView of(Notice notice, List<UUID> findingIds) {
        return new NoticeView(notice.id, notice.unitId, notice.siteId, notice.kind, notice.title, notice.body,
                Times.utc(notice.issuedAt), notice.issuedBy, List.copyOf(findingIds), notice.version,
                Times.utc(notice.createdAt), Times.utc(notice.updatedAt));
    }
}
