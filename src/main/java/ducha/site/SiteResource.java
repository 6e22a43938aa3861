package ducha.site;

import ducha.common.Page;
import ducha.common.PageRequest;
import ducha.common.Params;
import ducha.security.Roles;
import ducha.web.ETags;
import ducha.web.Idempotency;
import ducha.web.Responses;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/sites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sites", description = "Places that are inspected.")
public class SiteResource {

    private final SiteService service;
    private final Idempotency idempotency;

    public SiteResource(SiteService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @GET
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "listSites", summary = "List sites in code order")
    public Uni<RestResponse<Page<SiteView>>> list(@RestQuery String type, @RestQuery String district,
            @RestQuery String township, @RestQuery String active, @RestQuery String q, @RestQuery String limit,
            @RestQuery String cursor, @Context UriInfo uri) {
        SiteFilter filter = new SiteFilter(Params.enumOf(SiteType.class, "type", type),
                Params.text("district", district, 100), Params.text("township", township, 100),
                Params.bool("active", active), Params.text("q", q, 200));
        return service.list(filter, PageRequest.of(Params.integer("limit", limit), cursor))
                .map(page -> Responses.page(page, uri));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "getSite", summary = "Read a site")
    public Uni<RestResponse<SiteView>> get(@RestPath String id) {
        return service.get(Params.requiredUuid("id", id)).map(site -> Responses.ok(site, site.version()));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createSite", summary = "Create a site")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SiteView.class)))
    public Uni<Response> create(@RestHeader(Idempotency.KEY_HEADER) String idempotencyKey,
            @RestHeader("If-None-Match") String ifNoneMatch,
            @Valid @NotNull SiteInput input, @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, uri, input,
                () -> service.create(input, ETags.onlyIfAbsent(ifNoneMatch)).map(site -> Responses.created(site, site.version(), uri, site.id())));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateSite", summary = "Replace a site's fields", description = "Needs If-Match with the ETag you read.")
    public Uni<RestResponse<SiteView>> update(@RestPath String id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull SiteInput input) {
        return service.update(Params.requiredUuid("id", id), ETags.requiredVersions(ifMatch), input)
                .map(site -> Responses.ok(site, site.version()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteSite", summary = "Delete an unreferenced site", description = "A site with history is refused (409): deactivate it.")
    public Uni<Void> delete(@RestPath String id, @RestHeader("If-Match") String ifMatch) {
        return service.delete(Params.requiredUuid("id", id), ETags.requiredVersions(ifMatch));
    }
}
