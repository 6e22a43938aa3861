package ducha.report;

import static ducha.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The rollups that the summary reads stay exactly what a recount from the rows gives (report_rebuild()), whatever
 * the writes: moves through the lifecycle, corrections, deletions, a unit moved to another parent, a site that
 * changes district, type or active flag, and writers racing on the same rows.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class RollupExactnessTest {

    private static final String ROLLUPS = """
            select 'f ' || t::text from report_finding_rollup t
            where (findings, rectified, rectified_on_site, escalated, own_findings, own_rectified,
                   own_rectified_on_site, own_escalated) <> (0, 0, 0, 0, 0, 0, 0, 0)
            union all
            select 'r ' || t::text from report_rectify_rollup t where findings <> 0
            union all
            select 'v ' || t::text from report_visit_rollup t
            where (inspections, person_visits, own_inspections, own_person_visits) <> (0, 0, 0, 0)
            order by 1""";

    @Test
    void everyKindOfWriteKeepsTheRollupsExact() {
        ReportFixture w = new ReportFixture();
        // A1 (with its visits I1, I5 and findings F1, F2) moves from group A to group B.
        put("/api/v1/units/" + w.a1, Map.of("code", w.a1Code, "name", "单位" + w.a1Code, "kind", "OTHER",
                "parentId", w.b, "district", w.d1));
        // S2 becomes a clinic of the other district; S3 closes.
        put("/api/v1/sites/" + w.s2, site("CLINIC", w.d2, true));
        put("/api/v1/sites/" + w.s3, site("TESTING_POINT", w.d1, false));
        ReportFixture.transition(w.f3, "REOPEN", "复查未通过");
        as(Tokens.admin()).header("If-Match", "*").delete("/api/v1/findings/" + w.f1).then().statusCode(204);
        put("/api/v1/findings/" + w.f2, Map.of("category", "RECORD_KEEPING", "severity", "LOW",
                "description", "台账缺失", "dueAt", "2021-08-08T09:20:00+08:00"));
        put("/api/v1/inspections/" + w.i5, Map.of("unitId", w.a1, "siteId", w.s1,
                "startedAt", "2021-08-05T10:00:00+08:00", "inspectorCount", 6, "method", "SCHEDULED"));
        as(Tokens.admin()).header("If-Match", "*").delete("/api/v1/inspections/" + w.i4).then().statusCode(204);

        assertRollupsAreARecount();

        // B now holds A1's work: I1, I3, I5 (3 + 5 + 6 people) at S1 and S4; F2, F4, F5, all open.
        JsonPath b = SummaryApiTest.summary(Map.of("unitId", w.b));
        assertThat(b.getLong("inspections")).isEqualTo(3);
        assertThat(b.getLong("personVisits")).isEqualTo(14);
        assertThat(b.getLong("sitesInspected")).isEqualTo(2);
        assertThat(b.getLong("findings")).isEqualTo(3);
        assertThat(b.getLong("open")).isEqualTo(3);
        assertThat(b.getLong("overdue")).isEqualTo(2);
        assertThat(SummaryApiTest.row(b, "byCategory", "RECORD_KEEPING").get("findings")).isEqualTo(1);
        JsonPath a = SummaryApiTest.summary(Map.of("unitId", w.a));
        assertThat(a.getLong("inspections")).isEqualTo(1);
        assertThat(a.getLong("findings")).isEqualTo(1);
        assertThat(a.getLong("rectified")).isZero();
        JsonPath r = SummaryApiTest.summary(Map.of("unitId", w.r));
        assertThat(r.getLong("findings")).isEqualTo(5);
        // Active sites of D1 and D2: S1, S2 (now in D2), S4; all three inspected.
        assertThat(r.getLong("sitesTotal")).isEqualTo(3);
        assertThat(r.getLong("sitesInspected")).isEqualTo(3);
        assertThat(r.getDouble("coverage")).isEqualTo(1.0);
        assertThat(SummaryApiTest.row(r, "bySiteType", "CLINIC").get("inspections")).isEqualTo(1);
        assertThat(r.getList("bySiteType.key")).doesNotContain("TESTING_POINT");
    }

    @Test
    void racingWritersLoseNoCount() throws Exception {
        ReportFixture w = new ReportFixture();
        String unit = ReportFixture.unit(Api.code("RACE"), w.r, w.d1, "OTHER");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                boolean onSite = i % 2 == 0;
                calls.add(pool.submit(() -> {
                    Map<String, Object> body = Api.finding(unit, w.s1);
                    body.put("foundAt", "2021-08-07T11:00:00+08:00");
                    body.put("rectifiedOnSite", onSite);
                    return as(Tokens.admin()).body(body).post("/api/v1/findings").statusCode();
                }));
                calls.add(pool.submit(() -> as(Tokens.admin()).body(Map.of("unitId", unit, "siteId", w.s4,
                                "startedAt", "2021-08-07T11:00:00+08:00", "inspectorCount", 2, "method", "SCHEDULED"))
                        .post("/api/v1/inspections").statusCode()));
            }
            for (Future<Integer> call : calls) {
                assertThat(call.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        assertRollupsAreARecount();
        JsonPath r = SummaryApiTest.summary(Map.of("unitId", w.r));
        assertThat(r.getLong("findings")).isEqualTo(6 + 40);
        assertThat(r.getLong("rectifiedOnSite")).isEqualTo(2 + 20);
        assertThat(r.getLong("inspections")).isEqualTo(5 + 40);
        assertThat(r.getLong("personVisits")).isEqualTo(15 + 80);
    }

    private static void assertRollupsAreARecount() {
        List<String> maintained = Db.texts(ROLLUPS);
        Db.execute("select report_rebuild()");
        assertThat(maintained).isEqualTo(Db.texts(ROLLUPS));
    }

    private static void put(String path, Map<String, Object> body) {
        as(Tokens.admin()).header("If-Match", "*").body(body).put(path).then().statusCode(200);
    }

    private static Map<String, Object> site(String type, String district, boolean active) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", Api.code("S"));
        body.put("name", "点位");
        body.put("type", type);
        body.put("district", district);
        body.put("active", active);
        return body;
    }
}
