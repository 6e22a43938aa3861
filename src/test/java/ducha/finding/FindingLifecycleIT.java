package ducha.finding;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link FindingLifecycleTest} against the packaged service: the jar in CI, the native executable where one is built. */
@QuarkusIntegrationTest
class FindingLifecycleIT extends FindingLifecycleTest {
}
