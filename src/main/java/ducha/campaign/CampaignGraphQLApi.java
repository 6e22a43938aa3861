package ducha.campaign;

import ducha.common.ExpectedVersions;
import ducha.common.Params;
import ducha.graphql.Connections;
import ducha.graphql.GraphQLBoundary;
import ducha.security.Roles;
import ducha.unit.UnitService;
import ducha.unit.UnitView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/**
 * Campaigns through GraphQL: the same services and rules as /api/v1/campaigns. The read planner does not plan these
 * fields, so a query that selects them runs through the resolvers (docs/graphql.md).
 */
@GraphQLApi
@GraphQLBoundary
public class CampaignGraphQLApi {

    private final CampaignService service;
    private final CampaignCoverageService coverage;
    private final UnitService units;

    public CampaignGraphQLApi(CampaignService service, CampaignCoverageService coverage, UnitService units) {
        this.service = service;
        this.coverage = coverage;
        this.units = units;
    }

    @Query
    @Description("Campaigns newest start first, filtered like GET /api/v1/campaigns.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<@NonNull CampaignConnection> campaigns(@Description("Which campaigns; all when omitted.") CampaignGraphQLFilter filter,
            @DefaultValue("50") @Description("Page size, 1 to 200.") Integer first,
            @Description("The endCursor of the previous page.") String after) {
        return service.list(CampaignGraphQLFilter.toFilter(filter), Connections.request(first, after))
                .map(CampaignConnection::of);
    }

    @Query
    @Description("One campaign, or null when there is none with this id.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<CampaignView> campaign(@NonNull @Id String id) {
        return service.find(Params.requiredUuid("id", id));
    }

    @Description("The owning unit.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<List<@NonNull UnitView>> unit(@Source List<CampaignView> campaigns) {
        return units.byIds(campaigns.stream().map(CampaignView::unitId).toList());
    }

    @Description("Its coverage, counted when asked (as GET /api/v1/campaigns/{id}/coverage): one SQL statement per campaign.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<@NonNull CampaignCoverage> coverage(@Source CampaignView campaign) {
        return coverage.coverage(campaign);
    }

    @Description("Active targets nobody has visited yet (no visit by a participating unit inside the period): newest "
            + "addition first, then by site code.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<@NonNull CampaignTargetConnection> unvisited(@Source CampaignView campaign,
            @DefaultValue("50") @Description("Page size, 1 to 200.") Integer first,
            @Description("The endCursor of the previous page.") String after) {
        return coverage.targets(campaign, true, Connections.request(first, after)).map(CampaignTargetConnection::of);
    }

    @Description("Every target site, retired ones included: newest addition first, then by site code.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<@NonNull CampaignTargetConnection> targets(@Source CampaignView campaign,
            @DefaultValue("50") @Description("Page size, 1 to 200.") Integer first,
            @Description("The endCursor of the previous page.") String after) {
        return coverage.targets(campaign, false, Connections.request(first, after)).map(CampaignTargetConnection::of);
    }

    @Mutation
    @Description("Creates a campaign (admins, and inspectors of the owning unit or a unit above it).")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<@NonNull CampaignView> createCampaign(@NonNull CampaignGraphQLInput input) {
        return service.create(input.toInput(), false);
    }

    @Mutation
    @Description("Replaces a campaign's fields; expectedVersion must be the version you read.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<@NonNull CampaignView> updateCampaign(@NonNull @Id String id,
            @Description("The version you read; a stale one fails with STALE_VERSION.") int expectedVersion,
            @NonNull CampaignGraphQLInput input) {
        return service.update(Params.requiredUuid("id", id), ExpectedVersions.of(expectedVersion), input.toInput());
    }

    @Mutation
    @Description("Deletes a campaign no inspection or finding names; returns its id.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Id
    public Uni<@NonNull String> deleteCampaign(@NonNull @Id String id,
            @Description("The version you read; a stale one fails with STALE_VERSION.") int expectedVersion) {
        return service.delete(Params.requiredUuid("id", id), ExpectedVersions.of(expectedVersion)).replaceWith(id);
    }

    @Mutation
    @Description("Adds target sites by list (siteIds) and/or by rule (resolved to the active sites matching it now).")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<@NonNull TargetsChange> addCampaignTargets(@NonNull @Id String id,
            @Description("Ids of active sites to add (at most 2000).") List<String> siteIds,
            @Description("Every active site of this type and/or district.") TargetRule rule) {
        return service.addTargets(Params.requiredUuid("id", id), new TargetsInput(uuids(siteIds), rule));
    }

    @Mutation
    @Description("Takes target sites out of a campaign; each must be one of its targets.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<@NonNull TargetsChange> removeCampaignTargets(@NonNull @Id String id,
            @NonNull @Description("Ids of target sites to take out (at most 2000).") List<String> siteIds) {
        return service.removeTargets(Params.requiredUuid("id", id), new TargetRemovalInput(uuids(siteIds)));
    }

    private static List<UUID> uuids(List<String> ids) {
        if (ids == null) {
            return null;
        }
        List<UUID> parsed = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            parsed.add(Params.requiredUuid("siteIds[" + i + "]", ids.get(i)));
        }
        return parsed;
    }
}
