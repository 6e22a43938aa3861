package ducha.change;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SyncPage", description = "Changes after a cursor, in commit order, and the cursor to continue from.")
public record SyncPage(
        List<SyncChange> items,
        @Schema(description = "Pass as since= next time. Always present: store it with the data.") String nextCursor,
        @Schema(description = "True when more changes are ready now: call again at once with nextCursor.")
        boolean hasMore) {
}
