package ducha.notice;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link NoticeApiTest} against the packaged service: the jar in CI, the native executable where one is built. */
@QuarkusIntegrationTest
class NoticeApiIT extends NoticeApiTest {
}
