package ducha.me;

import ducha.graphql.GraphQLBoundary;
import ducha.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
@GraphQLBoundary
public class MeGraphQLApi {

    private final MeService service;

    public MeGraphQLApi(MeService service) {
        this.service = service;
    }

    @Query
    @Description("Who the token says you are, and your unit.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<@NonNull MeView> me() {
        return service.me();
    }
}
