package ducha.graphql.planner;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.execution.CoercedVariables;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A GraphQL document parsed and validated once: its operations and fragments, or the errors that refuse it. */
public final class PreparedDocument {

    /** graphql-java's classification of the errors: InvalidSyntax or ValidationError; null when valid. */
    public final String classification;
    public final List<? extends GraphQLError> errors;
    private final Map<String, OperationDefinition> operations = new HashMap<>();
    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    private final BoundedCache<String, NormalizedOperation> normalized = new BoundedCache<>(16);

    private PreparedDocument(String classification, List<? extends GraphQLError> errors) {
        this.classification = classification;
        this.errors = errors;
    }

    static PreparedDocument prepare(String text, GraphQLSchema schema) {
        // The operation parser options carry the token limit (graphql/TokenLimit).
        ParseAndValidateResult parsed = ParseAndValidate.parse(ExecutionInput.newExecutionInput(text).build());
        if (parsed.isFailure()) {
            return new PreparedDocument("InvalidSyntax", List.of(parsed.getSyntaxException().toInvalidSyntaxError()));
        }
        List<? extends GraphQLError> invalid = ParseAndValidate.validate(schema, parsed.getDocument(), Locale.ENGLISH);
        if (!invalid.isEmpty()) {
            return new PreparedDocument("ValidationError", invalid);
        }
        PreparedDocument prepared = new PreparedDocument(null, List.of());
        for (OperationDefinition operation : parsed.getDocument().getDefinitionsOfType(OperationDefinition.class)) {
            prepared.operations.put(operation.getName(), operation);
        }
        for (FragmentDefinition fragment : parsed.getDocument().getDefinitionsOfType(FragmentDefinition.class)) {
            prepared.fragments.put(fragment.getName(), fragment);
        }
        return prepared;
    }

    public boolean valid() {
        return classification == null;
    }

    /** The operation a request names, or the only one; null when that is ambiguous or absent. */
    public OperationDefinition operation(String name) {
        if (name == null || name.isEmpty()) {
            return operations.size() == 1 ? operations.values().iterator().next() : null;
        }
        return operations.get(name);
    }

    /** The operation normalized for these variables; cached by the values of its Boolean variables. */
    public NormalizedOperation normalize(OperationDefinition operation, CoercedVariables variables) {
        StringBuilder key = new StringBuilder(String.valueOf(operation.getName()));
        for (VariableDefinition definition : operation.getVariableDefinitions()) {
            Object value = variables.get(definition.getName());
            if (value instanceof Boolean) {
                key.append('\u0000').append(definition.getName()).append('=').append(value);
            }
        }
        return normalized.computeIfAbsent(key.toString(),
                k -> NormalizedOperation.of(operation, fragments, variables));
    }
}
