package ducha.report;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link DailyReportTest} against the packaged service: the jar in CI, the native executable where one is built. */
@QuarkusIntegrationTest
class DailyReportIT extends DailyReportTest {
}
