package ducha.finding;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link FindingApiTest} against the packaged service: the jar in CI, the native executable where one is built. */
@QuarkusIntegrationTest
class FindingApiIT extends FindingApiTest {
}
