package ducha.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ducha.common.AuditedEntity;
import ducha.common.ExpectedVersions;
import ducha.common.FieldError;
import ducha.common.InvalidInputException;
import ducha.common.Page;
import ducha.common.PageRequest;
import ducha.common.ResourceNotFoundException;
import ducha.common.Texts;
import ducha.common.Times;
import ducha.common.Versions;
import ducha.unit.UnitRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** The rules of webhook endpoints: admin-only (the resource says so), checked targets, secrets shown once. */
@ApplicationScoped
public class WebhookService {

    static final String ENTITY = "webhook";
    static final Duration MAX_OVERLAP = Duration.ofDays(7);

    private final WebhookEndpointRepository endpoints;
    private final UnitRepository units;
    private final WebhookUrls urls;
    private final WebhookSettings settings;
    private final Pool pool;
    private final ObjectMapper json;

    public WebhookService(WebhookEndpointRepository endpoints, UnitRepository units, WebhookUrls urls,
            WebhookSettings settings, Pool pool, ObjectMapper json) {
        this.endpoints = endpoints;
        this.units = units;
        this.urls = urls;
        this.settings = settings;
        this.pool = pool;
        this.json = json;
    }

    @WithSession
    public Uni<WebhookView> get(UUID id) {
        return require(id).map(endpoint -> WebhookView.of(endpoint, false));
    }

    /** Endpoints in id order. */
    @WithSession
    public Uni<Page<WebhookView>> list(PageRequest page) {
        UUID after = page.cursor() == null ? null : cursorId(page.cursor());
        var query = after == null ? endpoints.findAll(Sort.ascending("id"))
                : endpoints.find("id > ?1", Sort.ascending("id"), after);
        return query.range(0, page.limit()).list()
                .map(rows -> Page.of(rows, page.limit(), row -> row.id.toString())
                        .map(endpoint -> WebhookView.of(endpoint, false)));
    }

    /**
     * Registers an endpoint with a new secret (in this answer only). Its stream starts at the current watermark:
     * it receives the events of transactions that commit from now on.
     */
    @WithTransaction
    public Uni<WebhookView> create(@Valid @NotNull WebhookInput input) {
        return check(input).chain(checked -> {
            WebhookEndpoint endpoint = new WebhookEndpoint();
            endpoint.id = UUID.randomUUID();
            apply(endpoint, input, checked);
            endpoint.enabled = input.enabled() == null || input.enabled();
            endpoint.secret = WebhookSecrets.generate();
            return endpoints.persistAndFlush(endpoint)
                    .call(saved -> Panache.getSession().chain(session -> session.createNativeQuery("""
                                    insert into webhook_stream (endpoint_id, cursor_tx)
                                    values (:id, pg_snapshot_xmin(pg_current_snapshot()))""")
                            .setParameter("id", saved.id).executeUpdate()))
                    .map(saved -> WebhookView.of(saved, true));
        });
    }

