package ducha.change;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChangeEvent", description = "One committed change, as the audit trail records it.")
public record ChangeEventView(
        @Schema(description = "Position in the change log.") long seq,
        OffsetDateTime at,
        @Schema(description = "Token subject of whoever made the change.") String actor,
        String entity,
        UUID entityId,
        ChangeOp op,
        @Schema(description = "Version of the row after the change.") Long version,
        @Schema(description = "The row as it was after the change (before it, for a deletion).") JsonNode data,
        @Schema(description = "What the operation adds, e.g. action, from, to and note of a transition.") JsonNode detail) {
}
