package ducha.change;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The live stream of committed changes on this replica, fed by PostgreSQL LISTEN/NOTIFY (see V5 migration):
 * every replica hears every change, whichever replica or front door made it, after commit and in commit
 * order. Notifications are handled one after another, so subscribers see events in that order.
 */
@ApplicationScoped
public class ChangeFeed {

    static final String CHANNEL = "ducha_change";

    private final Vertx vertx;
    private final Pool pool;
    private final ChangeHistory history;
    private final String url;
    private final String user;
    private final String password;
    private final BroadcastProcessor<ChangeEventView> events = BroadcastProcessor.create();
    private PgSubscriber subscriber;

    public ChangeFeed(Vertx vertx, Pool pool, ChangeHistory history,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.vertx = vertx;
        this.pool = pool;
        this.history = history;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring(15) : url)
                .setUser(user).setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options)
                // Keep listening across database restarts; a change made during the gap is in the log.
                .reconnectPolicy(retries -> 1000L);
        subscriber.channel(CHANNEL).toMulti()
                .onItem().transformToUniAndConcatenate(payload -> read(new JsonObject(payload).getLong("seq"))
                        .onFailure().invoke(e -> Log.warnf(e, "Cannot read change event of %s", payload))
                        .onFailure().recoverWithNull())
                .subscribe().with(change -> {
                    if (change != null) {
                        events.onNext(change);
                    }
                }, failure -> Log.error("The change feed stopped", failure));
        // The reconnect policy covers a lost connection; a database that is down at start is retried here.
        subscriber.connect()
                .onFailure().invoke(failure -> Log.warnf("Cannot listen to %s yet (%s); retrying", CHANNEL,
                        failure.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).indefinitely()
                .subscribe().with(ok -> Log.infof("Listening to %s", CHANNEL));
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.closeAndAwait();
        }
    }

    /**
     * Changes committed from now on, on any replica. A subscriber that falls more than a thousand events behind
     * is dropped (it can catch up from the change log) rather than hold memory without bound.
     */
    public Multi<ChangeEventView> changes() {
        return events.onOverflow().buffer(1000);
    }

    private Uni<ChangeEventView> read(long seq) {
        return pool.preparedQuery("""
                select seq, at, actor, entity, entity_id, op, version, data::text as data, detail::text as detail
                from change_event where seq = $1""")
                .execute(Tuple.of(seq))
                .map(rows -> {
                    Row row = rows.iterator().hasNext() ? rows.iterator().next() : null;
                    return row == null ? null : history.toView(row);
                });
    }
}
