package ducha.security;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link RoleMatrixTest} against the packaged service: the jar in CI, the native executable where one is built. */
@QuarkusIntegrationTest
class RoleMatrixIT extends RoleMatrixTest {
}
