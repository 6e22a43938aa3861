package ducha.webhook;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDelivery", description = "One attempt to deliver one event to an endpoint, newest first.")
public record WebhookDelivery(
        long id,
        @Schema(description = "The message: pass it to redeliver the event.") long messageId,
        @Schema(description = "The webhook-id header, the same for every attempt of the event.") String webhookId,
        String eventType,
        @Schema(description = "1 for the first attempt of the message.") int attempt,
        OffsetDateTime at,
        @Schema(description = "The receiver's status; absent when it did not answer.") Integer statusCode,
        long latencyMs,
        @Schema(description = "Why the attempt failed when the receiver did not answer, or was refused.") String error,
        @Schema(description = "The first 500 characters of the receiver's answer.") String responseExcerpt,
        @Schema(description = "When the next attempt is due, after a failure.") OffsetDateTime nextAttemptAt,
        @Schema(description = "PENDING (still to be delivered) or DELIVERED.") String messageStatus) {
}
