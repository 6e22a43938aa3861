package ducha.finding;

import ducha.common.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FindingChanges",
        description = "The editable fields of a finding. Unit and site are fixed; status moves by transitions.")
public record FindingEditInput(
        UUID inspectionId,
        @NotNull FindingCategory category,
        @NotNull Severity severity,
        @Text @NotBlank @Size(max = 10000) String description,
        OffsetDateTime dueAt) {
}
