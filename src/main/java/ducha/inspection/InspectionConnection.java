package ducha.inspection;

import ducha.common.Cursors;
import ducha.common.Page;
import ducha.graphql.Connections;
import ducha.graphql.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("InspectionConnection")
@Description("A page of inspections, newest first.")
public record InspectionConnection(
        @NonNull @Description("The inspections of this page, each with its cursor.") List<@NonNull Edge> edges,
        @NonNull @Description("Whether more follow.") PageInfo pageInfo) {

    @Type("InspectionEdge")
    @Description("A inspection and its cursor.")
    public record Edge(@NonNull @Description("The inspection.") InspectionView node,
            @NonNull @Description("Pass as after: to continue behind this inspection.") String cursor) {
    }

    public static InspectionConnection of(Page<InspectionView> page) {
        return Connections.of(page, inspection -> Cursors.ofTime(inspection.startedAt().toInstant(), inspection.id()), Edge::new, InspectionConnection::new);
    }
}
