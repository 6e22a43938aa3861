package ducha.webhook;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RedeliveryInput", description = "What to send again: one message, or every event queued since a time. "
        + "Exactly one of the two.")
public record RedeliveryInput(
        @Schema(description = "A message of the endpoint (see its messages or deliveries).") Long messageId,
        @Schema(description = "Every event queued for the endpoint at or after this time, once each, in stream order.")
        OffsetDateTime since) {
}
