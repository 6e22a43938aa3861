package ducha.graphql.planner;

import ducha.common.Hashes;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Automatic persisted queries as Apollo clients send them: {@code extensions.persistedQuery.sha256Hash} with the
 * document the first time (kept, after its hash is checked) and alone afterwards. An unknown hash answers
 * {@code PERSISTED_QUERY_NOT_FOUND}, and the client sends the document again. Kept in memory, bounded, per replica.
 */
@ApplicationScoped
public class PersistedQueries {

    /** What a request's query is after persisted queries: its text, or an error to answer with. */
    public record Outcome(String query, int status, JsonObject error) {
    }

    private final BoundedCache<String, String> byHash;

    public PersistedQueries(@ConfigProperty(name = "ducha.graphql.persisted-queries", defaultValue = "1000") int size) {
        this.byHash = new BoundedCache<>(size);
    }

    /** The text of a request's query: {@code query} itself, or the persisted one its extensions name. */
    public Outcome resolve(String query, JsonObject extensions) {
        JsonObject persisted = extensions == null ? null
                : extensions.getValue("persistedQuery") instanceof JsonObject object ? object : null;
        if (persisted == null) {
            return new Outcome(query, 200, null);
        }
        Object hash = persisted.getValue("sha256Hash");
        if (!(hash instanceof String hex) || !hex.matches("[0-9a-fA-F]{64}")) {
            return error(400, "extensions.persistedQuery.sha256Hash must be the SHA-256 of the document, in hex.",
                    "PERSISTED_QUERY_INVALID");
        }
        String key = hex.toLowerCase();
        if (query == null) {
            String known = byHash.get(key);
            return known != null ? new Outcome(known, 200, null)
                    : error(200, "PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND");
        }
        if (!Hashes.sha256Hex(query).equals(key)) {
            return error(400, "extensions.persistedQuery.sha256Hash does not match the query.",
                    "PERSISTED_QUERY_HASH_MISMATCH");
        }
        byHash.put(key, query);
        return new Outcome(query, 200, null);
    }

    private static Outcome error(int status, String message, String code) {
        return new Outcome(null, status, new JsonObject().put("message", message)
                .put("extensions", new JsonObject().put("code", code)));
    }

}
