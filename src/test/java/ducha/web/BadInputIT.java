package ducha.web;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link BadInputTest} against the packaged service: the jar in CI, the native executable where one is built. */
@QuarkusIntegrationTest
class BadInputIT extends BadInputTest {
}
