package ducha.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import ducha.common.Times;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Webhook", description = "A webhook endpoint. Its secret is shown once, in the answer that creates it.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(
        UUID id,
        String url,
        String description,
        List<String> eventTypes,
        @Schema(description = "Only events of this unit and the units below it; absent: every unit.") UUID unitId,
        boolean enabled,
        @Schema(description = "Why the service disabled it (it failed for too long); absent while enabled.")
        String disabledReason,
        @Schema(description = "The signing secret (whsec_…): only in the answer to the create; keep it.")
        String secret,
        @Schema(description = "Until when the previous secret signs too, after a rotation.")
        OffsetDateTime previousSecretUntil,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static WebhookView of(WebhookEndpoint endpoint, boolean withSecret) {
        return new WebhookView(endpoint.id, endpoint.url, endpoint.description,
                Arrays.asList(endpoint.eventTypes.split(",")), endpoint.unitId, endpoint.enabled,
                endpoint.disabledReason, withSecret ? endpoint.secret : null,
                endpoint.previousSecretUntil == null ? null : Times.utc(endpoint.previousSecretUntil),
                endpoint.version, Times.utc(endpoint.createdAt), Times.utc(endpoint.updatedAt));
    }
}
