package ducha.reminder;

import ducha.finding.Severity;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Reminder", description = "A reminder or escalation the system sent about a finding's due time; also "
        + "an event (actor system) in the finding's history.")
@Type("Reminder")
@Description("A reminder or escalation the system sent about a finding's due time; also an event (actor system) in "
        + "the finding's history.")
public record ReminderView(
        @NonNull @Schema(description = "Position of its event in the change log; newest first in the feed.")
        @Description("Position of its event in the change log; newest first in the feed.") String seq,
        @NonNull @Description("DUE_SOON, OVERDUE or ESCALATED.") ReminderKind kind,
        @NonNull @Id @Description("The finding it is about.") UUID findingId,
        @NonNull @Id @Description("The finding's unit.") UUID unitId,
        @NonNull @Id @Schema(description = "Whom it is addressed to: the finding's unit; for ESCALATED its parent unit.")
        @Description("Whom it is addressed to: the finding's unit; for ESCALATED its parent unit.") UUID audienceUnitId,
        @NonNull @Description("The finding's severity.") Severity severity,
        @NonNull @Schema(description = "The due time it is about; a new due time gets reminders of its own.")
        @Description("The due time it is about; a new due time gets reminders of its own.") OffsetDateTime dueAt,
        @NonNull @Description("When it was sent.") OffsetDateTime sentAt) {
}
