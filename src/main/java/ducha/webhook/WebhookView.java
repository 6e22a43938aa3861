package ducha.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import ducha.common.Times;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import io.smallrye.graphql.api.Scalar;
import io.smallrye.graphql.api.ToScalar;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Webhook", description = "A webhook endpoint. Its secret is shown once, in the answer that creates it.")
@JsonInclude(JsonInclude.Include.NON_NULL)
@Type("Webhook")
@Description("A webhook endpoint (admin only): where signed events are POSTed. Its secret is never read back; "
        + "createWebhook and rotateWebhookSecret answer it once.")
public record WebhookView(
        @NonNull @Id @Description("The endpoint's id.") UUID id,
        @NonNull @Description("Where events are POSTed.") String url,
        @Description("What the endpoint is for.") String description,
        @NonNull @Description("The event types it receives.") List<@NonNull String> eventTypes,
        @Schema(description = "Only events of this unit and the units below it; absent: every unit.")
        @Id @Description("Only events of this unit and the units below it; null: every unit.") UUID unitId,
        @Description("Whether events are sent.") boolean enabled,
        @Schema(description = "Why the service disabled it (it failed for too long); absent while enabled.")
        @Description("Why the service disabled it (it failed for too long); null while enabled.")
        String disabledReason,
        @Schema(description = "The signing secret (whsec_…): only in the answer to the create; keep it.")
        // Not a GraphQL field: a readable secret would be shown on every read; CreatedWebhook carries it once.
        @Ignore String secret,
        @Schema(description = "Until when the previous secret signs too, after a rotation.")
        @Description("Until when the previous secret signs too, after a rotation.")
        OffsetDateTime previousSecretUntil,
        @ToScalar(Scalar.Int.class) @Description("Optimistic version: pass it as expectedVersion to change the endpoint.")
        long version,
        @NonNull @Description("When it was registered.") OffsetDateTime createdAt,
        @NonNull @Description("When it was last changed.") OffsetDateTime updatedAt) {

    static WebhookView of(WebhookEndpoint endpoint, boolean withSecret) {
        return new WebhookView(endpoint.id, endpoint.url, endpoint.description,
                Arrays.asList(endpoint.eventTypes.split(",")), endpoint.unitId, endpoint.enabled,
                endpoint.disabledReason, withSecret ? endpoint.secret : null,
                endpoint.previousSecretUntil == null ? null : Times.utc(endpoint.previousSecretUntil),
                endpoint.version, Times.utc(endpoint.createdAt), Times.utc(endpoint.updatedAt));
    }
}
