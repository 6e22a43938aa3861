package ducha.webhook;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TestEventInput", description = "A webhook.test event; {} sends the default text.")
public record TestEventInput(
        @Size(max = 500) @Schema(description = "Text carried in the event's data.message.") String message) {
}
