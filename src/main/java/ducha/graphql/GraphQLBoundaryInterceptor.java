package ducha.graphql;

import ducha.common.AccessDeniedException;
import ducha.common.DatabaseErrors;
import ducha.common.Violations;
import ducha.security.UnauthenticatedException;
import ducha.web.RequestLogContext;
import jakarta.validation.ConstraintViolationException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.CompositeException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.CompletionException;

/**
 * Runs around every GraphQL operation, outside the security check:
 * <ul>
 * <li>puts the caller's subject into the log context, as web/RequestLogContext does for REST;</li>
 * <li>turns security and database failures into domain exceptions, whose @ErrorCode becomes
 * {@code extensions.code} (UNAUTHENTICATED, FORBIDDEN, CONFLICT …);</li>
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

    static RuntimeException translate(Throwable failure) {
        Throwable e = failure;
        while ((e instanceof CompositeException || e instanceof CompletionException) && e.getCause() != null) {
            e = e instanceof CompositeException composite ? composite.getCauses().get(0) : e.getCause();
        }
        if (e instanceof UnauthorizedException || e instanceof AuthenticationFailedException
                || e instanceof AuthenticationCompletionException) {
            return UnauthenticatedException.of(e);
        }
        if (e instanceof ConstraintViolationException violations) {
            return Violations.toInvalidInput(violations);
        }
        if (e instanceof ForbiddenException) {
            return new AccessDeniedException("Your role does not allow this operation.");
        }
        Throwable translated = DatabaseErrors.translate(e);
        return translated instanceof RuntimeException runtime ? runtime : new IllegalStateException(translated);
    }
}
