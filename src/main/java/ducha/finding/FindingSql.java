package ducha.finding;

import ducha.common.SqlFilter;
import ducha.unit.UnitTreeSql;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Collectors;

/** The finding filter as SQL for the reactive client: one definition for the nested resolvers and the read planner. */
public final class FindingSql {

    /** {@link FindingStatus#UNRESOLVED} as a SQL list, for conditions that must match the partial overdue index. */
    public static final String UNRESOLVED = FindingStatus.UNRESOLVED.stream().map(status -> "'" + status.name() + "'")
            .collect(Collectors.joining(", ", "(", ")"));

    private FindingSql() {
    }

    /** Adds the conditions of {@code filter} on the finding alias {@code f}; overdue is judged at {@code now}. */
    public static SqlFilter where(SqlFilter sql, String f, FindingFilter filter, Instant now) {
        if (filter.unitId() != null) {
            sql.where(f + ".unit_id in " + UnitTreeSql.subtreeOf(sql.param(filter.unitId()) + "::uuid"));
        }
        sql.where(f + ".site_id = ?", filter.siteId())
                .where(f + ".inspection_id = ?", filter.inspectionId())
                .where(f + ".status = ?", filter.status() == null ? null : filter.status().name())
                .where(f + ".category = ?", filter.category() == null ? null : filter.category().name())
                .where(f + ".severity = ?", filter.severity() == null ? null : filter.severity().name())
                .where(f + ".found_at >= ?", utc(filter.from()))
                .where(f + ".found_at < ?", utc(filter.to()))
                .contains(filter.text(), f + ".description");
        if (filter.overdue() != null) {
            String at = sql.param(now.atOffset(ZoneOffset.UTC));
            String overdue = "(" + f + ".due_at < " + at + " and " + f + ".status in " + UNRESOLVED + ")";
            sql.where(filter.overdue() ? overdue : "not coalesce(" + overdue + ", false)");
        }
        return sql;
    }

    /**
     * The period of {@code filter} again on finding_scope's key (alias {@code s}, which holds the same found_at), so
     * that a subtree's scan starts and stops by that index.
     */
    public static SqlFilter periodOnScope(SqlFilter sql, String s, FindingFilter filter) {
        return sql.where(s + ".found_at >= ?", utc(filter.from())).where(s + ".found_at < ?", utc(filter.to()));
    }

    /** Whether the finding alias {@code f} is overdue at {@code at} (a SQL expression), never null. */
    public static String overdue(String f, String at) {
        return "coalesce(" + f + ".due_at < " + at + ", false) and " + f + ".status in " + UNRESOLVED;
    }

    private static Object utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
