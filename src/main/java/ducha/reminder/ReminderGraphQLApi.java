package ducha.reminder;

import ducha.finding.FindingQueries;
import ducha.finding.FindingView;
import ducha.graphql.Connections;
import ducha.graphql.GraphQLBoundary;
import ducha.security.Roles;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

@GraphQLApi
@GraphQLBoundary
public class ReminderGraphQLApi {

    private final ReminderService service;
    private final FindingQueries findings;

    public ReminderGraphQLApi(ReminderService service, FindingQueries findings) {
        this.service = service;
        this.findings = findings;
    }

    @Query
    @Description("Reminders and escalations newest first, as GET /api/v1/reminders: admins read all, inspectors those "
            + "addressed to their unit or a unit below it (their own unit's when unitId is omitted).")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<@NonNull ReminderConnection> reminders(@Description("Which reminders.") ReminderGraphQLFilter filter,
            @DefaultValue("50") @Description("Page size, 1 to 200.") Integer first,
            @Description("The endCursor of the previous page.") String after) {
        return service.list(ReminderGraphQLFilter.toFilter(filter), Connections.request(first, after))
                .map(ReminderConnection::of);
    }

    @Subscription
    @Description("Reminders and escalations as they commit, on any replica, once each; what reminders would list.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Multi<ReminderView> reminderSent(@Description("Which reminders.") ReminderGraphQLFilter filter) {
        return service.changes(ReminderGraphQLFilter.toFilter(filter));
    }

    @Description("The finding it is about, or null when it has been deleted.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<List<FindingView>> finding(@Source List<ReminderView> reminders) {
        return findings.byIds(reminders.stream().map(ReminderView::findingId).toList());
    }
}
