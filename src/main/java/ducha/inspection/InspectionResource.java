package ducha.inspection;

import ducha.common.Page;
import ducha.common.PageRequest;
import ducha.common.Params;
import ducha.common.Times;
import ducha.evidence.Presence;
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

@Path("/api/v1/inspections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Inspections", description = "Visits of units to sites.")
public class InspectionResource {

    private final InspectionService service;
    private final Idempotency idempotency;

    public InspectionResource(InspectionService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @GET
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "listInspections", summary = "List inspections, newest first",
            description = "unitId includes the unit's sub-units; the period is [from, to); presence is the class of "
                    + "the check-in (docs/evidence.md).")
    public Uni<RestResponse<Page<InspectionView>>> list(@RestQuery String unitId, @RestQuery String siteId,
            @RestQuery String from, @RestQuery String to,
            @RestQuery String presence,
            @RestQuery String limit, @RestQuery String cursor, @Context UriInfo uri) {
        InspectionFilter filter = new InspectionFilter(Params.uuid("unitId", unitId), Params.uuid("siteId", siteId),
                Times.instant(Params.time("from", from)), Times.instant(Params.time("to", to)),
                Params.enumOf(Presence.class, "presence", presence));
        return service.list(filter, PageRequest.of(Params.integer("limit", limit), cursor))
                .map(page -> Responses.page(page, uri));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "getInspection", summary = "Read an inspection")
    public Uni<RestResponse<InspectionView>> get(@RestPath String id) {
        return service.get(Params.requiredUuid("id", id)).map(view -> Responses.ok(view, view.version()));
    }

    @POST
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "createInspection", summary = "Record an inspection", description = "Inspectors record only for their unit and its sub-units.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionView.class)))
    public Uni<Response> create(@RestHeader(Idempotency.KEY_HEADER) String idempotencyKey,
            @RestHeader("If-None-Match") String ifNoneMatch,
            @Valid @NotNull InspectionInput input, @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, uri, input,
                () -> service.create(input, ETags.onlyIfAbsent(ifNoneMatch)).map(view -> Responses.created(view, view.version(), uri, view.id())));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "updateInspection", summary = "Correct an inspection", description = "Needs If-Match with the ETag you read.")
    public Uni<RestResponse<InspectionView>> update(@RestPath String id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull InspectionInput input) {
        return service.update(Params.requiredUuid("id", id), ETags.requiredVersions(ifMatch), input)
                .map(view -> Responses.ok(view, view.version()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteInspection", summary = "Delete an inspection without findings")
    public Uni<Void> delete(@RestPath String id, @RestHeader("If-Match") String ifMatch) {
        return service.delete(Params.requiredUuid("id", id), ETags.requiredVersions(ifMatch));
    }
}
