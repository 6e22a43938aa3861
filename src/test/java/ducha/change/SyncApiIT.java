package ducha.change;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link SyncApiTest} against the packaged service: the jar in CI, the native executable where one is built. */
@QuarkusIntegrationTest
class SyncApiIT extends SyncApiTest {
}
