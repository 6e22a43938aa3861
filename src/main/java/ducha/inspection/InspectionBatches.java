package ducha.inspection;

import ducha.common.Batches;
import ducha.common.Cursors;
import ducha.common.Page;
import ducha.common.PageRequest;
import ducha.common.SqlFilter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The inspections of many parents at once, one SQL statement per call, for the GraphQL graph. */
@ApplicationScoped
public class InspectionBatches {

    /** Whose inspections: how a parent id selects them. */
    public enum Parent {
        /**
         * A unit and all units below it: the parent's rows of inspection_scope, newest first from the end of its
         * range of the primary key, joined back to the inspection by id (docs/subtree.md).
         */
        UNIT_TREE("s.ancestor_id = r.parent"),
        SITE("i.site_id = r.parent");

        private final String predicate;

        Parent(String predicate) {
            this.predicate = predicate;
        }
    }

    private static final String COLUMNS = "i.id, i.unit_id, i.site_id, i.started_at, i.inspector_count, i.method, "
            + "i.notes, i.created_by, i.version, i.created_at, i.updated_at, i.campaign_id";

    private final Pool pool;

    public InspectionBatches(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Page<InspectionView>>> pages(Parent parent, List<UUID> parentIds, InspectionFilter filter,
            PageRequest page) {
        SqlFilter sql = new SqlFilter();
        // Each parent once: the same one may come twice (a site asked for under two fields), and would get its rows twice.
        String parents = sql.param(Batches.distinct(parentIds).toArray(UUID[]::new));
        String limit = sql.param(page.limit() + 1);
        boolean scoped = parent == Parent.UNIT_TREE;
        // Within a subtree the keyset and the period are those of inspection_scope's key (the same started_at).
        String timeColumn = scoped ? "s.started_at" : "i.started_at";
        String idColumn = scoped ? "s.inspection_id" : "i.id";
        InspectionSql.where(sql.where(parent.predicate), "i", filter, timeColumn, idColumn,
                page.cursor() == null ? null : Cursors.timeKey(page.cursor()));
        String source = scoped ? "inspection_scope s join inspection i on i.id = s.inspection_id" : "inspection i";
        String statement = "select r.parent, " + COLUMNS.replace("i.", "x.") + " from unnest(" + parents
                + "::uuid[]) as r(parent) cross join lateral (select " + COLUMNS + " from " + source + " where "
                + sql.sql() + " order by " + timeColumn + " desc, " + idColumn + " desc limit " + limit + ") x";
        return pool.preparedQuery(statement).execute(sql.tuple()).map(rows -> {
            Map<UUID, List<InspectionView>> byParent = new LinkedHashMap<>();
            for (Row row : rows) {
                byParent.computeIfAbsent(row.getUUID("parent"), id -> new ArrayList<>()).add(view(row));
            }
            return parentIds.stream()
                    .map(id -> Page.of(byParent.getOrDefault(id, List.of()), page.limit(),
                            (InspectionView i) -> Cursors.ofTime(i.startedAt().toInstant(), i.id())))
                    .toList();
        });
    }

    /** When each site was last inspected; sites never inspected map to null. */
    public Uni<List<OffsetDateTime>> lastInspectedAt(List<UUID> siteIds) {
        return pool.preparedQuery("select site_id, max(started_at) as last from inspection where site_id = any($1) "
                        + "group by site_id")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(siteIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, OffsetDateTime> last = new HashMap<>();
                    for (Row row : rows) {
                        last.put(row.getUUID("site_id"), utc(row.getOffsetDateTime("last")));
                    }
                    return siteIds.stream().map(last::get).toList();
                });
    }

    private static InspectionView view(Row row) {
        return new InspectionView(row.getUUID("id"), row.getUUID("unit_id"), row.getUUID("site_id"),
                utc(row.getOffsetDateTime("started_at")), row.getInteger("inspector_count"),
                InspectionMethod.valueOf(row.getString("method")), row.getString("notes"), row.getString("created_by"),
                row.getLong("version"), utc(row.getOffsetDateTime("created_at")), utc(row.getOffsetDateTime("updated_at")),
                row.getUUID("campaign_id"));
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
