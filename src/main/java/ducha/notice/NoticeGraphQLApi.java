package ducha.notice;

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
public class NoticeGraphQLApi {

    private final NoticeService service;
    private final UnitService units;
    private final SiteService sites;

    public NoticeGraphQLApi(NoticeService service, UnitService units, SiteService sites) {
        this.service = service;
        this.units = units;
        this.sites = sites;
    }

    @Query
    @Description("Notices newest first, filtered like GET /api/v1/notices.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<@NonNull NoticeConnection> notices(@Description("Which notices; all when omitted.") NoticeGraphQLFilter filter,
            @DefaultValue("50") @Description("Page size, 1 to 200.") Integer first,
            @Description("The endCursor of the previous page.") String after) {
        return service.list(NoticeGraphQLFilter.toFilter(filter), Connections.request(first, after))
                .map(NoticeConnection::of);
    }

    @Query
    @Description("One notice, or null when there is none with this id.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<NoticeView> notice(@NonNull @Id String id) {
        return service.find(Params.requiredUuid("id", id));
    }

    @Description("The unit that issued it.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<List<@NonNull UnitView>> unit(@Source List<NoticeView> notices) {
        return units.byIds(notices.stream().map(NoticeView::unitId).toList());
    }

    @Description("The site it concerns, if one.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<List<SiteView>> site(@Source List<NoticeView> notices) {
        return sites.byIds(notices.stream().map(NoticeView::siteId).toList());
    }

    @Mutation
    @Description("Issues a notice (admin).")
    @RolesAllowed(Roles.ADMIN)
    public Uni<@NonNull NoticeView> issueNotice(@NonNull NoticeGraphQLInput input) {
        return service.issue(input.toInput(), false);
    }

    @Mutation
    @Description("Replaces a notice's fields and citations (admin); expectedVersion must be the version you read.")
    @RolesAllowed(Roles.ADMIN)
    public Uni<@NonNull NoticeView> updateNotice(@NonNull @Id String id, @Description("The version you read; a stale one fails with STALE_VERSION.") int expectedVersion,
            @NonNull NoticeGraphQLInput input) {
        return service.update(Params.requiredUuid("id", id), ExpectedVersions.of(expectedVersion), input.toInput());
    }

    @Mutation
    @Description("Deletes a notice (admin); returns its id.")
    @RolesAllowed(Roles.ADMIN)
    @Id
    public Uni<@NonNull String> deleteNotice(@NonNull @Id String id, @Description("The version you read; a stale one fails with STALE_VERSION.") int expectedVersion) {
        return service.delete(Params.requiredUuid("id", id), ExpectedVersions.of(expectedVersion)).replaceWith(id);
    }
}
