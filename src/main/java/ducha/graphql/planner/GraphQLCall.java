package ducha.graphql.planner;

import graphql.execution.CoercedVariables;
import io.vertx.ext.web.RoutingContext;

/**
 * A GraphQL request that graphql/RequestEnvelope found valid and within the limits, handed to the routes that execute
 * it: the variables coerced and, for a query within the limits, the normalized selection (null otherwise).
 */
public record GraphQLCall(CoercedVariables variables, NormalizedOperation normalized) {

    private static final String KEY = "ducha.graphql.call";

    public void attachTo(RoutingContext context) {
        context.put(KEY, this);
    }

    static GraphQLCall of(RoutingContext context) {
        return context.get(KEY);
    }
}
