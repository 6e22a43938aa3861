package ducha.webhook;

import static ducha.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A burst of 500 writes aimed at 100 per second (four writers) to three endpoints, one of which is down (answers 500)
 * while 200 of the writes are made: every committed event reaches every endpoint, in the change log's order, repeated
 * only with the same webhook-id. Prints the delivery lag (from the writing transaction's start to the receiver) of the
 * healthy ones, and the rate the writers reached (docs/webhooks.md has the figures and why they are not the issue's).
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class WebhookBurstTest {

    /**
     * Endpoints other test classes left enabled (their receivers are gone) would take this replica's delivery slots
     * with retries: only this test's endpoints take part.
     */
    @org.junit.jupiter.api.BeforeEach
    void onlyThisTestsEndpoints() {
        ducha.support.Db.execute("update webhook_endpoint set enabled = false");
    }

    private static final int WRITES = 500;
    private static final int PER_SECOND = 100;
    private static final int WRITERS = 4;

    @Test
    void everyEventReachesEveryEndpointInOrderThroughAnOutage() throws Exception {
        var world = Api.world();
        String inspector = Tokens.inspector(world.unitCode());
        try (Receiver a = new Receiver(); Receiver b = new Receiver(); Receiver flaky = new Receiver()) {
            List<String> endpoints = new ArrayList<>();
            List<String> secrets = new ArrayList<>();
            for (Receiver receiver : List.of(a, b, flaky)) {
                JsonPath created = as(Tokens.admin()).body(WebhookApiTest.endpoint(receiver.url(),
                        List.of("finding.reported"), world.unitId())).post("/api/v1/webhooks")
                        .then().statusCode(201).extract().jsonPath();
                endpoints.add(created.getString("id"));
                secrets.add(created.getString("secret"));
            }
            // Four writers, each at a quarter of the rate; the order to expect is the change log's.
            long start = System.nanoTime();
            var writers = java.util.concurrent.Executors.newFixedThreadPool(WRITERS);
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    for (int i = writer; i < WRITES; i += WRITERS) {
                        long wait = start + i * 1_000_000_000L / PER_SECOND - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        if (i == WRITES / 3) {
                            flaky.down(true);
                        } else if (i == WRITES / 3 + 2 * PER_SECOND) {
                            flaky.down(false);
                        }
                        Api.reportFinding(inspector, Api.finding(world.groupId(), world.siteId()));
                    }
                    return null;
                }));
            }
            for (var writer : done) {
                writer.get();
            }
            writers.shutdown();
            double rate = WRITES / (Duration.ofNanos(System.nanoTime() - start).toMillis() / 1000.0);
            List<String> findings = Db.texts("select entity_id::text from change_event where entity = 'finding' "
                    + "and op = 'CREATE' and data ->> 'unitId' = ? order by tx, seq", world.groupId());
            assertThat(findings).hasSize(WRITES);

            for (Receiver receiver : List.of(a, b, flaky)) {
                receiver.awaitAccepted(WRITES, Duration.ofSeconds(60));
            }
            for (Receiver receiver : List.of(a, b, flaky)) {
                List<Receiver.Received> accepted = receiver.accepted();
                assertThat(accepted.stream().map(r -> new JsonPath(r.body()).getString("data.id")).toList())
                        .containsExactlyElementsOf(findings);
                // Anything received more than once (refused, then sent again) has one id per event.
                var ids = new LinkedHashSet<String>();
                for (Receiver.Received r : receiver.all()) {
                    ids.add(r.webhookId() + " " + new JsonPath(r.body()).getString("data.id"));
                }
                assertThat(ids).hasSize(WRITES);
            }
            assertThat(flaky.all().size()).isGreaterThan(WRITES);
            StandardWebhooks.verify(a.accepted().subList(0, 50), secrets.get(0));
            StandardWebhooks.verify(flaky.all().subList(WRITES / 3 - 5, WRITES / 3 + 20), secrets.get(2));

            List<Long> lags = new ArrayList<>();
            for (Receiver receiver : List.of(a, b)) {
                for (Receiver.Received r : receiver.accepted()) {
                    Instant written = Instant.parse(new JsonPath(r.body()).getString("timestamp"));
                    lags.add(Duration.between(written, r.at()).toMillis());
                }
            }
            lags.sort(null);
            System.out.printf("webhook burst: %d writes at %.0f/s, 2 healthy endpoints: delivery lag p50 %d ms, "
                            + "p99 %d ms, max %d ms; the third, down for 200 writes, received %d requests for %d events%n",
                    WRITES, rate, lags.get(lags.size() / 2), lags.get(lags.size() * 99 / 100), lags.get(lags.size() - 1),
                    flaky.all().size(), WRITES);
            for (String id : endpoints) {
                as(Tokens.admin()).header("If-Match", "*").delete("/api/v1/webhooks/" + id).then().statusCode(204);
            }
        }
    }
}
