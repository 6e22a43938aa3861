package ducha.finding;

import com.fasterxml.jackson.databind.JsonNode;
import ducha.change.ChangeEventView;
import ducha.change.ChangeOp;
import io.smallrye.graphql.api.Scalar;
import io.smallrye.graphql.api.ToScalar;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("FindingChange")
@Description("One recorded change of a finding, from the audit trail.")
public record FindingHistoryEntry(
        @NonNull @Description("Position in the change log.") String seq,
        @NonNull @Description("When it was committed.") OffsetDateTime at,
        @NonNull @Description("Token subject of who made it.") String actor,
        @NonNull @Description("What kind of change.") ChangeOp op,
        @ToScalar(Scalar.Int.class) @Description("The finding's version after the change.") Long version,
        @Description("The lifecycle action, for a transition.") FindingAction action,
        @Description("The status before, for a transition.") FindingStatus from,
        @Description("The status after the change.") FindingStatus to,
        @Description("The note given with a transition or a hand-over.") String note,
        @Description("For a reminder or the system's escalation: DUE_SOON, OVERDUE or ESCALATED.")
        ducha.reminder.ReminderKind reminder,
        @Description("For a reminder or the system's escalation: the due time it is about.") OffsetDateTime dueAt,
        @Description("For a hand-over (an UPDATE): the responsible party it was handed to.") String handedTo) {

    public static FindingHistoryEntry of(ChangeEventView event) {
        JsonNode detail = event.detail();
        JsonNode data = event.data();
        boolean transition = detail != null && event.op() == ChangeOp.TRANSITION;
        boolean handOver = detail != null && "HAND_OVER".equals(detail.path("action").asText());
        return new FindingHistoryEntry(Long.toString(event.seq()), event.at(), event.actor(), event.op(), event.version(),
                transition ? FindingAction.valueOf(detail.path("action").asText()) : null,
                transition ? FindingStatus.valueOf(detail.path("from").asText()) : null,
                data == null || data.path("status").isMissingNode() ? null : FindingStatus.valueOf(data.path("status").asText()),
                detail == null || !detail.path("note").isTextual() ? null : detail.path("note").asText(),
                detail == null || !detail.path("kind").isTextual() ? null
                        : ducha.reminder.ReminderKind.valueOf(detail.path("kind").asText()),
                detail == null || !detail.path("dueAt").isTextual() ? null
                        : OffsetDateTime.parse(detail.path("dueAt").asText()),
                handOver ? detail.path("to").path("responsibleParty").asText(null) : null);
    }
}
