package ducha.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
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
    private final ObjectMapper json;

    public BodyLimitFilter(@ConfigProperty(name = "ducha.limits.body", defaultValue = "1M") MemorySize maxBody,
            @ConfigProperty(name = "ducha.limits.attachment", defaultValue = "10M") MemorySize maxAttachment,
            ObjectMapper json) {
        this.maxBodyBytes = maxBody.asLongValue();
        this.maxAttachmentBytes = maxAttachment.asLongValue();
        this.json = json;
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
            Problem problem = new Problem("PAYLOAD_TOO_LARGE", 413,
                    "The request body is larger than " + limit + " bytes.", rc.normalizedPath(), null);
            rc.response().setStatusCode(problem.status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(Buffer.buffer(bytesOf(problem)));
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

    private byte[] bytesOf(Problem problem) {
        try {
            return json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem could not be written as JSON", e);
        }
    }

    private static boolean exceeds(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
