package ducha.reminder;

import ducha.common.Params;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("ReminderFilter")
@Description("Which reminders; both fields are optional and combine with AND.")
public record ReminderGraphQLFilter(
        @Id @Description("Only those addressed to this unit or a unit below it.") String unitId,
        @Description("Only this kind.") ReminderKind kind) {

    public static ReminderFilter toFilter(ReminderGraphQLFilter filter) {
        return filter == null ? new ReminderFilter(null, null)
                : new ReminderFilter(Params.uuid("unitId", filter.unitId), filter.kind);
    }
}
