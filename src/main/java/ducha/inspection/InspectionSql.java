package ducha.inspection;

import ducha.common.Cursors;
import ducha.common.SqlFilter;
import ducha.unit.UnitTreeSql;
import java.time.Instant;
import java.time.ZoneOffset;

/** The inspection filter as SQL for the reactive client: one definition for the nested resolvers and the read planner. */
public final class InspectionSql {

    private InspectionSql() {
    }

    /**
     * Adds the conditions of {@code filter} on the inspection alias {@code i}, and the newest-first keyset after
     * {@code after}. The period and the keyset go on {@code time} and {@code id}: the inspection's own columns, or
     * inspection_scope's key within a subtree (the same started_at), so that the scan starts and stops by its index.
     */
    public static SqlFilter where(SqlFilter sql, String i, InspectionFilter filter, String time, String id,
            Cursors.TimeKey after) {
        if (filter.unitId() != null) {
            sql.where(i + ".unit_id in " + UnitTreeSql.subtreeOf(sql.param(filter.unitId()) + "::uuid"));
        }
        return sql.where(i + ".site_id = ?", filter.siteId())
                .where(i + ".presence = ?", filter.presence() == null ? null : filter.presence().name())
                .where(time + " >= ?", utc(filter.from()))
                .where(time + " < ?", utc(filter.to()))
                .after(after, time, id);
    }

    private static Object utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
