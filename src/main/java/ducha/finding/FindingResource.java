package ducha.finding;

import ducha.change.ChangeEventView;
import ducha.common.ExpectedVersions;
import ducha.common.Page;
import ducha.common.Params;
import ducha.security.Roles;
import ducha.web.ETags;
import ducha.web.Idempotency;
import ducha.web.Responses;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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
import java.util.Arrays;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/findings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Findings", description = "Problems found at sites and their rectification.")
public class FindingResource {

    private final FindingQueries queries;
    private final FindingCommands commands;
    private final Idempotency idempotency;

    public FindingResource(FindingQueries queries, FindingCommands commands, Idempotency idempotency) {
        this.queries = queries;
        this.commands = commands;
        this.idempotency = idempotency;
    }

    @GET
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "listFindings", summary = "List findings, newest first",
            description = "unitId includes the unit's sub-units; the period [from, to) applies to foundAt.")
    public Uni<RestResponse<Page<FindingView>>> list(@BeanParam FindingListQuery parameters, @Context UriInfo uri) {
        return queries.list(parameters.filter(), parameters.page()).map(page -> Responses.page(page, uri));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "getFinding", summary = "Read a finding")
    public Uni<RestResponse<FindingView>> get(@RestPath String id) {
        return queries.get(Params.requiredUuid("id", id)).map(view -> Responses.ok(view, view.version()));
    }

    @POST
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "reportFinding", summary = "Report a finding",
            description = "Inspectors report only for their unit and its sub-units. rectifiedOnSite=true creates it RECTIFIED.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FindingView.class)))
    public Uni<Response> report(@RestHeader(Idempotency.KEY_HEADER) String idempotencyKey,
            @RestHeader("If-None-Match") String ifNoneMatch,
            @Valid @NotNull FindingInput input, @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, uri, input,
                () -> commands.report(input, ETags.onlyIfAbsent(ifNoneMatch)).map(view -> Responses.created(view, view.version(), uri, view.id())));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "updateFinding", summary = "Edit a finding's details", description = "Needs If-Match with the ETag you read.")
    public Uni<RestResponse<FindingView>> update(@RestPath String id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull FindingEditInput input) {
        return commands.update(Params.requiredUuid("id", id), ETags.requiredVersions(ifMatch), input)
                .map(view -> Responses.ok(view, view.version()));
    }

    @POST
    @Path("{id}/transitions")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "transitionFinding", summary = "Move a finding through its lifecycle",
            description = "START, RECTIFY (note), VERIFY (admin), REOPEN (admin, note), ESCALATE (admin). "
                    + "A move the lifecycle does not allow is a 409 naming the allowed ones. If-Match is optional. "
                    + "RECTIFY and VERIFY of a HIGH or CRITICAL finding need an AFTER photo (docs/evidence.md): "
                    + "without one, a 409 with code EVIDENCE_REQUIRED naming what is missing, which is not kept "
                    + "for the Idempotency-Key, so the same request succeeds once the photo is uploaded.")
    @APIResponse(responseCode = "200", description = "The finding after the move",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FindingView.class)))
    public Uni<Response> transition(@RestPath String id, @RestHeader("If-Match") String ifMatch,
            @RestHeader(Idempotency.KEY_HEADER) String idempotencyKey, @Valid @NotNull TransitionInput input,
            @Context UriInfo uri) {
        UUID findingId = Params.requiredUuid("id", id);
        ExpectedVersions expectedVersion = ETags.optionalVersions(ifMatch);
        // If-Match is part of what the key identifies: the same move against another version is another request.
        return idempotency.execute(idempotencyKey, uri, Arrays.asList(expectedVersion.versions(), input),
                () -> commands.transition(findingId, expectedVersion, input)
                        .map(view -> Responses.ok(view, view.version())));
    }

    @POST
    @Path("{id}/handover")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "handOverFinding", summary = "Hand a finding to its responsible party (责任单位)",
            description = "Sets the organisation answerable for rectifying it, and its contact, replacing what it "
                    + "had; the history records the hand-over (op UPDATE, detail.action HAND_OVER, from, to, note). "
                    + "Inspectors of the finding's unit (or a parent) and admins. Needs If-Match with the ETag you "
                    + "read; handing it to the same party and contact again changes nothing.")
    @APIResponse(responseCode = "200", description = "The finding after the hand-over",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FindingView.class)))
    public Uni<Response> handOver(@RestPath String id, @RestHeader("If-Match") String ifMatch,
            @RestHeader(Idempotency.KEY_HEADER) String idempotencyKey, @Valid @NotNull HandOverInput input,
            @Context UriInfo uri) {
        UUID findingId = Params.requiredUuid("id", id);
        ExpectedVersions expectedVersion = ETags.requiredVersions(ifMatch);
        return idempotency.execute(idempotencyKey, uri, Arrays.asList(expectedVersion.versions(), input),
                () -> commands.handOver(findingId, expectedVersion, input)
                        .map(view -> Responses.ok(view, view.version())));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "getFindingHistory", summary = "Every recorded change of a finding, oldest first")
    public Uni<Page<ChangeEventView>> history(@RestPath String id) {
        return queries.history(Params.requiredUuid("id", id)).map(events -> new Page<>(events, null));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteFinding", summary = "Delete a finding", description = "Refused (409) while a notice cites it.")
    public Uni<Void> delete(@RestPath String id, @RestHeader("If-Match") String ifMatch) {
        return commands.delete(Params.requiredUuid("id", id), ETags.requiredVersions(ifMatch));
    }
}
