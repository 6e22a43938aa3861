package ducha.graphql;

import graphql.introspection.Introspection;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns GraphQL introspection ({@code __schema}, {@code __type}) off where {@code ducha.graphql.introspection} is
 * false (prod). graphql-java's own switch, checked once per introspection field; {@code __typename} stays. The field
 * visibility "no-introspection" did the same by a pattern check on every field of every request: 12 % of the CPU of a
 * GraphQL read by id (BENCHMARKS.md).
 */
@ApplicationScoped
public class IntrospectionSwitch {

    void apply(@Observes StartupEvent start,
            @ConfigProperty(name = "ducha.graphql.introspection", defaultValue = "true") boolean enabled) {
        Introspection.enabledJvmWide(enabled);
    }
}
