package ducha.web;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers every answer of the API port carries, REST and GraphQL alike (OWASP REST cheat sheet): no content
 * sniffing, and no copy of caller-specific data in a shared or disk cache. An answer with an ETag may be kept
 * privately but is revalidated each time (If-None-Match, 304), so a deletion or a revoked token takes effect;
 * anything else is not stored. An answer that sets its own policy keeps it.
 */
@ApplicationScoped
public class ResponseHeaders {

    void register(@Observes Router router) {
        router.route().order(-1000).handler(context -> {
            context.addHeadersEndHandler(ignored -> {
                MultiMap headers = context.response().headers();
                if (!headers.contains("X-Content-Type-Options")) {
                    headers.set("X-Content-Type-Options", "nosniff");
                }
                if (!headers.contains(HttpHeaders.CACHE_CONTROL)) {
                    headers.set(HttpHeaders.CACHE_CONTROL, headers.contains(HttpHeaders.ETAG) ? "private, no-cache" : "no-store");
                }
            });
            context.next();
        });
    }
}
