package ducha.graphql;

import graphql.ExecutionInput;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.Document;
import graphql.language.NodeUtil;
import graphql.language.OperationDefinition;
import graphql.language.SourceLocation;
import graphql.schema.GraphQLSchema;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
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
import jakarta.enterprise.inject.Instance;
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
 * {@code connection_init}.
 */
@ApplicationScoped
public class RequestEnvelope {

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    private final long maxBodyBytes;
    private final Instance<GraphQLSchema> schema;

    public RequestEnvelope(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            Instance<GraphQLSchema> schema) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.schema = schema;
    }

    void register(@Observes Router router) {
        router.route(HttpMethod.POST, "/graphql").order(-100)
                .handler(BodyHandler.create().setBodyLimit(maxBodyBytes))
                .handler(this::checkPost);
        router.route(HttpMethod.GET, "/graphql").order(-100).handler(this::checkGet);
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
        authenticated(context, () -> checkOperation(context, request.getString("query"),
                request.getString("operationName"), variables == null ? Map.of() : variables.getMap()));
    }

    private void checkGet(RoutingContext context) {
        if ("websocket".equalsIgnoreCase(context.request().getHeader(HttpHeaders.UPGRADE))) {
            // A token refused in connection_init closes the socket (4403); the GraphQL handler also passes the
            // failure to the HTTP auth-failure handler, whose 401 cannot be written on a socket that is no longer
            // HTTP ("Response has already been written").
            context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (ignored, failure) -> { });
            context.next();
            return;
        }
        String query = context.request().getParam("query");
        if (query == null || query.isBlank()) {
            refuse(context, 400, "BAD_REQUEST", "query is required.");
            return;
        }
        JsonObject variables = null;
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
                }
            }
        }
        Map<String, Object> given = variables == null ? Map.of() : variables.getMap();
        authenticated(context, () -> checkOperation(context, query, context.request().getParam("operationName"), given));
    }

    /** Runs {@code then} for a caller with a valid token; answers 401 for anyone else. */
    private static void authenticated(RoutingContext context, Runnable then) {
        QuarkusHttpUser.getSecurityIdentity(context, null).subscribe().with(
                identity -> {
                    if (identity == null || identity.isAnonymous()) {
                        unauthenticated(context);
                    } else {
                        then.run();
                    }
                },
                failure -> unauthenticated(context));
    }

    private void checkOperation(RoutingContext context, String query, String operationName, Map<String, Object> variables) {
        GraphQLSchema graphQLSchema = schema.get();
        ExecutionInput input = ExecutionInput.newExecutionInput(query).operationName(operationName).build();
        ParseAndValidateResult parsed = ParseAndValidate.parse(input);
        if (parsed.isFailure()) {
            invalid(context, "InvalidSyntax", List.of(parsed.getSyntaxException().toInvalidSyntaxError()));
            return;
        }
        Document document = parsed.getDocument();
        List<? extends GraphQLError> errors = ParseAndValidate.validate(graphQLSchema, document, Locale.ENGLISH);
        if (!errors.isEmpty()) {
            invalid(context, "ValidationError", errors);
            return;
        }
        OperationDefinition operation;
        try {
            operation = NodeUtil.getOperation(document, operationName).operationDefinition;
        } catch (RuntimeException e) {
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
        try {
            ValuesResolver.coerceVariableValues(graphQLSchema, operation.getVariableDefinitions(),
                    RawVariables.of(plain(variables)), GraphQLContext.getDefault(), Locale.ENGLISH);
        } catch (RuntimeException e) {
            if (!(e instanceof GraphQLError error)) {
                throw e;
            }
            invalid(context, "ValidationError", List.of(error));
            return;
        }
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
        context.next();
    }

    /** Vert.x keeps nested JSON as JsonObject/JsonArray; graphql-java coerces maps and lists. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> plain(Map<String, Object> variables) {
        return (Map<String, Object>) Json.decodeValue(Json.encode(variables), Map.class);
    }

    private static String shapeProblem(Object query, Object operationName, Object variables, Object extensions) {
        if (!(query instanceof String)) {
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

    private static void unauthenticated(RoutingContext context) {
        context.response().putHeader("WWW-Authenticate", "Bearer");
        refuse(context, 401, "UNAUTHENTICATED", new UnauthenticatedException().getMessage());
    }

    private static void refuse(RoutingContext context, int status, String code, String message) {
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .end(new JsonObject().put("errors", JsonArray.of(new JsonObject()
                        .put("message", message)
                        .put("extensions", new JsonObject().put("code", code)))).encode());
    }
}
