package ducha.webhook;

import ducha.common.ExpectedVersions;
import ducha.common.InvalidInputException;
import ducha.common.Params;
import ducha.common.ResourceNotFoundException;
import ducha.graphql.Connections;
import ducha.graphql.GraphQLBoundary;
import ducha.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/** Webhook endpoints over GraphQL, admin only: the operations of WebhookResource, on the same service. */
@GraphQLApi
@GraphQLBoundary
public class WebhookGraphQLApi {

    private final WebhookService service;

    public WebhookGraphQLApi(WebhookService service) {
        this.service = service;
    }

    @Query
    @Description("Webhook endpoints in id order (admin).")
    @RolesAllowed(Roles.ADMIN)
    public Uni<WebhookConnections.@NonNull Endpoints> webhooks(
            @DefaultValue("50") @Description("Page size, 1 to 200.") Integer first,
            @Description("The endCursor of the previous page.") String after) {
        return service.list(Connections.request(first, after)).map(WebhookConnections.Endpoints::of);
    }

    @Query
    @Description("One webhook endpoint (admin), or null when there is none with this id. Never its secret.")
    @RolesAllowed(Roles.ADMIN)
    public Uni<WebhookView> webhook(@NonNull @Id String id) {
        return service.get(Params.requiredUuid("id", id))
                .onFailure(ResourceNotFoundException.class).recoverWithNull();
    }

    @Description("The endpoint's delivery log: every attempt, newest first.")
    @RolesAllowed(Roles.ADMIN)
    public Uni<WebhookConnections.@NonNull Deliveries> deliveries(@Source WebhookView webhook,
            @DefaultValue("50") @Description("Page size, 1 to 200.") Integer first,
            @Description("The endCursor of the previous page.") String after) {
        return service.deliveries(webhook.id(), Connections.request(first, after))
                .map(WebhookConnections.Deliveries::of);
    }

    @Description("The events queued for the endpoint, newest first, with their status.")
    @RolesAllowed(Roles.ADMIN)
    public Uni<WebhookConnections.@NonNull Messages> messages(@Source WebhookView webhook,
            @DefaultValue("50") @Description("Page size, 1 to 200.") Integer first,
            @Description("The endCursor of the previous page.") String after) {
        return service.messages(webhook.id(), Connections.request(first, after)).map(WebhookConnections.Messages::of);
    }

    @Mutation
    @Description("Registers a webhook endpoint (admin). The answer carries its signing secret, the only time it is "
            + "shown. It receives the events of changes committed from now on.")
    @RolesAllowed(Roles.ADMIN)
    public Uni<WebhookConnections.@NonNull Created> createWebhook(@NonNull WebhookGraphQLInput input) {
        return service.create(input.toInput())
                // The secret moves to its own field: the Webhook type has none, so no read can show it.
                .map(view -> new WebhookConnections.Created(view, view.secret()));
    }

    @Mutation
    @Description("Changes a webhook endpoint (admin). enabled: true on an endpoint the service disabled resumes it "
            + "from its first undelivered event.")
    @RolesAllowed(Roles.ADMIN)
    public Uni<@NonNull WebhookView> updateWebhook(@NonNull @Id String id,
            @Description("The version you read; a stale one fails with STALE_VERSION.") int expectedVersion,
            @NonNull WebhookGraphQLInput input) {
        return service.update(Params.requiredUuid("id", id), ExpectedVersions.of(expectedVersion), input.toInput());
    }

    @Mutation
    @Description("Deletes a webhook endpoint with its queue and log (admin); nothing more is sent. Returns its id.")
    @RolesAllowed(Roles.ADMIN)
    @Id
    public Uni<@NonNull String> deleteWebhook(@NonNull @Id String id,
            @Description("The version you read; a stale one fails with STALE_VERSION.") int expectedVersion) {
        return service.delete(Params.requiredUuid("id", id), ExpectedVersions.of(expectedVersion)).replaceWith(id);
    }

    @Mutation
    @Description("Rotates the signing secret (admin) and answers the new one, once. The previous one keeps signing "
            + "until previousSecretUntil.")
    @RolesAllowed(Roles.ADMIN)
    public Uni<@NonNull WebhookSecretView> rotateWebhookSecret(@NonNull @Id String id,
            @Description("The version you read; omitted: any.") Integer expectedVersion,
            @Description("How long the previous secret keeps signing, 0 to 604800 seconds; omitted: 24 hours.")
            Integer overlapSeconds) {
        return service.rotate(Params.requiredUuid("id", id),
                expectedVersion == null ? ExpectedVersions.ANY : ExpectedVersions.of(expectedVersion),
                overlapSeconds == null ? null : Duration.ofSeconds(overlapSeconds));
    }

    @Mutation
    @Description("Queues events again at the end of the endpoint's stream, with the same webhook-id and body "
            + "(admin): one message, or every event queued since a time (at most 10,000). Exactly one of the two.")
    @RolesAllowed(Roles.ADMIN)
    public Uni<@NonNull RedeliveryView> redeliverWebhookEvents(@NonNull @Id String id,
            @Id @Description("A message of the endpoint (see its messages or deliveries).") String messageId,
            @Description("Every event queued for the endpoint at or after this time, in stream order.")
            OffsetDateTime since) {
        return service.redeliver(Params.requiredUuid("id", id), new RedeliveryInput(messageNumber(messageId), since));
    }

    @Mutation
    @Description("Queues a webhook.test event at the end of the endpoint's stream (admin); its delivery shows in "
            + "the log.")
    @RolesAllowed(Roles.ADMIN)
    public Uni<@NonNull WebhookMessageView> sendWebhookTest(@NonNull @Id String id,
            @Description("Text carried in the event's data.message (at most 500 characters).") String message) {
        return service.sendTest(Params.requiredUuid("id", id), new TestEventInput(message));
    }

    private static Long messageNumber(String messageId) {
        if (messageId == null) {
            return null;
        }
        try {
            return Long.parseLong(messageId);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("messageId", "is not a message id");
        }
    }
}
