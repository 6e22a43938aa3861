package ducha.graphql.planner;

import ducha.security.Roles;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLSchema;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The fast door for GraphQL queries: a query whose every field the planner knows is answered by one SQL statement that
 * returns the JSON of {@code data} (ReadPlanner), written into the response as text. Everything else (mutations,
 * subscriptions, {@code me}, {@code summary}, history, invalid documents, arguments the resolvers would refuse, callers
 * without a role) goes on to SmallRye's resolvers, whole, and gets their answer or their error.
 *
 * <p>Before either path: automatic persisted queries (a document sent once by its SHA-256, then by the hash alone), the
 * cost limit counted in rows (QueryCost), and documents parsed and validated once (bounded cache). The planned path
 * then checks depth and complexity as the resolvers' limits do, and authenticates and checks the roles every read
 * field requires, before any SQL runs.
 */
@ApplicationScoped
public class PlannedReads {

    private static final String BYPASS_HEADER = "Ducha-Planner";

    private final Instance<GraphQLSchema> schemas;
    private final Pool pool;
    private final PersistedQueries persisted;
    private final BoundedCache<String, PreparedDocument> documents;
    private final boolean enabled;
    private final boolean trace;
    private final long maxCost;
    private final int maxDepth;
    private final int maxComplexity;
    private volatile GraphQLSchema schema;

    public PlannedReads(Instance<GraphQLSchema> schemas, Pool pool, PersistedQueries persisted,
            @ConfigProperty(name = "ducha.graphql.planner.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "ducha.graphql.planner.trace", defaultValue = "false") boolean trace,
            @ConfigProperty(name = "ducha.graphql.documents", defaultValue = "500") int documentCacheSize,
            @ConfigProperty(name = "ducha.graphql.max-cost", defaultValue = "10000") long maxCost,
            @ConfigProperty(name = "quarkus.smallrye-graphql.instrumentation-query-depth") int maxDepth,
            @ConfigProperty(name = "quarkus.smallrye-graphql.instrumentation-query-complexity") int maxComplexity) {
        this.schemas = schemas;
        this.pool = pool;
        this.persisted = persisted;
        this.documents = new BoundedCache<>(documentCacheSize);
        this.enabled = enabled;
        this.trace = trace;
        this.maxCost = maxCost;
        this.maxDepth = maxDepth;
        this.maxComplexity = maxComplexity;
    }

    void register(@Observes Router router) {
        // After graphql/RequestEnvelope (order -100), which read the body and refused malformed envelopes.
        router.route(HttpMethod.POST, "/graphql").order(-90).handler(this::handle);
        router.route(HttpMethod.GET, "/graphql").order(-90).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        GraphQLRequest request = GraphQLRequest.of(context);
        if (request == null) {
            context.next();
            return;
        }
        PersistedQueries.Outcome outcome = persisted.resolve(request);
        if (outcome.error() != null) {
            respondError(context, outcome.status(), outcome.error());
            return;
        }
        if (outcome.query() == null) {
            context.next();
            return;
        }
        if (request.query() == null) {
            request.supplyQuery(context, outcome.query());
            if (request.isGet()) {
                return;
            }
        }
        GraphQLSchema schema = schema();
        if (schema == null) {
            context.next();
            return;
        }
        PreparedDocument document = documents.computeIfAbsent(outcome.query(),
                text -> PreparedDocument.prepare(text, schema));
        OperationDefinition operation = document.valid ? document.operation(request.operationName()) : null;
        if (operation == null || operation.getOperation() != OperationDefinition.Operation.QUERY) {
            context.next();
            return;
        }
        CoercedVariables variables;
        try {
            variables = ValuesResolver.coerceVariableValues(schema, operation.getVariableDefinitions(),
                    RawVariables.of(request.variables()), GraphQLContext.getDefault(), Locale.ROOT);
        } catch (RuntimeException e) {
            context.next();
            return;
        }
        NormalizedOperation normalized = document.normalize(operation, variables);
        if (normalized.depth > maxDepth || normalized.complexity > maxComplexity) {
            context.next(); // refused there, with the resolvers' own message
            return;
        }
        long cost = QueryCost.of(schema, schema.getQueryType(), normalized.fields, variables);
        if (cost > maxCost) {
            respondError(context, 400, new JsonObject()
                    .put("message", "This query could return about " + cost + " objects; the limit is " + maxCost
                            + ". Ask for smaller pages (first) or fewer nested lists.")
                    .put("extensions", new JsonObject().put("code", "QUERY_TOO_EXPENSIVE").put("cost", cost)
                            .put("limit", maxCost)));
            return;
        }
        if (!enabled || Boolean.FALSE.equals(normalized.plannable)
                || (trace && "off".equals(context.request().getHeader(BYPASS_HEADER)))) {
            context.next();
            return;
        }
        ReadPlanner.Statement statement;
        try {
            statement = ReadPlanner.render(schema, normalized, variables);
            normalized.plannable = true;
        } catch (ReadPlanner.NotPlannable e) {
            if (e.field) {
                normalized.plannable = false;
            }
            if (trace) {
                context.response().putHeader(BYPASS_HEADER, "resolvers: " + e.getMessage());
            }
            context.next();
            return;
        }
        Context vertxContext = Vertx.currentContext();
        QuarkusHttpUser.getSecurityIdentity(context, null)
                .subscribe().with(identity -> {
                    if (!mayRead(identity)) {
                        vertxContext.runOnContext(v -> context.next());
                        return;
                    }
                    pool.preparedQuery(statement.sql()).execute(statement.parameters()).subscribe().with(
                            rows -> vertxContext.runOnContext(v -> respond(context, rows.iterator().next())),
                            failure -> {
                                // The resolvers meet the same failure and report it as they do (UNAVAILABLE …).
                                Log.debugf(failure, "Planned read failed; the resolvers answer it");
                                vertxContext.runOnContext(v -> context.next());
                            });
                }, failure -> vertxContext.runOnContext(v -> context.next()));
    }

    /** Every field the planner answers is open to both roles, and to nobody else. */
    private static boolean mayRead(SecurityIdentity identity) {
        return identity != null && !identity.isAnonymous()
                && (identity.hasRole(Roles.INSPECTOR) || identity.hasRole(Roles.ADMIN));
    }

    private void respond(RoutingContext context, Row row) {
        if (trace) {
            context.response().putHeader(BYPASS_HEADER, "planned");
        }
        context.response().putHeader(HttpHeaders.CONTENT_TYPE, GraphQLRequest.responseType(context))
                .end("{\"data\":" + row.getString(0) + "}");
    }

    private static void respondError(RoutingContext context, int status, JsonObject error) {
        boolean graphqlResponse = GraphQLRequest.responseType(context).startsWith("application/graphql-response+json");
        context.response().setStatusCode(graphqlResponse ? status : 200)
                .putHeader(HttpHeaders.CONTENT_TYPE, GraphQLRequest.responseType(context))
                .end(new JsonObject().put("errors", JsonArray.of(error)).encode());
    }

    private GraphQLSchema schema() {
        GraphQLSchema known = schema;
        if (known == null && schemas.isResolvable()) {
            known = schemas.get();
            schema = known;
        }
        return known;
    }

    /** For tests: how many documents are prepared. */
    int preparedDocuments() {
        return documents.size();
    }
}
