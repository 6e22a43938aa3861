package ducha.inspection;

import static ducha.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class InspectionApiTest {

    @Test
    void recordsCorrectsAndDeletesAnInspection() {
        var world = Api.world();
        String inspector = Tokens.inspector(world.groupCode());
        var created = Api.createInspection(inspector, world.groupId(), world.siteId(), "2021-08-07T09:00:00+08:00");
        String id = created.getString("id");
        assertThat(created.getString("startedAt")).isEqualTo("2021-08-07T01:00:00Z");
        assertThat(created.getInt("inspectorCount")).isEqualTo(2);
        assertThat(created.getString("createdBy")).startsWith("inspector-");

        Map<String, Object> body = new HashMap<>(Map.of("unitId", world.groupId(), "siteId", world.siteId(),
                "startedAt", "2021-08-07T10:00:00+08:00", "inspectorCount", 3, "method", "FOLLOW_UP",
                "notes", "复查消毒台账"));
        as(inspector).header("If-Match", "\"0\"").body(body).put("/api/v1/inspections/" + id)
                .then().statusCode(200).body("inspectorCount", equalTo(3)).body("method", equalTo("FOLLOW_UP"));
        // Unit and site are fixed.
        body.put("siteId", Api.createSite(Api.code("S"), "MARKET", "测试区").getString("id"));
        as(inspector).header("If-Match", "\"1\"").body(body).put("/api/v1/inspections/" + id).then().statusCode(400);

        as(inspector).header("If-Match", "\"1\"").delete("/api/v1/inspections/" + id).then().statusCode(403);
        as(Tokens.admin()).header("If-Match", "\"1\"").delete("/api/v1/inspections/" + id).then().statusCode(204);
    }

    @Test
    void refusesToDeleteAnInspectionWithFindings() {
        var world = Api.world();
        String id = Api.createInspection(Tokens.admin(), world.groupId(), world.siteId(), "2021-08-07T09:00:00+08:00")
                .getString("id");
        Map<String, Object> finding = Api.finding(world.groupId(), world.siteId());
        finding.put("inspectionId", id);
        Api.reportFinding(Tokens.admin(), finding);
        long events = Db.changeEvents();
        as(Tokens.admin()).header("If-Match", "\"0\"").delete("/api/v1/inspections/" + id).then().statusCode(409);
        assertThat(Db.changeEvents()).isEqualTo(events);
    }

    @Test
    void inspectorsRecordOnlyForTheirUnitTree() {
        var world = Api.world();
        var other = Api.world();
        as(Tokens.inspector(other.unitCode())).body(Map.of("unitId", world.groupId(), "siteId", world.siteId(),
                        "startedAt", "2021-08-07T09:00:00+08:00", "inspectorCount", 2, "method", "SCHEDULED"))
                .post("/api/v1/inspections").then().statusCode(403);
        String id = Api.createInspection(Tokens.inspector(world.unitCode()), world.groupId(), world.siteId(),
                "2021-08-07T09:00:00+08:00").getString("id");
        as(Tokens.inspector(other.unitCode())).header("If-Match", "\"0\"")
                .body(Map.of("unitId", world.groupId(), "siteId", world.siteId(),
                        "startedAt", "2021-08-07T09:00:00+08:00", "inspectorCount", 9, "method", "SCHEDULED"))
                .put("/api/v1/inspections/" + id).then().statusCode(403);
        assertThat(Db.count("select inspector_count from inspection where id = ?::uuid", UUID.fromString(id))).isEqualTo(2);
    }

    @Test
    void filtersByUnitTreeSiteAndPeriod() {
        var world = Api.world();
        String admin = Tokens.admin();
        String siteB = Api.createSite(Api.code("S"), "HOSPITAL", "测试区").getString("id");
        String a = Api.createInspection(admin, world.groupId(), world.siteId(), "2021-08-06T09:00:00+08:00").getString("id");
        String b = Api.createInspection(admin, world.unitId(), siteB, "2021-08-07T09:00:00+08:00").getString("id");
        String c = Api.createInspection(admin, world.groupId(), siteB, "2021-08-08T09:00:00+08:00").getString("id");

        assertIds(Map.of("unitId", world.unitId()), c, b, a);
        assertIds(Map.of("unitId", world.groupId()), c, a);
        assertIds(Map.of("unitId", world.unitId(), "siteId", siteB), c, b);
        assertIds(Map.of("unitId", world.unitId(), "from", "2021-08-07T09:00:00+08:00"), c, b);
        assertIds(Map.of("unitId", world.unitId(), "to", "2021-08-07T09:00:00+08:00"), a);
        assertIds(Map.of("siteId", siteB, "limit", "1"), c);
    }

    private static void assertIds(Map<String, String> query, String... expected) {
        var request = as(Tokens.admin());
        query.forEach(request::queryParam);
        List<String> ids = request.get("/api/v1/inspections").then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(ids).as(query.toString()).containsExactly(expected);
    }
}
