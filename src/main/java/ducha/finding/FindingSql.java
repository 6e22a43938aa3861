package ducha.finding;

import ducha.common.SqlFilter;
import ducha.unit.UnitTreeSql;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The finding filter as SQL for the reactive client: one definition for the nested resolvers and the read planner. */
public final class FindingSql {

    /** {@link FindingStatus#UNRESOLVED} as a SQL list, for conditions that must match the partial overdue index. */
    public static final String UNRESOLVED = list(FindingStatus.UNRESOLVED);
    /** The other statuses (rectified, and verified after it), as a SQL list. */
    public static final String RESOLVED = list(EnumSet.complementOf(EnumSet.copyOf(FindingStatus.UNRESOLVED)));

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
                .where(f + ".responsible_party = ?", filter.responsibleParty())
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

    /**
     * {@link #where} in memory, for the findings the change feed brings to a subscription: the same rules, so a
     * subscriber sees a change of exactly the findings a list with the filter would show. {@code unitIds} is the
     * subtree of the filter's unit (null without one).
     */
    public static boolean matches(FindingView finding, FindingFilter filter, Set<UUID> unitIds, Instant now) {
        Instant foundAt = finding.foundAt().toInstant();
        Instant dueAt = finding.dueAt() == null ? null : finding.dueAt().toInstant();
        return (unitIds == null || unitIds.contains(finding.unitId()))
                && (filter.siteId() == null || filter.siteId().equals(finding.siteId()))
                && (filter.inspectionId() == null || filter.inspectionId().equals(finding.inspectionId()))
                && (filter.status() == null || filter.status() == finding.status())
                && (filter.category() == null || filter.category() == finding.category())
                && (filter.severity() == null || filter.severity() == finding.severity())
                && (filter.overdue() == null || filter.overdue() == finding.status().overdue(dueAt, now))
                && (filter.from() == null || !foundAt.isBefore(filter.from()))
                && (filter.to() == null || foundAt.isBefore(filter.to()))
                && (filter.responsibleParty() == null || filter.responsibleParty().equals(finding.responsibleParty()))
                && SqlFilter.textMatches(finding.description(), filter.text());
    }

    /** Whether the finding alias {@code f} is overdue at {@code at} (a SQL expression), never null. */
    public static String overdue(String f, String at) {
        return "coalesce(" + f + ".due_at < " + at + ", false) and " + f + ".status in " + UNRESOLVED;
    }

    private static String list(Set<FindingStatus> statuses) {
        return statuses.stream().map(status -> "'" + status.name() + "'").collect(Collectors.joining(", ", "(", ")"));
    }

    private static Object utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
