package ducha.graphql;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses JSON-array ("batched") GraphQL bodies: one HTTP request must not carry many operations past the
 * per-operation limits. The body is read here once; the GraphQL handler reuses it.
 */
@ApplicationScoped
public class BatchRefusal {

    private final long maxBodyBytes;

    public BatchRefusal(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void register(@Observes Router router) {
        router.route(HttpMethod.POST, "/graphql").order(-100)
                .handler(BodyHandler.create().setBodyLimit(maxBodyBytes))
                .handler(this::refuseArrays);
    }

    private void refuseArrays(RoutingContext context) {
        String body = context.body().asString();
        if (body != null && body.stripLeading().startsWith("[")) {
            context.response().setStatusCode(400)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end("{\"errors\":[{\"message\":\"Batched requests are not accepted; send one operation per "
                            + "request.\",\"extensions\":{\"code\":\"BATCH_NOT_ALLOWED\"}}]}");
            return;
        }
        context.next();
    }
}
