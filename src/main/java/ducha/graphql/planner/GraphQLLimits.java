package ducha.graphql.planner;

import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import io.smallrye.graphql.spi.EventingService;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Installs the limits every GraphQL execution gets, whatever its transport: SmallRye's depth and complexity
 * instrumentations, which it set on the builder just before this hook and which the builder cannot hand back, and
 * the cost limit. Loaded by SmallRye through META-INF/services, enabled by {@code ducha.graphql.limits.enabled}.
 */
public final class GraphQLLimits implements EventingService {

    @Override
    public String getConfigKey() {
        return "ducha.graphql.limits.enabled";
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        Config config = ConfigProvider.getConfig();
        return builder.instrumentation(new ChainedInstrumentation(List.of(
                new MaxQueryComplexityInstrumentation(
                        config.getValue("quarkus.smallrye-graphql.instrumentation-query-complexity", Integer.class)),
                new MaxQueryDepthInstrumentation(
                        config.getValue("quarkus.smallrye-graphql.instrumentation-query-depth", Integer.class)),
                new CostLimitInstrumentation(config.getValue("ducha.graphql.max-cost", Long.class)))));
    }
}
