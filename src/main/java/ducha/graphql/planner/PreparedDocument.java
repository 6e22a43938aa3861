package ducha.graphql.planner;

import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.validation.Validator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A GraphQL document parsed and validated once. Null fields mean the document is not valid: the resolver path
 * answers it, with graphql-java's errors.
 */
final class PreparedDocument {

    final boolean valid;
    private final Map<String, OperationDefinition> operations = new HashMap<>();
    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    private final BoundedCache<String, NormalizedOperation> normalized = new BoundedCache<>(16);

    private PreparedDocument(boolean valid) {
        this.valid = valid;
    }

    static PreparedDocument prepare(String text, GraphQLSchema schema) {
        Document document;
        try {
            document = new Parser().parseDocument(text);
        } catch (InvalidSyntaxException e) {
            return new PreparedDocument(false);
        } catch (RuntimeException e) {
            // The token limit and other parser guards: the resolver path reports them.
            return new PreparedDocument(false);
        }
        if (!new Validator().validateDocument(schema, document, Locale.ROOT).isEmpty()) {
            return new PreparedDocument(false);
        }
        PreparedDocument prepared = new PreparedDocument(true);
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            prepared.operations.put(operation.getName(), operation);
        }
        for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
            prepared.fragments.put(fragment.getName(), fragment);
        }
        return prepared;
    }

    /** The operation a request names, or the only one; null when that is ambiguous or absent. */
    OperationDefinition operation(String name) {
        if (name == null || name.isEmpty()) {
            return operations.size() == 1 ? operations.values().iterator().next() : null;
        }
        return operations.get(name);
    }

    /** The operation normalized for these variables; cached by the values of its Boolean variables. */
    NormalizedOperation normalize(OperationDefinition operation, CoercedVariables variables) {
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

    List<VariableDefinition> variableDefinitions(OperationDefinition operation) {
        return operation.getVariableDefinitions();
    }
}
