package ducha.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ducha.support.Api;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A finding changed through REST reaches a GraphQL subscriber (graphql-transport-ws) within a second. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class FindingSubscriptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void deliversChangesMadeThroughRestOnceInCommitOrderAndFiltered() throws Exception {
        var world = Api.world();
        var other = Api.world();
        try (Subscriber subscriber = Subscriber.connect(Tokens.inspector("ANY"),
                "subscription($unit: ID) { findingChanged(filter: {unitId: $unit}) { seq op finding { id status unitId "
                        + "unit { code } site { id } } } }",
                Map.of("unit", world.unitId()))) {
            // Not the subscribed unit: must not arrive.
            Api.reportFinding(Tokens.admin(), Api.finding(other.groupId(), other.siteId()));
            long start = System.nanoTime();
            String id = Api.reportFinding(Tokens.admin(), Api.finding(world.groupId(), world.siteId())).getString("id");
            JsonNode created = subscriber.next();
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertThat(millis).as("arrival after the REST write").isLessThan(1000);
            assertThat(created.at("/finding/id").asText()).isEqualTo(id);
            assertThat(created.at("/op").asText()).isEqualTo("CREATE");
            assertThat(created.at("/finding/unit/code").asText()).isEqualTo(world.groupCode());
            assertThat(created.at("/finding/site/id").asText()).isEqualTo(world.siteId());

            Api.as(Tokens.admin()).body(Map.of("action", "START")).post("/api/v1/findings/" + id + "/transitions")
                    .then().statusCode(200);
            Api.as(Tokens.admin()).body(Map.of("action", "RECTIFY", "note", "已整改"))
                    .post("/api/v1/findings/" + id + "/transitions").then().statusCode(200);
            JsonNode started = subscriber.next();
            JsonNode rectified = subscriber.next();
            assertThat(List.of(started.at("/finding/status").asText(), rectified.at("/finding/status").asText()))
                    .containsExactly("RECTIFYING", "RECTIFIED");
            assertThat(Long.parseLong(rectified.at("/seq").asText())).isGreaterThan(Long.parseLong(started.at("/seq").asText()));
            assertThat(subscriber.nothingMoreWithin(Duration.ofMillis(500))).as("each change once").isTrue();
        }
    }

    @Test
    void refusesSubscribersWithoutAToken() throws Exception {
        try (Subscriber subscriber = Subscriber.connect(null, "subscription { findingChanged { seq } }", Map.of())) {
            JsonNode message = subscriber.nextMessage();
            assertThat(message.path("type").asText()).isIn("error", "next", "complete");
            assertThat(message.toString()).contains("UNAUTHENTICATED");
        } catch (java.util.concurrent.ExecutionException | IllegalStateException closed) {
            // Closing the socket is an acceptable refusal too.
            assertThat(closed).isNotNull();
        }
    }

    @Test
    void appliesTheCostAndDepthLimitsToQueriesOverTheWebSocket() throws Exception {
        StringBuilder aliases = new StringBuilder("{");
        for (int i = 0; i < 100; i++) {
            aliases.append(" a").append(i).append(": findings(first: 200) { edges { node { id } } }");
        }
        try (Subscriber socket = Subscriber.connect(Tokens.admin(), aliases.append(" }").toString(), Map.of())) {
            JsonNode message = socket.nextMessage();
            assertThat(message.path("type").asText()).as(message.toString()).isEqualTo("error");
            JsonNode refused = message.at("/payload/0");
            assertThat(refused.at("/extensions/code").asText()).as(message.toString()).isEqualTo("QUERY_TOO_EXPENSIVE");
            assertThat(refused.at("/extensions/cost").asLong()).isEqualTo(20_000);
            assertThat(refused.at("/extensions/limit").asLong()).isEqualTo(10_000);
        }
        String deep = "{ units(first: 1) { edges { node { parent { parent { parent { parent { parent { parent { parent {"
                + " parent { parent { code } } } } } } } } } } } } }";
        try (Subscriber socket = Subscriber.connect(Tokens.admin(), deep, Map.of())) {
            assertThat(socket.nextMessage().toString()).as("the depth limit still applies").contains("depth");
        }
        try (Subscriber socket = Subscriber.connect(Tokens.admin(), "{ units(first: 2) { edges { node { code } } } }",
                Map.of())) {
            JsonNode answer = socket.nextMessage();
            assertThat(answer.path("type").asText()).isEqualTo("next");
            assertThat(answer.at("/payload/data/units/edges").isArray()).as(answer.toString()).isTrue();
        }
    }

    /** A minimal graphql-transport-ws client. */
    static final class Subscriber implements WebSocket.Listener, AutoCloseable {

        /** The close the server sent: its code and reason. */
        record Close(int code, String reason) {
        }

        private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Close> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Subscriber connect(String token, String query, Map<String, Object> variables) throws Exception {
            Subscriber subscriber = new Subscriber();
            URI uri = URI.create("ws://localhost:" + RestAssured.port + "/graphql");
            subscriber.socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                    .buildAsync(uri, subscriber).get(5, TimeUnit.SECONDS);
            Map<String, Object> init = token == null ? Map.of("type", "connection_init")
                    : Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token));
            subscriber.send(init);
            JsonNode ack = subscriber.nextMessage();
            if (!"connection_ack".equals(ack.path("type").asText())) {
                throw new IllegalStateException("no ack: " + ack);
            }
            subscriber.send(Map.of("id", "1", "type", "subscribe",
                    "payload", Map.of("query", query, "variables", variables)));
            Thread.sleep(300); // let the server register the subscription before the test writes
            return subscriber;
        }

        void send(Object message) throws Exception {
            socket.sendText(JSON.writeValueAsString(message), true).get(5, TimeUnit.SECONDS);
        }

        JsonNode nextMessage() throws InterruptedException {
            JsonNode message = messages.poll(5, TimeUnit.SECONDS);
            if (message == null) {
                throw new IllegalStateException("no message within 5 s");
            }
            return message;
        }

        /** The data of the next "next" message. */
        JsonNode next() throws InterruptedException {
            JsonNode message = nextMessage();
            if (!"next".equals(message.path("type").asText())) {
                throw new IllegalStateException("expected next, got " + message);
            }
            if (message.at("/payload/errors").isArray()) {
                throw new IllegalStateException("errors in event: " + message);
            }
            return message.at("/payload/data/findingChanged");
        }

        boolean nothingMoreWithin(Duration wait) throws InterruptedException {
            return messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS) == null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Close(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }
}
