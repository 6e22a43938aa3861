package ducha.finding;

import ducha.change.ChangeEventView;
import ducha.change.ChangeHistory;
import ducha.common.Batches;
import ducha.common.Page;
import ducha.common.PageRequest;
import ducha.common.ResourceNotFoundException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The reads of findings and of their history, for both doors; the writes are {@link FindingCommands}. */
@ApplicationScoped
public class FindingQueries {

    private final Pool pool;
    private final FindingBatches batches;
    private final FindingRepository findings;
    private final ChangeHistory history;

    public FindingQueries(Pool pool, FindingBatches batches, FindingRepository findings, ChangeHistory history) {
        this.pool = pool;
        this.batches = batches;
        this.findings = findings;
        this.history = history;
    }

    /**
     * The row as a view, or null when there is none. One prepared statement on the pool, no ORM session: reads by id
     * are the mobile apps' most frequent request, and a session per read cost a sixth of its CPU (BENCHMARKS.md).
     */
    public Uni<FindingView> find(UUID id) {
        return pool.preparedQuery(FindingRows.BY_ID).execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? null
                : FindingRows.view(rows.iterator().next(), Instant.now()));
    }

    public Uni<FindingView> get(UUID id) {
        return find(id).onItem().ifNull().failWith(() -> new ResourceNotFoundException(Finding.ENTITY, id));
    }

    /** Findings newest first; see {@link FindingBatches#list}. */
    public Uni<Page<FindingView>> list(FindingFilter filter, PageRequest page) {
        return batches.list(filter, page);
    }

    /** The findings of the given ids, in their order (null where none), in one query. */
    @WithSession
    public Uni<List<FindingView>> byIds(List<UUID> ids) {
        return findings.list("id in ?1", Batches.distinct(ids))
                .map(rows -> Batches.one(ids, rows.stream().map(FindingView::of).toList(), FindingView::id));
    }

    /** Every recorded change of a finding, oldest first; kept after the finding is deleted. */
    public Uni<List<ChangeEventView>> history(UUID id) {
        return history.of(Finding.ENTITY, id).chain(events -> events.isEmpty()
                ? get(id).replaceWith(events)
                : Uni.createFrom().item(events));
    }

    /** The change history of each given finding, oldest first, in one query. */
    public Uni<List<List<ChangeEventView>>> histories(List<UUID> ids) {
        return history.of(Finding.ENTITY, Batches.distinct(ids))
                .map(events -> Batches.many(ids, events, ChangeEventView::entityId));
    }
}
