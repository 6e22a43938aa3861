package ducha.webhook;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookInput", description = "A webhook endpoint as an admin registers or changes it.")
public record WebhookInput(
        @NotNull @Schema(description = "Where events are POSTed: an https URL whose host resolves to public addresses.",
                examples = "https://cases.example.org/hooks/ducha") String url,
        @Size(max = 500) @Schema(description = "What the endpoint is for.") String description,
        @NotEmpty @Size(max = 10) @Schema(description = "The event types it receives: finding.reported, "
                + "finding.transitioned, finding.escalated, finding.overdue, finding.due_soon, notice.issued, inspection.recorded.")
        List<String> eventTypes,
        @Schema(description = "Only events of this unit and the units below it; none: every unit.") UUID unitId,
        @Schema(description = "Whether events are sent; true by default. Enabling an endpoint that was disabled "
                + "for failing starts its retries afresh.") Boolean enabled) {
}
