package ducha.finding;

import ducha.common.Cursors;
import ducha.common.Page;
import ducha.graphql.Connections;
import ducha.graphql.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("FindingConnection")
@Description("A page of findings, newest first.")
public record FindingConnection(
        @NonNull @Description("The findings of this page, each with its cursor.") List<@NonNull Edge> edges,
        @NonNull @Description("Whether more follow.") PageInfo pageInfo) {

    @Type("FindingEdge")
    @Description("A finding and its cursor.")
    public record Edge(@NonNull @Description("The finding.") FindingView node,
            @NonNull @Description("Pass as after: to continue behind this finding.") String cursor) {
    }

    public static FindingConnection of(Page<FindingView> page) {
        return Connections.of(page, finding -> Cursors.ofTime(finding.foundAt().toInstant(), finding.id()), Edge::new, FindingConnection::new);
    }
}
