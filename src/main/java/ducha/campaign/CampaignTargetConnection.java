package ducha.campaign;

import ducha.common.Page;
import ducha.graphql.Connections;
import ducha.graphql.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("CampaignTargetConnection")
@Description("A page of target sites: newest addition first, then by site code.")
public record CampaignTargetConnection(
        @NonNull @Description("The targets of this page, each with its cursor.") List<@NonNull Edge> edges,
        @NonNull @Description("Whether more follow.") PageInfo pageInfo) {

    @Type("CampaignTargetEdge")
    @Description("A target and its cursor.")
    public record Edge(@NonNull @Description("The target.") CampaignTarget node,
            @NonNull @Description("Pass as after: to continue behind this target.") String cursor) {
    }

    public static CampaignTargetConnection of(Page<CampaignTarget> page) {
        return Connections.of(page, CampaignCoverageService::cursor, Edge::new, CampaignTargetConnection::new);
    }
}
