package ducha.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Request body limits per route: 1 MiB for JSON, 10 MiB for an attachment upload. The transport's own limit
 * ({@code quarkus.http.limits.max-body-size}) is the larger one; this filter narrows it for every other route.
 * A declared oversized body is refused before it is read, with problem details; a chunked body gets the
 * route's limit as the cap that the body reader enforces while it reads.
 */
@ApplicationScoped
public class BodyLimitFilter {

    /** Where Quarkus' body readers look for the cap of a body without Content-Length. */
    static final String MAX_REQUEST_SIZE_KEY = "io.quarkus.max-request-size";
    private static final Pattern ATTACHMENT_UPLOAD = Pattern.compile("/api/v1/findings/[^/]+/attachments/?");

    private final long maxBodyBytes;
    private final long maxAttachmentBytes;

    public BodyLimitFilter(@ConfigProperty(name = "ducha.limits.body", defaultValue = "1M") MemorySize maxBody,
            @ConfigProperty(name = "ducha.limits.attachment", defaultValue = "10M") MemorySize maxAttachment) {
        this.maxBodyBytes = maxBody.asLongValue();
        this.maxAttachmentBytes = maxAttachment.asLongValue();
    }

    void register(@Observes Filters filters) {
        // Before the transport's own check (route order -2), so that a declared oversized body gets a problem.
        filters.register(this::refuseDeclaredOversizedBody, 100);
        // After it, because it sets the cap of a chunked body to the transport's limit, which is the larger one.
        filters.register(rc -> {
            if (rc.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
                rc.put(MAX_REQUEST_SIZE_KEY, limitOf(rc));
            }
            rc.next();
        }, 1);
    }

    private void refuseDeclaredOversizedBody(RoutingContext rc) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = limitOf(rc);
        if (length != null && exceeds(length, limit)) {
            String body = "{\"type\":\"urn:ducha:problem:payload-too-large\",\"title\":\"Payload too large\","
                    + "\"status\":413,\"detail\":\"The request body is larger than " + limit
                    + " bytes.\",\"code\":\"PAYLOAD_TOO_LARGE\"}";
            rc.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(body);
            return;
        }
        rc.next();
    }

    /** The limit of this request's route. */
    long limitOf(RoutingContext rc) {
        return rc.request().method() == HttpMethod.POST && ATTACHMENT_UPLOAD.matcher(rc.normalizedPath()).matches()
                ? maxAttachmentBytes
                : maxBodyBytes;
    }

    private static boolean exceeds(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
