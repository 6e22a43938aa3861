package ducha.graphql;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks the GraphQL-over-HTTP envelope before the GraphQL handler sees it: one JSON object per request (no
 * batched arrays, which would multiply the per-operation limits), with {@code query} a string and
 * {@code variables}/{@code extensions} objects. Anything else is a 400 here, where the handler would fail.
 * The body is read once; the GraphQL handler reuses it.
 */
@ApplicationScoped
public class RequestEnvelope {

    private final long maxBodyBytes;

    public RequestEnvelope(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void register(@Observes Router router) {
        router.route(HttpMethod.POST, "/graphql").order(-100)
                .handler(BodyHandler.create().setBodyLimit(maxBodyBytes))
                .handler(this::checkPost);
        router.route(HttpMethod.GET, "/graphql").order(-100).handler(this::checkGet);
    }

    private void checkPost(RoutingContext context) {
        String contentType = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && contentType.startsWith("application/graphql")
                && !contentType.startsWith("application/graphql-response")) {
            context.next();
            return;
        }
        String body = context.body().asString();
        if (body == null || body.isBlank()) {
            context.next();
            return;
        }
        if (body.stripLeading().startsWith("[")) {
            refuse(context, "Batched requests are not accepted; send one operation per request.");
            return;
        }
        Object parsed;
        try {
            parsed = Json.decodeValue(body);
        } catch (DecodeException e) {
            refuse(context, "The body is not valid JSON.");
            return;
        }
        if (!(parsed instanceof JsonObject request)) {
            refuse(context, "The body must be a JSON object with a query.");
            return;
        }
        String problem = shapeProblem(request.getValue("query"), request.getValue("operationName"),
                request.getValue("variables"), request.getValue("extensions"));
        if (problem != null) {
            refuse(context, problem);
            return;
        }
        context.next();
    }

    private void checkGet(RoutingContext context) {
        for (String name : new String[] {"variables", "extensions"}) {
            String value = context.request().getParam(name);
            if (value != null && !value.isBlank()) {
                try {
                    if (!(Json.decodeValue(value) instanceof JsonObject)) {
                        refuse(context, name + " must be a JSON object.");
                        return;
                    }
                } catch (DecodeException e) {
                    refuse(context, name + " must be a JSON object.");
                    return;
                }
            }
        }
        context.next();
    }

    private static String shapeProblem(Object query, Object operationName, Object variables, Object extensions) {
        // A persisted query (graphql/planner/PersistedQueries) may come by its hash alone.
        boolean persisted = extensions instanceof JsonObject object && object.getValue("persistedQuery") != null;
        if (!(query instanceof String) && !(query == null && persisted)) {
            return "query must be a string.";
        }
        if (operationName != null && !(operationName instanceof String)) {
            return "operationName must be a string.";
        }
        if (variables != null && !(variables instanceof JsonObject)) {
            return "variables must be an object.";
        }
        if (extensions != null && !(extensions instanceof JsonObject)) {
            return "extensions must be an object.";
        }
        return null;
    }

    private static void refuse(RoutingContext context, String message) {
        context.response().setStatusCode(400)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject().put("errors", io.vertx.core.json.JsonArray.of(new JsonObject()
                        .put("message", message)
                        .put("extensions", new JsonObject().put("code", "BAD_REQUEST")))).encode());
    }
}
