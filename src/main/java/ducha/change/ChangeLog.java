package ducha.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ducha.common.AlreadyExistsException;
import ducha.common.ConflictException;
import ducha.security.CurrentUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes the change event of a write in the writer's own session, so it commits or rolls back with it.
 * Call it after the entity was flushed, so that {@code version} is the committed one.
 */
@ApplicationScoped
public class ChangeLog {

    private final ObjectMapper json;
    private final CurrentUser user;

    public ChangeLog(ObjectMapper json, CurrentUser user) {
        this.json = json;
        this.user = user;
    }

    public Uni<Void> record(String entity, UUID id, ChangeOp op, Long version, Object data, Object detail) {
        String dataJson = toJson(data);
        String detailJson = toJson(detail);
        // Cast through text: the reactive driver would bind a String to jsonb as a JSON string scalar.
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into change_event (actor, entity, entity_id, op, version, data, detail)
                values (:actor, :entity, :entityId, :op, :version,
                        cast(cast(:data as text) as jsonb), cast(cast(:detail as text) as jsonb))""")
                .setParameter("actor", user.subject())
                .setParameter("entity", entity)
                .setParameter("entityId", id)
                .setParameter("op", op.name())
                .setParameter("version", version)
                .setParameter("data", dataJson)
                .setParameter("detail", detailJson)
                .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * A create that names the id of a row the same caller created before, with the same fields, is a retry of
     * that create (its answer was lost): answers the row as it is now. Null when there is no such row, so the
     * create goes on. The same id with other fields, or a row someone else created, is a 409; any row with that id
     * is a 412 when the client asked to create only what does not exist ({@code If-None-Match: *}).
     */
    public <E> Uni<E> earlierCreate(String entity, UUID id, Object input, boolean onlyIfAbsent,
            Function<UUID, Uni<E>> find) {
        if (id == null) {
            return Uni.createFrom().nullItem();
        }
        return find.apply(id).chain(existing -> existing == null
                ? Uni.createFrom().<E>nullItem()
                : onlyIfAbsent ? Uni.createFrom().failure(new AlreadyExistsException(entity, id))
                : Panache.getSession().chain(session -> session.createNativeQuery("""
                                select actor, cast(data as text) from change_event
                                where entity = :entity and entity_id = :id and op = 'CREATE'
                                order by seq desc limit 1""", Object[].class)
                        .setParameter("entity", entity)
                        .setParameter("id", id)
                        .getResultList())
                        .map(rows -> {
                            if (rows.isEmpty() || !user.subject().equals(rows.get(0)[0])
                                    || !sameFields(json.valueToTree(input), readTree((String) rows.get(0)[1]))) {
                                throw new ConflictException("A " + entity + " with id " + id + " already exists "
                                        + "with other content; choose another id.");
                            }
                            return existing;
                        }));
    }

    /** True when every field the request gives has the same value in the created row. */
    static boolean sameFields(JsonNode requested, JsonNode created) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = requested.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isNull()
                    && (!created.has(field.getKey()) || !sameValue(field.getValue(), created.get(field.getKey())))) {
                return false;
            }
        }
        return true;
    }

    /** Equal as stored: numbers by value, texts trimmed, times as instants, arrays element by element. */
    private static boolean sameValue(JsonNode requested, JsonNode created) {
        if (requested.isNumber() && created.isNumber()) {
            return requested.decimalValue().compareTo(created.decimalValue()) == 0;
        }
        if (requested.isArray() && created.isArray()) {
            if (requested.size() != created.size()) {
                return false;
            }
            for (int i = 0; i < requested.size(); i++) {
                if (!sameValue(requested.get(i), created.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (requested.isTextual() && created.isTextual()) {
            String a = requested.asText().strip();
            String b = created.asText().strip();
            if (a.equals(b)) {
                return true;
            }
            try {
                return OffsetDateTime.parse(a).toInstant().equals(OffsetDateTime.parse(b).toInstant());
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return requested.equals(created);
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt change event data", e);
        }
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write change event data", e);
        }
    }
}
