package ducha.notice;

import ducha.common.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NoticeInput", description = "A notice to issue, or the new state of one.")
public record NoticeInput(
        @Schema(description = "Optional client-chosen id, on create only.") UUID id,
        @NotNull UUID unitId,
        UUID siteId,
        @NotNull NoticeKind kind,
        @Text @NotBlank @Size(max = 300) String title,
        @Text @Size(max = 100000) String body,
        @Schema(description = "Defaults to now.") OffsetDateTime issuedAt,
        @Size(max = 200) @Schema(description = "Findings the notice cites (at most 200).") List<@NotNull UUID> findingIds) {
}
