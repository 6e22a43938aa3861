package ducha.unit;

import ducha.common.Cursors;
import ducha.common.Page;
import ducha.graphql.Connections;
import ducha.graphql.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("UnitConnection")
@Description("A page of units in code order.")
public record UnitConnection(
        @NonNull @Description("The units of this page, each with its cursor.") List<@NonNull Edge> edges,
        @NonNull @Description("Whether more follow.") PageInfo pageInfo) {

    @Type("UnitEdge")
    @Description("A unit and its cursor.")
    public record Edge(@NonNull @Description("The unit.") UnitView node,
            @NonNull @Description("Pass as after: to continue behind this unit.") String cursor) {
    }

    public static UnitConnection of(Page<UnitView> page) {
        return Connections.of(page, unit -> Cursors.ofText(unit.code()), Edge::new, UnitConnection::new);
    }
}
