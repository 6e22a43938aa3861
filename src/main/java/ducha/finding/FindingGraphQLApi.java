package ducha.finding;

import ducha.common.ExpectedVersions;
import ducha.common.Params;
import ducha.graphql.Connections;
import ducha.graphql.GraphQLBoundary;
import ducha.inspection.InspectionService;
import ducha.inspection.InspectionView;
import ducha.notice.NoticeView;
import ducha.security.Roles;
import ducha.site.SiteService;
import ducha.site.SiteView;
import ducha.unit.UnitService;
import ducha.unit.UnitView;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

@GraphQLApi
@GraphQLBoundary
public class FindingGraphQLApi {

    private final FindingQueries queries;
    private final FindingCommands commands;
    private final FindingSubscriptions subscriptions;
    private final FindingBatches batches;
    private final UnitService units;
    private final SiteService sites;
    private final InspectionService inspections;

    public FindingGraphQLApi(FindingQueries queries, FindingCommands commands, FindingSubscriptions subscriptions,
            FindingBatches batches, UnitService units, SiteService sites, InspectionService inspections) {
        this.queries = queries;
        this.commands = commands;
        this.subscriptions = subscriptions;
        this.batches = batches;
        this.units = units;
        this.sites = sites;
        this.inspections = inspections;
    }

    @Query
    @Description("Findings newest first, filtered like GET /api/v1/findings.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<@NonNull FindingConnection> findings(
            @Description("Which findings; all when omitted.") FindingGraphQLFilter filter,
            @DefaultValue("50") @Description("Page size, 1 to 200.") Integer first,
            @Description("The endCursor of the previous page.") String after) {
        return queries.list(FindingGraphQLFilter.toFilter(filter), Connections.request(first, after))
                .map(FindingConnection::of);
    }

    @Query
    @Description("One finding, or null when there is none with this id.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<FindingView> finding(@NonNull @Id String id) {
        return queries.find(Params.requiredUuid("id", id));
    }

    @Description("The unit that found it.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<List<@NonNull UnitView>> unit(@Source List<FindingView> findings) {
        return units.byIds(findings.stream().map(FindingView::unitId).toList());
    }

    @Description("Where it was found.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<List<@NonNull SiteView>> site(@Source List<FindingView> findings) {
        return sites.byIds(findings.stream().map(FindingView::siteId).toList());
    }

    @Description("The visit it was found on, if recorded.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<List<InspectionView>> inspection(@Source List<FindingView> findings) {
        return inspections.byIds(findings.stream().map(FindingView::inspectionId).toList());
    }

    @Description("Every recorded change, oldest first.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<List<@NonNull List<@NonNull FindingHistoryEntry>>> history(@Source List<FindingView> findings) {
        return queries.histories(findings.stream().map(FindingView::id).toList())
                .map(all -> all.stream().map(events -> events.stream().map(FindingHistoryEntry::of).toList()).toList());
    }

    @Name("findings")
    @Description("Findings of this unit and the units below it, newest first.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<List<@NonNull FindingConnection>> unitFindings(@Source List<UnitView> units,
            FindingGraphQLFilter filter, @DefaultValue("10") Integer first, String after) {
        return nested(FindingBatches.Parent.UNIT_TREE, units.stream().map(UnitView::id).toList(), filter, first, after);
    }

    @Name("findings")
    @Description("Findings at this site, newest first.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<List<@NonNull FindingConnection>> siteFindings(@Source List<SiteView> sites,
            FindingGraphQLFilter filter, @DefaultValue("10") Integer first, String after) {
        return nested(FindingBatches.Parent.SITE, sites.stream().map(SiteView::id).toList(), filter, first, after);
    }

    @Name("findings")
    @Description("Findings of this visit, newest first.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<List<@NonNull FindingConnection>> inspectionFindings(@Source List<InspectionView> inspections,
            FindingGraphQLFilter filter, @DefaultValue("10") Integer first, String after) {
        return nested(FindingBatches.Parent.INSPECTION, inspections.stream().map(InspectionView::id).toList(), filter,
                first, after);
    }

