package ducha.campaign;

import ducha.common.Params;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CampaignInput")
@Description("A campaign to create, or the new state of one. Targets are added and removed by their own mutations.")
public record CampaignGraphQLInput(
        @Id @Description("Optional client-chosen id, on create only.") String id,
        @NonNull @Description("Unique code: 1 to 64 letters, digits, '.', '_' or '-'.") String code,
        @NonNull @Description("Name.") String name,
        @Description("What the drive is about.") String description,
        @NonNull @Id @Description("The owning unit: it and its sub-units take part.") String unitId,
        @NonNull @Description("Start of the period, inclusive.") OffsetDateTime startsAt,
        @NonNull @Description("End of the period, exclusive; after startsAt, at most 366 days later.") OffsetDateTime endsAt) {

    public CampaignInput toInput() {
        return new CampaignInput(Params.uuid("id", id), code, name, description, Params.requiredUuid("unitId", unitId),
                startsAt, endsAt);
    }
}
