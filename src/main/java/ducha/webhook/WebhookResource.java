package ducha.webhook;

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
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Endpoints that receive signed events (Standard Webhooks); admin only.")
public class WebhookResource {

    private final WebhookService service;
    private final Idempotency idempotency;

    public WebhookResource(WebhookService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listWebhooks", summary = "List webhook endpoints, in id order")
    public Uni<RestResponse<Page<WebhookView>>> list(@RestQuery String limit, @RestQuery String cursor,
            @Context UriInfo uri) {
        return service.list(PageRequest.of(Params.integer("limit", limit), cursor))
                .map(page -> Responses.page(page, uri));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getWebhook", summary = "Read a webhook endpoint (never its secret)")
    public Uni<RestResponse<WebhookView>> get(@RestPath String id) {
        return service.get(Params.requiredUuid("id", id)).map(view -> Responses.ok(view, view.version()));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createWebhook", summary = "Register a webhook endpoint",
            description = "The answer carries the signing secret, once. The URL must be https and resolve to public "
                    + "addresses only. The endpoint receives the events of changes committed from now on.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    public Uni<Response> create(@RestHeader(Idempotency.KEY_HEADER) String idempotencyKey,
            @Valid @NotNull WebhookInput input, @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, uri, input,
                () -> service.create(input).map(view -> Responses.created(view, view.version(), uri, view.id())));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateWebhook", summary = "Change a webhook endpoint",
            description = "Needs If-Match with the ETag you read. enabled: true on an endpoint the service disabled "
                    + "resumes it from its first undelivered event.")
    public Uni<RestResponse<WebhookView>> update(@RestPath String id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull WebhookInput input) {
        return service.update(Params.requiredUuid("id", id), ETags.requiredVersions(ifMatch), input)
                .map(view -> Responses.ok(view, view.version()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook endpoint, its queue and its log")
    public Uni<Void> delete(@RestPath String id, @RestHeader("If-Match") String ifMatch) {
        return service.delete(Params.requiredUuid("id", id), ETags.requiredVersions(ifMatch));
    }

    @POST
    @Path("{id}/secret")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate the signing secret",
            description = "Answers the new secret, once. The previous one keeps signing until previousSecretUntil: "
                    + "each request then carries two v1 signatures. The body may be {}; If-Match is optional.")
    @APIResponse(responseCode = "200", description = "The new secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WebhookSecretView.class)))
    public Uni<Response> rotate(@RestHeader(Idempotency.KEY_HEADER) String idempotencyKey, @RestPath String id,
            @RestHeader("If-Match") String ifMatch, @Valid @NotNull RotateSecretInput input, @Context UriInfo uri) {
        Duration overlap = input.overlapSeconds() == null ? null
                : Duration.ofSeconds(input.overlapSeconds());
        return idempotency.execute(idempotencyKey, uri, input,
                () -> service.rotate(Params.requiredUuid("id", id), ETags.optionalVersions(ifMatch), overlap)
                        .map(secret -> RestResponse.ok(secret)));
    }

    @GET
    @Path("{id}/deliveries")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log: every attempt, newest first")
    public Uni<RestResponse<Page<WebhookDelivery>>> deliveries(@RestPath String id, @RestQuery String limit,
            @RestQuery String cursor, @Context UriInfo uri) {
        return service.deliveries(Params.requiredUuid("id", id), PageRequest.of(Params.integer("limit", limit), cursor))
                .map(page -> Responses.page(page, uri));
    }

    @GET
    @Path("{id}/messages")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listWebhookMessages", summary = "The events queued for the endpoint, newest first")
    public Uni<RestResponse<Page<WebhookMessageView>>> messages(@RestPath String id, @RestQuery String limit,
            @RestQuery String cursor, @Context UriInfo uri) {
        return service.messages(Params.requiredUuid("id", id), PageRequest.of(Params.integer("limit", limit), cursor))
                .map(page -> Responses.page(page, uri));
    }

    @POST
    @Path("{id}/redeliveries")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "redeliverWebhookEvents", summary = "Send events again",
            description = "One message ({\"messageId\": …}) or every event queued since a time ({\"since\": …}), "
                    + "queued at the end of the endpoint's stream with the same webhook-id and body.")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RedeliveryView.class)))
    public Uni<Response> redeliver(@RestHeader(Idempotency.KEY_HEADER) String idempotencyKey, @RestPath String id,
            @Valid @NotNull RedeliveryInput input, @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, uri, input,
                () -> service.redeliver(Params.requiredUuid("id", id), input)
                        .map(view -> RestResponse.status(RestResponse.Status.ACCEPTED, view)));
    }

    @POST
    @Path("{id}/test")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "sendWebhookTest", summary = "Send a webhook.test event",
            description = "Queues a test event at the end of the endpoint's stream; its delivery shows in the log. "
                    + "The body may be {}.")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WebhookMessageView.class)))
    public Uni<Response> test(@RestHeader(Idempotency.KEY_HEADER) String idempotencyKey, @RestPath String id,
            @Valid @NotNull TestEventInput input, @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, uri, input,
                () -> service.sendTest(Params.requiredUuid("id", id), input)
                        .map(view -> RestResponse.status(RestResponse.Status.ACCEPTED, view)));
    }
}
