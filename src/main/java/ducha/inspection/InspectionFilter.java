package ducha.inspection;

import ducha.evidence.Presence;
import java.time.Instant;
import java.util.UUID;

/** Filters of the inspection list: a unit with its sub-units, a site, a half-open period [from, to), the
 * check-in class. */
public record InspectionFilter(UUID unitId, UUID siteId, Instant from, Instant to, Presence presence) {

    /** The rest of the filter, for a read of a unit's subtree in which the unit is the parent (InspectionBatches). */
    public InspectionFilter withoutUnit() {
        return new InspectionFilter(null, siteId, from, to, presence);
    }
}
