package ducha.webhook;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookMessage", description = "An event queued for an endpoint.")
public record WebhookMessageView(long id, String webhookId, String eventType, String status, int attempts,
        OffsetDateTime nextAttemptAt, OffsetDateTime createdAt) {
}
