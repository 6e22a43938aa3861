package ducha.web;

import static ducha.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on POST: replay, reuse with another body, in flight, per-user scope, stored failures, purge. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class IdempotencyTest {

    @Inject
    IdempotencyPurge purge;

    private static Map<String, Object> finding(Api.World world, String description) {
        Map<String, Object> body = Api.finding(world.groupId(), world.siteId());
        body.put("description", description);
        return body;
    }

    private static long findings(String description) {
        return Db.count("select count(*) from finding where description = ?", description);
    }

    @Test
    void replaysTheStoredResponseByteForByte() {
        Api.World world = Api.world();
        String token = Tokens.token("idem-" + UUID.randomUUID(), world.unitCode(), "inspector");
        String description = "重放 " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        long events = Db.changeEvents();

        Response first = as(token).header("Idempotency-Key", key).body(finding(world, description)).post("/api/v1/findings");
        first.then().statusCode(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        for (int retry = 0; retry < 3; retry++) {
            Response again = as(token).header("Idempotency-Key", key).body(finding(world, description))
                    .post("/api/v1/findings");
            again.then().statusCode(201).header("Idempotent-Replayed", "true");
            assertThat(again.asByteArray()).isEqualTo(first.asByteArray());
            assertThat(again.header("Location")).isEqualTo(first.header("Location"));
            assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
            assertThat(again.contentType()).startsWith("application/json");
        }
        // The draft's sf-string form of the same key is the same key.
        as(token).header("Idempotency-Key", "\"" + key + "\"").body(finding(world, description))
                .post("/api/v1/findings").then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(findings(description)).isEqualTo(1);
        assertThat(Db.changeEvents()).isEqualTo(events + 1);
    }

    @Test
    void refusesTheSameKeyForAnotherRequestWith422() {
        Api.World world = Api.world();
        String token = Tokens.token("idem-" + UUID.randomUUID(), null, "admin");
        String description = "原请求 " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String findingId = as(token).header("Idempotency-Key", key).body(finding(world, description))
                .post("/api/v1/findings").then().statusCode(201).extract().path("id");
        long events = Db.changeEvents();

        as(token).header("Idempotency-Key", key).body(finding(world, description + " 改"))
                .post("/api/v1/findings").then().statusCode(422).contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("IDEMPOTENCY_KEY_REUSED"));
        // Same key, same body, another path.
        as(token).header("Idempotency-Key", key).body(Map.of("action", "START"))
                .post("/api/v1/findings/" + findingId + "/transitions").then().statusCode(422);
        as(token).header("Idempotency-Key", key).body(Map.of("code", Api.code("K"), "name", "单位", "kind", "OTHER"))
                .post("/api/v1/units").then().statusCode(422);
        assertThat(Db.changeEvents()).isEqualTo(events);
        assertThat(findings(description + " 改")).isZero();
    }

    @Test
    void scopesKeysToTheCaller() {
        Api.World world = Api.world();
        String alice = Tokens.token("alice-" + UUID.randomUUID(), world.unitCode(), "inspector");
        String bob = Tokens.token("bob-" + UUID.randomUUID(), world.unitCode(), "inspector");
        String key = UUID.randomUUID().toString();
        String description = "各自的键 " + UUID.randomUUID();

        Response aliceResponse = as(alice).header("Idempotency-Key", key).body(finding(world, description))
                .post("/api/v1/findings");
        aliceResponse.then().statusCode(201);
        // Bob's identical request with the same key is his own request: executed, never Alice's stored answer.
        Response bobResponse = as(bob).header("Idempotency-Key", key).body(finding(world, description))
                .post("/api/v1/findings");
        bobResponse.then().statusCode(201);
        assertThat(bobResponse.header("Idempotent-Replayed")).isNull();
        assertThat(bobResponse.jsonPath().getString("id")).isNotEqualTo(aliceResponse.jsonPath().getString("id"));
        assertThat(bobResponse.jsonPath().getString("reportedBy")).startsWith("bob-");
        // And a different body under the same key is no conflict for Bob.
        as(bob).header("Idempotency-Key", UUID.randomUUID().toString()).body(finding(world, description + " b"))
                .post("/api/v1/findings").then().statusCode(201);
        assertThat(findings(description)).isEqualTo(2);
    }

    @Test
    void storesAFailureAndReplaysItEvenWhenTheRequestWouldNowSucceed() {
        Api.World world = Api.world();
        String inspector = Tokens.token("idem-" + UUID.randomUUID(), world.unitCode(), "inspector");
        Map<String, Object> body = finding(world, "现场整改 " + UUID.randomUUID());
        body.put("rectifiedOnSite", true);
        String findingId = Api.reportFinding(inspector, body).getString("id");
        String key = UUID.randomUUID().toString();

        Response refused = as(inspector).header("Idempotency-Key", key).body(Map.of("action", "START"))
                .post("/api/v1/findings/" + findingId + "/transitions");
        refused.then().statusCode(409).contentType("application/problem+json").body("code",
                org.hamcrest.Matchers.equalTo("CONFLICT"));
        as(Tokens.admin()).body(Map.of("action", "REOPEN", "note", "复查未通过"))
                .post("/api/v1/findings/" + findingId + "/transitions").then().statusCode(200);
        long events = Db.changeEvents();

        Response replayed = as(inspector).header("Idempotency-Key", key).body(Map.of("action", "START"))
                .post("/api/v1/findings/" + findingId + "/transitions");
        replayed.then().statusCode(409).header("Idempotent-Replayed", "true").contentType("application/problem+json");
        assertThat(replayed.asByteArray()).isEqualTo(refused.asByteArray());
        assertThat(Db.changeEvents()).isEqualTo(events);
        // A new key is a new request, and now it succeeds.
        as(inspector).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("action", "START"))
                .post("/api/v1/findings/" + findingId + "/transitions").then().statusCode(200);
    }

    @Test
    void answersARetryWhileTheFirstIsInFlightWith409() throws Exception {
        Api.World world = Api.world();
        String token = Tokens.token("idem-" + UUID.randomUUID(), world.unitCode(), "inspector");
        String description = "并发重试 " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        CompletableFuture<Response> first;
        try (Connection lock = Db.connect()) {
            // Hold the unit row: the finding's insert (its foreign-key check) waits until this transaction ends.
            lock.setAutoCommit(false);
            try (PreparedStatement select = lock.prepareStatement("select id from unit where id = ? for update")) {
                select.setObject(1, UUID.fromString(world.groupId()));
                select.executeQuery().close();
            }
            first = CompletableFuture.supplyAsync(() -> as(token).header("Idempotency-Key", key)
                    .body(finding(world, description)).post("/api/v1/findings"));
            awaitInFlight(key);

            as(token).header("Idempotency-Key", key).body(finding(world, description)).post("/api/v1/findings")
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("code", org.hamcrest.Matchers.equalTo("REQUEST_IN_FLIGHT"));
            assertThat(first).isNotDone();
            lock.commit();
        }
        Response done = first.get(30, TimeUnit.SECONDS);
        done.then().statusCode(201);
        as(token).header("Idempotency-Key", key).body(finding(world, description)).post("/api/v1/findings")
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", org.hamcrest.Matchers.equalTo(done.jsonPath().getString("id")));
        assertThat(findings(description)).isEqualTo(1);
    }

    @Test
    void aRetryTakesOverAnExpiredClaimAndOnlyOneAttemptCommits() throws Exception {
        Api.World world = Api.world();
        String token = Tokens.token("idem-" + UUID.randomUUID(), world.unitCode(), "inspector");
        String description = "接管 " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        CompletableFuture<Response> first;
        CompletableFuture<Response> takeover;
        try (Connection lock = Db.connect()) {
            lock.setAutoCommit(false);
            try (PreparedStatement select = lock.prepareStatement("select id from unit where id = ? for update")) {
                select.setObject(1, UUID.fromString(world.groupId()));
                select.executeQuery().close();
            }
            first = CompletableFuture.supplyAsync(() -> as(token).header("Idempotency-Key", key)
                    .body(finding(world, description)).post("/api/v1/findings"));
            String firstAttempt = awaitInFlight(key);
            // As if the first attempt's process had died: its lease is over.
            Db.execute("update idempotency_record set claimed_at = now() - interval '10 minutes' where key = ?", key);
            takeover = CompletableFuture.supplyAsync(() -> as(token).header("Idempotency-Key", key)
                    .body(finding(world, description)).post("/api/v1/findings"));
            Instant deadline = Instant.now().plusSeconds(30);
            while (firstAttempt.equals(Db.text("select attempt::text from idempotency_record where key = ?", key))) {
                assertThat(Instant.now()).isBefore(deadline);
                Thread.sleep(20);
            }
            lock.commit();
        }
        Response firstResponse = first.get(30, TimeUnit.SECONDS);
        Response takeoverResponse = takeover.get(30, TimeUnit.SECONDS);
        // The first attempt lost its claim, so its write rolled back; the takeover's committed.
        firstResponse.then().statusCode(409).body("code", org.hamcrest.Matchers.equalTo("REQUEST_IN_FLIGHT"));
        takeoverResponse.then().statusCode(201);
        assertThat(findings(description)).isEqualTo(1);
        as(token).header("Idempotency-Key", key).body(finding(world, description)).post("/api/v1/findings")
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", org.hamcrest.Matchers.equalTo(takeoverResponse.jsonPath().getString("id")));
    }

    @Test
    void aClientChosenIdIsCreatedOnceWithOrWithoutItsKey() {
        Api.World world = Api.world();
        String token = Tokens.token("idem-" + UUID.randomUUID(), world.unitCode(), "inspector");
        String id = UUID.randomUUID().toString();
        Map<String, Object> body = new HashMap<>(finding(world, "  客户端编号 " + id + "  "));
        body.put("id", id);
        body.put("foundAt", "2021-08-07T10:00:00+08:00");
        String key = UUID.randomUUID().toString();
        Response created = as(token).header("Idempotency-Key", key).body(body).post("/api/v1/findings");
        created.then().statusCode(201).body("id", org.hamcrest.Matchers.equalTo(id));
        as(token).header("Idempotency-Key", key).body(body).post("/api/v1/findings").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", org.hamcrest.Matchers.equalTo(id));
        long events = Db.changeEvents();

        // The key was lost (a new one, or none), but the id and the fields are the same: the same finding.
        Map<String, Object> sameInOtherWords = new HashMap<>(body);
        sameInOtherWords.put("foundAt", "2021-08-07T02:00:00Z");
        for (String newKey : new String[] {UUID.randomUUID().toString(), null}) {
            var request = as(token).body(sameInOtherWords);
            if (newKey != null) {
                request.header("Idempotency-Key", newKey);
            }
            Response again = request.post("/api/v1/findings");
            again.then().statusCode(201).body("id", org.hamcrest.Matchers.equalTo(id));
            assertThat(again.jsonPath().getMap("")).isEqualTo(created.jsonPath().getMap(""));
        }
        // The same id with other fields, or from someone else, is no retry.
        Map<String, Object> other = new HashMap<>(body);
        other.put("severity", "CRITICAL");
        as(token).body(other).post("/api/v1/findings").then().statusCode(409);
        as(Tokens.inspector(world.unitCode())).body(body).post("/api/v1/findings").then().statusCode(409);
        assertThat(Db.count("select count(*) from finding where id = ?", UUID.fromString(id))).isEqualTo(1);
        assertThat(Db.changeEvents()).isEqualTo(events);
    }

    @Test
    void aRetriedCreateWithTheSameIdAndFieldsIsTheSameRowForEveryKindOfRow() {
        Api.World world = Api.world();
        String admin = Tokens.token("idem-" + UUID.randomUUID(), null, "admin");
        String finding = Api.reportFinding(admin, Api.finding(world.groupId(), world.siteId())).getString("id");
        Map<String, Map<String, Object>> creates = new java.util.LinkedHashMap<>();
        creates.put("/api/v1/units", new HashMap<>(Map.of("code", Api.code("R"), "name", "单位", "kind", "OTHER",
                "parentId", world.unitId())));
        creates.put("/api/v1/sites", new HashMap<>(Map.of("code", Api.code("R"), "name", "点位", "type", "CDC",
                "latitude", 34.5)));
        creates.put("/api/v1/inspections", new HashMap<>(Map.of("unitId", world.groupId(), "siteId", world.siteId(),
                "startedAt", "2021-08-07T09:00:00+08:00", "inspectorCount", 2, "method", "SCHEDULED")));
        creates.put("/api/v1/notices", new HashMap<>(Map.of("unitId", world.unitId(), "kind", "BULLETIN",
                "title", "通报", "findingIds", java.util.List.of(finding))));
        creates.forEach((path, body) -> {
            String id = UUID.randomUUID().toString();
            body.put("id", id);
            as(admin).body(body).post(path).then().statusCode(201);
            long events = Db.changeEvents();
            as(admin).body(body).post(path).then().statusCode(201).body("id", org.hamcrest.Matchers.equalTo(id));
            assertThat(Db.changeEvents()).as(path).isEqualTo(events);
        });
    }

    @Test
    void refusesMalformedKeys() {
        Api.World world = Api.world();
        long events = Db.changeEvents();
        for (String key : new String[] {"x".repeat(256), "schlüssel", "\"a\"b\""}) {
            as(Tokens.admin()).header("Idempotency-Key", key).body(finding(world, "坏键"))
                    .post("/api/v1/findings").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("Idempotency-Key"));
        }
        assertThat(Db.changeEvents()).isEqualTo(events);
    }

    @Test
    void purgesRecordsOlderThanTheRetentionOnly() {
        String subject = "purge-" + UUID.randomUUID();
        for (String age : new String[] {"25 hours", "23 hours"}) {
            Db.execute("insert into idempotency_record (subject, key, fingerprint, state, attempt, status, created_at) "
                    + "values (?, ?, repeat('0', 64), 'DONE', gen_random_uuid(), 201, now() - cast(? as interval))",
                    subject, age, age);
        }
        int purged = purge.purge().await().atMost(Duration.ofSeconds(30));
        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(Db.count("select count(*) from idempotency_record where subject = ? and key = '25 hours'", subject))
                .isZero();
        assertThat(Db.count("select count(*) from idempotency_record where subject = ? and key = '23 hours'", subject))
                .isEqualTo(1);
    }

    /** Waits until the request with this key has claimed it; answers the claim's attempt id. */
    private static String awaitInFlight(String key) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            String attempt = Db.text("select attempt::text from idempotency_record where key = ? and state = 'IN_FLIGHT'",
                    key);
            if (attempt != null) {
                return attempt;
            }
            assertThat(Instant.now()).as("the first request claims its key").isBefore(deadline);
            Thread.sleep(20);
        }
    }
}
