package ducha.notice;

import ducha.common.Page;
import ducha.common.PageRequest;
import ducha.common.Params;
import ducha.common.Times;
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

@Path("/api/v1/notices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notices", description = "Bulletins, suggestions, accountability warnings and reminders.")
public class NoticeResource {

    private final NoticeService service;
    private final Idempotency idempotency;

    public NoticeResource(NoticeService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @GET
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "listNotices", summary = "List notices, newest first",
            description = "unitId includes the unit's sub-units; the period [from, to) applies to issuedAt.")
    public Uni<RestResponse<Page<NoticeView>>> list(@RestQuery String unitId, @RestQuery String kind,
            @RestQuery String from, @RestQuery String to, @RestQuery String limit, @RestQuery String cursor,
            @Context UriInfo uri) {
        NoticeFilter filter = new NoticeFilter(Params.uuid("unitId", unitId),
                Params.enumOf(NoticeKind.class, "kind", kind), Times.instant(Params.time("from", from)),
                Times.instant(Params.time("to", to)));
        return service.list(filter, PageRequest.of(Params.integer("limit", limit), cursor))
                .map(page -> Responses.page(page, uri));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "getNotice", summary = "Read a notice")
    public Uni<RestResponse<NoticeView>> get(@RestPath String id) {
        return service.get(Params.requiredUuid("id", id)).map(view -> Responses.ok(view, view.version()));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "issueNotice", summary = "Issue a notice")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoticeView.class)))
    public Uni<Response> issue(@RestHeader(Idempotency.KEY_HEADER) String idempotencyKey,
            @RestHeader("If-None-Match") String ifNoneMatch,
            @Valid @NotNull NoticeInput input, @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, uri, input,
                () -> service.issue(input, ETags.onlyIfAbsent(ifNoneMatch)).map(view -> Responses.created(view, view.version(), uri, view.id())));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateNotice", summary = "Change a notice", description = "Needs If-Match with the ETag you read.")
    public Uni<RestResponse<NoticeView>> update(@RestPath String id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull NoticeInput input) {
        return service.update(Params.requiredUuid("id", id), ETags.requiredVersions(ifMatch), input)
                .map(view -> Responses.ok(view, view.version()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteNotice", summary = "Delete a notice")
    public Uni<Void> delete(@RestPath String id, @RestHeader("If-Match") String ifMatch) {
        return service.delete(Params.requiredUuid("id", id), ETags.requiredVersions(ifMatch));
    }
}
