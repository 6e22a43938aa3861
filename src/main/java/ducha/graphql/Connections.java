package ducha.graphql;

import ducha.common.Page;
import ducha.common.PageRequest;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Relay connections built from keyset pages: every edge's cursor is that of its node. */
public final class Connections {

    private Connections() {
    }

    public static PageRequest request(Integer first, String after) {
        return PageRequest.of(first, after);
    }

    public static <T, E, C> C of(Page<T> page, Function<T, String> cursorOf, BiFunction<T, String, E> edge,
            BiFunction<List<E>, PageInfo, C> connection) {
        List<E> edges = page.items().stream().map(node -> edge.apply(node, cursorOf.apply(node))).toList();
        String endCursor = page.items().isEmpty() ? null : cursorOf.apply(page.items().get(page.items().size() - 1));
        return connection.apply(edges, new PageInfo(page.nextCursor() != null, endCursor));
    }
}
