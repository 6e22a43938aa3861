package ducha.finding;

import ducha.common.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FindingInput", description = "A problem to report. Status, reporter and version are the server's.")
public record FindingInput(
        @Schema(description = "Optional client-chosen id (offline-first apps).") UUID id,
        @NotNull UUID unitId,
        @NotNull UUID siteId,
        @Schema(description = "The visit it was found on; must be of the same unit and site.") UUID inspectionId,
        @NotNull FindingCategory category,
        @NotNull Severity severity,
        @Text @NotBlank @Size(max = 10000) String description,
        @Schema(description = "Defaults to now.") OffsetDateTime foundAt,
        @Schema(description = "When it must be rectified by; after foundAt.") OffsetDateTime dueAt,
        @Schema(description = "Fixed while the inspectors were there: the finding starts RECTIFIED.") Boolean rectifiedOnSite,
        @Text @Size(max = 10000) @Schema(description = "How it was fixed, for one rectified on site.") String rectificationNote,
        @Schema(description = "The campaign it was found in, if any: the unit takes part in it, the site is one of its "
                + "targets and foundAt lies inside its period.") UUID campaignId) {
}
