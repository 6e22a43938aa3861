package ducha.graphql.planner;

import graphql.execution.CoercedVariables;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated operation with its selection normalized for the given values of the variables that {@code @skip} and
 * {@code @include} read. The schema has no interfaces or unions, so every fragment applies where validation let it be
 * spread, and fields merge by response key alone. Depth and complexity are counted as graphql-java's limits count
 * them: every field visited, fragments expanded where they are spread.
 */
public final class NormalizedOperation {

    final OperationDefinition definition;
    final Map<String, SelectedField> fields = new LinkedHashMap<>();
    public int depth;
    public int complexity;
    /** Null until the planner first tried this operation; then whether it can answer it. */
    volatile Boolean plannable;
    /**
     * An operation without variables asks the same thing every time: its cost and (unless it depends on the time of
     * the request) its statement are worked out once and kept here.
     */
    private volatile Long fixedCost;
    volatile ReadPlanner.Statement fixedStatement;

    private NormalizedOperation(OperationDefinition definition) {
        this.definition = definition;
    }

    /** Whether the operation declares no variables, so that everything about it is fixed by its text. */
    boolean fixed() {
        return definition.getVariableDefinitions().isEmpty();
    }

    /** The cost of the operation (QueryCost), computed once when the operation is fixed. */
    public long cost(GraphQLSchema schema, CoercedVariables variables) {
        if (!fixed()) {
            return QueryCost.of(schema, this, variables);
        }
        Long cost = fixedCost;
        if (cost == null) {
            fixedCost = cost = QueryCost.of(schema, this, variables);
        }
        return cost;
    }

    static NormalizedOperation of(OperationDefinition definition, Map<String, FragmentDefinition> fragments,
            CoercedVariables variables) {
        NormalizedOperation operation = new NormalizedOperation(definition);
        operation.collect(operation.fields, definition.getSelectionSet(), fragments, variables, 1);
        return operation;
    }

    private void collect(Map<String, SelectedField> into, SelectionSet set, Map<String, FragmentDefinition> fragments,
            CoercedVariables variables, int level) {
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                if (!included(field.getDirectives(), variables)) {
                    continue;
                }
                complexity++;
                depth = Math.max(depth, level);
                String key = field.getAlias() != null ? field.getAlias() : field.getName();
                SelectedField selected = into.computeIfAbsent(key,
                        k -> new SelectedField(k, field.getName(), field.getArguments()));
                if (field.getSelectionSet() != null) {
                    collect(selected.children, field.getSelectionSet(), fragments, variables, level + 1);
                }
            } else if (selection instanceof InlineFragment inline) {
                if (included(inline.getDirectives(), variables)) {
                    collect(into, inline.getSelectionSet(), fragments, variables, level);
                }
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (fragment != null && included(spread.getDirectives(), variables)) {
                    collect(into, fragment.getSelectionSet(), fragments, variables, level);
                }
            }
        }
    }

    private static boolean included(List<Directive> directives, CoercedVariables variables) {
        for (Directive directive : directives) {
            if (directive.getName().equals("skip") && condition(directive, variables)) {
                return false;
            }
            if (directive.getName().equals("include") && !condition(directive, variables)) {
                return false;
            }
        }
        return true;
    }

    private static boolean condition(Directive directive, CoercedVariables variables) {
        Value<?> value = directive.getArgument("if").getValue();
        if (value instanceof VariableReference reference) {
            return Boolean.TRUE.equals(variables.get(reference.getName()));
        }
        return value instanceof BooleanValue bool && bool.isValue();
    }
}
