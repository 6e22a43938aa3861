package ducha.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RotateSecretInput", description = "How long the current secret keeps signing beside the new one.")
public record RotateSecretInput(
        @Schema(description = "Seconds of overlap, 0 to 604800; default ducha.webhooks.rotation-overlap (24 hours).")
        Long overlapSeconds) {
}
