package ducha.unit;

import java.util.UUID;

/** Filters of the unit list; null means "any". */
public record UnitFilter(UUID parentId, String district, UnitKind kind, Boolean active, String text) {
}
