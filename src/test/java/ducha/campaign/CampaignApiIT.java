package ducha.campaign;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link CampaignApiTest} against the packaged service: the jar in CI, the native executable where one is built. */
@QuarkusIntegrationTest
class CampaignApiIT extends CampaignApiTest {
}
