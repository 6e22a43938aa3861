package ducha.report;

import static ducha.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import ducha.support.Db;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo data of the Kaifeng report (docs/demo-data.md), summarised per unit, reproduces the report's own figures.
 * The demo SQL is only on Flyway's path in the dev profile, so this test loads it itself (it is idempotent).
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class SeedFiguresTest {

    @BeforeAll
    static void loadDemoData() throws IOException {
        try (InputStream sql = SeedFiguresTest.class.getResourceAsStream("/db/demo/R__demo_data.sql")) {
            Db.script(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void weishi158CheckpointsInspected119FindingsAllResolved4Bulletins() {
        JsonPath summary = summaryOf("WEISHI");
        assertThat(summary.getLong("findings")).isEqualTo(119);
        assertThat(summary.getLong("rectified")).isEqualTo(119);
        assertThat(summary.getLong("open")).isZero();
        assertThat(summary.getDouble("rectificationRate")).isEqualTo(1.0);
        assertThat(summary.getLong("noticesByKind.BULLETIN")).isEqualTo(4);
        Map<String, Object> checkpoints = row(summary, "bySiteType", "CHECKPOINT");
        assertThat(checkpoints).containsEntry("sitesInspected", 158).containsEntry("sitesTotal", 158)
                .containsEntry("coverage", 1.0f);
        // The 8 supervision groups, each with its share of the work.
        assertThat(summary.getList("byUnit")).hasSize(9);
        assertThat(summary.getList("byUnit.findings", Integer.class).stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(119);
    }

    @Test
    void shifanqu58PersonVisits30FindingsAllRectifiedOnSite() {
        JsonPath summary = summaryOf("SHIFANQU");
        assertThat(summary.getLong("personVisits")).isEqualTo(58);
        assertThat(summary.getLong("findings")).isEqualTo(30);
        assertThat(summary.getLong("rectifiedOnSite")).isEqualTo(30);
        assertThat(summary.getLong("rectified")).isEqualTo(30);
        assertThat(summary.getDouble("medianDaysToRectify")).isEqualTo(0.0);
        // "9 kinds of site": every inspected site type of the zone.
        assertThat(summary.getList("bySiteType.findAll { it.sitesInspected > 0 }")).hasSize(9);
    }

    @Test
    void xiangfu21Of21FixedAtOnce() {
        JsonPath summary = summaryOf("XIANGFU");
        assertThat(summary.getLong("findings")).isEqualTo(21);
        assertThat(summary.getLong("rectifiedOnSite")).isEqualTo(21);
        assertThat(row(summary, "bySiteType", "CLINIC")).containsEntry("sitesInspected", 7);
    }

    @Test
    void yuwangtai38Of38TestingPoints12Suggestions1Bulletin() {
        JsonPath summary = summaryOf("YUWANGTAI");
        assertThat(row(summary, "bySiteType", "TESTING_POINT")).containsEntry("sitesInspected", 38)
                .containsEntry("sitesTotal", 38).containsEntry("coverage", 1.0f);
        assertThat(summary.getLong("findings")).isEqualTo(6);
        assertThat(summary.getLong("rectified")).isEqualTo(6);
        assertThat(summary.getLong("noticesByKind.SUGGESTION")).isEqualTo(12);
        assertThat(summary.getLong("noticesByKind.BULLETIN")).isEqualTo(1);
    }

    @Test
    void longting15TestingPoints18FindingsFixedOnSite5Suggestions() {
        JsonPath summary = summaryOf("LONGTING");
        assertThat(row(summary, "bySiteType", "TESTING_POINT")).containsEntry("sitesInspected", 15);
        assertThat(summary.getLong("findings")).isEqualTo(18);
        assertThat(summary.getLong("rectifiedOnSite")).isEqualTo(18);
        assertThat(summary.getLong("noticesByKind.SUGGESTION")).isEqualTo(5);
    }

    @Test
    void theCityTotalsAreTheSumOfItsUnits() {
        JsonPath city = summaryOf("KAIFENG-CITY");
        assertThat(city.getLong("findings")).isEqualTo(222);
        assertThat(city.getLong("inspections")).isEqualTo(419);
        assertThat(city.getLong("overdue")).isEqualTo(4);
        assertThat(city.getList("byUnit.findings", Integer.class).stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(222);
    }

    /**
     * The report gives no positions, so the demo has no check-ins (docs/evidence.md): no visit is verified on site.
     * Its two open HIGH findings cannot be rectified without an AFTER photo.
     */
    @Test
    void theDemoVisitsCarryNoCheckInsAndItsOpenHighFindingsNeedAPhoto() {
        JsonPath city = summaryOf("KAIFENG-CITY");
        assertThat(city.getLong("inspectionsVerified")).isZero();
        assertThat(city.getLong("inspectionsFar")).isZero();
        assertThat(city.getDouble("verifiedVisitRate")).isEqualTo(0.0);
        for (String n : java.util.List.of("2", "3")) {
            String id = Db.text("select md5('ducha-demo:finding:city-office:' || ?)::uuid::text", n);
            as(Tokens.admin()).body(Map.of("action", "RECTIFY", "note", "已整改"))
                    .post("/api/v1/findings/" + id + "/transitions").then().statusCode(409)
                    .body("code", org.hamcrest.Matchers.equalTo("EVIDENCE_REQUIRED"));
        }
    }

    private static JsonPath summaryOf(String unitCode) {
        String unitId = Db.text("select id::text from unit where code = ?", unitCode);
        return as(Tokens.admin()).queryParam("unitId", unitId).get("/api/v1/reports/summary").then().statusCode(200)
                .extract().jsonPath();
    }

    private static Map<String, Object> row(JsonPath summary, String breakdown, String key) {
        return summary.getMap(breakdown + ".find { it.key == '" + key + "' }");
    }
}
