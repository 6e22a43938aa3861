package ducha.web;

import ducha.common.Page;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The shapes REST answers share: ETagged single rows, created rows, and pages with a Link to the next. Location
 * and Link name the configured public base URL ({@code ducha.public-base-url}) or, by default, are references
 * relative to the host; never the request's Host header, which a client or a proxy can set to anything.
 */
public final class Responses {

    private static final String BASE_URL = "ducha.public-base-url";

    private Responses() {
    }

    public static <T> RestResponse<T> ok(T body, long version) {
        return RestResponse.ResponseBuilder.ok(body).tag(ETags.of(version)).build();
    }

    public static <T> RestResponse<T> created(T body, long version, UriInfo uri, Object id) {
        return RestResponse.ResponseBuilder.<T>create(RestResponse.Status.CREATED).entity(body)
                .header(HttpHeaders.LOCATION, location(uri, id)).tag(ETags.of(version)).build();
    }

    /** Where the row {@code id} created under the requested collection is read. */
    public static String location(UriInfo uri, Object id) {
        return publicUrl(uri.getRequestUri().getRawPath().replaceAll("/+$", "") + "/" + id);
    }

    public static <T> RestResponse<Page<T>> page(Page<T> page, UriInfo uri) {
        RestResponse.ResponseBuilder<Page<T>> builder = RestResponse.ResponseBuilder.ok(page);
        if (page.nextCursor() != null) {
            builder.header("Link", nextLink(uri, "cursor", page.nextCursor()));
        }
        return builder.build();
    }

    /** A Link to the same request with {@code parameter} set to {@code value}. */
    public static String nextLink(UriInfo uri, String parameter, String value) {
        URI next = UriBuilder.fromUri(uri.getRequestUri()).replaceQueryParam(parameter, value).build();
        return "<" + publicUrl(next.getRawPath() + "?" + next.getRawQuery()) + ">; rel=\"next\"";
    }

    private static String publicUrl(String pathAndQuery) {
        return ConfigProvider.getConfig().getOptionalValue(BASE_URL, String.class)
                .map(base -> base.replaceAll("/+$", "") + pathAndQuery)
                .orElse(pathAndQuery);
    }
}
