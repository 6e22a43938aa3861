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
public record FindingChange(
        @NonNull @Description("Position in the change log.") String seq,
        @NonNull @Description("When it was committed.") OffsetDateTime at,
        @NonNull @Description("Token subject of who made it.") String actor,
        @NonNull @Description("What kind of change.") ChangeOp op,
        @ToScalar(Scalar.Int.class) @Description("The finding's version after the change.") Long version,
        @Description("The lifecycle action, for a transition.") FindingAction action,
        @Description("The status before, for a transition.") FindingStatus from,
        @Description("The status after the change.") FindingStatus to,
        @Description("The note given with a transition.") String note) {

    public static FindingChange of(ChangeEventView event) {
        JsonNode detail = event.detail();
        JsonNode data = event.data();
        return new FindingChange(Long.toString(event.seq()), event.at(), event.actor(), event.op(), event.version(),
                detail == null ? null : FindingAction.valueOf(detail.path("action").asText()),
                detail == null ? null : FindingStatus.valueOf(detail.path("from").asText()),
                data == null || data.path("status").isMissingNode() ? null : FindingStatus.valueOf(data.path("status").asText()),
                detail == null || detail.path("note").isNull() ? null : detail.path("note").asText());
    }
}
