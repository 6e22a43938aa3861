package ducha.campaign;

import ducha.common.Codes;
import ducha.common.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CampaignInput", description = "A campaign to create, or the new state of one. Targets are added and "
        + "removed by their own operations.")
public record CampaignInput(
        @Schema(description = "Optional client-chosen id, on create only.") UUID id,
        @NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
        @Text @NotBlank @Size(max = 200) String name,
        @Text @Size(max = 10000) String description,
        @NotNull @Schema(description = "The owning unit: it and its sub-units take part.") UUID unitId,
        @NotNull @Schema(description = "Start of the period, inclusive.") OffsetDateTime startsAt,
        @NotNull @Schema(description = "End of the period, exclusive; after startsAt, at most 366 days later.")
        OffsetDateTime endsAt) {
}
