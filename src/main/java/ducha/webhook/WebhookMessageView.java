package ducha.webhook;

import io.smallrye.graphql.api.Scalar;
import io.smallrye.graphql.api.ToScalar;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookMessage", description = "An event queued for an endpoint.")
@Type("WebhookMessage")
@Description("An event queued for an endpoint.")
public record WebhookMessageView(
        @Id @Description("The message: pass it as messageId to redeliver the event.") long id,
        @NonNull @Description("The webhook-id header, the same for every attempt and redelivery of the event.")
        String webhookId,
        @NonNull @Description("finding.reported, …, or webhook.test.") String eventType,
        @NonNull @Description("PENDING (still to be delivered) or DELIVERED.") String status,
        @ToScalar(Scalar.Int.class) @Description("Attempts made so far.") int attempts,
        @Description("When the next attempt is due; null when delivered.") OffsetDateTime nextAttemptAt,
        @NonNull @Description("When it was queued.") OffsetDateTime createdAt) {
}
