package ducha.graphql.planner;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** A least-recently-used map of at most so many entries; what it forgets is computed again when asked for. */
final class BoundedCache<K, V> {

    private final Map<K, V> entries;

    BoundedCache(int maxEntries) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > maxEntries;
            }
        };
    }

    synchronized V get(K key) {
        return entries.get(key);
    }

    synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    V computeIfAbsent(K key, Function<K, V> compute) {
        V value = get(key);
        if (value == null) {
            // Computed outside the lock: two threads may compute the same entry once each, which is harmless.
            value = compute.apply(key);
            put(key, value);
        }
        return value;
    }

    synchronized int size() {
        return entries.size();
    }
}
