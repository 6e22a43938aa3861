package ducha.evidence;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link PhotoEvidenceTest} against the packaged service: the jar in CI, the native executable where one is built. */
@QuarkusIntegrationTest
class PhotoEvidenceIT extends PhotoEvidenceTest {
}