    @Name("findings")
    @Description("The findings the notice cites, newest first.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<List<@NonNull FindingConnection>> noticeFindings(@Source List<NoticeView> notices,
            FindingGraphQLFilter filter, @DefaultValue("50") Integer first, String after) {
        return nested(FindingBatches.Parent.NOTICE, notices.stream().map(NoticeView::id).toList(), filter, first, after);
    }

    @Subscription
    @Description("Changes of findings matching the filter as they commit — made through REST or GraphQL, on any "
            + "replica — once each, in commit order.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Multi<FindingSubscriptionEvent> findingChanged(@Description("Which findings; all when omitted.") FindingGraphQLFilter filter) {
        return subscriptions.changes(FindingGraphQLFilter.toFilter(filter));
    }

    @Mutation
    @Description("Reports a finding: OPEN, or RECTIFIED at once when fixed on site. Inspectors report only for "
            + "their unit and the units below it.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<@NonNull FindingView> reportFinding(@NonNull FindingGraphQLInput input) {
        return commands.report(input.toInput(), false);
    }

    @Mutation
    @Description("Edits a finding's details; expectedVersion must be the version you read.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<@NonNull FindingView> updateFinding(@NonNull @Id String id, @Description("The version you read; a stale one fails with STALE_VERSION.") int expectedVersion,
            @NonNull FindingGraphQLEditInput input) {
        return commands.update(Params.requiredUuid("id", id), ExpectedVersions.of(expectedVersion), input.toInput());
    }

    @Mutation
    @Description("Moves a finding through its lifecycle: START, RECTIFY (note), VERIFY (admin), REOPEN (admin, "
            + "note), ESCALATE (admin). Any other move is a CONFLICT naming the allowed ones in extensions.details.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<@NonNull FindingView> transitionFinding(@NonNull @Id String id, @NonNull FindingAction action,
            @Description("Required for RECTIFY and REOPEN.") String note,
            @Description("When given, the move fails with STALE_VERSION unless this is the current version.")
            Integer expectedVersion) {
        return commands.transition(Params.requiredUuid("id", id), expectedVersion == null ? ExpectedVersions.ANY : ExpectedVersions.of(expectedVersion),
                new TransitionInput(action, note));
    }

    @Mutation
    @Description("Hands a finding to the party answerable for rectifying it (责任单位), replacing the party and "
            + "contact it had; the history records the hand-over. As editing: inspectors of its unit, admins.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<@NonNull FindingView> handOverFinding(@NonNull @Id String id,
            @Description("The version you read; a stale one fails with STALE_VERSION.") int expectedVersion,
            @NonNull @Description("The organisation's name, at most 200 characters.") String responsibleParty,
            @Description("A contact there; a hand-over without one clears the previous contact.") String responsibleContact,
            @Description("Why, or what was asked of the party; kept in the history.") String note) {
        return commands.handOver(Params.requiredUuid("id", id), ExpectedVersions.of(expectedVersion),
                new HandOverInput(responsibleParty, responsibleContact, note));
    }

    @Mutation
    @Description("Deletes a finding no notice cites (admin); returns its id.")
    @RolesAllowed(Roles.ADMIN)
    @Id
    public Uni<@NonNull String> deleteFinding(@NonNull @Id String id, @Description("The version you read; a stale one fails with STALE_VERSION.") int expectedVersion) {
        return commands.delete(Params.requiredUuid("id", id), ExpectedVersions.of(expectedVersion)).replaceWith(id);
    }

    private Uni<List<FindingConnection>> nested(FindingBatches.Parent parent, List<UUID> ids,
            FindingGraphQLFilter filter, Integer first, String after) {
        return batches.pages(parent, ids, FindingGraphQLFilter.toFilter(filter), Connections.request(first, after))
                .map(pages -> pages.stream().map(FindingConnection::of).toList());
    }
}
