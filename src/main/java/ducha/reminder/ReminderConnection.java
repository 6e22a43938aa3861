package ducha.reminder;

import ducha.common.Cursors;
import ducha.common.Page;
import ducha.graphql.Connections;
import ducha.graphql.PageInfo;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ReminderConnection")
@Description("A page of reminders, newest first.")
public record ReminderConnection(
        @NonNull @Description("The reminders of this page, each with its cursor.") List<@NonNull Edge> edges,
        @NonNull @Description("Whether more follow.") PageInfo pageInfo) {

    @Type("ReminderEdge")
    @Description("A reminder and its cursor.")
    public record Edge(@NonNull @Description("The reminder.") ReminderView node,
            @NonNull @Description("Pass as after: to continue behind this reminder.") String cursor) {
    }

    public static ReminderConnection of(Page<ReminderView> page) {
        return Connections.of(page, reminder -> Cursors.ofText(reminder.seq()), Edge::new, ReminderConnection::new);
    }
}
