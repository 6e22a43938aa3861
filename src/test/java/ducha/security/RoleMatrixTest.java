package ducha.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Endpoints;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every REST operation × {anonymous, inspector of the row's unit, inspector of another unit, admin}. Each case
 * gets fresh rows, so a write in one case cannot change the answer of another. A refused write must leave the
 * change log untouched; an accepted write appends events whose actor is the token's subject, and a read none.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class RoleMatrixTest {

    enum Caller { ANONYMOUS, OWN_INSPECTOR, OTHER_INSPECTOR, ADMIN }

    /** Fresh rows of one case: a world with an inspection, a finding and a notice. */
    record Rows(Api.World world, String inspectionId, String findingId, String noticeId, String attachmentId,
            Spare spare) {
    }

    /** Unreferenced rows that a delete may remove. */
    record Spare(String unitId, String siteId, String inspectionId, String findingId) {
    }

    /** What each operation answers to {own inspector, other inspector, admin}; anonymous always gets 401. */
    record Case(int own, int other, int admin, BiFunction<RequestSpecification, Rows, Response> call) {
    }

    /** The smallest thing that passes for a PNG: its signature and a byte. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0};

    private static final Map<String, Case> MATRIX = new LinkedHashMap<>();

    static {
        read("GET /api/v1/units", (r, rows) -> r.get("/api/v1/units"));
        read("GET /api/v1/units/{id}", (r, rows) -> r.get("/api/v1/units/" + rows.world().unitId()));
        adminOnly("POST /api/v1/units", 201, (r, rows) -> r.body(unit(Api.code("M"), null)).post("/api/v1/units"));
        adminOnly("PUT /api/v1/units/{id}", 200, (r, rows) -> r.header("If-Match", "\"0\"")
                .body(unit(Api.code("M"), null)).put("/api/v1/units/" + rows.world().unitId()));
        adminOnly("DELETE /api/v1/units/{id}", 204, (r, rows) -> r.header("If-Match", "\"0\"")
                .delete("/api/v1/units/" + rows.spare().unitId()));

        read("GET /api/v1/sites", (r, rows) -> r.get("/api/v1/sites"));
        read("GET /api/v1/sites/{id}", (r, rows) -> r.get("/api/v1/sites/" + rows.world().siteId()));
        adminOnly("POST /api/v1/sites", 201, (r, rows) -> r.body(site(Api.code("M"))).post("/api/v1/sites"));
        adminOnly("PUT /api/v1/sites/{id}", 200, (r, rows) -> r.header("If-Match", "\"0\"")
                .body(site(Api.code("M"))).put("/api/v1/sites/" + rows.world().siteId()));
        adminOnly("DELETE /api/v1/sites/{id}", 204, (r, rows) -> r.header("If-Match", "\"0\"")
                .delete("/api/v1/sites/" + rows.spare().siteId()));

        read("GET /api/v1/inspections", (r, rows) -> r.get("/api/v1/inspections"));
        read("GET /api/v1/inspections/{id}", (r, rows) -> r.get("/api/v1/inspections/" + rows.inspectionId()));
        unitScoped("POST /api/v1/inspections", 201, (r, rows) -> r.body(inspection(rows)).post("/api/v1/inspections"));
        unitScoped("PUT /api/v1/inspections/{id}", 200, (r, rows) -> r.header("If-Match", "\"0\"")
                .body(inspection(rows)).put("/api/v1/inspections/" + rows.inspectionId()));
        adminOnly("DELETE /api/v1/inspections/{id}", 204, (r, rows) -> r.header("If-Match", "\"0\"")
                .delete("/api/v1/inspections/" + rows.spare().inspectionId()));

        read("GET /api/v1/findings", (r, rows) -> r.get("/api/v1/findings"));
        read("GET /api/v1/findings/{id}", (r, rows) -> r.get("/api/v1/findings/" + rows.findingId()));
        read("GET /api/v1/findings/{id}/history", (r, rows) -> r.get("/api/v1/findings/" + rows.findingId() + "/history"));
        unitScoped("POST /api/v1/findings", 201, (r, rows) -> r.body(Api.finding(rows.world().groupId(),
                rows.world().siteId())).post("/api/v1/findings"));
        unitScoped("PUT /api/v1/findings/{id}", 200, (r, rows) -> r.header("If-Match", "\"0\"")
                .body(Map.of("category", "SUPPLIES", "severity", "HIGH", "description", "物资储备不足"))
                .put("/api/v1/findings/" + rows.findingId()));
        unitScoped("POST /api/v1/findings/{id}/transitions", 200, (r, rows) -> r.body(Map.of("action", "START"))
                .post("/api/v1/findings/" + rows.findingId() + "/transitions"));
        unitScoped("POST /api/v1/findings/{id}/handover", 200, (r, rows) -> r.header("If-Match", "\"0\"")
                .body(Map.of("responsibleParty", "尉氏县市场监督管理局"))
                .post("/api/v1/findings/" + rows.findingId() + "/handover"));
        // Reminders: every inspector reads those addressed to their own unit's subtree (the default), admins all;
        // another unit's are a 403 (FollowThroughTest).
        read("GET /api/v1/reminders", (r, rows) -> r.get("/api/v1/reminders"));
        adminOnly("DELETE /api/v1/findings/{id}", 204, (r, rows) -> r.header("If-Match", "\"0\"")
                .delete("/api/v1/findings/" + rows.spare().findingId()));

        read("GET /api/v1/notices", (r, rows) -> r.get("/api/v1/notices"));
        read("GET /api/v1/notices/{id}", (r, rows) -> r.get("/api/v1/notices/" + rows.noticeId()));
        adminOnly("POST /api/v1/notices", 201, (r, rows) -> r.body(notice(rows)).post("/api/v1/notices"));
        adminOnly("PUT /api/v1/notices/{id}", 200, (r, rows) -> r.header("If-Match", "\"0\"").body(notice(rows))
                .put("/api/v1/notices/" + rows.noticeId()));
        adminOnly("DELETE /api/v1/notices/{id}", 204, (r, rows) -> r.header("If-Match", "\"0\"")
                .delete("/api/v1/notices/" + rows.noticeId()));

        // Campaigns: managed under the unit rule (the owning unit or above), read by everyone with a role.
        read("GET /api/v1/campaigns", (r, rows) -> r.get("/api/v1/campaigns"));
        read("GET /api/v1/campaigns/{id}", (r, rows) -> r.get("/api/v1/campaigns/" + campaign(rows)));
        read("GET /api/v1/campaigns/{id}/targets", (r, rows) -> r.get("/api/v1/campaigns/" + campaign(rows) + "/targets"));
        read("GET /api/v1/campaigns/{id}/unvisited", (r, rows) -> r.get("/api/v1/campaigns/" + campaign(rows) + "/unvisited"));
        read("GET /api/v1/campaigns/{id}/coverage", (r, rows) -> r.get("/api/v1/campaigns/" + campaign(rows) + "/coverage"));
        unitScoped("POST /api/v1/campaigns", 201, (r, rows) -> r.body(campaignBody(rows)).post("/api/v1/campaigns"));
        unitScoped("PUT /api/v1/campaigns/{id}", 200, (r, rows) -> r.header("If-Match", "\"0\"").body(campaignBody(rows))
                .put("/api/v1/campaigns/" + campaign(rows)));
        unitScoped("DELETE /api/v1/campaigns/{id}", 204, (r, rows) -> r.header("If-Match", "\"0\"")
                .delete("/api/v1/campaigns/" + campaign(rows)));
        unitScoped("POST /api/v1/campaigns/{id}/targets", 200, (r, rows) -> r.body(Map.of("siteIds",
                List.of(rows.spare().siteId()))).post("/api/v1/campaigns/" + campaign(rows) + "/targets"));
        unitScoped("POST /api/v1/campaigns/{id}/targets/removals", 200, (r, rows) -> r.body(Map.of("siteIds",
                List.of(rows.world().siteId()))).post("/api/v1/campaigns/" + campaign(rows) + "/targets/removals"));

        read("GET /api/v1/me", (r, rows) -> r.get("/api/v1/me"));

        read("GET /api/v1/sync", (r, rows) -> r.queryParam("unitId", rows.world().unitId()).get("/api/v1/sync"));

        read("GET /api/v1/findings/{findingId}/attachments", (r, rows) -> r.get(attachments(rows)));
        unitScoped("POST /api/v1/findings/{findingId}/attachments", 201, (r, rows) -> r.contentType("image/png")
                .body(PNG).post(attachments(rows)));
        read("GET /api/v1/findings/{findingId}/attachments/{id}", (r, rows) -> r.accept("*/*")
                .get(attachments(rows) + "/" + rows.attachmentId()));
        unitScoped("DELETE /api/v1/findings/{findingId}/attachments/{id}", 204, (r, rows) -> r.header("If-Match", "*")
                .delete(attachments(rows) + "/" + rows.attachmentId()));

        // Webhooks: admins only, reads included (an endpoint's URL and log are the admins' business).
        adminOnly("GET /api/v1/webhooks", 200, (r, rows) -> r.get("/api/v1/webhooks"));
        adminOnly("GET /api/v1/webhooks/{id}", 200, (r, rows) -> r.get("/api/v1/webhooks/" + webhook(rows)));
        adminOnly("POST /api/v1/webhooks", 201, (r, rows) -> r.body(webhookBody(rows)).post("/api/v1/webhooks"));
        adminOnly("PUT /api/v1/webhooks/{id}", 200, (r, rows) -> r.header("If-Match", "\"0\"").body(webhookBody(rows))
                .put("/api/v1/webhooks/" + webhook(rows)));
        adminOnly("DELETE /api/v1/webhooks/{id}", 204, (r, rows) -> r.header("If-Match", "\"0\"")
                .delete("/api/v1/webhooks/" + webhook(rows)));
        adminOnly("POST /api/v1/webhooks/{id}/secret", 200, (r, rows) -> r.body(Map.of())
                .post("/api/v1/webhooks/" + webhook(rows) + "/secret"));
        adminOnly("GET /api/v1/webhooks/{id}/deliveries", 200, (r, rows) -> r
                .get("/api/v1/webhooks/" + webhook(rows) + "/deliveries"));
        adminOnly("GET /api/v1/webhooks/{id}/messages", 200, (r, rows) -> r
                .get("/api/v1/webhooks/" + webhook(rows) + "/messages"));
        adminOnly("POST /api/v1/webhooks/{id}/test", 202, (r, rows) -> r.body(Map.of())
                .post("/api/v1/webhooks/" + webhook(rows) + "/test"));
        adminOnly("POST /api/v1/webhooks/{id}/redeliveries", 202, (r, rows) -> r
                .body(Map.of("since", "2021-08-07T00:00:00Z")).post("/api/v1/webhooks/" + webhook(rows) + "/redeliveries"));

        read("GET /api/v1/reports/summary", (r, rows) -> r.queryParam("unitId", rows.world().unitId())
                .get("/api/v1/reports/summary"));
        read("GET /api/v1/reports/summary.csv", (r, rows) -> r.accept("text/csv")
                .queryParam("unitId", rows.world().unitId()).get("/api/v1/reports/summary.csv"));
        read("GET /api/v1/reports/trend", (r, rows) -> r.queryParam("unitId", rows.world().unitId())
                .get("/api/v1/reports/trend"));
        read("GET /api/v1/reports/overdue", (r, rows) -> r.queryParam("unitId", rows.world().unitId())
                .get("/api/v1/reports/overdue"));
        read("GET /api/v1/reports/responsible-parties", (r, rows) -> r.queryParam("unitId", rows.world().unitId())
                .get("/api/v1/reports/responsible-parties"));
        read("GET /api/v1/reports/daily", (r, rows) -> r.queryParam("unitId", rows.world().unitId())
                .queryParam("date", "2021-08-07").get("/api/v1/reports/daily"));
        read("GET /api/v1/reports/daily.csv", (r, rows) -> r.accept("text/csv")
                .queryParam("unitId", rows.world().unitId()).queryParam("date", "2021-08-07")
                .get("/api/v1/reports/daily.csv"));
        read("GET /api/v1/reports/daily.html", (r, rows) -> r.accept("text/html")
                .queryParam("unitId", rows.world().unitId()).queryParam("date", "2021-08-07")
                .get("/api/v1/reports/daily.html"));
        read("GET /api/v1/reports/findings", (r, rows) -> r.accept("text/csv")
                .queryParam("unitId", rows.world().unitId()).get("/api/v1/reports/findings"));
        read("GET /api/v1/reports/findings.csv", (r, rows) -> r.accept("text/csv")
                .queryParam("unitId", rows.world().unitId()).get("/api/v1/reports/findings.csv"));
    }

    /** An endpoint that hears only of inspections in the case's world, made after them: it receives nothing. */
    private static Map<String, Object> webhookBody(Rows rows) {
        return Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of("inspection.recorded"),
                "unitId", rows.world().unitId());
    }

    private static String webhook(Rows rows) {
        return Api.as(Tokens.admin()).body(webhookBody(rows)).post("/api/v1/webhooks").then().statusCode(201)
                .extract().path("id");
    }

    /**
     * A campaign of the case's commission with the case's site as target, written by SQL so that it adds no change
     * event to the ones the case checks.
     */
    static String campaign(Rows rows) {
        return campaign(rows.world());
    }

    static String campaign(Api.World world) {
        String id = UUID.randomUUID().toString();
        Db.execute("insert into campaign (id, code, name, unit_id, starts_at, ends_at, created_by) values (?::uuid, ?, "
                + "'督查', ?::uuid, timestamptz '2021-08-01 00:00+08', timestamptz '2021-08-08 00:00+08', 'test')",
                id, Api.code("C"), world.unitId());
        Db.execute("insert into campaign_target (campaign_id, site_id, added_how, added_by) values (?::uuid, ?::uuid, "
                + "'LIST', 'test')", id, world.siteId());
        return id;
    }

    private static Map<String, Object> campaignBody(Rows rows) {
        return Map.of("code", Api.code("C"), "name", "专项督查", "unitId", rows.world().unitId(),
                "startsAt", "2021-08-01T00:00:00+08:00", "endsAt", "2021-08-08T00:00:00+08:00");
    }

    private static String attachments(Rows rows) {
        return "/api/v1/findings/" + rows.findingId() + "/attachments";
    }

    private static void read(String operation, BiFunction<RequestSpecification, Rows, Response> call) {
        MATRIX.put(operation, new Case(200, 200, 200, call));
    }

    private static void adminOnly(String operation, int success, BiFunction<RequestSpecification, Rows, Response> call) {
        MATRIX.put(operation, new Case(403, 403, success, call));
    }

    private static void unitScoped(String operation, int success, BiFunction<RequestSpecification, Rows, Response> call) {
        MATRIX.put(operation, new Case(success, 403, success, call));
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        MATRIX.keySet().forEach(operation -> {
            for (Caller caller : Caller.values()) {
                cases.add(Arguments.of(operation, caller));
            }
        });
        return cases.stream();
    }

    @Test
    void theMatrixCoversEveryOperation() {
        assertThat(MATRIX.keySet()).containsExactlyInAnyOrderElementsOf(
                Endpoints.all().stream().map(Endpoints.Endpoint::toString).toList());
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cases")
    void answersAsTheMatrixSays(String operation, Caller caller) {
        Case expected = MATRIX.get(operation);
        Rows rows = freshRows();
        Api.World other = Api.world();
        RequestSpecification request = given().contentType(ContentType.JSON).accept(ContentType.JSON);
        int status = switch (caller) {
            case ANONYMOUS -> 401;
            case OWN_INSPECTOR -> expected.own();
            case OTHER_INSPECTOR -> expected.other();
            case ADMIN -> expected.admin();
        };
        String subject = caller.name().toLowerCase() + "-" + UUID.randomUUID();
        switch (caller) {
            case OWN_INSPECTOR -> request.auth().oauth2(Tokens.token(subject, rows.world().unitCode(), "inspector"));
            case OTHER_INSPECTOR -> request.auth().oauth2(Tokens.token(subject, other.unitCode(), "inspector"));
            case ADMIN -> request.auth().oauth2(Tokens.token(subject, null, "admin"));
            default -> {
            }
        }
        long lastEvent = Db.lastChangeEvent();
        Response response = expected.call().apply(request, rows);
        assertThat(response.statusCode()).as(operation + " as " + caller + ": " + response.asString()).isEqualTo(status);
        List<String> actors = Db.actorsAfter(lastEvent);
        if (status >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(actors).as("a refused request writes nothing").isEmpty();
        } else if (operation.contains(" /api/v1/webhooks")) {
            // Webhook endpoints live in tables of their own, outside the change log (docs/webhooks.md).
            assertThat(actors).as("a webhook operation writes no change event").isEmpty();
        } else if (!operation.startsWith("GET ")) {
            assertThat(actors).as("a write is recorded, by the token's subject").isNotEmpty().containsOnly(subject);
        } else {
            assertThat(actors).as("a read writes nothing").isEmpty();
        }
        if (status == 401) {
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }
    }

    private static Rows freshRows() {
        Api.World world = Api.world();
        String inspection = Api.createInspection(Tokens.admin(), world.groupId(), world.siteId(),
                "2021-08-07T09:00:00+08:00").getString("id");
        String finding = Api.reportFinding(Tokens.admin(), Api.finding(world.groupId(), world.siteId())).getString("id");
        Map<String, Object> noticeBody = new HashMap<>(Map.of("unitId", world.unitId(), "kind", "SUGGESTION",
                "title", "工作建议"));
        String notice = Api.as(Tokens.admin()).body(noticeBody).post("/api/v1/notices").then().statusCode(201)
                .extract().path("id");
        Spare spare = new Spare(Api.createUnit(Api.code("M"), null).getString("id"),
                Api.createSite(Api.code("M"), "CDC", "测试区").getString("id"),
                Api.createInspection(Tokens.admin(), world.groupId(), world.siteId(), "2021-08-07T09:00:00+08:00")
                        .getString("id"),
                Api.reportFinding(Tokens.admin(), Api.finding(world.groupId(), world.siteId())).getString("id"));
        String attachment = given().auth().oauth2(Tokens.admin()).contentType("image/png").body(PNG)
                .post("/api/v1/findings/" + finding + "/attachments").then().statusCode(201).extract().path("id");
        return new Rows(world, inspection, finding, notice, attachment, spare);
    }

    private static Map<String, Object> unit(String code, String parentId) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", "单位", "kind", "OTHER"));
        body.put("parentId", parentId);
        return body;
    }

    private static Map<String, Object> site(String code) {
        return Map.of("code", code, "name", "点位", "type", "PHARMACY");
    }

    private static Map<String, Object> inspection(Rows rows) {
        return Map.of("unitId", rows.world().groupId(), "siteId", rows.world().siteId(),
                "startedAt", "2021-08-07T11:00:00+08:00", "inspectorCount", 4, "method", "SCHEDULED");
    }

    private static Map<String, Object> notice(Rows rows) {
        return Map.of("unitId", rows.world().unitId(), "kind", "BULLETIN", "title", "督查通报",
                "findingIds", List.of(rows.findingId()));
    }
}
