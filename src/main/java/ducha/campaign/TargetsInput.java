package ducha.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TargetsInput", description = "Sites to add as targets: by list (siteIds), by rule, or both. Sites "
        + "that are targets already keep how they were first added.")
public record TargetsInput(
        @Size(max = 2000) @Schema(description = "Active sites, at most 2000.") List<@NotNull UUID> siteIds,
        @Valid TargetRule rule) {
}
