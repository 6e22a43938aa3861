package ducha.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A phone on a bad link: every request is retried with its Idempotency-Key until an answer gets through. Some
 * answers are lost (the client ignores them), some connections are dropped before the answer (a tiny timeout),
 * some retries race the first attempt. In the end each intended write exists exactly once.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class FlakyClientTest {

    private static final int CLIENTS = 4;
    private static final int FINDINGS_PER_CLIENT = 6;
    private static final int MAX_ATTEMPTS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private enum Mishap { NONE, RESPONSE_LOST, CONNECTION_DROPPED, DUPLICATE_IN_PARALLEL }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger attempts = new AtomicInteger();
    private final Map<Mishap, AtomicInteger> mishaps = new ConcurrentHashMap<>();

    @Test
    void everyIntendedWriteExistsExactlyOnce() throws Exception {
        Api.World world = Api.world();
        String token = Tokens.token("flaky-" + UUID.randomUUID(), world.unitCode(), "inspector");
        String marker = "弱网 " + UUID.randomUUID();
        long seed = new Random().nextLong();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();

        List<CompletableFuture<Void>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Random random = new Random(seed + c);
            int client = c;
            clients.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < FINDINGS_PER_CLIENT; i++) {
                    String body = json(Map.of("unitId", world.groupId(), "siteId", world.siteId(),
                            "category", "CROWD_CONTROL", "severity", "LOW",
                            "description", marker + " " + client + "-" + i));
                    JsonNode created = untilAcknowledged(random, token, "/api/v1/findings", body, 201);
                    String id = created.get("id").asText();
                    acknowledged.add(id);
                    JsonNode moved = untilAcknowledged(random, token, "/api/v1/findings/" + id + "/transitions",
                            json(Map.of("action", "START")), 200);
                    assertThat(moved.get("status").asText()).isEqualTo("RECTIFYING");
                }
            }));
        }
        for (CompletableFuture<Void> client : clients) {
            client.get(5, TimeUnit.MINUTES);
        }

        int intended = CLIENTS * FINDINGS_PER_CLIENT;
        String why = "seed " + seed + ", " + attempts.get() + " attempts, mishaps " + mishaps;
        assertThat(acknowledged).as(why).hasSize(intended);
        assertThat(Db.count("select count(*) from finding where description like ?", marker + "%")).as(why)
                .isEqualTo(intended);
        assertThat(Db.count("select count(*) from finding where description like ? and status = 'RECTIFYING' "
                + "and version = 1", marker + "%")).as(why).isEqualTo(intended);
        assertThat(Db.count("select count(*) from change_event e join finding f on f.id = e.entity_id "
                + "where f.description like ? and e.op = 'CREATE'", marker + "%")).as(why).isEqualTo(intended);
        assertThat(Db.count("select count(*) from change_event e join finding f on f.id = e.entity_id "
                + "where f.description like ? and e.op = 'TRANSITION'", marker + "%")).as(why).isEqualTo(intended);
        // The link was really bad: answers were lost and connections dropped along the way.
        assertThat(mishaps.get(Mishap.RESPONSE_LOST)).as(why).isNotNull();
        assertThat(mishaps.get(Mishap.CONNECTION_DROPPED)).as(why).isNotNull();
    }

    /** Sends one intended write until its answer gets through; answers the acknowledged body. */
    private JsonNode untilAcknowledged(Random random, String token, String path, String body, int success) {
        String key = UUID.randomUUID().toString();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            attempts.incrementAndGet();
            // Most of the first attempts go wrong; later ones get through more often.
            Mishap mishap = random.nextInt(10) < (attempt == 1 ? 7 : 4)
                    ? Mishap.values()[1 + random.nextInt(3)]
                    : Mishap.NONE;
            mishaps.computeIfAbsent(mishap, m -> new AtomicInteger()).incrementAndGet();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            try {
                HttpResponse<String> response = switch (mishap) {
                    case NONE -> send(request.timeout(Duration.ofSeconds(30)));
                    case RESPONSE_LOST -> {
                        send(request.timeout(Duration.ofSeconds(30)));
                        yield null;
                    }
                    case CONNECTION_DROPPED -> send(request.timeout(Duration.ofMillis(1 + random.nextInt(40))));
                    case DUPLICATE_IN_PARALLEL -> {
                        HttpRequest twice = request.timeout(Duration.ofSeconds(30)).build();
                        var one = http.sendAsync(twice, HttpResponse.BodyHandlers.ofString());
                        var other = http.sendAsync(twice, HttpResponse.BodyHandlers.ofString());
                        HttpResponse<String> first = one.get();
                        HttpResponse<String> second = other.get();
                        yield first.statusCode() == success ? first : second;
                    }
                };
                if (response != null && response.statusCode() == success) {
                    return JSON.readTree(response.body());
                }
                if (response != null && response.statusCode() != 409) {
                    throw new AssertionError("unexpected answer " + response.statusCode() + ": " + response.body());
                }
            } catch (java.net.http.HttpTimeoutException | InterruptedException e) {
                // The connection was dropped before the answer: the write may or may not have happened.
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof IOException)) {
                    throw new IllegalStateException(e);
                }
            } catch (IOException e) {
                // Likewise lost.
            }
            pause(random);
        }
        throw new AssertionError("no answer got through after " + MAX_ATTEMPTS + " attempts to " + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void pause(Random random) {
        try {
            Thread.sleep(5 + random.nextInt(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
