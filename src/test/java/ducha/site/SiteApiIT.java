package ducha.site;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link SiteApiTest} against the packaged service: the jar in CI, the native executable where one is built. */
@QuarkusIntegrationTest
class SiteApiIT extends SiteApiTest {
}
