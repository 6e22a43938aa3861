package ducha.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import ducha.common.ConflictException;
import ducha.common.DomainException;
import ducha.common.Failures;
import ducha.common.Hashes;
import ducha.common.InvalidInputException;
import ducha.security.CurrentUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Idempotency-Key on POST, as the IETF draft "The Idempotency-Key HTTP Header Field" describes it: the first
 * response to a key (success or 4xx problem) is stored and replayed for every retry of the same request by the
 * same caller; the same key on a different request is a 422; a retry while the first is still running is a 409.
 *
 * <p>A request first claims its key in a short transaction of its own, so that a concurrent retry sees the claim.
 * The write then runs in a transaction that this class opens and the service joins, and the response is stored
 * in that same transaction: a committed write always has its response on record, even when the process dies
 * before answering. A write that failed with a 4xx stores its problem afterwards (nothing was written, so a
 * crash in between only means the retry runs again). Failures a retry may not meet again (5xx, transient
 * conflicts, a lost database) release the key instead — later, once the database is back, if need be.
 */
@ApplicationScoped
public class Idempotency {

    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;
    private static final TypeReference<LinkedHashMap<String, String>> HEADER_MAP = new TypeReference<>() {
    };

    private final Pool pool;
    private final CurrentUser user;
    private final ObjectMapper json;
    private final Duration lease;

    public Idempotency(Pool pool, CurrentUser user, ObjectMapper json, IdempotencySettings settings) {
        this.pool = pool;
        this.user = user;
        this.json = json;
        this.lease = settings.lease();
    }

    /** What a POST answered, as stored and replayed: status, the headers that matter, the exact body bytes. */
    record StoredResponse(int status, Map<String, String> headers, byte[] body) {

        Response toResponse(boolean replayed) {
            Response.ResponseBuilder builder = Response.status(status).entity(body.length == 0 ? null : body);
            headers.forEach(builder::header);
            if (replayed) {
                builder.header(REPLAYED_HEADER, "true");
            }
            return builder.build();
        }
    }

    /** Runs a POST with a JSON body under its Idempotency-Key (none: runs it as it is). */
    public Uni<Response> execute(String key, UriInfo uri, Object body, Supplier<Uni<? extends RestResponse<?>>> write) {
        return execute(key, uri, Hashes.sha256(toJson(body)), write);
    }

    /**
     * Runs a POST under its Idempotency-Key; {@code bodyDigest} is the SHA-256 of what identifies its body, so
     * that the same key with another body is recognised.
     */
    public Uni<Response> execute(String key, UriInfo uri, byte[] bodyDigest,
            Supplier<Uni<? extends RestResponse<?>>> write) {
        if (key == null) {
            return write.get().map(response -> store(response).toResponse(false));
        }
        String validKey = validKey(key);
        String fingerprint = HexFormat.of().formatHex(Hashes.sha256(
                ("POST " + uri.getPath() + "\n" + HexFormat.of().formatHex(bodyDigest)).getBytes(StandardCharsets.UTF_8)));
        String subject = user.subject();
        UUID attempt = UUID.randomUUID();
        // Memoized, so that a client that drops the connection does not cancel the work half-way: the write
        // finishes and its response is on record for the retry, instead of a claim left in flight.
        return claim(subject, validKey, fingerprint, attempt)
                .chain(claimed -> claimed
                        ? run(subject, validKey, attempt, uri, write)
                        : answerFromRecord(subject, validKey, fingerprint))
                .memoize().indefinitely();
    }

    private Uni<Response> run(String subject, String key, UUID attempt, UriInfo uri,
            Supplier<Uni<? extends RestResponse<?>>> write) {
        return Panache.withTransaction(() -> write.get()
                        .map(this::store)
                        .call(stored -> complete(subject, key, attempt, stored)))
                .map(stored -> stored.toResponse(false))
                .onFailure().recoverWithUni(failure -> {
                    Throwable cause = Failures.translate(failure);
                    if (cause instanceof RequestInFlightException) {
                        return Uni.createFrom().failure(cause);
                    }
                    if (cause instanceof DomainException domain && domain.status() < 500
                            && !(domain instanceof ConflictException conflict && conflict.isTransient())) {
                        StoredResponse problem = store(ProblemMapper.toResponse(domain, uri));
                        return completeFailure(subject, key, attempt, problem).replaceWith(problem.toResponse(false));
                    }
                    return release(subject, key, attempt)
                            .onFailure().invoke(e -> releaseLater(subject, key, attempt))
                            .onFailure().recoverWithNull()
                            .chain(() -> Uni.createFrom().failure(cause));
                });
    }

