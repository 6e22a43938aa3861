package ducha.unit;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link UnitApiTest} against the packaged service: the jar in CI, the native executable where one is built. */
@QuarkusIntegrationTest
class UnitApiIT extends UnitApiTest {
}
