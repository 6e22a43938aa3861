package ducha.graphql.planner;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A GraphQL-over-HTTP request as POST (JSON body) or GET (query parameters) carries it. */
final class GraphQLRequest {

    private final HttpMethod method;
    private final String query;
    private final String operationName;
    private final Map<String, Object> variables;
    private final JsonObject extensions;

    private GraphQLRequest(HttpMethod method, String query, String operationName, JsonObject variables,
            JsonObject extensions) {
        this.method = method;
        this.query = query;
        this.operationName = operationName;
        this.variables = variables == null ? Map.of() : variables.getMap();
        this.extensions = extensions;
    }

    /** The request, or null for what this door leaves to the GraphQL handler (application/graphql bodies, garbage). */
    static GraphQLRequest of(RoutingContext context) {
        try {
            if (context.request().method() == HttpMethod.GET) {
                // The request's own parameters: after a reroute they are the new URI's.
                MultiMap params = context.request().params();
                return new GraphQLRequest(HttpMethod.GET, params.get("query"), params.get("operationName"),
                        object(params.get("variables")), object(params.get("extensions")));
            }
            String contentType = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
            if (contentType == null || !contentType.toLowerCase().startsWith("application/json")
                    || context.body() == null || context.body().length() == 0) {
                return null;
            }
            JsonObject body = context.body().asJsonObject();
            return body == null ? null : new GraphQLRequest(HttpMethod.POST, body.getString("query"),
                    body.getString("operationName"), body.getJsonObject("variables"), body.getJsonObject("extensions"));
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }

    private static JsonObject object(String json) {
        return json == null || json.isBlank() ? null : (JsonObject) Json.decodeValue(json);
    }

    String query() {
        return query;
    }

    String operationName() {
        return operationName;
    }

    Map<String, Object> variables() {
        return variables;
    }

    JsonObject extensions() {
        return extensions;
    }

    /**
     * Puts the text of a persisted query into the request for the resolver path, which knows only full documents: a
     * POST gets it in its body; a GET is routed again with it in its query string (and so comes back here).
     */
    void supplyQuery(RoutingContext context, String text) {
        if (method == HttpMethod.POST) {
            context.setBody(Buffer.buffer(context.body().asJsonObject().copy().put("query", text).encode()));
        } else if (context.get(REROUTED) == null) {
            context.put(REROUTED, Boolean.TRUE);
            String uri = context.request().uri();
            context.reroute(HttpMethod.GET, uri + (uri.contains("?") ? "&" : "?") + "query="
                    + URLEncoder.encode(text, StandardCharsets.UTF_8));
        }
    }

    private static final String REROUTED = "ducha.graphql.persisted-query-rerouted";

    boolean isGet() {
        return method == HttpMethod.GET;
    }

    /** The media type of an answer, as the GraphQL handler chooses it: what the client accepts, JSON by default. */
    static String responseType(RoutingContext context) {
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains("application/graphql-response+json")
                && !accept.startsWith("application/json")) {
            return "application/graphql-response+json";
        }
        return "application/json";
    }
}
