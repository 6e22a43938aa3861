package ducha.campaign;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TargetRemovalInput", description = "Target sites to take out of the campaign.")
public record TargetRemovalInput(
        @NotEmpty @Size(max = 2000) @Schema(description = "Sites that are targets of the campaign, at most 2000.")
        List<@NotNull UUID> siteIds) {
}
