package ducha.graphql;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link PlannedReadsTest} against the packaged service: the jar in CI, the native executable where one is built. */
@QuarkusIntegrationTest
class PlannedReadsIT extends PlannedReadsTest {
}
