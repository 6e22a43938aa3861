package ducha.graphql;

import graphql.parser.ParserOptions;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Caps the tokens of a GraphQL document before it is parsed any further. graphql-java parses operations with
 * its operation parser options, which the extension's parser settings do not reach, so they are set here.
 */
@ApplicationScoped
public class TokenLimit {

    private final int maxTokens;

    public TokenLimit(@ConfigProperty(name = "ducha.graphql.max-tokens", defaultValue = "5000") int maxTokens) {
        this.maxTokens = maxTokens;
    }

    void apply(@Observes StartupEvent event) {
        ParserOptions.setDefaultOperationParserOptions(ParserOptions.getDefaultOperationParserOptions()
                .transform(options -> options.maxTokens(maxTokens).maxWhitespaceTokens(maxTokens * 4)));
    }
}
