package ducha.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Regroups the rows of one batched query in the order of the ids that asked for them. */
public final class Batches {

    private Batches() {
    }

    /** One row per id (null where none). */
    public static <T> List<T> one(List<UUID> ids, List<T> rows, Function<T, UUID> key) {
        Map<UUID, T> byId = new HashMap<>();
        rows.forEach(row -> byId.put(key.apply(row), row));
        List<T> ordered = new ArrayList<>(ids.size());
        ids.forEach(id -> ordered.add(id == null ? null : byId.get(id)));
        return ordered;
    }

    /** Any number of rows per id. */
    public static <T> List<List<T>> many(List<UUID> ids, List<T> rows, Function<T, UUID> key) {
        Map<UUID, List<T>> byId = new HashMap<>();
        rows.forEach(row -> byId.computeIfAbsent(key.apply(row), id -> new ArrayList<>()).add(row));
        return ids.stream().map(id -> byId.getOrDefault(id, List.of())).toList();
    }

    /** Distinct non-null ids, for the IN list of a batched query. */
    public static List<UUID> distinct(List<UUID> ids) {
        return ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
    }
}
