package ducha.finding;

import ducha.common.Text;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TransitionInput", description = "A move of a finding's lifecycle. RECTIFY and REOPEN need a note.")
public record TransitionInput(
        @NotNull FindingAction action,
        @Text @Size(max = 10000) @Schema(examples = "已现场整改，补齐消毒记录") String note) {
}
