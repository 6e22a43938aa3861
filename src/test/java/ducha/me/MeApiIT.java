package ducha.me;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link MeApiTest} against the packaged service: the jar in CI, the native executable where one is built. */
@QuarkusIntegrationTest
class MeApiIT extends MeApiTest {
}
