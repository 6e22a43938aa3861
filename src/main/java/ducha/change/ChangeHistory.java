package ducha.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads the change log of one row, oldest first. */
@ApplicationScoped
public class ChangeHistory {

    /** A row's history is read whole; this caps a pathological one. */
    private static final int MAX_EVENTS = 1000;

    private final Pool pool;
    private final ObjectMapper json;

    public ChangeHistory(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    public Uni<List<ChangeEventView>> of(String entity, UUID id) {
        return of(entity, List.of(id));
    }

    /** The events of several rows in one query, oldest first; at most MAX_EVENTS per row. */
    public Uni<List<ChangeEventView>> of(String entity, List<UUID> ids) {
        return pool.preparedQuery("""
                select seq, at, actor, entity, entity_id, op, version, data::text as data, detail::text as detail
                from (select *, row_number() over (partition by entity_id order by seq) as n
                      from change_event where entity = $1 and entity_id = any($2)) e
                where n <= $3 order by seq""")
                .execute(Tuple.of(entity, ids.toArray(UUID[]::new), MAX_EVENTS))
                .map(rows -> {
                    List<ChangeEventView> events = new ArrayList<>();
                    for (Row row : rows) {
                        events.add(toView(row));
                    }
                    return events;
                });
    }

    ChangeEventView toView(Row row) {
        return new ChangeEventView(row.getLong("seq"), row.getOffsetDateTime("at"), row.getString("actor"),
                row.getString("entity"), row.getUUID("entity_id"), ChangeOp.valueOf(row.getString("op")),
                row.getLong("version"), parse(row.getString("data")), parse(row.getString("detail")));
    }

    private JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt change event data", e);
        }
    }
}
