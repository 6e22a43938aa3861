package ducha.notice;

import ducha.common.Times;
import io.smallrye.graphql.api.Scalar;
import io.smallrye.graphql.api.ToScalar;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Notice", description = "A bulletin, suggestion, accountability warning or reminder issued by a unit.")
@Type("Notice")
@Description("A bulletin (通报), suggestion (建议), accountability warning (问责预警) or reminder (提醒) issued by a unit.")
public record NoticeView(
        @NonNull @Id @Description("The notice's id.") UUID id,
        @NonNull @Id @Description("The unit that issued it.") UUID unitId,
        @Id @Schema(description = "The site it concerns, if one.") @Description("The site it concerns, if one.") UUID siteId,
        @NonNull @Description("What kind of notice it is.") NoticeKind kind,
        @NonNull @Schema(examples = "关于疫情防控工作的督查通报") @Description("Title.") String title,
        @Description("Full text.") String body,
        @NonNull @Description("When it was issued.") OffsetDateTime issuedAt,
        @NonNull @Schema(description = "Token subject of who issued it.")
        @Description("Token subject of who issued it.") String issuedBy,
        @NonNull @Schema(description = "The findings it cites.") @Description("Ids of the findings it cites.")
        @Id List<@NonNull UUID> findingIds,
        @Schema(description = "Optimistic version; also sent as the ETag.") @ToScalar(Scalar.Int.class)
        @Description("Optimistic version: pass it as expectedVersion to change the notice.") long version,
        @NonNull @Description("When it was recorded.") OffsetDateTime createdAt,
        @NonNull @Description("When it was last changed.") OffsetDateTime updatedAt) {

    public static NoticeView of(Notice notice, List<UUID> findingIds) {
        return new NoticeView(notice.id, notice.unitId, notice.siteId, notice.kind, notice.title, notice.body,
                Times.utc(notice.issuedAt), notice.issuedBy, List.copyOf(findingIds), notice.version,
                Times.utc(notice.createdAt), Times.utc(notice.updatedAt));
    }
}
