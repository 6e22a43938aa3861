package ducha.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ducha.change.ChangeFeed;
import ducha.common.DomainException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientRequest;
import io.vertx.mutiny.core.http.HttpClientResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Delivers webhook events, on every replica that has {@code ducha.webhooks.dispatch} on.
 *
 * <p>Each endpoint is one ordered stream. A replica takes an endpoint's stream for a lease (an UPDATE whose rows come
 * from {@code FOR UPDATE SKIP LOCKED}, so replicas never take the same stream at once and never wait for each other),
 * then, holding it: turns the change events committed since the stream's cursor into messages of the endpoint (the
 * watermark query of delta sync, so in the log's order and never skipping a late commit), and sends the oldest pending
 * message, then the next, each only after the one before it was answered with a 2xx. A failure schedules the same
 * message again after an exponential backoff with jitter and lets the stream go; later messages wait behind it, so
 * the order holds. No database transaction is open while a request is in flight: a slow receiver holds one stream of
 * this replica (up to the timeout), never a connection, a write or another endpoint.
 *
 * <p>At least once: a message is marked delivered only after its 2xx; a replica that dies between the answer and the
 * mark leaves the message pending, and whoever takes the stream after the lease sends it again with the same
 * webhook-id.
 */
@ApplicationScoped
public class WebhookDispatcher {

    /** Change events one pump looks at. */
    private static final int MAX_SCAN = 500;
    /** Messages sent in one hold of a stream before it is given back (fairness between replicas and endpoints). */
    private static final int MAX_BATCH = 100;
    /** Pending messages read at once. */
    private static final int PAGE = 20;
    private static final int EXCERPT = 500;

    private final Vertx vertx;
    private final Pool pool;
    private final WebhookSettings settings;
    private final WebhookUrls urls;
    private final WebhookMetrics metrics;
    private final ObjectMapper json;
    private final ChangeFeed feed;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean claiming = new AtomicBoolean();
    /** A wake-up that came while a claim ran: claim once more after it, or a due retry waits for the poll. */
    private final AtomicBoolean wokenWhileClaiming = new AtomicBoolean();
    private volatile boolean stopped;
    /** Whether any endpoint was enabled at the last poll; until the first, assume so. */
    private volatile boolean anyEnabled = true;
    private HttpClient client;
    private long timer = -1;

    public WebhookDispatcher(Vertx vertx, Pool pool, WebhookSettings settings, WebhookUrls urls,
            WebhookMetrics metrics, ObjectMapper json, ChangeFeed feed) {
        this.vertx = vertx;
        this.pool = pool;
        this.settings = settings;
        this.urls = urls;
        this.metrics = metrics;
        this.json = json;
        this.feed = feed;
    }

