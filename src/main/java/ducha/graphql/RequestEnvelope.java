package ducha.graphql;

import ducha.graphql.planner.GraphQLCall;
import ducha.graphql.planner.GraphQLDocuments;
import ducha.graphql.planner.NormalizedOperation;
import ducha.graphql.planner.PersistedQueries;
import ducha.graphql.planner.PreparedDocument;
import ducha.graphql.planner.QueryCost;
import ducha.security.UnauthenticatedException;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.execution.CoercedVariables;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.OperationDefinition;
import graphql.language.SourceLocation;
import graphql.schema.GraphQLSchema;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The GraphQL-over-HTTP rules, applied to every GraphQL request before whichever handler executes it:
 * <ol>
 * <li>the envelope: POST carries {@code application/json} (415 otherwise: a form or text/plain post is what a
 * cross-site page can send without a preflight), one JSON object per request (no batched arrays, which would
 * multiply the per-operation limits) with {@code query} a string and {@code variables}/{@code extensions}
 * objects (400);</li>
 * <li>the caller: a request without a valid token is a 401 before anything about the schema is said;</li>
 * <li>the operation: a mutation over GET is a 405 (GET must be safe), a subscription over HTTP a 400 (they are
 * served over WebSocket);</li>
 * <li>the document: a syntax, validation or variable error answers {@code errors} without {@code data}, 400 for a
 * client that accepts {@code application/graphql-response+json}, 200 for a legacy {@code application/json} one.</li>
 * </ol>
 * The body is read once; the executing handler reuses it. WebSocket upgrades pass: they authenticate in
 * {@code connection_init}, and the request ends with their connection, which the shutdown closes with 1001
 * ({@link UpgradedRequests}).
 */
@ApplicationScoped
public class RequestEnvelope {

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    /** GraphQL answers a refused caller itself (authenticated, UpgradedRequests); Quarkus' handlers write nothing. */
    private static final BiConsumer<RoutingContext, Throwable> NO_AUTH_FAILURE_ANSWER = (ignored, failure) -> { };

    private final long maxBodyBytes;
    private final GraphQLDocuments documents;
    private final PersistedQueries persisted;
    private final long maxCost;
    private final int maxDepth;
    private final int maxComplexity;
    private final UpgradedRequests upgrades;

