package ducha.webhook;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Redelivery", description = "How many events were queued again, at the end of the endpoint's stream.")
@Type("Redelivery")
@Description("How many events were queued again, at the end of the endpoint's stream.")
public record RedeliveryView(@Description("Events queued again.") int queued) {
}
