package ducha.report;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link SeedFiguresTest} against the packaged service: the jar in CI, the native executable where one is built. */
@QuarkusIntegrationTest
class SeedFiguresIT extends SeedFiguresTest {
}
