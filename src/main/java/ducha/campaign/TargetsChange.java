package ducha.campaign;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TargetsChange", description = "What adding or removing targets did, and the campaign after it.")
@Type("TargetsChange")
@Description("What adding or removing targets did, and the campaign after it.")
public record TargetsChange(
        @NonNull @Description("The campaign after the change (its version moved on).") CampaignView campaign,
        @Schema(description = "Sites added (or removed) by this request.")
        @Description("Sites added (or removed) by this request.") int changed,
        @Schema(description = "Sites named or matched that were targets already (on add): they keep how they were added.")
        @Description("Sites named or matched that were targets already (on add): they keep how they were added.")
        int unchanged) {
}
