package ducha.change;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import ducha.attachment.AttachmentView;
import ducha.finding.FindingView;
import ducha.inspection.InspectionView;
import ducha.notice.NoticeView;
import ducha.site.SiteView;
import ducha.unit.UnitView;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SyncChange", description = "One row to upsert or delete on the client.")
public record SyncChange(
        @Schema(enumeration = {"unit", "site", "inspection", "finding", "notice", "attachment"}, examples = "finding")
        String entity,
        UUID id,
        SyncOp op,
        @Schema(description = "Version of the row this item carries (for a deletion: the last version). A client "
                + "may skip an upsert older than its copy.") Long version,
        @JsonRawValue
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(type = SchemaType.OBJECT, description = "The row as the API represents it (the schema named by "
                + "entity); absent for a deletion.", anyOf = {UnitView.class, SiteView.class, InspectionView.class,
                FindingView.class, NoticeView.class, AttachmentView.class})
        String data) {
}
