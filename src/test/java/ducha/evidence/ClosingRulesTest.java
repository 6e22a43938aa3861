package ducha.evidence;

import static ducha.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Gql;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The rules to close, through both doors: an AFTER photo for HIGH and CRITICAL findings to RECTIFY and to VERIFY
 * (EVIDENCE_REQUIRED names what is missing), the sweep that reopens a fix on the spot without its photo (actor system,
 * once), and the offline order of a phone's sync batch.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ClosingRulesTest {

    private static final DateTimeFormatter EXIF = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

    @Inject
    EvidenceSweep sweep;

    static String finding(String token, Api.World world, String severity, boolean onSite, Instant foundAt) {
        Map<String, Object> body = Api.finding(world.groupId(), world.siteId());
        body.put("severity", severity);
        if (onSite) {
            body.put("rectifiedOnSite", true);
        }
        if (foundAt != null) {
            body.put("foundAt", foundAt.toString());
        }
        return Api.reportFinding(token, body).getString("id");
    }

    static Response move(String token, String id, String action, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        if (note != null) {
            body.put("note", note);
        }
        return as(token).body(body).post("/api/v1/findings/" + id + "/transitions");
    }

    static JsonPath photo(String token, String finding, String role, Instant takenAt) {
        byte[] jpeg = takenAt == null ? ExifJpeg.plainJpeg()
                : ExifJpeg.photo(EXIF.format(takenAt.atOffset(ZoneOffset.UTC)), "+00:00", null, null);
        return PhotoEvidenceTest.upload(token, finding, role, jpeg);
    }

    /**
     * Runs the sweep as the scheduler does, on a Vert.x context, with a time of the test's choosing. It sees every
     * finding of the database: those of other test classes whose photo is due by then are swept too (their tests
     * are over), which is why the assertions name this test's findings.
     */
    List<UUID> sweep(Instant now) {
        try {
            return io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> sweep.sweep(now));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    static String status(String id) {
        return Db.text("select status from finding where id = ?", UUID.fromString(id));
    }

    @Test
    void highFindingsNeedAnAfterPhotoToRectifyOverRest() {
        Api.World world = Api.world();
        String inspector = Tokens.inspector(world.unitCode());
        String id = finding(inspector, world, "HIGH", false, null);
        long events = Db.changeEvents();

        Response refused = move(inspector, id, "RECTIFY", "已整改");
        refused.then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("EVIDENCE_REQUIRED")).body("action", equalTo("RECTIFY"))
                .body("severity", equalTo("HIGH")).body("missing[0].role", equalTo("AFTER"))
                .body("missing[0].mediaType", equalTo("image/*"));
        assertThat(refused.jsonPath().getString("detail")).contains("AFTER photo");
        assertThat(status(id)).isEqualTo("OPEN");
        assertThat(Db.changeEvents()).isEqualTo(events);

        // Neither a PDF marked AFTER nor a photo of what was found will do.
        given().auth().oauth2(inspector).contentType("application/pdf").queryParam("role", "AFTER")
                .body("%PDF-1.4\n%%EOF\n".getBytes()).post("/api/v1/findings/" + id + "/attachments").then()
                .statusCode(201);
        photo(inspector, id, "EVIDENCE", null);
        move(inspector, id, "RECTIFY", "已整改").then().statusCode(409).body("code", equalTo("EVIDENCE_REQUIRED"));

        String after = photo(inspector, id, "AFTER", null).getString("id");
        move(inspector, id, "RECTIFY", "已整改").then().statusCode(200).body("status", equalTo("RECTIFIED"));

        // VERIFY asks again: with the AFTER photo gone, an admin cannot verify.
        given().auth().oauth2(inspector).header("If-Match", "*")
                .delete("/api/v1/findings/" + id + "/attachments/" + after).then().statusCode(204);
        move(Tokens.admin(), id, "VERIFY", null).then().statusCode(409).body("code", equalTo("EVIDENCE_REQUIRED"))
                .body("action", equalTo("VERIFY"));
        photo(inspector, id, "AFTER", null);
        move(Tokens.admin(), id, "VERIFY", null).then().statusCode(200).body("status", equalTo("VERIFIED"));
    }

    @Test
    void lowAndMediumFindingsCloseWithANote() {
        Api.World world = Api.world();
        String inspector = Tokens.inspector(world.unitCode());
        for (String severity : List.of("LOW", "MEDIUM")) {
            String id = finding(inspector, world, severity, false, null);
            move(inspector, id, "RECTIFY", "已整改").then().statusCode(200);
            move(Tokens.admin(), id, "VERIFY", null).then().statusCode(200);
        }
        // The table is checked first: a move it refuses stays a CONFLICT, whatever the evidence.
        String open = finding(inspector, world, "CRITICAL", false, null);
        move(Tokens.admin(), open, "VERIFY", null).then().statusCode(409).body("code", equalTo("CONFLICT"));
    }

    @Test
    void criticalFindingsOverGraphQL() {
        Api.World world = Api.world();
        String inspector = Tokens.inspector(world.unitCode());
        String id = finding(inspector, world, "CRITICAL", false, null);
        String rectify = """
                mutation($id: ID!) { transitionFinding(id: $id, action: RECTIFY, note: "已整改") { status } }""";
        JsonPath refused = Gql.query(inspector, rectify, Map.of("id", id));
        assertThat(Gql.errorCode(refused)).isEqualTo("EVIDENCE_REQUIRED");
        assertThat(refused.getString("errors[0].message")).contains("AFTER photo");
        assertThat(refused.getString("errors[0].extensions.details.missing[0].role")).isEqualTo("AFTER");
        assertThat(refused.getString("data")).isNull();
        // A stale expectedVersion is reported before the evidence.
        JsonPath stale = Gql.query(inspector, """
                mutation($id: ID!) { transitionFinding(id: $id, action: RECTIFY, note: "x", expectedVersion: 7)
                  { status } }""", Map.of("id", id));
        assertThat(Gql.errorCode(stale)).isEqualTo("STALE_VERSION");

        photo(inspector, id, "AFTER", null);
        assertThat(Gql.query(inspector, rectify, Map.of("id", id)).getString("data.transitionFinding.status"))
                .isEqualTo("RECTIFIED");
        // Fixed on the spot, CRITICAL, no photo yet: an admin's VERIFY is refused the same way.
        String onSite = finding(inspector, world, "CRITICAL", true, null);
        String verify = "mutation($id: ID!) { transitionFinding(id: $id, action: VERIFY) { status } }";
        assertThat(Gql.errorCode(Gql.query(Tokens.admin(), verify, Map.of("id", onSite))))
                .isEqualTo("EVIDENCE_REQUIRED");
        photo(inspector, onSite, "AFTER", null);
        assertThat(Gql.query(Tokens.admin(), verify, Map.of("id", onSite)).getString("data.transitionFinding.status"))
                .isEqualTo("VERIFIED");
    }

    @Test
    void aFixOnTheSpotWithoutItsPhotoIsReopenedOnceBySystem() {
        Api.World world = Api.world();
        String inspector = Tokens.inspector(world.unitCode());
        Instant now = Instant.now();
        String missing = finding(inspector, world, "HIGH", true, now.minus(Duration.ofMinutes(30)));
        // Photographed 10 minutes after the fix (the device's time): in time.
        String photographed = finding(inspector, world, "HIGH", true, now.minus(Duration.ofMinutes(30)));
        photo(inspector, photographed, "AFTER", now.minus(Duration.ofMinutes(20)));
        // Offline for two days: the photo taken at sync time is outside the 24 hours from the fix.
        String late = finding(inspector, world, "CRITICAL", true, now.minus(Duration.ofDays(2)));
        photo(inspector, late, "AFTER", now);
        String low = finding(inspector, world, "LOW", true, null);
        assertThat(Db.text("select after_photo_due_at::text from finding where id = ?", UUID.fromString(low)))
                .isNull();
        Instant due = Instant.parse(Db.text("select to_json(after_photo_due_at)#>>'{}' from finding where id = ?",
                UUID.fromString(late)));
        assertThat(due).isAfter(now.plus(Duration.ofHours(23)));

        // Before the due time nothing moves; after it, exactly the two without a photo in time.
        assertThat(sweep(now.plus(Duration.ofHours(1))))
                .doesNotContain(UUID.fromString(missing), UUID.fromString(late));
        long seq = Db.lastChangeEvent();
        List<UUID> reopened = sweep(due.plusMillis(1));
        assertThat(reopened).contains(UUID.fromString(missing), UUID.fromString(late))
                .doesNotContain(UUID.fromString(photographed), UUID.fromString(low));
        for (String id : List.of(missing, late)) {
            JsonPath row = as(inspector).get("/api/v1/findings/" + id).then().statusCode(200).extract().jsonPath();
            assertThat(row.getString("status")).isEqualTo("OPEN");
            assertThat(row.getBoolean("rectifiedOnSite")).isFalse();
            assertThat(row.getString("rectifiedAt")).isNull();
            assertThat(Db.count("select count(*) from change_event where entity = 'finding' and entity_id = ? "
                    + "and op = 'TRANSITION' and actor = 'system' and seq > ?", UUID.fromString(id), seq))
                    .isEqualTo(1);
            assertThat(Db.count("select count(*) from notice n join notice_finding nf on nf.notice_id = n.id "
                    + "where nf.finding_id = ? and n.kind = 'REMINDER' and n.issued_by = 'system'",
                    UUID.fromString(id))).isEqualTo(1);
        }
        assertThat(as(inspector).get("/api/v1/findings/" + missing + "/history").then().statusCode(200).extract()
                .jsonPath().getList("items.actor")).last().isEqualTo("system");
        assertThat(status(photographed)).isEqualTo("RECTIFIED");

        // Once: a second sweep finds nothing of these, and adds no reminder.
        assertThat(sweep(due.plus(Duration.ofDays(3))))
                .doesNotContain(UUID.fromString(missing), UUID.fromString(late), UUID.fromString(photographed));
        assertThat(Db.count("select count(*) from notice_finding where finding_id = ?", UUID.fromString(missing)))
                .isEqualTo(1);
        // Reopened, it closes like any other HIGH finding: with the photo, then RECTIFY.
        move(inspector, missing, "RECTIFY", "补拍整改后照片").then().statusCode(409);
        photo(inspector, missing, "AFTER", null);
        move(inspector, missing, "RECTIFY", "补拍整改后照片").then().statusCode(200);
    }

    /**
     * A phone offline all morning syncs its queue: the check-in, the finding, the RECTIFY it queued, and only then
     * the AFTER photo. The RECTIFY is refused (and that answer is not kept for its Idempotency-Key); once the photo
     * is up, the same request with the same key succeeds. docs/evidence.md says the phone should upload first.
     */
    @Test
    void offlineOrderPhotoAfterTheTransitionInTheSameBatch() {
        Api.World world = Api.world();
        String inspector = Tokens.inspector(world.unitCode());
        String site = CheckInApiTest.site(GeoTest.CHECKPOINT_LAT, GeoTest.CHECKPOINT_LON);
        String visitId = UUID.randomUUID().toString();
        String findingId = UUID.randomUUID().toString();
        Instant arrived = Instant.now().minus(Duration.ofHours(3));

        Map<String, Object> visit = CheckInApiTest.visit(world.groupId(), site, CheckInApiTest.checkIn(40, 12));
        visit.put("id", visitId);
        visit.put("startedAt", arrived.toString());
        ((Map<String, Object>) visit.get("checkIn")).put("recordedAt", arrived.toString());
        Map<String, Object> finding = Api.finding(world.groupId(), site);
        finding.put("id", findingId);
        finding.put("inspectionId", visitId);
        finding.put("severity", "HIGH");
        finding.put("foundAt", arrived.plus(Duration.ofMinutes(5)).toString());

        List<Response> batch = new ArrayList<>();
        batch.add(as(inspector).header("Idempotency-Key", "visit-" + visitId).body(visit).post("/api/v1/inspections"));
        batch.add(as(inspector).header("Idempotency-Key", "finding-" + findingId).body(finding)
                .post("/api/v1/findings"));
        Map<String, Object> rectify = Map.of("action", "RECTIFY", "note", "已整改");
        batch.add(as(inspector).header("Idempotency-Key", "rectify-" + findingId).body(rectify)
                .post("/api/v1/findings/" + findingId + "/transitions"));
        byte[] fix = ExifJpeg.photo(EXIF.format(arrived.plus(Duration.ofMinutes(25)).atOffset(ZoneOffset.UTC)),
                "+00:00", GeoTest.CHECKPOINT_LAT, GeoTest.CHECKPOINT_LON);
        batch.add(given().auth().oauth2(inspector).header("Idempotency-Key", "photo-" + findingId)
                .queryParam("role", "AFTER").contentType("image/jpeg").body(fix)
                .post("/api/v1/findings/" + findingId + "/attachments"));

        assertThat(batch.get(0).statusCode()).isEqualTo(201);
        assertThat(batch.get(0).jsonPath().getString("presence")).isEqualTo("VERIFIED");
        assertThat(batch.get(1).statusCode()).isEqualTo(201);
        assertThat(batch.get(2).statusCode()).isEqualTo(409);
        assertThat(batch.get(2).jsonPath().getString("code")).isEqualTo("EVIDENCE_REQUIRED");
        assertThat(batch.get(3).statusCode()).isEqualTo(201);
        assertThat(batch.get(3).jsonPath().getString("takenAt"))
                .isEqualTo(arrived.plus(Duration.ofMinutes(25)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        .toString());

        // The phone retries what failed, with the same key: now it goes through (no replay of the 409) …
        Response retried = as(inspector).header("Idempotency-Key", "rectify-" + findingId).body(rectify)
                .post("/api/v1/findings/" + findingId + "/transitions");
        retried.then().statusCode(200).body("status", equalTo("RECTIFIED"));
        assertThat(retried.header("Idempotent-Replayed")).isNull();
        // … and every retry after that is the stored success; the photo's retry is its stored answer too.
        as(inspector).header("Idempotency-Key", "rectify-" + findingId).body(rectify)
                .post("/api/v1/findings/" + findingId + "/transitions").then().statusCode(200)
                .header("Idempotent-Replayed", "true");
        given().auth().oauth2(inspector).header("Idempotency-Key", "photo-" + findingId).queryParam("role", "AFTER")
                .contentType("image/jpeg").body(fix).post("/api/v1/findings/" + findingId + "/attachments").then()
                .statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(Db.count("select count(*) from attachment where finding_id = ?", UUID.fromString(findingId)))
                .isEqualTo(1);

        // Another phone of the unit gets the new fields from the sync feed.
        Map<String, Map<String, Object>> rows = new HashMap<>();
        String cursor = null;
        for (int pages = 0; pages < 100; pages++) {
            var request = as(inspector).queryParam("unitId", world.unitId()).queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("since", cursor);
            }
            JsonPath page = request.get("/api/v1/sync").then().statusCode(200).extract().jsonPath();
            for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> data = (Map<String, Object>) item.get("data");
                rows.put(item.get("entity") + "/" + item.get("id"), data);
            }
            cursor = page.getString("nextCursor");
            if (!page.getBoolean("hasMore")) {
                break;
            }
        }
        assertThat(rows.get("inspection/" + visitId)).containsEntry("presence", "VERIFIED");
        @SuppressWarnings("unchecked")
        Map<String, Object> checkIn = (Map<String, Object>) rows.get("inspection/" + visitId).get("checkIn");
        assertThat(checkIn).containsEntry("distance", 40);
        Map<String, Object> attachment = rows.entrySet().stream().filter(e -> e.getKey().startsWith("attachment/"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
        assertThat(attachment).containsEntry("role", "AFTER").containsEntry("flags", List.of());
        assertThat(rows.get("finding/" + findingId)).containsEntry("status", "RECTIFIED");
    }
}
