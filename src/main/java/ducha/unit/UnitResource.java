package ducha.unit;

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

@Path("/api/v1/units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Units", description = "Commissions and their teams, as a tree.")
public class UnitResource {

    private final UnitService service;
    private final Idempotency idempotency;

    public UnitResource(UnitService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @GET
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "listUnits", summary = "List units in code order")
    public Uni<RestResponse<Page<UnitView>>> list(@RestQuery String parentId, @RestQuery String district,
            @RestQuery String kind, @RestQuery String active, @RestQuery String q, @RestQuery String limit,
            @RestQuery String cursor, @Context UriInfo uri) {
        UnitFilter filter = new UnitFilter(Params.uuid("parentId", parentId), Params.text("district", district, 100),
                Params.enumOf(UnitKind.class, "kind", kind), Params.bool("active", active), Params.text("q", q, 200));
        return service.list(filter, PageRequest.of(Params.integer("limit", limit), cursor))
                .map(page -> Responses.page(page, uri));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "getUnit", summary = "Read a unit")
    public Uni<RestResponse<UnitView>> get(@RestPath String id) {
        return service.get(Params.requiredUuid("id", id)).map(unit -> Responses.ok(unit, unit.version()));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createUnit", summary = "Create a unit")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitView.class)))
    public Uni<Response> create(@RestHeader(Idempotency.KEY_HEADER) String idempotencyKey,
            @RestHeader("If-None-Match") String ifNoneMatch,
            @Valid @NotNull UnitInput input, @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, uri, input,
                () -> service.create(input, ETags.onlyIfAbsent(ifNoneMatch)).map(unit -> Responses.created(unit, unit.version(), uri, unit.id())));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateUnit", summary = "Replace a unit's fields", description = "Needs If-Match with the ETag you read.")
    public Uni<RestResponse<UnitView>> update(@RestPath String id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull UnitInput input) {
        return service.update(Params.requiredUuid("id", id), ETags.requiredVersions(ifMatch), input)
                .map(unit -> Responses.ok(unit, unit.version()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteUnit", summary = "Delete an unreferenced unit", description = "A unit with history is refused (409): deactivate it.")
    public Uni<Void> delete(@RestPath String id, @RestHeader("If-Match") String ifMatch) {
        return service.delete(Params.requiredUuid("id", id), ETags.requiredVersions(ifMatch));
    }
}
