package ducha.campaign;

import ducha.common.Params;
import ducha.common.Times;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("CampaignFilter")
@Description("Which campaigns; every field is optional and they combine with AND.")
public record CampaignGraphQLFilter(
        @Id @Description("Only campaigns this unit takes part in (of the unit or a unit above it).") String unitId,
        @Description("Only campaigns whose period contains this time.") OffsetDateTime activeAt) {

    public static CampaignFilter toFilter(CampaignGraphQLFilter filter) {
        return filter == null ? new CampaignFilter(null, null)
                : new CampaignFilter(Params.uuid("unitId", filter.unitId), Times.instant(filter.activeAt));
    }
}
