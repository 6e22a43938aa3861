package ducha.web;

import ducha.security.CurrentUser;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Puts the request id and the caller's token subject into the logging MDC, so that every line a request logs (in
 * prod: JSON fields {@code mdc.requestId}, {@code mdc.sub}) can be traced to it. Quarkus keeps the MDC on the
 * request's Vert.x context, so it follows the request across threads and never leaks into another. Nothing else
 * of the token goes there. The request id is the caller's {@code X-Request-Id} when it is a plain token, else a
 * new one; the response echoes it.
 */
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

    @ServerRequestFilter(preMatching = true)
    public void requestId(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        String id = given != null && PLAIN_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setProperty(REQUEST_ID, id);
        MDC.put(REQUEST_ID, id);
    }

    /**
     * Resolves the caller (as the role check would) to log their subject. A bad token is not this filter's
     * business: the failure is left for the role check, which answers 401 with problem details.
     */
    @ServerRequestFilter
    public Uni<Void> subject() {
        return identities.getDeferredIdentity()
                .invoke(identity -> {
                    if (!identity.isAnonymous()) {
                        MDC.put(SUBJECT, CurrentUser.subjectOf(identity));
                    }
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    @ServerResponseFilter
    public void echoRequestId(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(REQUEST_ID);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }
}
