package ducha.inspection;

import ducha.common.Text;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "InspectionInput", description = "A visit to record, or the new state of one (unit and site stay).")
public record InspectionInput(
        @Schema(description = "Optional client-chosen id, on create only.") UUID id,
        @NotNull UUID unitId,
        @NotNull UUID siteId,
        @NotNull OffsetDateTime startedAt,
        @NotNull @Min(1) @Max(10000) Integer inspectorCount,
        @NotNull InspectionMethod method,
        @Text @Size(max = 10000) String notes,
        @Schema(description = "The campaign it is part of, if any: the unit must take part in it (the campaign's unit "
                + "or below), the site must be one of its targets and startedAt inside its period.") UUID campaignId) {
}
