package ducha.webhook;

import io.smallrye.graphql.api.Scalar;
import io.smallrye.graphql.api.ToScalar;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDelivery", description = "One attempt to deliver one event to an endpoint, newest first.")
@Type("WebhookDelivery")
@Description("One attempt to deliver one event to an endpoint.")
public record WebhookDelivery(
        @Id @Description("The attempt.") long id,
        @Schema(description = "The message: pass it to redeliver the event.")
        @Id @Description("The message: pass it as messageId to redeliver the event.") long messageId,
        @Schema(description = "The webhook-id header, the same for every attempt of the event.")
        @NonNull @Description("The webhook-id header, the same for every attempt of the event.") String webhookId,
        @NonNull @Description("The event's type.") String eventType,
        @Schema(description = "1 for the first attempt of the message.")
        @Description("1 for the first attempt of the message.") int attempt,
        @NonNull @Description("When the attempt was made.") OffsetDateTime at,
        @Schema(description = "The receiver's status; absent when it did not answer.")
        @Description("The receiver's status; null when it did not answer.") Integer statusCode,
        @ToScalar(Scalar.Int.class) @Description("How long the attempt took, in milliseconds.") long latencyMs,
        @Schema(description = "Why the attempt failed when the receiver did not answer, or was refused.")
        @Description("Why the attempt failed when the receiver did not answer, or was refused.") String error,
        @Schema(description = "The first 500 characters of the receiver's answer.")
        @Description("The first 500 characters of the receiver's answer.") String responseExcerpt,
        @Schema(description = "When the next attempt is due, after a failure.")
        @Description("When the next attempt is due, after a failure.") OffsetDateTime nextAttemptAt,
        @Schema(description = "PENDING (still to be delivered) or DELIVERED.")
        @NonNull @Description("PENDING (still to be delivered) or DELIVERED.") String messageStatus) {
}
