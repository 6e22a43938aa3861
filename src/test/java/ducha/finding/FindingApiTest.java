package ducha.finding;

import static ducha.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class FindingApiTest {

    @Test
    void reportsAFindingWithServerOwnedFieldsSetByTheServer() {
        var world = Api.world();
        String inspector = Tokens.token("insp-" + UUID.randomUUID(), world.unitCode(), "inspector");
        Map<String, Object> body = Api.finding(world.groupId(), world.siteId());
        body.put("foundAt", "2021-08-07T10:30:00+08:00");
        body.put("dueAt", "2021-08-09T18:00:00+08:00");
        Response created = as(inspector).body(body).post("/api/v1/findings");
        created.then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("status", equalTo("OPEN"))
                .body("rectifiedOnSite", equalTo(false))
                .body("foundAt", equalTo("2021-08-07T02:30:00Z"))
                .body("dueAt", equalTo("2021-08-09T10:00:00Z"))
                .body("overdue", equalTo(true))
                .body("reportedBy", containsString("insp-"));
        String id = created.jsonPath().getString("id");
        as(Tokens.admin()).get("/api/v1/findings/" + id).then().statusCode(200).body("description", equalTo("消毒记录不全"));
    }

    @Test
    void checksReferencesAndTimes() {
        var world = Api.world();
        long events = Db.changeEvents();
        Map<String, Object> body = Api.finding(world.groupId(), world.siteId());
        body.put("unitId", UUID.randomUUID().toString());
        as(Tokens.admin()).body(body).post("/api/v1/findings").then().statusCode(400)
                .body("errors[0].field", equalTo("unitId"));

        body = Api.finding(world.groupId(), world.siteId());
        body.put("siteId", UUID.randomUUID().toString());
        as(Tokens.admin()).body(body).post("/api/v1/findings").then().statusCode(400)
                .body("errors[0].field", equalTo("siteId"));

        body = Api.finding(world.groupId(), world.siteId());
        body.put("foundAt", "2021-08-07T10:00:00+08:00");
        body.put("dueAt", "2021-08-06T10:00:00+08:00");
        as(Tokens.admin()).body(body).post("/api/v1/findings").then().statusCode(400)
                .body("errors[0].field", equalTo("dueAt"));

        body = Api.finding(world.groupId(), world.siteId());
        body.put("foundAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString());
        as(Tokens.admin()).body(body).post("/api/v1/findings").then().statusCode(400)
                .body("errors[0].field", equalTo("foundAt"));

        // An inspection of another site cannot be the finding's visit.
        String otherSite = Api.createSite(Api.code("S"), "MARKET", "测试区").getString("id");
        String visit = Api.createInspection(Tokens.admin(), world.groupId(), otherSite, "2021-08-07T09:00:00+08:00")
                .getString("id");
        body = Api.finding(world.groupId(), world.siteId());
        body.put("inspectionId", visit);
        as(Tokens.admin()).body(body).post("/api/v1/findings").then().statusCode(400)
                .body("errors[0].field", equalTo("inspectionId"));
        assertThat(Db.changeEvents()).isEqualTo(events + 2); // the site and the inspection only
    }

    @Test
    void inspectorsReportOnlyForTheirUnitTree() {
        var world = Api.world();
        var other = Api.world();
        Map<String, Object> body = Api.finding(world.groupId(), world.siteId());
        Api.reportFinding(Tokens.inspector(world.unitCode()), body);   // parent unit's inspector: sub-unit ok
        Api.reportFinding(Tokens.inspector(world.groupCode()), body);  // the group's own inspector
        long before = Db.count("select count(*) from finding where unit_id = ?::uuid", UUID.fromString(world.groupId()));
        as(Tokens.inspector(other.unitCode())).body(body).post("/api/v1/findings").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        // A group inspector cannot write for the parent commission.
        as(Tokens.inspector(world.groupCode())).body(Api.finding(world.unitId(), world.siteId()))
                .post("/api/v1/findings").then().statusCode(403);
        as(Tokens.token("nobody", null, "inspector")).body(body).post("/api/v1/findings").then().statusCode(403);
        assertThat(Db.count("select count(*) from finding where unit_id = ?::uuid", UUID.fromString(world.groupId())))
                .isEqualTo(before);
    }

    @Test
    void editsDetailsWithIfMatchAndRefusesServerOwnedFields() {
        var world = Api.world();
        String id = Api.reportFinding(Tokens.admin(), Api.finding(world.groupId(), world.siteId())).getString("id");
        Map<String, Object> changes = new HashMap<>();
        changes.put("category", "RECORD_KEEPING");
        changes.put("severity", "HIGH");
        changes.put("description", "台账缺失");
        as(Tokens.inspector(world.unitCode())).header("If-Match", "\"0\"").body(changes).put("/api/v1/findings/" + id)
                .then().statusCode(200).body("category", equalTo("RECORD_KEEPING")).body("version", equalTo(1));

        for (String owned : List.of("status", "version", "reportedBy", "createdAt", "unitId")) {
            Map<String, Object> sneaky = new HashMap<>(changes);
            sneaky.put(owned, owned.equals("version") ? 99 : owned.equals("unitId") ? world.unitId() : "VERIFIED");
            as(Tokens.admin()).header("If-Match", "\"1\"").body(sneaky).put("/api/v1/findings/" + id)
                    .then().statusCode(400).body("errors[0].field", equalTo(owned));
        }
        assertThat(Db.text("select status || ':' || version from finding where id = ?::uuid", UUID.fromString(id)))
                .isEqualTo("OPEN:1");
        as(Tokens.inspector(Api.world().unitCode())).header("If-Match", "\"1\"").body(changes)
                .put("/api/v1/findings/" + id).then().statusCode(403);
    }

    @Test
    void filtersByEveryFilter() {
        var world = Api.world();
        String admin = Tokens.admin();
        String siteB = Api.createSite(Api.code("S"), "MARKET", "测试区").getString("id");
        String visit = Api.createInspection(admin, world.groupId(), world.siteId(), "2021-08-07T09:00:00+08:00")
                .getString("id");

        Map<String, Object> a = Api.finding(world.groupId(), world.siteId());
        a.put("foundAt", "2021-08-07T09:30:00+08:00");
        a.put("inspectionId", visit);
        a.put("dueAt", "2021-08-08T09:30:00+08:00");
        String idA = Api.reportFinding(admin, a).getString("id");              // group, OPEN, overdue

        Map<String, Object> b = Api.finding(world.unitId(), siteB);
        b.put("foundAt", "2021-08-08T09:30:00+08:00");
        b.put("category", "PRICING");
        b.put("severity", "LOW");
        b.put("description", "明码标价不规范");
        b.put("rectifiedOnSite", true);
        String idB = Api.reportFinding(admin, b).getString("id");              // commission, RECTIFIED

        Map<String, Object> c = Api.finding(world.groupId(), siteB);
        c.put("foundAt", "2021-08-09T09:30:00+08:00");
        c.put("severity", "CRITICAL");
        c.put("dueAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).toString());
        String idC = Api.reportFinding(admin, c).getString("id");              // group, OPEN, not yet due

        assertIds(Map.of("unitId", world.unitId()), idC, idB, idA);  // sub-units included, newest first
        assertIds(Map.of("unitId", world.groupId()), idC, idA);
        assertIds(Map.of("unitId", world.unitId(), "siteId", siteB), idC, idB);
        assertIds(Map.of("unitId", world.unitId(), "inspectionId", visit), idA);
        assertIds(Map.of("unitId", world.unitId(), "status", "RECTIFIED"), idB);
        assertIds(Map.of("unitId", world.unitId(), "category", "PRICING"), idB);
        assertIds(Map.of("unitId", world.unitId(), "severity", "CRITICAL"), idC);
        assertIds(Map.of("unitId", world.unitId(), "overdue", "true"), idA);
        assertIds(Map.of("unitId", world.unitId(), "overdue", "false"), idC, idB);
        assertIds(Map.of("unitId", world.unitId(), "from", "2021-08-08T09:30:00+08:00",
                "to", "2021-08-09T09:30:00+08:00"), idB);                    // half-open [from, to)
        assertIds(Map.of("unitId", world.unitId(), "q", "明码"), idB);
        assertIds(Map.of("unitId", UUID.randomUUID().toString()));
        as(admin).queryParam("overdue", "true").get("/api/v1/findings").then().statusCode(200)
                .body("items.overdue", org.hamcrest.Matchers.everyItem(equalTo(true)));
    }

    @Test
    void pagesThroughFindingsWithEqualTimesWithoutLossOrRepeat() {
        var world = Api.world();
        String admin = Tokens.admin();
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 27; i++) {
            Map<String, Object> body = Api.finding(world.groupId(), world.siteId());
            // Many rows share a found time: the id breaks ties in the keyset.
            body.put("foundAt", "2021-08-07T0" + (i % 3) + ":00:00+08:00");
            expected.add(Api.reportFinding(admin, body).getString("id"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(admin).queryParam("unitId", world.unitId()).queryParam("limit", 4);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/findings");
            page.then().statusCode(200);
            seen.addAll(page.jsonPath().getList("items.id"));
            cursor = page.jsonPath().getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).hasSize(27).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(expected);
    }

    @Test
    void keepsHistoryFromTheChangeLogEvenAfterDeletion() {
        var world = Api.world();
        String id = Api.reportFinding(Tokens.inspector(world.unitCode()), Api.finding(world.groupId(), world.siteId()))
                .getString("id");
        as(Tokens.admin()).body(Map.of("action", "START")).post("/api/v1/findings/" + id + "/transitions")
                .then().statusCode(200);
        as(Tokens.admin()).body(Map.of("action", "RECTIFY", "note", "已整改")).post("/api/v1/findings/" + id + "/transitions")
                .then().statusCode(200);
        as(Tokens.inspector("ANY")).get("/api/v1/findings/" + id + "/history").then().statusCode(200)
                .body("items.op", equalTo(List.of("CREATE", "TRANSITION", "TRANSITION")))
                .body("items.version", equalTo(List.of(0, 1, 2)))
                .body("items[2].detail.action", equalTo("RECTIFY"))
                .body("items[2].detail.from", equalTo("RECTIFYING"))
                .body("items[2].detail.note", equalTo("已整改"))
                .body("items[2].data.status", equalTo("RECTIFIED"))
                .body("nextCursor", nullValue());

        as(Tokens.inspector(world.unitCode())).header("If-Match", "\"2\"").delete("/api/v1/findings/" + id)
                .then().statusCode(403);
        as(Tokens.admin()).header("If-Match", "\"2\"").delete("/api/v1/findings/" + id).then().statusCode(204);
        as(Tokens.admin()).get("/api/v1/findings/" + id + "/history").then().statusCode(200)
                .body("items.op", hasItems("CREATE", "DELETE"));
        as(Tokens.admin()).get("/api/v1/findings/" + UUID.randomUUID() + "/history").then().statusCode(404);
    }

    private static void assertIds(Map<String, String> query, String... expected) {
        var request = as(Tokens.admin());
        query.forEach(request::queryParam);
        List<String> ids = request.get("/api/v1/findings").then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(ids).as(query.toString()).containsExactly(expected);
    }
}
