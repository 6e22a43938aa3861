package ducha.finding;

import ducha.common.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "HandOverInput", description = "Hands a finding to the party answerable for rectifying it (责任单位), "
        + "replacing the party and contact it had.")
public record HandOverInput(
        @Text @NotBlank @Size(max = 200) @Schema(examples = "尉氏县市场监督管理局") String responsibleParty,
        @Text @Size(max = 200) @Schema(description = "Optional; a hand-over without one clears the previous contact.",
                examples = "王科长 0371-12345678") String responsibleContact,
        @Text @Size(max = 10000) @Schema(description = "Why, or what was asked of the party; kept in the history.",
                examples = "反馈属地市场监管部门督促整改") String note) {
}
