package ducha.site;

import ducha.common.Cursors;
import ducha.common.Page;
import ducha.graphql.Connections;
import ducha.graphql.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("SiteConnection")
@Description("A page of sites in code order.")
public record SiteConnection(
        @NonNull @Description("The sites of this page, each with its cursor.") List<@NonNull Edge> edges,
        @NonNull @Description("Whether more follow.") PageInfo pageInfo) {

    @Type("SiteEdge")
    @Description("A site and its cursor.")
    public record Edge(@NonNull @Description("The site.") SiteView node,
            @NonNull @Description("Pass as after: to continue behind this site.") String cursor) {
    }

    public static SiteConnection of(Page<SiteView> page) {
        return Connections.of(page, site -> Cursors.ofText(site.code()), Edge::new, SiteConnection::new);
    }
}