    /**
     * The database could not be reached to release the key (it is what failed the write): keep trying in the
     * background until it can, so that the client's retry is not refused as in flight for the whole lease.
     * Releasing is safe whatever became of the write: a committed write marked its key DONE, which release leaves.
     */
    private void releaseLater(String subject, String key, UUID attempt) {
        release(subject, key, attempt)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).expireIn(lease.toMillis())
                .subscribe().with(released -> Log.debugf("Idempotency-Key released after the database came back"),
                        failure -> Log.warnf("Idempotency-Key not released (%s); it is free again after its lease",
                                failure.toString()));
    }

    /**
     * Inserts the key as in flight, or takes over an in-flight claim of the same request whose lease ran out.
     * True when this attempt now owns the key.
     */
    private Uni<Boolean> claim(String subject, String key, String fingerprint, UUID attempt) {
        return pool.preparedQuery("""
                insert into idempotency_record (subject, key, fingerprint, state, attempt)
                values ($1, $2, $3, 'IN_FLIGHT', $4)
                on conflict (subject, key) do update set attempt = excluded.attempt, claimed_at = now()
                where idempotency_record.state = 'IN_FLIGHT' and idempotency_record.fingerprint = excluded.fingerprint
                  and idempotency_record.claimed_at < now() - make_interval(secs => $5)
                returning attempt""")
                .execute(Tuple.of(subject, key, fingerprint, attempt, (double) lease.toMillis() / 1000))
                .map(rows -> rows.rowCount() == 1);
    }

    private Uni<Response> answerFromRecord(String subject, String key, String fingerprint) {
        return pool.preparedQuery("""
                select fingerprint, state, status, headers::text as headers, body
                from idempotency_record where subject = $1 and key = $2""")
                .execute(Tuple.of(subject, key))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        // Purged between claim and read: the caller may simply retry.
                        throw new RequestInFlightException();
                    }
                    Row row = rows.iterator().next();
                    if (!row.getString("fingerprint").equals(fingerprint)) {
                        throw new IdempotencyKeyReusedException();
                    }
                    if (!"DONE".equals(row.getString("state"))) {
                        throw new RequestInFlightException();
                    }
                    Buffer body = row.getBuffer("body");
                    return new StoredResponse(row.getInteger("status"), readHeaders(row.getString("headers")),
                            body == null ? new byte[0] : body.getBytes()).toResponse(true);
                });
    }

    /** Stores the response in the write's transaction; fails (rolling the write back) if the claim was lost. */
    private Uni<Void> complete(String subject, String key, UUID attempt, StoredResponse stored) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update idempotency_record
                        set state = 'DONE', status = :status, headers = cast(cast(:headers as text) as jsonb), body = :body
                        where subject = :subject and key = :key and attempt = :attempt and state = 'IN_FLIGHT'""")
                        .setParameter("status", stored.status())
                        .setParameter("headers", new String(toJson(stored.headers()), StandardCharsets.UTF_8))
                        .setParameter("body", stored.body())
                        .setParameter("subject", subject)
                        .setParameter("key", key)
                        .setParameter("attempt", attempt)
                        .executeUpdate())
                .invoke(updated -> {
                    if (updated != 1) {
                        throw new RequestInFlightException();
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> completeFailure(String subject, String key, UUID attempt, StoredResponse stored) {
        return pool.preparedQuery("""
                update idempotency_record set state = 'DONE', status = $4, headers = $5::text::jsonb, body = $6
                where subject = $1 and key = $2 and attempt = $3 and state = 'IN_FLIGHT'""")
                .execute(Tuple.tuple().addString(subject).addString(key).addUUID(attempt).addInteger(stored.status())
                        .addString(new String(toJson(stored.headers()), StandardCharsets.UTF_8))
                        .addBuffer(Buffer.buffer(stored.body())))
                .replaceWithVoid();
    }

    private Uni<Void> release(String subject, String key, UUID attempt) {
        return pool.preparedQuery("""
                delete from idempotency_record where subject = $1 and key = $2 and attempt = $3 and state = 'IN_FLIGHT'""")
                .execute(Tuple.of(subject, key, attempt))
                .replaceWithVoid();
    }

    /** The response as it will be sent and stored: body serialised once, so a replay is byte for byte the same. */
    private StoredResponse store(RestResponse<?> response) {
        Map<String, String> headers = new LinkedHashMap<>();
        Object entity = response.getEntity();
        if (response.getLocation() != null) {
            headers.put(HttpHeaders.LOCATION, response.getLocation().toString());
        }
        EntityTag tag = response.getEntityTag();
        if (tag != null) {
            headers.put(HttpHeaders.ETAG, ETags.header(tag));
        }
        if (entity != null) {
            headers.put(HttpHeaders.CONTENT_TYPE, entity instanceof Problem ? Problem.MEDIA_TYPE
                    : response.getMediaType() != null ? response.getMediaType().toString() : "application/json");
        }
        return new StoredResponse(response.getStatus(), headers, entity == null ? new byte[0] : toJson(entity));
    }

    private static String validKey(String header) {
        String key = header.strip();
        // The draft makes the field an sf-string ("…"); a bare token is accepted too.
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)
                || key.contains("\"") || key.contains("\\")) {
            throw new InvalidInputException(KEY_HEADER,
                    "must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters, e.g. a UUID");
        }
        return key;
    }

    private byte[] toJson(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a response", e);
        }
    }

    private Map<String, String> readHeaders(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, HEADER_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt stored response headers", e);
        }
    }

}
