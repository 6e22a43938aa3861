package ducha.finding;

import ducha.common.Batches;
import ducha.common.Cursors;
import ducha.common.Page;
import ducha.common.PageRequest;
import ducha.common.SqlFilter;
import ducha.unit.UnitTreeSql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The findings of many parents at once — one SQL statement whatever their number — for the nested fields of
 * the GraphQL graph. Each parent gets its own page (newest first), with the same filter and cursor.
 */
@ApplicationScoped
public class FindingBatches {

    /** Whose findings: how a parent id selects them. */
    public enum Parent {
        /**
         * A unit and all units below it, as the unitId filter of the lists. Read unit by unit (see pages): the
         * newest of a small unit's findings are far apart in the global time order.
         */
        UNIT_TREE("f.unit_id = t.id"),
        SITE("f.site_id = r.parent"),
        INSPECTION("f.inspection_id = r.parent"),
        NOTICE("f.id in (select nf.finding_id from notice_finding nf where nf.notice_id = r.parent)");

        private final String predicate;

        Parent(String predicate) {
            this.predicate = predicate;
        }
    }

    private final Pool pool;

    public FindingBatches(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Page<FindingView>>> pages(Parent parent, List<UUID> parentIds, FindingFilter filter,
            PageRequest page) {
        SqlFilter sql = new SqlFilter();
        // Each parent once: the same one may come twice (a site asked for under two fields), and would get its rows twice.
        String parents = sql.param(Batches.distinct(parentIds).toArray(UUID[]::new));
        String limit = sql.param(page.limit() + 1);
        Instant now = Instant.now();
        sql.where(parent.predicate);
        FindingSql.where(sql, "f", filter, now)
                .after(page.cursor() == null ? null : Cursors.timeKey(page.cursor()), "f.found_at", "f.id");
        String newest = "select " + FindingRows.COLUMNS + " from finding f where " + sql.sql()
                + " order by f.found_at desc, f.id desc limit " + limit;
        if (parent == Parent.UNIT_TREE) {
            // The newest page of each unit of the tree by its index (unit_id, found_at desc, id desc), then the
            // newest of those: work in proportion to the tree's size and the page, not to the table. Walking the
            // global time order instead read 7,000 rows per small group at 100k findings, ten times that at 1M.
            newest = "select " + FindingRows.COLUMNS.replace("f.", "y.") + " from " + UnitTreeSql.subtreeOf("r.parent")
                    + " t cross join lateral (" + newest + ") y order by y.found_at desc, y.id desc limit " + limit;
        }
        String statement = "select r.parent, " + FindingRows.COLUMNS.replace("f.", "x.") + " from unnest(" + parents
                + "::uuid[]) as r(parent) cross join lateral (" + newest + ") x";
        return pool.preparedQuery(statement).execute(sql.tuple()).map(rows -> {
            Map<UUID, List<FindingView>> byParent = new LinkedHashMap<>();
            for (Row row : rows) {
                byParent.computeIfAbsent(row.getUUID("parent"), id -> new ArrayList<>()).add(FindingRows.view(row, now));
            }
            return parentIds.stream()
                    .map(id -> Page.of(byParent.getOrDefault(id, List.of()), page.limit(),
                            (FindingView f) -> Cursors.ofTime(f.foundAt().toInstant(), f.id())))
                    .toList();
        });
    }
}
