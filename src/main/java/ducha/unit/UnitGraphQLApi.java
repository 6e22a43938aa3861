package ducha.unit;

import ducha.common.ExpectedVersions;
import ducha.common.Params;
import ducha.graphql.Connections;
import ducha.graphql.GraphQLBoundary;
import ducha.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

@GraphQLApi
@GraphQLBoundary
public class UnitGraphQLApi {

    private final UnitService service;

    public UnitGraphQLApi(UnitService service) {
        this.service = service;
    }

    @Query
    @Description("Units in code order, filtered like GET /api/v1/units.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<@NonNull UnitConnection> units(@Description("Which units; all when omitted.") UnitGraphQLFilter filter,
            @DefaultValue("50") @Description("Page size, 1 to 200.") Integer first,
            @Description("The endCursor of the previous page.") String after) {
        return service.list(UnitGraphQLFilter.toFilter(filter), Connections.request(first, after)).map(UnitConnection::of);
    }

    @Query
    @Description("One unit, or null when there is none with this id.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<UnitView> unit(@NonNull @Id String id) {
        return service.find(Params.requiredUuid("id", id));
    }

    @Description("The unit this one belongs to.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<List<UnitView>> parent(@Source List<UnitView> units) {
        return service.byIds(units.stream().map(UnitView::parentId).toList());
    }

    @Description("The units directly below this one, in code order.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<List<@NonNull List<@NonNull UnitView>>> children(@Source List<UnitView> units) {
        return service.childrenOf(units.stream().map(UnitView::id).toList());
    }

    @Mutation
    @Description("Creates a unit (admin).")
    @RolesAllowed(Roles.ADMIN)
    public Uni<@NonNull UnitView> createUnit(@NonNull UnitGraphQLInput input) {
        return service.create(input.toInput(), false);
    }

    @Mutation
    @Description("Replaces a unit's fields (admin); expectedVersion must be the version you read.")
    @RolesAllowed(Roles.ADMIN)
    public Uni<@NonNull UnitView> updateUnit(@NonNull @Id String id, @Description("The version you read; a stale one fails with STALE_VERSION.") int expectedVersion,
            @NonNull UnitGraphQLInput input) {
        return service.update(Params.requiredUuid("id", id), ExpectedVersions.of(expectedVersion), input.toInput());
    }

    @Mutation
    @Description("Deletes a unit nothing refers to (admin); returns its id. A unit with history: deactivate it.")
    @RolesAllowed(Roles.ADMIN)
    @Id
    public Uni<@NonNull String> deleteUnit(@NonNull @Id String id, @Description("The version you read; a stale one fails with STALE_VERSION.") int expectedVersion) {
        return service.delete(Params.requiredUuid("id", id), ExpectedVersions.of(expectedVersion)).replaceWith(id);
    }
}