    public RequestEnvelope(@ConfigProperty(name = "ducha.limits.body", defaultValue = "1M") MemorySize maxBodySize,
            GraphQLDocuments documents, PersistedQueries persisted, UpgradedRequests upgrades,
            @ConfigProperty(name = "ducha.graphql.max-cost", defaultValue = "10000") long maxCost,
            @ConfigProperty(name = "quarkus.smallrye-graphql.instrumentation-query-depth") int maxDepth,
            @ConfigProperty(name = "quarkus.smallrye-graphql.instrumentation-query-complexity") int maxComplexity) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.documents = documents;
        this.persisted = persisted;
        this.maxCost = maxCost;
        this.maxDepth = maxDepth;
        this.maxComplexity = maxComplexity;
        this.upgrades = upgrades;
    }

    /**
     * Before Quarkus REST's own filter, which for a request with Quarkus' default auth-failure handler installs its
     * REST one and works out a REST path template for the metrics, building a request mapper over every resource each
     * time: a GraphQL request gets this envelope's handler (see authenticated) at once, so that filter leaves it alone.
     */
    void early(@Observes Filters filters) {
        filters.register(context -> {
            if ("/graphql".equals(context.normalizedPath())) {
                context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, NO_AUTH_FAILURE_ANSWER);
            }
            context.next();
        }, 200); // After Quarkus security has put its handler in (above 200), before Quarkus REST looks (199).
    }

    void register(@Observes Router router) {
        router.route(HttpMethod.POST, "/graphql").order(-100)
                .handler(BodyHandler.create().setBodyLimit(maxBodyBytes))
                .handler(this::checkPost)
                .failureHandler(this::refuseOversizedBody);
        router.route(HttpMethod.GET, "/graphql").order(-100).handler(this::checkGet);
    }

    /** The body handler refuses a body over the JSON limit (web/BodyLimitFilter's for REST) with 413. */
    private void refuseOversizedBody(RoutingContext context) {
        if (context.statusCode() != 413) {
            context.next();
            return;
        }
        // The rest of the body may still be on its way: close rather than read it.
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        refuse(context, 413, "PAYLOAD_TOO_LARGE", "The request body is larger than " + maxBodyBytes + " bytes.");
    }

    private void checkPost(RoutingContext context) {
        if (!isJson(context.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
            refuse(context, 415, "UNSUPPORTED_MEDIA_TYPE",
                    "Send the operation as application/json: {\"query\": \"…\", \"variables\": {…}}.");
            return;
        }
        String body = context.body().asString();
        if (body == null || body.isBlank()) {
            refuse(context, 400, "BAD_REQUEST", "The body must be a JSON object with a query.");
            return;
        }
        if (body.stripLeading().startsWith("[")) {
            refuse(context, 400, "BAD_REQUEST", "Batched requests are not accepted; send one operation per request.");
            return;
        }
        Object parsed;
        try {
            parsed = Json.decodeValue(body);
        } catch (DecodeException e) {
            refuse(context, 400, "BAD_REQUEST", "The body is not valid JSON.");
            return;
        }
        if (!(parsed instanceof JsonObject request)) {
            refuse(context, 400, "BAD_REQUEST", "The body must be a JSON object with a query.");
            return;
        }
        String problem = shapeProblem(request.getValue("query"), request.getValue("operationName"),
                request.getValue("variables"), request.getValue("extensions"));
        if (problem != null) {
            refuse(context, 400, "BAD_REQUEST", problem);
            return;
        }
        JsonObject variables = request.getJsonObject("variables");
        authenticated(context, () -> checkOperation(context, request.getString("query"), request.getJsonObject("extensions"),
                request.getString("operationName"), variables == null ? Map.of() : variables.getMap()));
    }

    private void checkGet(RoutingContext context) {
        if ("websocket".equalsIgnoreCase(context.request().getHeader(HttpHeaders.UPGRADE))) {
            if (upgrades.goingAway()) {
                // The open sockets were closed with 1001 for the shutdown: a new one would hold it up again.
                context.response().putHeader(HttpHeaders.RETRY_AFTER, "1");
                refuse(context, 503, "UNAVAILABLE", "The server is shutting down; connect again.");
                return;
            }
            // A token refused in connection_init closes the socket (4403); the GraphQL handler also passes the
            // failure to the HTTP auth-failure handler, whose 401 cannot be written on a socket that is no longer
            // HTTP ("Response has already been written").
            context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, NO_AUTH_FAILURE_ANSWER);
            upgrades.track(context.request());
            context.next();
            return;
        }
        String query = context.request().getParam("query");
        JsonObject variables = null;
        JsonObject extensions = null;
        for (String name : new String[] {"variables", "extensions"}) {
            String value = context.request().getParam(name);
            if (value != null && !value.isBlank()) {
                Object decoded;
                try {
                    decoded = Json.decodeValue(value);
                } catch (DecodeException e) {
                    decoded = null;
                }
                if (!(decoded instanceof JsonObject object)) {
                    refuse(context, 400, "BAD_REQUEST", name + " must be a JSON object.");
                    return;
                }
                if (name.equals("variables")) {
                    variables = object;
                } else {
                    extensions = object;
                }
            }
        }
        if ((query == null || query.isBlank()) && (extensions == null || extensions.getValue("persistedQuery") == null)) {
            refuse(context, 400, "BAD_REQUEST", "query is required.");
            return;
        }
        Map<String, Object> given = variables == null ? Map.of() : variables.getMap();
        JsonObject given2 = extensions;
        authenticated(context, () -> checkOperation(context, query, given2, context.request().getParam("operationName"),
                given));
    }

    /** Runs {@code then} for a caller with a valid token; answers 401 for anyone else. */
    private static void authenticated(RoutingContext context, Runnable then) {
        // The 401 is ours (a problem-like GraphQL error that tells a missing token from a refused one): Quarkus' own
        // auth-failure handler would write a bare one first when the token is refused.
        context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, NO_AUTH_FAILURE_ANSWER);
        QuarkusHttpUser.getSecurityIdentity(context, null).subscribe().with(
                identity -> {
                    if (identity == null || identity.isAnonymous()) {
                        unauthenticated(context, UnauthenticatedException.noToken());
                    } else {
                        then.run();
                    }
                },
                failure -> unauthenticated(context, UnauthenticatedException.tokenRefused()));
    }

    private void checkOperation(RoutingContext context, String query, JsonObject extensions, String operationName,
            Map<String, Object> variables) {
        PersistedQueries.Outcome persistedQuery = persisted.resolve(query, extensions);
        if (persistedQuery.error() != null) {
            boolean graphqlResponse = accepts(context, GRAPHQL_RESPONSE);
            context.response().setStatusCode(graphqlResponse ? persistedQuery.status() : 200)
                    .putHeader(HttpHeaders.CONTENT_TYPE, (graphqlResponse ? GRAPHQL_RESPONSE : "application/json")
                            + "; charset=utf-8")
                    .end(new JsonObject().put("errors", JsonArray.of(persistedQuery.error())).encode());
            return;
        }
        String text = persistedQuery.query();
        PreparedDocument prepared = documents.prepare(text);
        if (!prepared.valid()) {
            invalid(context, prepared.classification, prepared.errors);
            return;
        }
        GraphQLSchema graphQLSchema = documents.schema();
        OperationDefinition operation = prepared.operation(operationName);
        if (operation == null) {
            invalid(context, "ValidationError", List.of(GraphQLError.newError()
                    .message(operationName == null ? "Name the operation to run in operationName."
                            : "The document has no operation named " + operationName + ".").build()));
            return;
        }
        if (operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
            refuse(context, 400, "BAD_REQUEST", "Subscriptions are served over WebSocket at /graphql "
                    + "(graphql-transport-ws), not over HTTP.");
            return;
        }
        if (operation.getOperation() == OperationDefinition.Operation.MUTATION && context.request().method() == HttpMethod.GET) {
            context.response().putHeader(HttpHeaders.ALLOW, "POST");
            refuse(context, 405, "METHOD_NOT_ALLOWED", "Mutations change data: send them with POST.");
            return;
        }
        CoercedVariables coerced;
        try {
            coerced = ValuesResolver.coerceVariableValues(graphQLSchema, operation.getVariableDefinitions(),
                    RawVariables.of(plain(variables)), GraphQLContext.getDefault(), Locale.ENGLISH);
        } catch (RuntimeException e) {
            if (!(e instanceof GraphQLError error)) {
                throw e;
            }
            invalid(context, "ValidationError", List.of(error));
            return;
        }
        NormalizedOperation normalized = null;
        if (operation.getOperation() == OperationDefinition.Operation.QUERY) {
            normalized = prepared.normalize(operation, coerced);
            if (normalized.depth > maxDepth || normalized.complexity > maxComplexity) {
                // Deeper or larger than the resolvers' limits: refused by them, in their words, and never planned.
                normalized = null;
            } else {
                long cost = normalized.cost(graphQLSchema, coerced);
                if (cost > maxCost) {
                    tooExpensive(context, cost);
                    return;
                }
            }
        }
        new GraphQLCall(coerced, normalized).attachTo(context);
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank() || accept.strip().equals("*/*")) {
            // A client that names no media type gets plain JSON, which every GraphQL client reads; the executing
            // handler would answer application/graphql-response+json.
            context.addHeadersEndHandler(ignored -> {
                String type = context.response().headers().get(HttpHeaders.CONTENT_TYPE);
                if (type != null && type.startsWith(GRAPHQL_RESPONSE)) {
                    context.response().headers().set(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8");
                }
            });
        }
        if (query == null) {
            // A persisted query by its hash alone: the resolvers know only full documents.
            if (context.request().method() == HttpMethod.POST) {
                context.setBody(Buffer.buffer(context.body().asJsonObject().copy().put("query", text).encode()));
            } else {
                String uri = context.request().uri();
                context.reroute(HttpMethod.GET, uri + (uri.contains("?") ? "&" : "?") + "query="
                        + URLEncoder.encode(text, StandardCharsets.UTF_8));
                return;
            }
        }
        context.next();
    }

    /** More objects than the cost limit allows (graphql/planner/QueryCost): refused before anything runs. */
    private void tooExpensive(RoutingContext context, long cost) {
        boolean graphqlResponse = accepts(context, GRAPHQL_RESPONSE);
        context.response().setStatusCode(graphqlResponse ? 400 : 200)
                .putHeader(HttpHeaders.CONTENT_TYPE, (graphqlResponse ? GRAPHQL_RESPONSE : "application/json")
                        + "; charset=utf-8")
                .end(new JsonObject().put("errors", JsonArray.of(new JsonObject()
                        .put("message", QueryCost.refusal(cost, maxCost))
                        .put("extensions", new JsonObject().put("code", QueryCost.TOO_EXPENSIVE).put("cost", cost)
                                .put("limit", maxCost))))
                        .encode());
    }

    private static boolean accepts(RoutingContext context, String mediaType) {
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(mediaType);
    }

    /**
     * graphql-java coerces maps and lists. A decoded body already holds them; Vert.x may wrap a nested value as
     * JsonObject/JsonArray once it has been read through the wrapper, so those are unwrapped.
     */
    private static Map<String, Object> plain(Map<String, Object> variables) {
        Map<String, Object> plain = new java.util.LinkedHashMap<>(variables.size() * 2);
        variables.forEach((name, value) -> plain.put(name, plainValue(value)));
        return plain;
    }

    private static Object plainValue(Object value) {
        if (value instanceof JsonObject object) {
            return plain(object.getMap());
        }
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> entries = (Map<String, Object>) map;
            return plain(entries);
        }
        if (value instanceof JsonArray array) {
            return array.getList().stream().map(RequestEnvelope::plainValue).toList();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(RequestEnvelope::plainValue).toList();
        }
        return value;
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

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip();
        return mediaType.equalsIgnoreCase("application/json");
    }

    /**
     * A document that cannot run: 400 with the GraphQL-over-HTTP media type, 200 for a client that only knows
     * application/json (the spec's rule for it); either way errors and no data.
     */
    private static void invalid(RoutingContext context, String classification, List<? extends GraphQLError> errors) {
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        boolean graphqlResponse = accept != null && accept.contains(GRAPHQL_RESPONSE);
        JsonArray list = new JsonArray();
        for (GraphQLError error : errors) {
            JsonObject entry = new JsonObject().put("message", ReadableMessages.of(error));
            List<SourceLocation> locations = error.getLocations();
            if (locations != null && !locations.isEmpty()) {
                JsonArray where = new JsonArray();
                locations.forEach(l -> where.add(new JsonObject().put("line", l.getLine()).put("column", l.getColumn())));
                entry.put("locations", where);
            }
            list.add(entry.put("extensions", new JsonObject().put("classification", classification)
                    .put("code", "INVALID_QUERY")));
        }
        context.response().setStatusCode(graphqlResponse ? 400 : 200)
                .putHeader(HttpHeaders.CONTENT_TYPE, (graphqlResponse ? GRAPHQL_RESPONSE : "application/json") + "; charset=utf-8")
                .end(new JsonObject().put("errors", list).encode());
    }

    private static void unauthenticated(RoutingContext context, UnauthenticatedException refusal) {
        context.response().putHeader("WWW-Authenticate", refusal.challenge());
        refuse(context, 401, refusal.code(), refusal.getMessage());
    }

    private static void refuse(RoutingContext context, int status, String code, String message) {
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .end(new JsonObject().put("errors", JsonArray.of(new JsonObject()
                        .put("message", message)
                        .put("extensions", new JsonObject().put("code", code)))).encode());
    }
}
