package ducha.change;

import java.util.UUID;

/**
 * An inspector's working set; null means "any". unitId keeps the unit and its sub-units, their inspections,
 * findings, notices and attachments (and every site); district keeps the units and sites of the district and
 * what happened at those sites.
 */
public record SyncFilter(UUID unitId, String district) {
}
