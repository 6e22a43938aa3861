package ducha.change;

import ducha.common.PageRequest;
import ducha.common.Params;
import ducha.security.Roles;
import ducha.web.ContentETags;
import ducha.web.Responses;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/sync")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sync", description = "Delta sync for offline clients.")
public class SyncResource {

    /** A phone syncs in as few round trips as the page cap allows. */
    private static final int DEFAULT_LIMIT = PageRequest.MAX_LIMIT;

    private final SyncService service;
    private final ContentETags etags;

    public SyncResource(SyncService service, ContentETags etags) {
        this.service = service;
        this.etags = etags;
    }

    @GET
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "sync", summary = "Changes since a cursor",
            description = "Without since: a first sync, which copies every row of the working set and then "
                    + "continues with the change log. With since: every change committed after it, in commit order, "
                    + "never one twice. Call again with nextCursor while hasMore is true; store nextCursor with "
                    + "the data. A page that did not change answers 304 to If-None-Match. See docs/sync.md.")
    public Uni<RestResponse<SyncPage>> sync(@RestQuery String since, @RestQuery String limit,
            @RestQuery String unitId, @RestQuery String district, @Context UriInfo uri) {
        Integer size = Params.integer("limit", limit);
        PageRequest page = PageRequest.of(size == null ? DEFAULT_LIMIT : size, since);
        SyncFilter filter = new SyncFilter(Params.uuid("unitId", unitId), Params.text("district", district, 100));
        return service.page(filter, page.cursor(), page.limit()).map(result -> {
            RestResponse.ResponseBuilder<SyncPage> response = etags.ok(result);
            if (result.hasMore()) {
                response.header("Link", Responses.nextLink(uri, "since", result.nextCursor()));
            }
            return response.build();
        });
    }
}
