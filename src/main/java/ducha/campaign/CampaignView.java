package ducha.campaign;

import ducha.common.Times;
import io.smallrye.graphql.api.Scalar;
import io.smallrye.graphql.api.ToScalar;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Campaign", description = "A supervision drive of a unit (its sub-units take part) over a period, with "
        + "target sites.")
@Type("Campaign")
@Description("A supervision drive (专项督查) of a unit, whose sub-units take part, over a period [startsAt, endsAt), "
        + "with target sites.")
public record CampaignView(
        @NonNull @Id @Description("The campaign's id.") UUID id,
        @NonNull @Schema(examples = "YUWANGTAI-TP-2021-08") @Description("Unique code.") String code,
        @NonNull @Schema(examples = "禹王台区核酸检测点全覆盖督查") @Description("Name.") String name,
        @Description("What the drive is about.") String description,
        @NonNull @Id @Description("The owning unit; it and its sub-units take part.") UUID unitId,
        @NonNull @Description("Start of the period, inclusive.") OffsetDateTime startsAt,
        @NonNull @Description("End of the period, exclusive.") OffsetDateTime endsAt,
        @NonNull @Schema(description = "Token subject of who created it.")
        @Description("Token subject of who created it.") String createdBy,
        @Schema(description = "Optimistic version; also sent as the ETag. Adding or removing targets changes it too.")
        @ToScalar(Scalar.Int.class)
        @Description("Optimistic version: pass it as expectedVersion to change the campaign.") long version,
        @NonNull @Description("When it was recorded.") OffsetDateTime createdAt,
        @NonNull @Description("When it, or its targets, last changed.") OffsetDateTime updatedAt) {

    public static CampaignView of(Campaign campaign) {
        return new CampaignView(campaign.id, campaign.code, campaign.name, campaign.description, campaign.unitId,
                Times.utc(campaign.startsAt), Times.utc(campaign.endsAt), campaign.createdBy, campaign.version,
                Times.utc(campaign.createdAt), Times.utc(campaign.updatedAt));
    }
}