    @WithTransaction
    public Uni<WebhookView> update(UUID id, ExpectedVersions expected, @Valid @NotNull WebhookInput input) {
        return check(input).chain(checked -> require(id)
                .invoke(endpoint -> Versions.check(ENTITY, id, expected, endpoint.version))
                .call(endpoint -> {
                    boolean enabling = !endpoint.enabled && (input.enabled() == null || input.enabled());
                    apply(endpoint, input, checked);
                    endpoint.enabled = input.enabled() == null || input.enabled();
                    endpoint.touch();
                    if (!enabling) {
                        return Uni.createFrom().voidItem();
                    }
                    // Enabled again: the retries start afresh, from the first undelivered event.
                    endpoint.disabledReason = null;
                    return Panache.getSession().chain(session -> session.createNativeQuery("""
                                    update webhook_stream set failing_since = null, retry_at = null
                                    where endpoint_id = :id""").setParameter("id", id).executeUpdate())
                            .chain(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                                    update webhook_message set next_attempt_at = now()
                                    where endpoint_id = :id and status = 'PENDING'""")
                                    .setParameter("id", id).executeUpdate()));
                })
                .call(endpoints::flush)
                .map(endpoint -> WebhookView.of(endpoint, false)));
    }

    /** Deletes the endpoint with its stream, queue and log; nothing more is sent to it. */
    @WithTransaction
    public Uni<Void> delete(UUID id, ExpectedVersions expected) {
        return require(id)
                .invoke(endpoint -> Versions.check(ENTITY, id, expected, endpoint.version))
                .call(endpoint -> endpoints.delete(endpoint))
                .call(endpoints::flush)
                .replaceWithVoid();
    }

    /**
     * A new secret, shown once; the current one keeps signing for the overlap (default
     * {@code ducha.webhooks.rotation-overlap}), so receivers can switch without losing an event.
     */
    @WithTransaction
    public Uni<WebhookSecretView> rotate(UUID id, ExpectedVersions expected, Duration overlap) {
        Duration kept = overlap == null ? settings.rotationOverlap() : overlap;
        if (kept.isNegative() || kept.compareTo(MAX_OVERLAP) > 0) {
            return Uni.createFrom().failure(new InvalidInputException("overlapSeconds",
                    "must be between 0 and " + MAX_OVERLAP.toSeconds()));
        }
        return require(id)
                .invoke(endpoint -> Versions.check(ENTITY, id, expected, endpoint.version))
                .invoke(endpoint -> {
                    endpoint.previousSecret = endpoint.secret;
                    endpoint.previousSecretUntil = AuditedEntity.now().plus(kept);
                    endpoint.secret = WebhookSecrets.generate();
                    endpoint.touch();
                })
                .call(endpoints::flush)
                .map(endpoint -> new WebhookSecretView(endpoint.secret, Times.utc(endpoint.previousSecretUntil),
                        endpoint.version));
    }

    /** The delivery log of an endpoint, newest attempt first. */
    @WithSession
    public Uni<Page<WebhookDelivery>> deliveries(UUID id, PageRequest page) {
        Long before = page.cursor() == null ? null : cursorNumber(page.cursor());
        return require(id).chain(endpoint -> pool.preparedQuery("""
                        select a.id, a.message_id, m.webhook_id, m.event_type, a.attempt, a.at, a.status_code,
                               a.latency_ms, a.error, a.response_excerpt, a.next_attempt_at, m.status
                        from webhook_attempt a join webhook_message m on m.id = a.message_id
                        where a.endpoint_id = $1 and ($2::bigint is null or a.id < $2)
                        order by a.id desc limit $3""")
                .execute(Tuple.of(id, before, page.limit() + 1))
                .map(rows -> {
                    List<WebhookDelivery> items = new ArrayList<>();
                    for (Row row : rows) {
                        items.add(new WebhookDelivery(row.getLong("id"), row.getLong("message_id"),
                                row.getString("webhook_id"), row.getString("event_type"), row.getInteger("attempt"),
                                utc(row, "at"), row.getInteger("status_code"), row.getInteger("latency_ms"),
                                row.getString("error"), row.getString("response_excerpt"),
                                utc(row, "next_attempt_at"), row.getString("status")));
                    }
                    return Page.of(items, page.limit(), delivery -> Long.toString(delivery.id()));
                }));
    }

    /** The endpoint's messages (queued events), newest first. */
    @WithSession
    public Uni<Page<WebhookMessageView>> messages(UUID id, PageRequest page) {
        Long before = page.cursor() == null ? null : cursorNumber(page.cursor());
        return require(id).chain(endpoint -> pool.preparedQuery("""
                        select id, webhook_id, event_type, status, attempts, next_attempt_at, created_at
                        from webhook_message where endpoint_id = $1 and ($2::bigint is null or id < $2)
                        order by id desc limit $3""")
                .execute(Tuple.of(id, before, page.limit() + 1))
                .map(rows -> {
                    List<WebhookMessageView> items = new ArrayList<>();
                    for (Row row : rows) {
                        items.add(message(row));
                    }
                    return Page.of(items, page.limit(), message -> Long.toString(message.id()));
                }));
    }

    /** Events one "since" redelivery may queue again. */
    static final int MAX_REDELIVERY = 10_000;

    /**
     * Queues events again, at the end of the endpoint's stream, with the same webhook-id and body (a receiver that
     * de-duplicates by webhook-id drops what it has; one that lost it gets it): one message, or every event queued
     * since a time, once each, in stream order.
     */
    @WithTransaction
    public Uni<RedeliveryView> redeliver(UUID id, RedeliveryInput input) {
        if ((input.messageId() == null) == (input.since() == null)) {
            return Uni.createFrom().failure(new InvalidInputException("messageId", "or since is required, not both"));
        }
        if (input.messageId() != null) {
            return require(id).chain(endpoint -> Panache.getSession().chain(session -> session.createNativeQuery("""
                            insert into webhook_message (endpoint_id, webhook_id, event_type, change_seq, payload, event_at)
                            select endpoint_id, webhook_id, event_type, change_seq, payload, now()
                            from webhook_message where id = :message and endpoint_id = :endpoint""")
                    .setParameter("message", input.messageId()).setParameter("endpoint", id).executeUpdate()))
                    .invoke(queued -> {
                        if (queued == 0) {
                            throw new ResourceNotFoundException("webhook message", input.messageId());
                        }
                    })
                    .map(RedeliveryView::new);
        }
        Instant since = Times.instant(input.since());
        return require(id).chain(endpoint -> Panache.getSession().chain(session -> session.createNativeQuery("""
                                select count(distinct webhook_id) from webhook_message
                                where endpoint_id = :endpoint and created_at >= :since""", Long.class)
                        .setParameter("endpoint", id).setParameter("since", since).getSingleResult()
                        .invoke(count -> {
                            if (count > MAX_REDELIVERY) {
                                throw new InvalidInputException("since", "covers " + count + " events, more than "
                                        + MAX_REDELIVERY + " at once: choose a later time, then the next");
                            }
                        })
                        .chain(() -> session.createNativeQuery("""
                                        insert into webhook_message (endpoint_id, webhook_id, event_type, change_seq,
                                                                     payload, event_at)
                                        select endpoint_id, webhook_id, event_type, change_seq, payload, now()
                                        from (select distinct on (webhook_id) * from webhook_message
                                              where endpoint_id = :endpoint and created_at >= :since
                                              order by webhook_id, id) first_of_each
                                        order by id""")
                                .setParameter("endpoint", id).setParameter("since", since).executeUpdate())))
                .map(RedeliveryView::new);
    }

    /** Queues a {@code webhook.test} event at the end of the endpoint's stream. */
    @WithTransaction
    public Uni<WebhookMessageView> sendTest(UUID id, @Valid @NotNull TestEventInput input) {
        String webhookId = "msg_test_" + UUID.randomUUID().toString().replace("-", "");
        ObjectNode payload = json.createObjectNode();
        payload.put("type", WebhookEventType.TEST);
        payload.put("timestamp", Instant.now().toString());
        payload.putObject("data").put("endpointId", id.toString())
                .put("message", input.message() != null && !input.message().isBlank() ? input.message()
                        : "A test event from Ducha: the endpoint is reachable and verifies signatures.");
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return require(id).chain(endpoint -> Panache.getSession().chain(session -> session.createNativeQuery("""
                                insert into webhook_message (endpoint_id, webhook_id, event_type, payload)
                                values (:endpoint, :webhookId, :type, :payload) returning id""", Long.class)
                        .setParameter("endpoint", id).setParameter("webhookId", webhookId)
                        .setParameter("type", WebhookEventType.TEST).setParameter("payload", body)
                        .getSingleResult())
                .chain(messageId -> readMessage(messageId)));
    }

    private Uni<WebhookMessageView> readMessage(long messageId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select id, webhook_id, event_type, status, attempts, next_attempt_at, created_at
                        from webhook_message where id = :id""", Object[].class)
                .setParameter("id", messageId).getSingleResult())
                .map(row -> new WebhookMessageView(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                        (String) row[3], ((Number) row[4]).intValue(), Times.utc(instant(row[5])),
                        Times.utc(instant(row[6]))));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.LocalDateTime local) {
            return local.toInstant(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("Not a time: " + value);
    }

    private static WebhookMessageView message(Row row) {
        return new WebhookMessageView(row.getLong("id"), row.getString("webhook_id"), row.getString("event_type"),
                row.getString("status"), row.getInteger("attempts"), utc(row, "next_attempt_at"),
                utc(row, "created_at"));
    }

    private static java.time.OffsetDateTime utc(Row row, String column) {
        java.time.OffsetDateTime time = row.getOffsetDateTime(column);
        return time == null ? null : time.withOffsetSameInstant(java.time.ZoneOffset.UTC);
    }

    // ---------------------------------------------------------------- rules

    private record Checked(String url, List<String> eventTypes) {
    }

    /** Every field's rule, then the unit, then the target's addresses (resolution: last, it is the slowest). */
    private Uni<Checked> check(WebhookInput input) {
        List<FieldError> errors = new ArrayList<>();
        WebhookUrls.Target target = null;
        try {
            target = urls.parse(input.url());
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        LinkedHashSet<String> types = new LinkedHashSet<>();
        if (input.eventTypes() == null || input.eventTypes().isEmpty()) {
            errors.add(new FieldError("eventTypes", "must name at least one of " + WebhookEventType.wireNames()));
        } else {
            for (int i = 0; i < input.eventTypes().size(); i++) {
                String type = input.eventTypes().get(i);
                if (type == null || WebhookEventType.ofWireName(type.strip()).isEmpty()) {
                    errors.add(new FieldError("eventTypes[" + i + "]", "must be one of " + WebhookEventType.wireNames()));
                } else {
                    types.add(type.strip());
                }
            }
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInputException(errors));
        }
        WebhookUrls.Target checkedTarget = target;
        Uni<Void> unit = input.unitId() == null ? Uni.createFrom().voidItem()
                : units.findById(input.unitId())
                        .onItem().ifNull().failWith(() -> new InvalidInputException("unitId", "names no unit"))
                        .replaceWithVoid();
        return unit.chain(() -> urls.admissibleAddress(checkedTarget))
                .map(address -> new Checked(checkedTarget.uri().toString(), List.copyOf(types)));
    }

    private static void apply(WebhookEndpoint endpoint, WebhookInput input, Checked checked) {
        endpoint.url = checked.url();
        endpoint.description = Texts.blankToNull(input.description());
        endpoint.eventTypes = String.join(",", checked.eventTypes());
        endpoint.unitId = input.unitId();
    }

    private Uni<WebhookEndpoint> require(UUID id) {
        return endpoints.findById(id).onItem().ifNull().failWith(() -> new ResourceNotFoundException(ENTITY, id));
    }

    private static UUID cursorId(String cursor) {
        try {
            return UUID.fromString(cursor);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("cursor", "is not a cursor of this list");
        }
    }

    private static long cursorNumber(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("cursor", "is not a cursor of this list");
        }
    }
}
