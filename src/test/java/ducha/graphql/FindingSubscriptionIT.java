package ducha.graphql;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link FindingSubscriptionTest} against the packaged service: the jar in CI, the native executable where one is built. */
@QuarkusIntegrationTest
class FindingSubscriptionIT extends FindingSubscriptionTest {
}
