package ducha.unit;

import ducha.common.Codes;
import ducha.common.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UnitInput", description = "A unit to create or the new state of one.")
public record UnitInput(
        @Schema(description = "Optional client-chosen id, on create only.") UUID id,
        @NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) @Schema(examples = "WEISHI-G1") String code,
        @Text @NotBlank @Size(max = 200) String name,
        @NotNull UnitKind kind,
        UUID parentId,
        @Text @Size(max = 100) String district,
        @Text @Size(max = 100) String leader,
        @Schema(description = "Defaults to true.") Boolean active) {
}
