package ducha.finding;

import java.time.Instant;
import java.util.UUID;

/**
 * Filters of the finding list; null means "any". unitId includes the unit's sub-units; the period [from, to)
 * applies to foundAt; responsibleParty is the party's name, exactly.
 */
public record FindingFilter(UUID unitId, UUID siteId, UUID inspectionId, FindingStatus status,
        FindingCategory category, Severity severity, Boolean overdue, Instant from, Instant to, String text, String responsibleParty) {

    /** The rest of the filter, for a read of a unit's subtree in which the unit is the parent (FindingBatches). */
    public FindingFilter withoutUnit() {
        return new FindingFilter(null, siteId, inspectionId, status, category, severity, overdue, from, to, text,
                responsibleParty);
    }
}
