package ducha.campaign;

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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Campaigns", description = "Supervision drives over a period with target sites, and their coverage.")
public class CampaignResource {

    private final CampaignService service;
    private final CampaignCoverageService coverage;
    private final Idempotency idempotency;

    public CampaignResource(CampaignService service, CampaignCoverageService coverage, Idempotency idempotency) {
        this.service = service;
        this.coverage = coverage;
        this.idempotency = idempotency;
    }

    @GET
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "listCampaigns", summary = "List campaigns, newest start first",
            description = "unitId: the campaigns that unit takes part in (of the unit or a unit above it); activeAt: "
                    + "those whose period contains that time.")
    public Uni<RestResponse<Page<CampaignView>>> list(@RestQuery String unitId, @RestQuery String activeAt,
            @RestQuery String limit, @RestQuery String cursor, @Context UriInfo uri) {
        CampaignFilter filter = new CampaignFilter(Params.uuid("unitId", unitId),
                Times.instant(Params.time("activeAt", activeAt)));
        return service.list(filter, PageRequest.of(Params.integer("limit", limit), cursor))
                .map(page -> Responses.page(page, uri));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "getCampaign", summary = "Read a campaign")
    public Uni<RestResponse<CampaignView>> get(@RestPath String id) {
        return service.get(Params.requiredUuid("id", id)).map(view -> Responses.ok(view, view.version()));
    }

    @POST
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "createCampaign", summary = "Create a campaign",
            description = "Admins, and inspectors of the owning unit or a unit above it. Targets are added afterwards.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class)))
    public Uni<Response> create(@RestHeader(Idempotency.KEY_HEADER) String idempotencyKey,
            @RestHeader("If-None-Match") String ifNoneMatch, @Valid @NotNull CampaignInput input, @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, uri, input,
                () -> service.create(input, ETags.onlyIfAbsent(ifNoneMatch))
                        .map(view -> Responses.created(view, view.version(), uri, view.id())));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "updateCampaign", summary = "Replace a campaign's fields",
            description = "Needs If-Match with the ETag you read. Moving it to another unit needs the right at both.")
    public Uni<RestResponse<CampaignView>> update(@RestPath String id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull CampaignInput input) {
        return service.update(Params.requiredUuid("id", id), ETags.requiredVersions(ifMatch), input)
                .map(view -> Responses.ok(view, view.version()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "deleteCampaign", summary = "Delete a campaign no inspection or finding names",
            description = "Its targets go with it; a campaign that inspections or findings name is refused (409).")
    public Uni<Void> delete(@RestPath String id, @RestHeader("If-Match") String ifMatch) {
        return service.delete(Params.requiredUuid("id", id), ETags.requiredVersions(ifMatch));
    }

    @POST
    @Path("{id}/targets")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "addCampaignTargets", summary = "Add target sites, by list and/or by rule",
            description = "A rule (siteType and/or district) is resolved to the active sites matching it now. The "
                    + "campaign's version moves on.")
    @APIResponse(responseCode = "200", description = "What was added, and the campaign after it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TargetsChange.class)))
    public Uni<Response> addTargets(@RestPath String id, @RestHeader(Idempotency.KEY_HEADER) String idempotencyKey,
            @Valid @NotNull TargetsInput input, @Context UriInfo uri) {
        UUID campaignId = Params.requiredUuid("id", id);
        return idempotency.execute(idempotencyKey, uri, input, () -> service.addTargets(campaignId, input)
                .map(change -> Responses.ok(change, change.campaign().version())));
    }

    @POST
    @Path("{id}/targets/removals")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "removeCampaignTargets", summary = "Take target sites out of a campaign",
            description = "Each site must be a target of the campaign. The campaign's version moves on.")
    @APIResponse(responseCode = "200", description = "What was removed, and the campaign after it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TargetsChange.class)))
    public Uni<Response> removeTargets(@RestPath String id, @RestHeader(Idempotency.KEY_HEADER) String idempotencyKey,
            @Valid @NotNull TargetRemovalInput input, @Context UriInfo uri) {
        UUID campaignId = Params.requiredUuid("id", id);
        return idempotency.execute(idempotencyKey, uri, input, () -> service.removeTargets(campaignId, input)
                .map(change -> Responses.ok(change, change.campaign().version())));
    }

    @GET
    @Path("{id}/targets")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "listCampaignTargets", summary = "List a campaign's target sites",
            description = "Newest addition first, then by site code; retired sites included (active: false), each "
                    + "with its first visit that counts.")
    public Uni<RestResponse<Page<CampaignTarget>>> targets(@RestPath String id, @RestQuery String limit,
            @RestQuery String cursor, @Context UriInfo uri) {
        return coverage.targets(Params.requiredUuid("id", id), false, PageRequest.of(Params.integer("limit", limit), cursor))
                .map(page -> Responses.page(page, uri));
    }

    @GET
    @Path("{id}/unvisited")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "listUnvisitedCampaignTargets", summary = "List the targets nobody has visited yet",
            description = "Active targets without a visit that counts (a participating unit, inside the period); newest "
                    + "addition first, then by site code.")
    public Uni<RestResponse<Page<CampaignTarget>>> unvisited(@RestPath String id, @RestQuery String limit,
            @RestQuery String cursor, @Context UriInfo uri) {
        return coverage.targets(Params.requiredUuid("id", id), true, PageRequest.of(Params.integer("limit", limit), cursor))
                .map(page -> Responses.page(page, uri));
    }

    @GET
    @Path("{id}/coverage")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "getCampaignCoverage", summary = "A campaign's coverage",
            description = "Targets, targets visited, coverage, fullCoverage, findings and their rectification, by "
                    + "participating child unit and by day (report time zone). Counted when asked: see docs/campaigns.md.")
    public Uni<CampaignCoverage> coverage(@RestPath String id) {
        return coverage.coverage(Params.requiredUuid("id", id));
    }
}
