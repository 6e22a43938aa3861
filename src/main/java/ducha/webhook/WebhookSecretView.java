package ducha.webhook;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookSecret", description = "A new signing secret, shown once. The previous one signs too until "
        + "previousSecretUntil: each request then carries both signatures.")
public record WebhookSecretView(String secret, OffsetDateTime previousSecretUntil, long version) {
}
