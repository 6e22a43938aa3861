package ducha.inspection;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link InspectionApiTest} against the packaged service: the jar in CI, the native executable where one is built. */
@QuarkusIntegrationTest
class InspectionApiIT extends InspectionApiTest {
}
