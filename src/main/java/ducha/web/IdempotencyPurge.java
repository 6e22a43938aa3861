package ducha.web;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Forgets stored Idempotency-Key responses once they are older than the retention (at least 24 hours). */
@ApplicationScoped
public class IdempotencyPurge {

    static final Duration MIN_RETENTION = Duration.ofHours(24);

    private final Pool pool;
    private final Duration retention;

    public IdempotencyPurge(Pool pool, IdempotencySettings settings) {
        if (settings.retention().compareTo(MIN_RETENTION) < 0) {
            throw new IllegalStateException("ducha.idempotency.retention must be at least " + MIN_RETENTION
                    + " (clients retry for that long); it is " + settings.retention());
        }
        this.pool = pool;
        this.retention = settings.retention();
    }

    @Scheduled(every = "${ducha.idempotency.purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purge().invoke(count -> Log.debugf("Purged %d idempotency records", count)).replaceWithVoid();
    }

    /** Deletes the records older than the retention; answers how many. */
    public Uni<Integer> purge() {
        return pool.preparedQuery("delete from idempotency_record where created_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) retention.toSeconds()))
                .map(rows -> rows.rowCount());
    }
}
