package ducha.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import ducha.security.CurrentUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

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
