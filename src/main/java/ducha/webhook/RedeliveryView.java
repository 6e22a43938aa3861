package ducha.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Redelivery", description = "How many events were queued again, at the end of the endpoint's stream.")
public record RedeliveryView(int queued) {
}
