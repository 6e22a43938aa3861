package ducha.report;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link TrendAndOverdueApiTest} against the packaged service: the jar in CI, the native executable where one is built. */
@QuarkusIntegrationTest
class TrendAndOverdueApiIT extends TrendAndOverdueApiTest {
}
