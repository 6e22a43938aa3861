package ducha.site;

import ducha.common.Codes;
import ducha.common.Text;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SiteInput", description = "A site to create or the new state of one.")
public record SiteInput(
        @Schema(description = "Optional client-chosen id, on create only.") UUID id,
        @NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
        @Text @NotBlank @Size(max = 200) String name,
        @NotNull SiteType type,
        @Text @Size(max = 100) String district,
        @Text @Size(max = 100) String township,
        @Text @Size(max = 500) String address,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @Schema(description = "Defaults to true.") Boolean active) {
}
