package ducha.graphql.planner;

import ducha.security.Roles;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The fast door for GraphQL queries: a query whose every field the planner knows is answered by one SQL statement that
 * returns the JSON of {@code data} (ReadPlanner), written into the response as text. Everything else (mutations,
 * {@code me}, {@code summary}, history, arguments the resolvers would refuse, callers without a role) goes on to
 * SmallRye's resolvers, whole, and gets their answer or their error.
 *
 * <p>It runs after graphql/RequestEnvelope, which authenticated the caller, prepared the document once, coerced the
 * variables and applied the limits (depth, complexity, cost) to every GraphQL request, and left a {@link GraphQLCall}.
 * Here the roles every planned field requires are checked before any SQL runs.
 */
@ApplicationScoped
public class PlannedReads {

    private static final String PLANNER_HEADER = "Ducha-Planner";
    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final Buffer DATA_PREFIX = Buffer.buffer("{\"data\":");

    private final GraphQLDocuments documents;
    private final Pool pool;
    private final boolean enabled;
    private final boolean trace;

    public PlannedReads(GraphQLDocuments documents, Pool pool,
            @ConfigProperty(name = "ducha.graphql.planner.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "ducha.graphql.planner.trace", defaultValue = "false") boolean trace) {
        this.documents = documents;
        this.pool = pool;
        this.enabled = enabled;
        this.trace = trace;
    }

    void register(@Observes Router router) {
        router.route(HttpMethod.POST, "/graphql").order(-90).handler(this::handle);
        router.route(HttpMethod.GET, "/graphql").order(-90).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        GraphQLCall call = GraphQLCall.of(context);
        if (!enabled || call == null || call.normalized() == null || Boolean.FALSE.equals(call.normalized().plannable)
                || (trace && "off".equals(context.request().getHeader(PLANNER_HEADER)))) {
            context.next();
            return;
        }
        NormalizedOperation operation = call.normalized();
        ReadPlanner.Statement statement = operation.fixedStatement;
        try {
            if (statement == null) {
                statement = ReadPlanner.render(documents.schema(), operation, call.variables());
                operation.plannable = true;
                if (operation.fixed() && !statement.timeDependent()) {
                    operation.fixedStatement = statement;
                }
            }
        } catch (ReadPlanner.NotPlannable e) {
            if (e.field) {
                operation.plannable = false;
            }
            if (trace) {
                context.response().putHeader(PLANNER_HEADER, "resolvers: " + e.getMessage());
            }
            context.next();
            return;
        }
        // RequestEnvelope authenticated the caller: the identity is on the request. The plain Vert.x pool answers on
        // this request's event loop, without the context propagation of its Mutiny wrapper.
        if (!(context.user() instanceof QuarkusHttpUser user) || !mayRead(user.getSecurityIdentity())) {
            context.next();
            return;
        }
        pool.getDelegate().preparedQuery(statement.sql()).execute(Tuple.from(statement.parameters()), result -> {
            if (result.succeeded()) {
                respond(context, result.result().iterator().next().getBuffer(0));
            } else {
                // The resolvers meet the same failure and report it as they do (UNAVAILABLE …).
                Log.debugf(result.cause(), "Planned read failed; the resolvers answer it");
                context.next();
            }
        });
    }

    /** Every field the planner answers is open to both roles, and to nobody else. */
    private static boolean mayRead(SecurityIdentity identity) {
        return identity != null && !identity.isAnonymous()
                && (identity.hasRole(Roles.INSPECTOR) || identity.hasRole(Roles.ADMIN));
    }

    private void respond(RoutingContext context, Buffer json) {
        if (trace) {
            context.response().putHeader(PLANNER_HEADER, "planned");
        }
        // The statement's UTF-8 bytes go out as they came: never decoded into a String and encoded again.
        context.response().putHeader(HttpHeaders.CONTENT_TYPE, responseType(context))
                .end(Buffer.buffer(json.length() + DATA_PREFIX.length() + 1).appendBuffer(DATA_PREFIX)
                        .appendBuffer(json).appendByte((byte) '}'));
    }

    /**
     * As the GraphQL handler answers: the first of the client's accepted types (by preference) that it serves, else
     * the GraphQL media type (which RequestEnvelope turns into JSON for clients that name none).
     */
    private static String responseType(RoutingContext context) {
        for (MIMEHeader accepted : context.parsedHeaders().accept()) {
            String type = accepted.rawValue();
            if (type.startsWith("application/json") || type.startsWith(GRAPHQL_RESPONSE)) {
                return type.startsWith("application/json") ? "application/json" : GRAPHQL_RESPONSE;
            }
        }
        return GRAPHQL_RESPONSE;
    }
}
