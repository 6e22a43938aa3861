package ducha.finding;

import java.util.EnumSet;
import java.util.Set;

@org.eclipse.microprofile.graphql.Description("Where a finding stands in its lifecycle.")
public enum FindingStatus {
    OPEN, RECTIFYING, RECTIFIED, VERIFIED, ESCALATED;

    /** Statuses in which a finding still waits for rectification, and so can be overdue. */
    public static final Set<FindingStatus> UNRESOLVED = EnumSet.of(OPEN, RECTIFYING, ESCALATED);
}
