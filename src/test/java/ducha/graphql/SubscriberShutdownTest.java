package ducha.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ducha.graphql.FindingSubscriptionTest.Subscriber;
import ducha.support.Gql;
import ducha.support.Tokens;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A subscriber connected when the shutdown begins is served through the delay, then closed with 1001 (Going Away)
 * so that it reconnects elsewhere; later upgrades are refused with 503, plain GraphQL requests still answered.
 * <p>
 * Quarkus fires the event on SIGTERM; here the test fires it, in an application of its own (the profile), since
 * the sockets of this one stay refused afterwards. {@code scripts/faults} (subscriber-stop) covers a real SIGTERM.
 */
@QuarkusTest
@TestProfile(SubscriberShutdownTest.OneSecondDelay.class)
@WithTestResource(OidcWiremockTestResource.class)
class SubscriberShutdownTest {

    public static class OneSecondDelay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.shutdown.delay", "1s");
        }
    }

    @Inject
    Event<ShutdownDelayInitiatedEvent> shutdown;

    @Test
    void aSubscriberIsServedThroughTheDelayThenSentAwayWith1001() throws Exception {
        try (Subscriber subscriber = Subscriber.connect(Tokens.inspector("ANY"), "subscription { findingChanged { seq } }",
                Map.of())) {
            long start = System.nanoTime();
            shutdown.fire(new ShutdownDelayInitiatedEvent());

            Thread.sleep(700);
            assertThat(subscriber.closed).as("closed during the delay").isNotDone();
            Subscriber.Close close = subscriber.closed.get(5, TimeUnit.SECONDS);
            long afterMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertThat(close.code()).isEqualTo(1001);
            assertThat(close.reason()).isEqualTo(UpgradedRequests.GOING_AWAY);
            assertThat(afterMs).as("closed after the 1 s delay").isGreaterThanOrEqualTo(1000);
        }

        Throwable refused = catchThrowable(() -> HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("graphql-transport-ws")
                .buildAsync(URI.create("ws://localhost:" + RestAssured.port + "/graphql"), new WebSocket.Listener() { })
                .get(5, TimeUnit.SECONDS));
        assertThat(refused).hasCauseInstanceOf(WebSocketHandshakeException.class);
        var response = ((WebSocketHandshakeException) refused.getCause()).getResponse();
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");

        // Only sockets go: a request is still answered until the server stops.
        assertThat(Gql.query(Tokens.admin(), "{ __typename }").getString("data.__typename")).isEqualTo("Query");
    }
}
