package ducha.graphql;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link GraphQLMutationsTest} against the packaged service: the jar in CI, the native executable where one is built. */
@QuarkusIntegrationTest
class GraphQLMutationsIT extends GraphQLMutationsTest {
}
