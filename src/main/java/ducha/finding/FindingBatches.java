package ducha.finding;

import ducha.common.Batches;
import ducha.common.Cursors;
import ducha.common.Page;
import ducha.common.PageRequest;
import ducha.common.SqlFilter;
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
         * A unit and all units below it, as the unitId filter of the lists: the parent's rows of finding_scope, one
         * per finding of its subtree, read newest first from the end of its range of the primary key and joined back
         * to the finding by id. Work in proportion to the page, not to the tree or the table (docs/subtree.md).
         */
        UNIT_TREE("s.ancestor_id = r.parent"),
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

    /**
     * Findings newest first, as GET /api/v1/findings and the top-level GraphQL field list them. The same SQL as the
     * nested fields and the planner (FindingSql) rather than the ORM's HQL: one filter, one ordering, one cursor, so
     * a change to a rule cannot miss one of the doors. Those of a unit and its sub-units are read by the index of
     * finding_scope (docs/subtree.md): a unit_id in (…) walked the global time order, 100 times the reads for a small
     * group at a million findings.
     */
    public Uni<Page<FindingView>> list(FindingFilter filter, PageRequest page) {
        if (filter.unitId() != null) {
            return pages(Parent.UNIT_TREE, List.of(filter.unitId()), filter.withoutUnit(), page)
                    .map(pages -> pages.get(0));
        }
        Cursors.TimeKey after = page.cursor() == null ? null : Cursors.timeKey(page.cursor());
        Instant now = Instant.now();
        SqlFilter sql = FindingSql.where(new SqlFilter(), "f", filter, now).after(after, "f.found_at", "f.id");
        String statement = "select " + FindingRows.COLUMNS + " from finding f where " + sql.sql()
                + " order by f.found_at desc, f.id desc limit " + sql.param(page.limit() + 1);
        return pool.preparedQuery(statement).execute(sql.tuple()).map(rows -> {
            List<FindingView> views = new ArrayList<>();
            rows.forEach(row -> views.add(FindingRows.view(row, now)));
            return Page.of(views, page.limit(), (FindingView f) -> Cursors.ofTime(f.foundAt().toInstant(), f.id()));
        });
    }

    public Uni<List<Page<FindingView>>> pages(Parent parent, List<UUID> parentIds, FindingFilter filter,
            PageRequest page) {
        SqlFilter sql = new SqlFilter();
        // Each parent once: the same one may come twice (a site asked for under two fields), and would get its rows twice.
        String parents = sql.param(Batches.distinct(parentIds).toArray(UUID[]::new));
        String limit = sql.param(page.limit() + 1);
        Instant now = Instant.now();
        boolean scoped = parent == Parent.UNIT_TREE;
        // Within a subtree the keyset and the period are those of finding_scope's key, which holds the same found_at.
        String timeColumn = scoped ? "s.found_at" : "f.found_at";
        String idColumn = scoped ? "s.finding_id" : "f.id";
        sql.where(parent.predicate);
        FindingSql.where(sql, "f", filter, now);
        if (scoped) {
            FindingSql.periodOnScope(sql, "s", filter);
        }
        sql.after(page.cursor() == null ? null : Cursors.timeKey(page.cursor()), timeColumn, idColumn);
        String source = scoped ? "finding_scope s join finding f on f.id = s.finding_id" : "finding f";
        String newest = "select " + FindingRows.COLUMNS + " from " + source + " where " + sql.sql()
                + " order by " + timeColumn + " desc, " + idColumn + " desc limit " + limit;
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
