package ducha.notice;

import ducha.common.Cursors;
import ducha.common.Page;
import ducha.graphql.Connections;
import ducha.graphql.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("NoticeConnection")
@Description("A page of notices, newest first.")
public record NoticeConnection(
        @NonNull @Description("The notices of this page, each with its cursor.") List<@NonNull Edge> edges,
        @NonNull @Description("Whether more follow.") PageInfo pageInfo) {

    @Type("NoticeEdge")
    @Description("A notice and its cursor.")
    public record Edge(@NonNull @Description("The notice.") NoticeView node,
            @NonNull @Description("Pass as after: to continue behind this notice.") String cursor) {
    }

    public static NoticeConnection of(Page<NoticeView> page) {
        return Connections.of(page, notice -> Cursors.ofTime(notice.issuedAt().toInstant(), notice.id()), Edge::new, NoticeConnection::new);
    }
}
