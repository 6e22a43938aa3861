package ducha.finding;

import ducha.change.ChangeOp;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("FindingChanged")
@Description("A committed change of a finding, as it happened.")
public record FindingSubscriptionEvent(
        @NonNull @Description("Position in the change log; increases in commit order.") String seq,
        @NonNull @Description("What kind of change.") ChangeOp op,
        @NonNull @Description("The finding after the change (as it was, for a deletion).") FindingView finding) {
}
