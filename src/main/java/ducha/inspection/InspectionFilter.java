package ducha.inspection;

import java.time.Instant;
import java.util.UUID;

/** Filters of the inspection list: a unit with its sub-units, a site, and a half-open period [from, to). */
public record InspectionFilter(UUID unitId, UUID siteId, Instant from, Instant to) {
}
