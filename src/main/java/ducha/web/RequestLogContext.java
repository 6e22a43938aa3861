package ducha.web;

import ducha.security.CurrentUser;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Puts the request id and the caller's token subject into the logging MDC, so that every line a request logs (in
 * prod: JSON fields {@code mdc.requestId}, {@code mdc.sub}) can be traced to it. Quarkus keeps the MDC on the
 * request's own Vert.x context, so it follows the request across threads and never leaks into another. Nothing
 * else of the token goes there. The request id is the caller's {@code X-Request-Id} when it is a plain token, else
 * a new one; every response carries it. The subject is set for REST calls here, where the role check resolves the
 * caller anyway, and for GraphQL operations by graphql/GraphQLBoundaryInterceptor.
 */
@ApplicationScoped
public class RequestLogContext {

    public static final String HEADER = "X-Request-Id";
    public static final String REQUEST_ID = "requestId";
    public static final String SUBJECT = "sub";
    /** Short and without spaces or control characters, so that a caller cannot forge log lines. */
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final CurrentIdentityAssociation identities;

    public RequestLogContext(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    /**
     * On the HTTP router, ahead of every route (REST, GraphQL, OpenAPI, errors), so that each request gets an id;
     * it runs before the body-size check, whose refusals carry the id too.
     */
    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String given = rc.request().getHeader(HEADER);
            String id = given != null && PLAIN_ID.matcher(given).matches() ? given : newId();
            MDC.put(REQUEST_ID, id);
            rc.response().putHeader(HEADER, id);
            rc.next();
        }, 200);
    }

    /**
     * A random (version 4) UUID from the thread's fast generator: a request id needs to be unique, not unguessable,
     * and UUID.randomUUID() takes SecureRandom's lock and a read of /dev/urandom on every request.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    /** Puts an authenticated caller's subject (nothing else of the token) into the log context. */
    public static void putSubject(SecurityIdentity identity) {
        if (!identity.isAnonymous()) {
            MDC.put(SUBJECT, CurrentUser.subjectOf(identity));
        }
    }

    /**
     * Resolves the caller (as the role check would) to log their subject. A bad token is not this filter's
     * business: the failure is left for the role check, which answers 401 with problem details.
     */
    @ServerRequestFilter
    public Uni<Void> subject() {
        return identities.getDeferredIdentity()
                .invoke(RequestLogContext::putSubject)
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
