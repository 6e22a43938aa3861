package ducha.inspection;

import ducha.common.ExpectedVersions;
import ducha.common.Params;
import ducha.graphql.Connections;
import ducha.graphql.GraphQLBoundary;
import ducha.security.Roles;
import ducha.site.SiteService;
import ducha.site.SiteView;
import ducha.unit.UnitService;
import ducha.unit.UnitView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import java.time.OffsetDateTime;
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
public class InspectionGraphQLApi {

    private final InspectionService service;
    private final InspectionBatches batches;
    private final UnitService units;
    private final SiteService sites;

    public InspectionGraphQLApi(InspectionService service, InspectionBatches batches, UnitService units,
            SiteService sites) {
        this.service = service;
        this.batches = batches;
        this.units = units;
        this.sites = sites;
    }

    @Query
    @Description("Inspections newest first, filtered like GET /api/v1/inspections.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<@NonNull InspectionConnection> inspections(
            @Description("Which inspections; all when omitted.") InspectionGraphQLFilter filter,
            @DefaultValue("50") @Description("Page size, 1 to 200.") Integer first,
            @Description("The endCursor of the previous page.") String after) {
        return service.list(InspectionGraphQLFilter.toFilter(filter), Connections.request(first, after))
                .map(InspectionConnection::of);
    }

    @Query
    @Description("One inspection, or null when there is none with this id.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<InspectionView> inspection(@NonNull @Id String id) {
        return service.find(Params.requiredUuid("id", id));
    }

    @Description("The unit that inspected.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<List<@NonNull UnitView>> unit(@Source List<InspectionView> inspections) {
        return units.byIds(inspections.stream().map(InspectionView::unitId).toList());
    }

    @Description("The site inspected.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<List<@NonNull SiteView>> site(@Source List<InspectionView> inspections) {
        return sites.byIds(inspections.stream().map(InspectionView::siteId).toList());
    }

    @Name("inspections")
    @Description("Visits of this unit and the units below it, newest first.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<List<@NonNull InspectionConnection>> unitInspections(@Source List<UnitView> units,
            InspectionGraphQLFilter filter, @DefaultValue("10") Integer first, String after) {
        return nested(InspectionBatches.Parent.UNIT_TREE, units.stream().map(UnitView::id).toList(), filter, first,
                after);
    }

    @Name("inspections")
    @Description("Visits to this site, newest first.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<List<@NonNull InspectionConnection>> siteInspections(@Source List<SiteView> sites,
            InspectionGraphQLFilter filter, @DefaultValue("10") Integer first, String after) {
        return nested(InspectionBatches.Parent.SITE, sites.stream().map(SiteView::id).toList(), filter, first, after);
    }

    @Description("When the site was last inspected; null if never.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<List<OffsetDateTime>> lastInspectedAt(@Source List<SiteView> sites) {
        return batches.lastInspectedAt(sites.stream().map(SiteView::id).toList());
    }

    @Mutation
    @Description("Records a visit. Inspectors record only for their unit and the units below it.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<@NonNull InspectionView> recordInspection(@NonNull InspectionGraphQLInput input) {
        return service.create(input.toInput(), false);
    }

    @Mutation
    @Description("Corrects a visit; expectedVersion must be the version you read.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<@NonNull InspectionView> updateInspection(@NonNull @Id String id, @Description("The version you read; a stale one fails with STALE_VERSION.") int expectedVersion,
            @NonNull InspectionGraphQLInput input) {
        return service.update(Params.requiredUuid("id", id), ExpectedVersions.of(expectedVersion), input.toInput());
    }

    @Mutation
    @Description("Deletes a visit without findings (admin); returns its id.")
    @RolesAllowed(Roles.ADMIN)
    @Id
    public Uni<@NonNull String> deleteInspection(@NonNull @Id String id, @Description("The version you read; a stale one fails with STALE_VERSION.") int expectedVersion) {
        return service.delete(Params.requiredUuid("id", id), ExpectedVersions.of(expectedVersion)).replaceWith(id);
    }

    private Uni<List<InspectionConnection>> nested(InspectionBatches.Parent parent, List<UUID> ids,
            InspectionGraphQLFilter filter, Integer first, String after) {
        return batches.pages(parent, ids, InspectionGraphQLFilter.toFilter(filter), Connections.request(first, after))
                .map(pages -> pages.stream().map(InspectionConnection::of).toList());
    }
}
