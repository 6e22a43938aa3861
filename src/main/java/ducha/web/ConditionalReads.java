package ducha.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * If-None-Match on reads (RFC 9110 §13.1.2): a GET whose answer carries the ETag the client already holds is
 * answered 304 without a body, so a phone on a poor link re-checks a row or a sync page for a few bytes.
 */
public class ConditionalReads {

    @ServerResponseFilter
    public void notModified(ContainerRequestContext request, ContainerResponseContext response) {
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch == null || response.getStatus() != 200
                || !(HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()))) {
            return;
        }
        Object etag = response.getHeaders().getFirst(HttpHeaders.ETAG);
        if (etag != null && matches(ifNoneMatch, etag instanceof EntityTag tag ? tag.getValue() : value(etag))) {
            response.setStatus(304);
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        }
    }

    /**
     * Weak comparison, as If-None-Match uses: W/"3" matches "3". A value that is not * or a list of quoted tags
     * matches nothing: the full answer is always a correct one.
     */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch.strip().equals("*")) {
            return true;
        }
        List<ETags.Tag> tags = ETags.list(ifNoneMatch);
        return tags != null && tags.stream().anyMatch(candidate -> candidate.value().equals(tag));
    }

    /** The opaque value of an ETag header set as text (a replayed response's). */
    private static String value(Object etag) {
        ETags.Tag tag = ETags.single(etag.toString());
        return tag == null ? etag.toString() : tag.value();
    }
}
