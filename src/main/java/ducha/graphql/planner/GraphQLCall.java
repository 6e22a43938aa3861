package ducha.graphql.planner;

import graphql.execution.CoercedVariables;
import graphql.language.OperationDefinition;
import io.vertx.ext.web.RoutingContext;

/**
 * A GraphQL request that graphql/RequestEnvelope found valid and within the limits, handed to the routes that execute
 * it: its operation, the variables coerced, and for a query the normalized selection.
 */
public record GraphQLCall(OperationDefinition operation, CoercedVariables variables, NormalizedOperation normalized) {

    private static final String KEY = "ducha.graphql.call";

    public void attachTo(RoutingContext context) {
        context.put(KEY, this);
    }

    static GraphQLCall of(RoutingContext context) {
        return context.get(KEY);
    }
}
