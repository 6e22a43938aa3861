package ducha.graphql.planner;

import graphql.language.Argument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One response key of a normalized selection: fragments inlined, {@code @skip}/{@code @include} applied, and every
 * field asked under the same key merged (validation guarantees they are the same field with the same arguments).
 */
final class SelectedField {

    final String key;
    final String name;
    final List<Argument> arguments;
    final Map<String, SelectedField> children = new LinkedHashMap<>();

    SelectedField(String key, String name, List<Argument> arguments) {
        this.key = key;
        this.name = name;
        this.arguments = arguments;
    }
}
