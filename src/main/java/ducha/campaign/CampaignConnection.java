package ducha.campaign;

import ducha.common.Cursors;
import ducha.common.Page;
import ducha.graphql.Connections;
import ducha.graphql.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("CampaignConnection")
@Description("A page of campaigns, newest start first.")
public record CampaignConnection(
        @NonNull @Description("The campaigns of this page, each with its cursor.") List<@NonNull Edge> edges,
        @NonNull @Description("Whether more follow.") PageInfo pageInfo) {

    @Type("CampaignEdge")
    @Description("A campaign and its cursor.")
    public record Edge(@NonNull @Description("The campaign.") CampaignView node,
            @NonNull @Description("Pass as after: to continue behind this campaign.") String cursor) {
    }

    public static CampaignConnection of(Page<CampaignView> page) {
        return Connections.of(page, c -> Cursors.ofTime(c.startsAt().toInstant(), c.id()), Edge::new,
                CampaignConnection::new);
    }
}
