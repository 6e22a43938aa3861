package ducha.graphql.planner;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;
import java.util.List;
import java.util.Map;

/**
 * The cost limit (QueryCost) where graphql/RequestEnvelope does not stand: a query sent over the WebSocket, which
 * graphql-ws allows beside subscriptions. Over HTTP the envelope refused it before anything ran; here it is refused
 * before the resolvers run, with the same code and figures.
 */
final class CostLimitInstrumentation extends SimplePerformantInstrumentation {

    private final long maxCost;

    CostLimitInstrumentation(long maxCost) {
        this.maxCost = maxCost;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        OperationDefinition operation = execution.getOperationDefinition();
        if (operation.getOperation() == OperationDefinition.Operation.QUERY) {
            NormalizedOperation normalized = NormalizedOperation.of(operation, execution.getFragmentsByName(),
                    execution.getCoercedVariables());
            long cost = QueryCost.of(execution.getGraphQLSchema(), normalized, execution.getCoercedVariables());
            if (cost > maxCost) {
                throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                        .message(QueryCost.refusal(cost, maxCost))
                        .extensions(Map.of("code", QueryCost.TOO_EXPENSIVE, "cost", cost, "limit", maxCost))
                        .build()));
            }
        }
        return super.beginExecuteOperation(parameters, state);
    }
}
