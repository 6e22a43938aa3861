package ducha.webhook;

import static ducha.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Management;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.http.HttpServer;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Delivery to a real receiver on 127.0.0.1, every signature checked by the service's own code and by the npm
 * package standardwebhooks: order, retries with backoff, rotation, scope, slow receivers, SSRF at delivery time,
 * disabling, redelivery and test events, meters.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class WebhookDeliveryTest {

    /**
     * Endpoints other test classes left enabled (their receivers are gone) would take this replica's delivery slots
     * with retries: only this test's endpoints take part.
     */
    @org.junit.jupiter.api.BeforeEach
    void onlyThisTestsEndpoints() {
        ducha.support.Db.execute("update webhook_endpoint set enabled = false");
    }

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final List<String> ALL = List.of("finding.reported", "finding.transitioned", "finding.escalated",
            "notice.issued", "inspection.recorded");

    HttpServer server;

    private static JsonPath register(String url, List<String> types, String unitId) {
        return as(Tokens.admin()).body(WebhookApiTest.endpoint(url, types, unitId)).post("/api/v1/webhooks")
                .then().statusCode(201).extract().jsonPath();
    }

    private static void remove(String id) {
        as(Tokens.admin()).header("If-Match", "*").delete("/api/v1/webhooks/" + id).then().statusCode(204);
    }

    private static String report(String token, Api.World world) {
        return Api.reportFinding(token, Api.finding(world.groupId(), world.siteId())).getString("id");
    }

    private static void move(String token, String findingId, String action) {
        as(token).body(Map.of("action", action)).post("/api/v1/findings/" + findingId + "/transitions")
                .then().statusCode(200);
    }

    private static JsonPath body(Receiver.Received received) {
        return new JsonPath(received.body());
    }

    private static void verifiedInJava(Receiver.Received received, String... secrets) {
        String[] signatures = received.signature().split(" ");
        assertThat(signatures).hasSize(secrets.length);
        for (String secret : secrets) {
            assertThat(signatures).contains(WebhookSecrets.sign(secret, received.webhookId(),
                    Long.parseLong(received.timestamp()), received.body()));
        }
        assertThat(Math.abs(Long.parseLong(received.timestamp()) - System.currentTimeMillis() / 1000)).isLessThan(60);
    }

    @Test
    void deliversEveryEventInCommitOrderSignedAndVerifiable() throws Exception {
        var world = Api.world();
        String inspector = Tokens.inspector(world.unitCode());
        String admin = Tokens.admin();
        try (Receiver receiver = new Receiver()) {
            JsonPath endpoint = register(receiver.url(), ALL, world.unitId());
            String id = endpoint.getString("id");
            String secret = endpoint.getString("secret");

            List<String> expected = new ArrayList<>();
            String inspection = Api.createInspection(inspector, world.groupId(), world.siteId(),
                    "2021-08-07T09:00:00+08:00").getString("id");
            expected.add("inspection.recorded/" + inspection);
            List<String> findings = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String finding = report(inspector, world);
                findings.add(finding);
                expected.add("finding.reported/" + finding);
                if (i % 3 == 0) {
                    move(inspector, finding, "START");
                    expected.add("finding.transitioned/" + finding);
                }
            }
            move(admin, findings.get(1), "ESCALATE");
            expected.add("finding.escalated/" + findings.get(1));
            // Not subscribed as such, but changes that are no event: an edit, a new site.
            Api.createSite(Api.code("S"), "MARKET", "测试区");
            String notice = as(admin).body(Map.of("unitId", world.unitId(), "kind", "BULLETIN", "title", "督查通报",
                            "findingIds", List.of(findings.get(0))))
                    .post("/api/v1/notices").then().statusCode(201).extract().path("id");
            expected.add("notice.issued/" + notice);

            List<Receiver.Received> got = receiver.awaitAccepted(expected.size(), WAIT);
            Thread.sleep(300); // nothing more comes
            got = receiver.accepted();
            assertThat(got.stream().map(r -> body(r).getString("type") + "/" + body(r).getString("data.id")).toList())
                    .containsExactlyElementsOf(expected);
            // Stable ids in the log's order: msg_<change event seq>, each once.
            List<Long> seqs = got.stream().map(r -> Long.parseLong(r.webhookId().substring(4))).toList();
            assertThat(seqs).isSorted().doesNotHaveDuplicates();
            assertThat(body(got.get(expected.size() - 2)).getString("transition.action")).isEqualTo("ESCALATE");
            assertThat(body(got.get(1)).getString("data.unitId")).isEqualTo(world.groupId());
            assertThat(body(got.get(1)).getString("timestamp")).endsWith("Z");

            for (Receiver.Received received : got) {
                verifiedInJava(received, secret);
            }
            StandardWebhooks.verify(got, secret);

            // The log and the meters.
            as(admin).get("/api/v1/webhooks/" + id + "/deliveries?limit=200").then().statusCode(200)
                    .body("items.size()", equalTo(expected.size()))
                    .body("items[0].statusCode", equalTo(204))
                    .body("items[0].messageStatus", equalTo("DELIVERED"));
            String metrics = Management.metrics(server);
            assertThat(Management.sample(metrics, "ducha_webhooks_delivered_total", "endpoint", id))
                    .isEqualTo(expected.size());
            assertThat(Management.sample(metrics, "ducha_webhooks_lag_seconds", "endpoint", id)).isZero();
            remove(id);
        }
    }

    @Test
    void retriesAfterTheReceiverFailsWithGrowingPauses() throws Exception {
        var world = Api.world();
        String inspector = Tokens.inspector(world.unitCode());
        try (Receiver receiver = new Receiver()) {
            receiver.failNext(3);
            JsonPath endpoint = register(receiver.url(), List.of("finding.reported"), world.unitId());
            String id = endpoint.getString("id");
            List<String> findings = List.of(report(inspector, world), report(inspector, world), report(inspector, world));

            receiver.awaitAccepted(3, WAIT);
            List<Receiver.Received> all = receiver.all();
            assertThat(all).hasSize(6);
            // Three refusals of the first event, then it and the two after it, in order; one webhook-id per event.
            assertThat(all.subList(0, 4)).extracting(Receiver.Received::webhookId).containsOnly(all.get(0).webhookId());
            assertThat(all).extracting(Receiver.Received::answered).containsExactly(500, 500, 500, 204, 204, 204);
            assertThat(receiver.accepted().stream().map(r -> body(r).getString("data.id")).toList())
                    .containsExactlyElementsOf(findings);
            // Backoff with jitter: 300 ms, 600 ms, 1 s (the test's maximum), each at least half of it. A retry never
            // comes before its time; how late it comes depends on the machine, so only a loose bound above.
            long first = Duration.between(all.get(0).at(), all.get(1).at()).toMillis();
            long second = Duration.between(all.get(1).at(), all.get(2).at()).toMillis();
            long third = Duration.between(all.get(2).at(), all.get(3).at()).toMillis();
            assertThat(first).isBetween(150L, 10_000L);
            assertThat(second).isBetween(300L, 10_000L);
            assertThat(third).isBetween(500L, 10_000L);
            StandardWebhooks.verify(all, endpoint.getString("secret"));

            JsonPath log = as(Tokens.admin()).get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                    .extract().jsonPath();
            // The schedule as the service set it: each failed attempt's next attempt due at least half its backoff
            // after the attempt (plus the attempt's own latency, hence the slack above); newest first in the log:
            // attempts 3, 2, 1 of the first event at indexes 3, 4, 5.
            long[][] bounds = {{500, 1000 + 5000}, {300, 600 + 5000}, {150, 300 + 5000}};
            for (int i = 0; i < 3; i++) {
                long due = Duration.between(OffsetDateTime.parse(log.getString("items[" + (3 + i) + "].at")),
                        OffsetDateTime.parse(log.getString("items[" + (3 + i) + "].nextAttemptAt"))).toMillis();
                assertThat(due).as("backoff after attempt " + (3 - i)).isBetween(bounds[i][0], bounds[i][1]);
            }
            assertThat(log.getList("items.statusCode", Integer.class)).containsExactly(204, 204, 204, 500, 500, 500);
            assertThat(log.getList("items.attempt", Integer.class)).containsExactly(1, 1, 4, 3, 2, 1);
            assertThat(log.getString("items[3].responseExcerpt")).isEqualTo("receiver down for a moment");
            assertThat(log.getString("items[3].nextAttemptAt")).isNotNull();
            assertThat(Management.sample(Management.metrics(server), "ducha_webhooks_failed_total", "endpoint", id))
                    .isEqualTo(3);
            remove(id);
        }
    }

    @Test
    void bothSecretsSignDuringARotationsOverlap() throws Exception {
        var world = Api.world();
        String inspector = Tokens.inspector(world.unitCode());
        try (Receiver receiver = new Receiver()) {
            JsonPath endpoint = register(receiver.url(), List.of("finding.reported"), world.unitId());
            String id = endpoint.getString("id");
            String first = endpoint.getString("secret");
            report(inspector, world);
            Receiver.Received before = receiver.awaitAccepted(1, WAIT).get(0);
            verifiedInJava(before, first);

            String second = as(Tokens.admin()).body(Map.of("overlapSeconds", 3600))
                    .post("/api/v1/webhooks/" + id + "/secret").then().statusCode(200).extract().path("secret");
            report(inspector, world);
            Receiver.Received during = receiver.awaitAccepted(2, WAIT).get(1);
            verifiedInJava(during, second, first);
            StandardWebhooks.verify(List.of(during), first, second);

            // No overlap: the old secret stops signing at once.
            String third = as(Tokens.admin()).body(Map.of("overlapSeconds", 0))
                    .post("/api/v1/webhooks/" + id + "/secret").then().statusCode(200).extract().path("secret");
            report(inspector, world);
            Receiver.Received after = receiver.awaitAccepted(3, WAIT).get(2);
            verifiedInJava(after, third);
            StandardWebhooks.verify(List.of(after), third);
            remove(id);
        }
    }

    @Test
    void anEndpointSeesOnlyItsUnitsSubtree() throws Exception {
        var mine = Api.world();
        var other = Api.world();
        try (Receiver receiver = new Receiver()) {
            JsonPath endpoint = register(receiver.url(), ALL, mine.unitId());
            String id = endpoint.getString("id");
            String foreign = report(Tokens.inspector(other.unitCode()), other);
            as(Tokens.admin()).body(Map.of("unitId", other.unitId(), "kind", "BULLETIN", "title", "别处的通报"))
                    .post("/api/v1/notices").then().statusCode(201);
            String own = report(Tokens.inspector(mine.unitCode()), mine);
            // The foreign events committed first: had they been sent, they would have come first.
            List<Receiver.Received> got = receiver.awaitAccepted(1, WAIT);
            Thread.sleep(500);
            got = receiver.accepted();
            assertThat(got).hasSize(1);
            assertThat(body(got.get(0)).getString("data.id")).isEqualTo(own).isNotEqualTo(foreign);
            assertThat(got.get(0).body()).doesNotContain(other.unitId()).doesNotContain(foreign);
            remove(id);
        }
    }

    @Test
    void aSlowReceiverIsCutOffAndBlocksNeitherWritesNorOtherEndpoints() throws Exception {
        var world = Api.world();
        String inspector = Tokens.inspector(world.unitCode());
        try (Receiver slow = new Receiver(); Receiver fast = new Receiver()) {
            slow.delay(Duration.ofSeconds(6));
            String slowId = register(slow.url(), List.of("finding.reported"), world.unitId()).getString("id");
            String fastId = register(fast.url(), List.of("finding.reported"), world.unitId()).getString("id");
            long start = System.nanoTime();
            String finding = report(inspector, world);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            fast.awaitAccepted(1, Duration.ofSeconds(3));
            String second = report(inspector, world);
            assertThat(fast.awaitAccepted(2, Duration.ofSeconds(3)).get(1).body()).contains(second);

            // The slow one's attempt ends at the timeout (2 s in tests), logged as such.
            as(Tokens.admin()).get("/api/v1/webhooks/" + slowId + "/deliveries").then().statusCode(200);
            long deadline = System.nanoTime() + WAIT.toNanos();
            String error = null;
            while (error == null && System.nanoTime() < deadline) {
                error = Db.text("select error from webhook_attempt where endpoint_id = ?::uuid order by id limit 1",
                        UUID.fromString(slowId));
                Thread.sleep(100);
            }
            assertThat(error).startsWith("timeout");
            // Once it answers in time, it gets both, in order.
            slow.delay(Duration.ZERO);
            List<Receiver.Received> got = slow.awaitAccepted(2, WAIT);
            assertThat(got.stream().map(r -> body(r).getString("data.id")).toList()).containsExactly(finding, second);
            remove(slowId);
            remove(fastId);
        }
    }

    /**
     * Replicas share streams by leases: a stream whose lease another replica holds (and, say, died with) is left
     * alone while the lease runs, without holding up any other endpoint, and is taken over when it runs out; the
     * events that replica may have sent already are sent again with the same webhook-id — at least once.
     */
    @Test
    void aStreamLeasedByAnotherReplicaIsTakenOverWhenTheLeaseRunsOut() throws Exception {
        var world = Api.world();
        String inspector = Tokens.inspector(world.unitCode());
        try (Receiver held = new Receiver(); Receiver free = new Receiver()) {
            String heldId = register(held.url(), List.of("finding.reported"), world.unitId()).getString("id");
            String freeId = register(free.url(), List.of("finding.reported"), world.unitId()).getString("id");
            // Another replica takes the stream for three seconds and dies.
            Db.execute("update webhook_stream set lease_token = gen_random_uuid(), lease_until = now() + interval "
                    + "'3 seconds' where endpoint_id = ?::uuid", UUID.fromString(heldId));
            long leased = System.nanoTime();
            String first = report(inspector, world);
            String second = report(inspector, world);
            free.awaitAccepted(2, WAIT);
            assertThat(Duration.ofNanos(System.nanoTime() - leased)).isLessThan(Duration.ofMillis(2500));
            assertThat(held.all()).isEmpty();
            List<Receiver.Received> got = held.awaitAccepted(2, WAIT);
            assertThat(Duration.ofNanos(System.nanoTime() - leased)).isGreaterThan(Duration.ofMillis(2900));
            assertThat(got.stream().map(r -> body(r).getString("data.id")).toList()).containsExactly(first, second);
            assertThat(got.get(0).webhookId()).isEqualTo(free.accepted().get(0).webhookId());
            remove(heldId);
            remove(freeId);
        }
    }

    @Test
    void aTargetThatTurnsPrivateIsRefusedAtDelivery() throws Exception {
        var world = Api.world();
        try (Receiver receiver = new Receiver()) {
            String id = register(receiver.url(), List.of("finding.reported"), world.unitId()).getString("id");
            // As if its name now resolved inside the network (the API refuses such a URL; see WebhookApiTest).
            Db.execute("update webhook_endpoint set url = 'https://10.255.255.1/hook' where id = ?::uuid",
                    UUID.fromString(id));
            report(Tokens.inspector(world.unitCode()), world);
            long deadline = System.nanoTime() + WAIT.toNanos();
            String error = null;
            while (error == null && System.nanoTime() < deadline) {
                error = Db.text("select error from webhook_attempt where endpoint_id = ?::uuid order by id limit 1",
                        UUID.fromString(id));
                Thread.sleep(100);
            }
            assertThat(error).startsWith("refused").contains("10.255.255.1").contains("private");
            assertThat(receiver.all()).isEmpty();
            remove(id);
        }
    }

    @Test
    void anEndpointFailingTooLongIsDisabledAndResumesWhenEnabled() throws Exception {
        var world = Api.world();
        try (Receiver receiver = new Receiver()) {
            receiver.failNext(1_000_000);
            String id = register(receiver.url(), List.of("finding.reported"), world.unitId()).getString("id");
            String finding = report(Tokens.inspector(world.unitCode()), world);
            receiver.await(all -> !all.isEmpty(), WAIT);
            // As if it had been failing for a day (ducha.webhooks.disable-after, 24 h).
            Db.execute("update webhook_stream set failing_since = now() - interval '25 hours' where endpoint_id = ?::uuid",
                    UUID.fromString(id));
            long deadline = System.nanoTime() + WAIT.toNanos();
            JsonPath read;
            do {
                Thread.sleep(100);
                read = as(Tokens.admin()).get("/api/v1/webhooks/" + id).then().statusCode(200).extract().jsonPath();
            } while (read.getBoolean("enabled") && System.nanoTime() < deadline);
            assertThat(read.getBoolean("enabled")).isFalse();
            assertThat(read.getString("disabledReason")).contains("HTTP 500").contains("PT24H");
            int attempts = receiver.all().size();
            Thread.sleep(700);
            assertThat(receiver.all()).hasSize(attempts);

            receiver.failNext(0);
            var change = WebhookApiTest.endpoint(receiver.url(), List.of("finding.reported"), world.unitId());
            change.put("enabled", true);
            as(Tokens.admin()).header("If-Match", "\"" + read.getLong("version") + "\"").body(change)
                    .put("/api/v1/webhooks/" + id).then().statusCode(200).body("enabled", equalTo(true));
            assertThat(body(receiver.awaitAccepted(1, WAIT).get(0)).getString("data.id")).isEqualTo(finding);
            remove(id);
        }
    }

    @Test
    void sendsATestEventAndRedeliversOneWithItsWebhookId() throws Exception {
        try (Receiver receiver = new Receiver()) {
            JsonPath endpoint = register(receiver.url(), List.of("notice.issued"), null);
            String id = endpoint.getString("id");
            String admin = Tokens.admin();
            String before = java.time.OffsetDateTime.now().minusSeconds(5).toString();
            long message = as(admin).body(Map.of("message", "听到了吗")).post("/api/v1/webhooks/" + id + "/test")
                    .then().statusCode(202).body("status", equalTo("PENDING")).extract().jsonPath().getLong("id");
            Receiver.Received test = receiver.awaitAccepted(1, WAIT).get(0);
            assertThat(body(test).getString("type")).isEqualTo("webhook.test");
            assertThat(body(test).getString("data.message")).isEqualTo("听到了吗");
            as(admin).body(Map.of("messageId", message)).post("/api/v1/webhooks/" + id + "/redeliveries")
                    .then().statusCode(202).body("queued", equalTo(1));
            Receiver.Received again = receiver.awaitAccepted(2, WAIT).get(1);
            assertThat(again.webhookId()).isEqualTo(test.webhookId());
            assertThat(again.body()).isEqualTo(test.body());
            // Everything since a time: each event once, though it was queued twice by now.
            as(admin).body(Map.of("since", before)).post("/api/v1/webhooks/" + id + "/redeliveries")
                    .then().statusCode(202).body("queued", equalTo(1));
            assertThat(receiver.awaitAccepted(3, WAIT).get(2).webhookId()).isEqualTo(test.webhookId());
            StandardWebhooks.verify(receiver.accepted(), endpoint.getString("secret"));
            as(admin).get("/api/v1/webhooks/" + id + "/messages").then().statusCode(200)
                    .body("items.size()", equalTo(3)).body("items[0].status", equalTo("DELIVERED"));
            remove(id);
        }
    }
}
