package ducha.graphql;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import java.util.function.Supplier;

/**
 * Runs the database work of one GraphQL request one piece at a time, in the order the resolvers asked.
 * A request's resolvers all run on its own event-loop context, so no locking is needed.
 */
@RequestScoped
public class RequestQueue {

    private Uni<Void> tail = Uni.createFrom().voidItem();

    public <T> Uni<T> enqueue(Supplier<Uni<T>> work) {
        Uni<T> result = tail.chain(work::get).memoize().indefinitely();
        tail = result.onItemOrFailure().transform((item, failure) -> null).replaceWithVoid();
        return result;
    }
}
