package ducha.attachment;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link AttachmentApiTest} against the packaged service: the jar in CI, the native executable where one is built. */
@QuarkusIntegrationTest
class AttachmentApiIT extends AttachmentApiTest {
}
