package ducha.graphql;

import ducha.common.Failures;
import ducha.web.RequestLogContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Runs around every GraphQL operation, outside the security check:
 * <ul>
 * <li>puts the caller's subject into the log context, as web/RequestLogContext does for REST;</li>
 * <li>turns security, validation and database failures into domain exceptions (common/Failures, as REST does),
 * whose @ErrorCode becomes {@code extensions.code} (UNAUTHENTICATED, FORBIDDEN, CONFLICT …);</li>
 * <li>delivers each subscription's events on a context of its own, with the subscriber's identity and a request
 * scope, so that fields nested in the events resolve like those of a query;</li>
 * <li>queues the operation's database work behind the earlier ones of the same request. GraphQL resolves
 * sibling fields concurrently, but a request's Hibernate Reactive session must not be used concurrently
 * (quarkus#32870); one request's resolvers therefore take turns, while requests still run in parallel.</li>
 * </ul>
 */
@GraphQLBoundary
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class GraphQLBoundaryInterceptor {

    private final RequestQueue queue;
    private final CurrentIdentityAssociation identity;
    private final SubscriberScope subscriberScope;

    public GraphQLBoundaryInterceptor(RequestQueue queue, CurrentIdentityAssociation identity,
            SubscriberScope subscriberScope) {
        this.queue = queue;
        this.identity = identity;
        this.subscriberScope = subscriberScope;
    }

    @AroundInvoke
    Object around(InvocationContext context) throws Exception {
        if (Multi.class.isAssignableFrom(context.getMethod().getReturnType())) {
            Multi<?> stream;
            try {
                stream = (Multi<?>) context.proceed();
            } catch (RuntimeException e) {
                return Multi.createFrom().failure(translate(e));
            }
            return identity.getDeferredIdentity()
                    .onItem().transformToMulti(caller -> subscriberScope.deliver(stream, caller))
                    .onFailure().transform(GraphQLBoundaryInterceptor::translate);
        }
        if (!Uni.class.isAssignableFrom(context.getMethod().getReturnType())) {
            try {
                return context.proceed();
            } catch (RuntimeException e) {
                throw translate(e);
            }
        }
        // Authentication is lazy: resolve the caller once, without blocking, so the services can read it.
        return queue.enqueue(() -> identity.getDeferredIdentity().chain(caller -> {
            identity.setIdentity(caller);
            RequestLogContext.putSubject(caller);
            try {
                return ((Uni<?>) context.proceed()).onFailure().transform(GraphQLBoundaryInterceptor::translate);
            } catch (Exception e) {
                return Uni.createFrom().failure(translate(e));
            }
        }).onFailure().transform(GraphQLBoundaryInterceptor::translate));
    }

    /** The failure as a domain exception (common/Failures, the same translation as REST's) for GraphQL to report. */
    static RuntimeException translate(Throwable failure) {
        Throwable translated = Failures.translate(failure);
        return translated instanceof RuntimeException runtime ? runtime : new IllegalStateException(translated);
    }
}