    void start(@Observes StartupEvent event) {
        if (!settings.dispatch()) {
            return;
        }
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setIdleTimeout((int) settings.timeout().toSeconds() + 1)
                .setForceSni(true)
                .setMaxPoolSize(2)
                .setDecompressionSupported(false));
        timer = vertx.setPeriodic(settings.pollInterval().toMillis(), id -> poll());
        // Wake on every committed change instead of waiting for the poll; the poll covers what the feed misses. With
        // no endpoint enabled anywhere a change wakes nothing: writes pay no statement for webhooks nobody receives.
        feed.changes().subscribe().with(change -> {
            if (anyEnabled) {
                tick();
            }
        }, failure -> Log.debugf("Webhooks stop waking on changes: %s", failure.getMessage()));
    }

    /** Each poll learns whether any endpoint is enabled (on any replica's say), then looks for work if one is. */
    private void poll() {
        if (stopped) {
            return;
        }
        pool.preparedQuery("select exists (select from webhook_endpoint where enabled)").execute()
                .subscribe().with(rows -> {
                    anyEnabled = rows.iterator().next().getBoolean(0);
                    if (anyEnabled) {
                        tick();
                    }
                }, failure -> Log.debugf("Webhook dispatch cannot read its endpoints: %s", failure.getMessage()));
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Takes the streams that have work, as many as this replica has room for, and works on each. */
    void tick() {
        if (stopped) {
            return;
        }
        if (!claiming.compareAndSet(false, true)) {
            wokenWhileClaiming.set(true);
            return;
        }
        int room = settings.concurrency() - inFlight.get();
        if (room <= 0) {
            claiming.set(false);
            return;
        }
        UUID token = UUID.randomUUID();
        pool.preparedQuery("""
                update webhook_stream s set lease_token = $1, lease_until = now() + $2 * interval '1 millisecond'
                where s.endpoint_id in (
                    select t.endpoint_id from webhook_stream t join webhook_endpoint e on e.id = t.endpoint_id
                    where e.enabled and (t.lease_until is null or t.lease_until < now())
                      and (t.retry_at is null or t.retry_at <= now())
                      -- Only streams with work: a message waiting, or a committed change past the cursor (an
                      -- index probe), so an idle endpoint costs a replica almost nothing per poll.
                      and (exists (select from webhook_message m where m.endpoint_id = t.endpoint_id
                                   and m.status = 'PENDING')
                           or exists (select from change_event c where (c.tx, c.seq) > (t.cursor_tx, t.cursor_seq)
                                      and c.tx < pg_snapshot_xmin(pg_current_snapshot())))
                    order by t.last_run_at
                    limit $3
                    for update of t skip locked)
                returning s.endpoint_id""")
                .execute(Tuple.of(token, settings.lease().toMillis(), room))
                .subscribe().with(rows -> {
                    for (Row row : rows) {
                        UUID endpoint = row.getUUID("endpoint_id");
                        inFlight.incrementAndGet();
                        work(endpoint, token).subscribe().with(done -> inFlight.decrementAndGet(), failure -> {
                            inFlight.decrementAndGet();
                            Log.warnf("Webhook endpoint %s: %s", endpoint, failure.getMessage());
                        });
                    }
                    claimed(); // after counting what it took in flight, so a claim again has the room that is left
                }, failure -> {
                    claimed();
                    Log.debugf("Webhook dispatch cannot claim work: %s", failure.getMessage());
                });
    }

    private void claimed() {
        claiming.set(false);
        if (wokenWhileClaiming.getAndSet(false)) {
            tick();
        }
    }

    /** The endpoint as the stream's holder reads it. */
    record Endpoint(UUID id, String url, Set<String> eventTypes, UUID unitId, String secret, String previousSecret) {
    }

    record Message(long id, String webhookId, String payload, int attempts, OffsetDateTime nextAttemptAt,
            OffsetDateTime eventAt) {
    }

    record Result(Integer status, String excerpt, String error, long latencyMs) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private Uni<Void> work(UUID endpointId, UUID token) {
        return pump(endpointId, token)
                .chain(endpoint -> endpoint == null ? Uni.createFrom().voidItem() : deliver(endpoint, token, 0))
                .eventually(() -> release(endpointId, token));
    }

    // ---------------------------------------------------------------- the outbox: change log -> messages

    /** Turns the change events after the cursor into messages, in the log's order; null when the lease is gone. */
    private Uni<Endpoint> pump(UUID endpointId, UUID token) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        select e.url, e.event_types, e.unit_id, e.secret,
                               case when e.previous_secret_until > now() then e.previous_secret end as previous_secret,
                               s.cursor_tx::text as cursor_tx, s.cursor_seq
                        from webhook_stream s join webhook_endpoint e on e.id = s.endpoint_id
                        where s.endpoint_id = $1 and s.lease_token = $2 and e.enabled""")
                .execute(Tuple.of(endpointId, token))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().nullItem();
                    }
                    Row row = rows.iterator().next();
                    Endpoint endpoint = new Endpoint(endpointId, row.getString("url"),
                            Set.copyOf(Arrays.asList(row.getString("event_types").split(","))), row.getUUID("unit_id"),
                            row.getString("secret"), row.getString("previous_secret"));
                    return scan(connection, endpoint, row.getString("cursor_tx"), row.getLong("cursor_seq"))
                            .replaceWith(endpoint);
                }));
    }

    private Uni<Void> scan(SqlConnection connection, Endpoint endpoint, String cursorTx, long cursorSeq) {
        // One statement, one snapshot: the watermark and the rows come from the same one (docs/sync.md).
        return connection.preparedQuery("""
                        select c.seq, c.tx::text as tx, c.at, c.entity, c.op, c.data::text as data,
                               c.detail::text as detail, c.detail ->> 'action' as action,
                               ($3::uuid is null or exists (select from unit_closure u
                                    where u.ancestor_id = $3::uuid and u.unit_id = (c.data ->> 'unitId')::uuid)) as in_scope
                        from change_event c
                        where (c.tx, c.seq) > ($1::text::xid8, $2)
                          and c.tx < pg_snapshot_xmin(pg_current_snapshot())
                        order by c.tx, c.seq
                        limit $4""")
                .execute(Tuple.of(cursorTx, cursorSeq, endpoint.unitId(), MAX_SCAN))
                .chain(events -> {
                    List<Tuple> messages = new ArrayList<>();
                    String lastTx = null;
                    long lastSeq = 0;
                    for (Row event : events) {
                        lastTx = event.getString("tx");
                        lastSeq = event.getLong("seq");
                        String type = typeOf(event, endpoint.eventTypes());
                        if (type != null && event.getBoolean("in_scope")) {
                            messages.add(Tuple.of(endpoint.id(), "msg_" + lastSeq, type, lastSeq)
                                    .addString(payload(type, event))
                                    .addOffsetDateTime(event.getOffsetDateTime("at")));
                        }
                    }
                    if (lastTx == null) {
                        return Uni.createFrom().voidItem();
                    }
                    Uni<Void> insert = messages.isEmpty() ? Uni.createFrom().voidItem()
                            : connection.preparedQuery("""
                                    insert into webhook_message (endpoint_id, webhook_id, event_type, change_seq,
                                                                 payload, event_at)
                                    values ($1, $2, $3, $4, $5, $6)""").executeBatch(messages).replaceWithVoid();
                    Tuple cursor = Tuple.of(endpoint.id(), lastTx, lastSeq);
                    return insert.chain(() -> connection.preparedQuery("""
                                    update webhook_stream set cursor_tx = $2::text::xid8, cursor_seq = $3
                                    where endpoint_id = $1""").execute(cursor)).replaceWithVoid();
                });
    }

    /** The event type a change is sent as to an endpoint subscribing to {@code wanted}; null: not sent. */
    static String typeOf(Row event, Set<String> wanted) {
        String entity = event.getString("entity");
        String op = event.getString("op");
        String type = switch (entity + "/" + op) {
            case "finding/CREATE" -> WebhookEventType.FINDING_REPORTED.wireName();
            case "finding/TRANSITION" -> {
                boolean escalation = "ESCALATE".equals(event.getString("action"));
                // An escalation is sent as finding.escalated where that is subscribed, else as a transition.
                yield escalation && wanted.contains(WebhookEventType.FINDING_ESCALATED.wireName())
                        ? WebhookEventType.FINDING_ESCALATED.wireName()
                        : WebhookEventType.FINDING_TRANSITIONED.wireName();
            }
            case "notice/CREATE" -> WebhookEventType.NOTICE_ISSUED.wireName();
            case "inspection/CREATE" -> WebhookEventType.INSPECTION_RECORDED.wireName();
            case "campaign/CREATE" -> WebhookEventType.CAMPAIGN_CREATED.wireName();
            // A change of its fields or of its targets (then "targets" says what was added or removed).
            case "campaign/UPDATE" -> WebhookEventType.CAMPAIGN_UPDATED.wireName();
            default -> null;
        };
        return type != null && wanted.contains(type) ? type : null;
    }

    /**
     * {@code {"type", "timestamp", "data": <the row as the REST API represents it>}}, and for a finding's move
     * {@code "transition": {action, from, to, note}}. The row is the one the change event recorded, so the payload
     * is the same whenever it is built, and only the row of a unit within the endpoint's scope is ever sent.
     */
    private String payload(String type, Row event) {
        try {
            ObjectNode root = json.createObjectNode();
            root.put("type", type);
            root.put("timestamp", event.getOffsetDateTime("at").withOffsetSameInstant(ZoneOffset.UTC).toString());
            root.set("data", json.readTree(event.getString("data")));
            if (type.startsWith("finding.") && !type.equals(WebhookEventType.FINDING_REPORTED.wireName())
                    && event.getString("detail") != null) {
                JsonNode detail = json.readTree(event.getString("detail"));
                root.set("transition", detail);
            }
            if (type.equals(WebhookEventType.CAMPAIGN_UPDATED.wireName()) && event.getString("detail") != null) {
                root.set("targets", json.readTree(event.getString("detail")));
            }
            return json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt change event " + event.getLong("seq"), e);
        }
    }

    // ---------------------------------------------------------------- delivery

    private Uni<Void> deliver(Endpoint endpoint, UUID token, int sent) {
        if (sent >= MAX_BATCH || stopped) {
            return Uni.createFrom().voidItem();
        }
        // The next pending messages in stream order, read at once; sent one after another.
        return pool.preparedQuery("""
                        select id, webhook_id, payload, attempts, next_attempt_at, event_at
                        from webhook_message where endpoint_id = $1 and status = 'PENDING'
                        order by id limit $2""")
                .execute(Tuple.of(endpoint.id(), PAGE))
                .chain(rows -> {
                    List<Message> messages = new ArrayList<>();
                    for (Row row : rows) {
                        messages.add(new Message(row.getLong("id"), row.getString("webhook_id"),
                                row.getString("payload"), row.getInteger("attempts"),
                                row.getOffsetDateTime("next_attempt_at"), row.getOffsetDateTime("event_at")));
                    }
                    if (messages.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    return deliverEach(endpoint, token, messages, 0)
                            .chain(all -> all && messages.size() == PAGE
                                    ? deliver(endpoint, token, sent + messages.size())
                                    : Uni.createFrom().voidItem());
                });
    }

    /** Sends messages[i..] in order while each is answered 2xx; true when all of them were. */
    private Uni<Boolean> deliverEach(Endpoint endpoint, UUID token, List<Message> messages, int i) {
        if (i == messages.size()) {
            return Uni.createFrom().item(true);
        }
        if (stopped) {
            return Uni.createFrom().item(false);
        }
        Message message = messages.get(i);
        if (message.nextAttemptAt().isAfter(OffsetDateTime.now())) {
            return pool.preparedQuery("""
                            update webhook_stream set retry_at = $3
                            where endpoint_id = $1 and lease_token = $2""")
                    .execute(Tuple.of(endpoint.id(), token, message.nextAttemptAt())).replaceWith(false);
        }
        return attempt(endpoint, message)
                .chain(result -> record(endpoint, token, message, result))
                .chain(next -> next ? deliverEach(endpoint, token, messages, i + 1) : Uni.createFrom().item(false));
    }

    /** One POST: the address is checked again, and the request goes to the address that was checked. */
    private Uni<Result> attempt(Endpoint endpoint, Message message) {
        long start = System.nanoTime();
        WebhookUrls.Target target;
        try {
            target = urls.parse(endpoint.url());
        } catch (DomainException e) {
            return Uni.createFrom().item(new Result(null, null, "refused: " + e.getMessage(), 0));
        }
        AtomicReference<HttpClientRequest> sending = new AtomicReference<>();
        return urls.admissibleAddress(target)
                .chain(address -> send(target, address, message, endpoint, sending))
                .ifNoItem().after(settings.timeout()).failWith(() -> new TimeoutException(
                        "no answer within " + settings.timeout().toMillis() + " ms"))
                .map(response -> new Result(response.status(), response.excerpt(), null, elapsed(start)))
                .onFailure().recoverWithItem(failure -> {
                    HttpClientRequest request = sending.get();
                    if (request != null) {
                        request.reset(); // the timeout: give the connection up instead of waiting on it
                    }
                    String error = failure instanceof DomainException
                            ? "refused: " + failure.getMessage()
                            : failure instanceof TimeoutException ? "timeout: " + failure.getMessage()
                            : failure.getClass().getSimpleName() + ": " + failure.getMessage();
                    return new Result(null, null, truncate(error), elapsed(start));
                });
    }

    private record Answer(int status, String excerpt) {
    }

    private Uni<Answer> send(WebhookUrls.Target target, InetAddress address, Message message, Endpoint endpoint,
            AtomicReference<HttpClientRequest> sending) {
        long timestamp = System.currentTimeMillis() / 1000;
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(target.pathAndQuery())
                .setServer(SocketAddress.inetSocketAddress(target.port(), address.getHostAddress()))
                .setFollowRedirects(false)
                .setIdleTimeout(settings.timeout().toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", "Ducha-Webhooks/1")
                .putHeader("webhook-id", message.webhookId())
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSecrets.header(message.webhookId(), timestamp,
                        message.payload(), endpoint.secret(), endpoint.previousSecret()));
        return client.request(options)
                .invoke(sending::set)
                .chain(request -> request.send(Buffer.buffer(message.payload().getBytes(StandardCharsets.UTF_8))))
                .chain(this::excerpt);
    }

    /** The status and the first characters of the answer; the rest is read and dropped, never held. */
    private Uni<Answer> excerpt(HttpClientResponse response) {
        return response.toMulti()
                .collect().in(io.vertx.core.buffer.Buffer::buffer, (kept, chunk) -> {
                    if (kept.length() < EXCERPT * 4) {
                        kept.appendBuffer(chunk.getDelegate(), 0, Math.min(chunk.length(), EXCERPT * 4 - kept.length()));
                    }
                })
                .map(body -> new Answer(response.statusCode(), truncate(body.toString(StandardCharsets.UTF_8))));
    }

    /**
     * Marks the outcome, if this replica still holds the stream: delivered, or scheduled again after the backoff,
     * or — after failing for longer than {@code disable-after} — the endpoint disabled with the reason. True when
     * the next message may go now.
     */
    private Uni<Boolean> record(Endpoint endpoint, UUID token, Message message, Result result) {
        int attempt = message.attempts() + 1;
        if (result.delivered()) {
            metrics.delivered(endpoint.id());
        } else {
            metrics.failed(endpoint.id());
            Log.debugf("Webhook %s to endpoint %s, attempt %d failed: %s %s", message.webhookId(), endpoint.id(),
                    attempt, result.status(), result.error());
        }
        if (result.delivered()) {
            // One statement, atomic on its own: the lease is checked, the message marked, the attempt logged.
            return pool.preparedQuery("""
                            with held as (
                                update webhook_stream set failing_since = null, retry_at = null,
                                       lease_until = now() + $3 * interval '1 millisecond'
                                where endpoint_id = $1 and lease_token = $2 returning endpoint_id),
                            marked as (
                                update webhook_message set status = 'DELIVERED', attempts = $5, delivered_at = now()
                                where id = $4 and exists (select from held) returning id)
                            insert into webhook_attempt (message_id, endpoint_id, attempt, status_code, latency_ms,
                                                         response_excerpt)
                            select id, $1, $5, $6, $7, $8 from marked""")
                    .execute(Tuple.tuple(List.of(endpoint.id(), token, settings.lease().toMillis(), message.id(),
                                    attempt, result.status(), (int) Math.min(Integer.MAX_VALUE, result.latencyMs())))
                            .addString(result.excerpt()))
                    .map(inserted -> inserted.rowCount() == 1);
        }
        return pool.withTransaction(connection -> {
            long backoff = backoffMillis(attempt);
            return connection.preparedQuery("""
                            update webhook_stream set failing_since = coalesce(failing_since, now()),
                                   lease_until = now() + $3 * interval '1 millisecond'
                            where endpoint_id = $1 and lease_token = $2
                            returning failing_since <= now() - $4 * interval '1 millisecond' as give_up,
                                      failing_since""")
                    .execute(Tuple.of(endpoint.id(), token, settings.lease().toMillis(),
                            settings.disableAfter().toMillis()))
                    .chain(held -> {
                        if (held.rowCount() == 0) {
                            return Uni.createFrom().item(false);
                        }
                        Row stream = held.iterator().next();
                        if (stream.getBoolean("give_up")) {
                            return disable(connection, endpoint, message, attempt, result,
                                    stream.getOffsetDateTime("failing_since"));
                        }
                        return connection.preparedQuery("""
                                        with m as (update webhook_message set attempts = $2,
                                                       next_attempt_at = now() + $3 * interval '1 millisecond'
                                                   where id = $1 returning next_attempt_at)
                                        update webhook_stream set retry_at = (select next_attempt_at from m)
                                        where endpoint_id = $4
                                        returning retry_at""")
                                .execute(Tuple.of(message.id(), attempt, backoff, endpoint.id()))
                                .chain(rows -> log(connection, endpoint, message, attempt, result,
                                        rows.iterator().next().getOffsetDateTime("retry_at")))
                                .replaceWith(false);
                    });
        });
    }

    private Uni<Boolean> disable(SqlConnection connection, Endpoint endpoint, Message message, int attempt,
            Result result, OffsetDateTime failingSince) {
        String reason = truncate("Disabled at " + OffsetDateTime.now(ZoneOffset.UTC) + ": every attempt failed since "
                + failingSince.withOffsetSameInstant(ZoneOffset.UTC) + " (longer than " + settings.disableAfter()
                + "); last: " + (result.status() != null ? "HTTP " + result.status() : result.error())
                + ". Enable it again to resume from the first undelivered event.");
        Log.warnf("Webhook endpoint %s disabled: %s", endpoint.id(), reason);
        return connection.preparedQuery("""
                        update webhook_endpoint set enabled = false, disabled_reason = $2, version = version + 1,
                               updated_at = now() where id = $1""")
                .execute(Tuple.of(endpoint.id(), reason))
                .chain(() -> connection.preparedQuery("""
                                update webhook_message set attempts = $2 where id = $1""")
                        .execute(Tuple.of(message.id(), attempt)))
                .chain(() -> connection.preparedQuery("""
                                update webhook_stream set retry_at = null where endpoint_id = $1""")
                        .execute(Tuple.of(endpoint.id())))
                .chain(() -> log(connection, endpoint, message, attempt, result, null))
                .replaceWith(false);
    }

    private Uni<RowSet<Row>> log(SqlConnection connection, Endpoint endpoint, Message message, int attempt,
            Result result, OffsetDateTime next) {
        return connection.preparedQuery("""
                        insert into webhook_attempt (message_id, endpoint_id, attempt, status_code, latency_ms, error,
                                                     response_excerpt, next_attempt_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8)""")
                .execute(Tuple.tuple(List.of(message.id(), endpoint.id(), attempt))
                        .addInteger(result.status()).addInteger((int) Math.min(Integer.MAX_VALUE, result.latencyMs()))
                        .addString(result.error()).addString(result.excerpt()).addOffsetDateTime(next));
    }

    /** Gives the stream back and refreshes the lag gauge from what is still waiting. */
    private Uni<Void> release(UUID endpointId, UUID token) {
        return pool.preparedQuery("""
                        with released as (
                            update webhook_stream set lease_token = null, lease_until = null, last_run_at = now()
                            where endpoint_id = $1 and lease_token = $2 returning retry_at)
                        select coalesce(extract(epoch from now() - min(event_at)), 0)::float8 as lag,
                               (select extract(epoch from retry_at - now()) * 1000 from released)::float8 as retry_in
                        from webhook_message where endpoint_id = $1 and status = 'PENDING'""")
                .execute(Tuple.of(endpointId, token))
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    metrics.lag(endpointId, row.getDouble("lag"));
                    // A retry due before the next poll is taken when it is due, not up to a poll interval late.
                    Double retryIn = row.getDouble("retry_in");
                    if (retryIn != null && retryIn < settings.pollInterval().toMillis() && !stopped) {
                        vertx.setTimer(Math.max(1, retryIn.longValue() + 1), id -> tick());
                    }
                })
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    Log.debugf("Webhook endpoint %s not released (%s); its lease runs out", endpointId,
                            failure.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    /**
     * Exponential backoff with jitter: the n-th failure waits a random time between half and all of
     * min(initial * 2^(n-1), max). With the defaults (5 s, 1 h) the retries reach 24 hours after about 40 attempts,
     * when the endpoint is disabled.
     */
    long backoffMillis(int failures) {
        long initial = settings.initialBackoff().toMillis();
        long max = settings.maxBackoff().toMillis();
        long base = failures >= 40 ? max : Math.min(max, initial << Math.max(0, failures - 1));
        return base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    }

    private static long elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static String truncate(String text) {
        return text == null ? null : text.length() <= EXCERPT ? text : text.substring(0, EXCERPT);
    }
}
