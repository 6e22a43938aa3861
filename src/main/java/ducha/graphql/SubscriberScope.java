package ducha.graphql;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where a subscription's events are resolved. The change feed emits on its own connection's event loop; the
 * fields a subscriber nests in an event (finding { unit { name } }) need what a query has: a duplicated Vert.x
 * context (Hibernate Reactive sessions live there), an active request scope (the per-request queue) and the
 * subscriber's identity (the roles of the nested fields). Each subscription gets one such context for its
 * lifetime; its events are delivered there one after another.
 */
@ApplicationScoped
public class SubscriberScope {

    private final Vertx vertx;
    private final CurrentIdentityAssociation identity;

    public SubscriberScope(Vertx vertx, CurrentIdentityAssociation identity) {
        this.vertx = vertx;
        this.identity = identity;
    }

    public <T> Multi<T> deliver(Multi<T> events, SecurityIdentity caller) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        ManagedContext requests = Arc.container().requestContext();
        return events
                .emitOn(task -> context.runOnContext(ignored -> {
                    if (!requests.isActive()) {
                        requests.activate();
                        identity.setIdentity(caller);
                    }
                    task.run();
                }))
                .onTermination().invoke(() -> context.runOnContext(ignored -> {
                    if (requests.isActive()) {
                        requests.terminate();
                    }
                }));
    }
}
