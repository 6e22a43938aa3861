package ducha.campaign;

import ducha.site.SiteType;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CampaignTarget", description = "A target site of a campaign, how it was added, and its first visit "
        + "that counts.")
@Type("CampaignTarget")
@Description("A target site of a campaign, how it was added, and its first visit that counts.")
public record CampaignTarget(
        @NonNull @Id @Description("The site.") UUID siteId,
        @NonNull @Description("The site's code.") String code,
        @NonNull @Description("The site's name.") String name,
        @NonNull @Description("The site's type now.") SiteType type,
        @Description("The site's district.") String district,
        @Description("The site's township.") String township,
        @Description("False when the site is retired: it no longer counts as a target.") boolean active,
        @NonNull @Schema(enumeration = {"LIST", "RULE"}) @Description("LIST (named by id) or RULE.") String addedHow,
        @Description("The rule's site type, when added by rule.") SiteType ruleSiteType,
        @Description("The rule's district, when added by rule.") String ruleDistrict,
        @NonNull @Description("When it was added.") OffsetDateTime addedAt,
        @NonNull @Description("Token subject of who added it.") String addedBy,
        @Schema(description = "The first visit that counts (participating unit, inside the period); null: unvisited.")
        @Description("The first visit that counts (participating unit, inside the period); null: unvisited.")
        OffsetDateTime firstVisitedAt) {
}
