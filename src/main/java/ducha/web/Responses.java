package ducha.web;

import ducha.common.Page;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;

/** The shapes REST answers share: ETagged single rows, created rows, and pages with a Link to the next. */
public final class Responses {

    private Responses() {
    }

    public static <T> RestResponse<T> ok(T body, long version) {
        return RestResponse.ResponseBuilder.ok(body).tag(ETags.of(version)).build();
    }

    public static <T> RestResponse<T> created(T body, long version, UriInfo uri, Object id) {
        URI location = uri.getAbsolutePathBuilder().path(id.toString()).build();
        return RestResponse.ResponseBuilder.<T>created(location).entity(body).tag(ETags.of(version)).build();
    }

    public static <T> RestResponse<Page<T>> page(Page<T> page, UriInfo uri) {
        RestResponse.ResponseBuilder<Page<T>> builder = RestResponse.ResponseBuilder.ok(page);
        if (page.nextCursor() != null) {
            URI next = uri.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor()).build();
            builder.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return builder.build();
    }

}
