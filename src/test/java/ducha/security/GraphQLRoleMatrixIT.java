package ducha.security;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link GraphQLRoleMatrixTest} against the packaged service: the jar in CI, the native executable where one is built. */
@QuarkusIntegrationTest
class GraphQLRoleMatrixIT extends GraphQLRoleMatrixTest {
}
