package ducha.finding;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

@org.eclipse.microprofile.graphql.Description("Where a finding stands in its lifecycle.")
public enum FindingStatus {
    OPEN, RECTIFYING, RECTIFIED, VERIFIED, ESCALATED;

    /** Statuses in which a finding still waits for rectification, and so can be overdue. */
    public static final Set<FindingStatus> UNRESOLVED = EnumSet.of(OPEN, RECTIFYING, ESCALATED);

    /** Whether a finding in this status, due at {@code dueAt} (null: never), is overdue at {@code now}; in SQL, FindingSql.overdue. */
    public boolean overdue(Instant dueAt, Instant now) {
        return dueAt != null && dueAt.isBefore(now) && UNRESOLVED.contains(this);
    }
}
