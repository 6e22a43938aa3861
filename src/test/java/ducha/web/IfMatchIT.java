package ducha.web;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link IfMatchTest} against the packaged service: the jar in CI, the native executable where one is built. */
@QuarkusIntegrationTest
class IfMatchIT extends IfMatchTest {
}
