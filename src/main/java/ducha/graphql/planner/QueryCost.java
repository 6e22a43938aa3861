package ducha.graphql.planner;

import ducha.common.PageRequest;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.execution.ValuesResolver;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.Locale;
import java.util.Map;

/**
 * What a query may cost before anything runs: the number of objects it can return. A connection costs its page size
 * times (one plus what each node costs), so nesting multiplies; an unpaged list counts {@link #UNPAGED_LIST} items,
 * an object one. Scalars are free: the rows carry them.
 */
public final class QueryCost {

    /** The error code of a query refused for its cost. */
    public static final String TOO_EXPENSIVE = "QUERY_TOO_EXPENSIVE";

    /** What an unpaged list (children, history, breakdowns) is assumed to hold. */
    static final int UNPAGED_LIST = 10;

    private final GraphQLSchema schema;
    private final CoercedVariables variables;

    private QueryCost(GraphQLSchema schema, CoercedVariables variables) {
        this.schema = schema;
        this.variables = variables;
    }

    /** The cost of a query operation. */
    public static long of(GraphQLSchema schema, NormalizedOperation operation, CoercedVariables variables) {
        return new QueryCost(schema, variables).selection(schema.getQueryType(), operation.fields);
    }

    /** The message of a query refused for its cost, in words a front-end developer can act on. */
    public static String refusal(long cost, long limit) {
        return "This query could return about " + cost + " objects; the limit is " + limit
                + ". Ask for smaller pages (first) or fewer nested lists.";
    }

    private long selection(GraphQLObjectType type, Map<String, SelectedField> fields) {
        long cost = 0;
        for (SelectedField field : fields.values()) {
            GraphQLFieldDefinition definition = type.getFieldDefinition(field.name);
            if (definition == null || !(GraphQLTypeUtil.unwrapAll(definition.getType()) instanceof GraphQLObjectType target)) {
                continue;
            }
            if (definition.getArgument("first") != null && target.getName().endsWith("Connection")) {
                cost = saturatedAdd(cost, saturatedMultiply(pageSize(definition, field), 1 + nodes(target, field)));
            } else if (isList(definition.getType())) {
                cost = saturatedAdd(cost, saturatedMultiply(UNPAGED_LIST, 1 + selection(target, field.children)));
            } else {
                cost = saturatedAdd(cost, 1 + selection(target, field.children));
            }
        }
        return cost;
    }

    /** What one node of a connection costs: its edges' nodes, under whatever keys they were asked. */
    private long nodes(GraphQLObjectType connection, SelectedField field) {
        long cost = 0;
        for (SelectedField edges : field.children.values()) {
            if (!edges.name.equals("edges")) {
                continue;
            }
            GraphQLObjectType edge = (GraphQLObjectType) GraphQLTypeUtil.unwrapAll(
                    connection.getFieldDefinition("edges").getType());
            for (SelectedField node : edges.children.values()) {
                if (node.name.equals("node")) {
                    cost = saturatedAdd(cost, selection(
                            (GraphQLObjectType) GraphQLTypeUtil.unwrapAll(edge.getFieldDefinition("node").getType()),
                            node.children));
                }
            }
        }
        return cost;
    }

    private long pageSize(GraphQLFieldDefinition definition, SelectedField field) {
        try {
            Object first = ValuesResolver.getArgumentValues(schema.getCodeRegistry(), definition.getArguments(),
                    field.arguments, variables, GraphQLContext.getDefault(), Locale.ROOT).get("first");
            // Out of range is refused with its own error when the field runs; count what it could be.
            // SmallRye's Int coerces to a BigDecimal.
            return first instanceof Number size ? Math.max(0, Math.min(size.longValue(), PageRequest.MAX_LIMIT))
                    : PageRequest.DEFAULT_LIMIT;
        } catch (RuntimeException e) {
            return PageRequest.MAX_LIMIT;
        }
    }

    private static boolean isList(GraphQLType type) {
        return GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(type));
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static long saturatedMultiply(long a, long b) {
        return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }
}
