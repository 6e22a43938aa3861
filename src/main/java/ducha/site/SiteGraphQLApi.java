package ducha.site;

import ducha.common.ExpectedVersions;
import ducha.common.Params;
import ducha.graphql.Connections;
import ducha.graphql.GraphQLBoundary;
import ducha.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
@GraphQLBoundary
public class SiteGraphQLApi {

    private final SiteService service;

    public SiteGraphQLApi(SiteService service) {
        this.service = service;
    }

    @Query
    @Description("Sites in code order, filtered like GET /api/v1/sites.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<@NonNull SiteConnection> sites(@Description("Which sites; all when omitted.") SiteGraphQLFilter filter,
            @DefaultValue("50") @Description("Page size, 1 to 200.") Integer first,
            @Description("The endCursor of the previous page.") String after) {
        return service.list(SiteGraphQLFilter.toFilter(filter), Connections.request(first, after)).map(SiteConnection::of);
    }

    @Query
    @Description("One site, or null when there is none with this id.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<SiteView> site(@NonNull @Id String id) {
        return service.find(Params.requiredUuid("id", id));
    }

    @Mutation
    @Description("Creates a site (admin).")
    @RolesAllowed(Roles.ADMIN)
    public Uni<@NonNull SiteView> createSite(@NonNull SiteGraphQLInput input) {
        return service.create(input.toInput(), false);
    }

    @Mutation
    @Description("Replaces a site's fields (admin); expectedVersion must be the version you read.")
    @RolesAllowed(Roles.ADMIN)
    public Uni<@NonNull SiteView> updateSite(@NonNull @Id String id, @Description("The version you read; a stale one fails with STALE_VERSION.") int expectedVersion,
            @NonNull SiteGraphQLInput input) {
        return service.update(Params.requiredUuid("id", id), ExpectedVersions.of(expectedVersion), input.toInput());
    }

    @Mutation
    @Description("Deletes a site nothing refers to (admin); returns its id. A site with history: deactivate it.")
    @RolesAllowed(Roles.ADMIN)
    @Id
    public Uni<@NonNull String> deleteSite(@NonNull @Id String id, @Description("The version you read; a stale one fails with STALE_VERSION.") int expectedVersion) {
        return service.delete(Params.requiredUuid("id", id), ExpectedVersions.of(expectedVersion)).replaceWith(id);
    }
}
