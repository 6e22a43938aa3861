package ducha.graphql;

import graphql.GraphQLError;
import graphql.validation.ValidationError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * graphql-java's validation messages quote the parsed syntax tree ({@code 'ObjectValue{objectFields=[…]}'}) and
 * its own class names; a person fixing a query needs the argument and the expected type, nothing of the parser.
 */
final class ReadableMessages {

    private static final Pattern WITH_VALUE = Pattern.compile(" with value '[A-Za-z]+Value\\{");
    private static final Pattern AST_TYPE = Pattern.compile("Expected an AST type of '([A-Za-z]+)Value' but it was a '([A-Za-z]+)Value'");
    private static final Pattern DUMP = Pattern.compile("[A-Za-z]+Value\\{");

    private ReadableMessages() {
    }

    static String of(GraphQLError error) {
        String message = error instanceof ValidationError validation ? validation.getDescription() : error.getMessage();
        message = withoutQuotedTrees(message, WITH_VALUE, "");
        Matcher types = AST_TYPE.matcher(message);
        message = types.replaceAll(match -> "expected " + literal(match.group(1)) + " but got " + literal(match.group(2)));
        return withoutQuotedTrees(message, DUMP, "the given value");
    }

    private static String literal(String astType) {
        return switch (astType) {
            case "Int" -> "an integer";
            case "Float" -> "a number";
            case "String" -> "a string";
            case "Boolean" -> "true or false";
            case "Enum" -> "an enum value";
            case "Object" -> "an object";
            case "Array" -> "a list";
            case "Null" -> "null";
            default -> "a " + astType.toLowerCase();
        };
    }

    /** Replaces each match of {@code start} and the balanced braces it opens (and a closing quote) by {@code by}. */
    private static String withoutQuotedTrees(String message, Pattern start, String by) {
        StringBuilder out = new StringBuilder();
        Matcher matcher = start.matcher(message);
        int from = 0;
        while (matcher.find(from)) {
            int depth = 1;
            int i = matcher.end();
            while (i < message.length() && depth > 0) {
                char c = message.charAt(i++);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            if (matcher.group().startsWith(" with value '") && i < message.length() && message.charAt(i) == '\'') {
                i++;
            }
            out.append(message, from, matcher.start()).append(by);
            from = i;
        }
        return out.append(message.substring(from)).toString();
    }
}
