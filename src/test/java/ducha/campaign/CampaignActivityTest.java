package ducha.campaign;

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
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Coverage is read from the campaign_activity rollup (V15), which the writing transactions keep: after concurrent
 * writes of every kind that changes what counts — visits and findings recorded, moved and deleted, findings resolved,
 * targets added and removed, the period changed, a unit moved — the rollup equals a recount from the base tables
 * (campaign_activity_rows), for every campaign in the database, and the coverage answer agrees with both.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class CampaignActivityTest {

    /**
     * Rows of the rollups that differ from a recount from the base tables, both ways, over every campaign: the per
     * target, unit and day rows (campaign_activity_rows is the definition), and what coverage reads — per target, per
     * unit and per day (the last two over active targets). Rows of zeros are no rows.
     */
    static long rollupDifferences() {
        return Db.count("""
                with recount as (
                    select r.* from campaign c cross join lateral campaign_activity_rows(c.id) r
                ), kept as (
                    select campaign_id, site_id, top_id, day, inspections::bigint, findings::bigint, resolved::bigint
                    from campaign_activity where (inspections, findings, resolved) <> (0, 0, 0)
                ), active_recount as (
                    select r.* from recount r join site s on s.id = r.site_id and s.active
                ), sites as (
                    select ct.campaign_id, ct.site_id, s.active, coalesce(sum(r.inspections), 0) as inspections,
                           coalesce(sum(r.findings), 0) as findings, coalesce(sum(r.resolved), 0) as resolved,
                           min(r.day) filter (where r.inspections > 0) as first_day
                    from campaign_target ct join site s on s.id = ct.site_id
                    left join recount r on r.campaign_id = ct.campaign_id and r.site_id = ct.site_id
                    group by 1, 2, 3
                ), kept_sites as (
                    select campaign_id, site_id, active, inspections::bigint, findings::bigint, resolved::bigint,
                           first_day from campaign_site_activity
                ), tops as (
                    select campaign_id, top_id, sum(inspections), sum(findings), sum(resolved),
                           count(distinct site_id) filter (where inspections > 0)
                    from active_recount group by 1, 2
                ), kept_tops as (
                    select campaign_id, top_id, inspections::numeric, findings::numeric, resolved::numeric, visited::bigint
                    from campaign_top_activity where (inspections, findings, resolved, visited) <> (0, 0, 0, 0)
                ), days as (
                    select campaign_id, day, sum(inspections), sum(findings), sum(resolved),
                           count(distinct site_id) filter (where inspections > 0)
                    from active_recount group by 1, 2
                ), kept_days as (
                    select campaign_id, day, inspections::numeric, findings::numeric, resolved::numeric, visited::bigint
                    from campaign_day_activity where (inspections, findings, resolved, visited) <> (0, 0, 0, 0)
                )
                select (select count(*) from ((table kept except all table recount)
                                              union all (table recount except all table kept)) d)
                     + (select count(*) from ((table kept_sites except all table sites)
                                              union all (table sites except all table kept_sites)) d)
                     + (select count(*) from ((table kept_tops except all table tops)
                                              union all (table tops except all table kept_tops)) d)
                     + (select count(*) from ((table kept_days except all table days)
                                              union all (table days except all table kept_days)) d)""");
    }

    @Test
    void theRollupEqualsARecountAfterConcurrentChangesOfEveryKind() throws Exception {
        var world = Api.world();
        String u = world.unitId();
        String g1 = world.groupId();
        String g2 = Api.createUnit(Api.code("G"), u).getString("id");
        String g1a = Api.createUnit(Api.code("G"), g1).getString("id");
        List<String> units = List.of(u, g1, g2, g1a);
        List<String> sites = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sites.add(CampaignApiTest.site("CHECKPOINT", "区" + Api.code("D")));
        }
        String id = CampaignApiTest.createCampaign(Tokens.admin(), u).getString("id");
        as(Tokens.admin()).body(Map.of("siteIds", sites.subList(0, 8))).post("/api/v1/campaigns/" + id + "/targets")
                .then().statusCode(200);
        // Work at the sites added later exists before they become targets.
        CampaignApiTest.visit(g1a, sites.get(9), "2021-08-03T09:00:00+08:00");
        Api.reportFinding(Tokens.admin(), finding(g2, sites.get(10), "2021-08-04T09:00:00+08:00"));

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                writers.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < 12; i++) {
                        String unit = units.get(random.nextInt(units.size()));
                        String site = sites.get(random.nextInt(sites.size()));
                        String at = "2021-08-0" + (1 + random.nextInt(8)) + "T" + (10 + random.nextInt(10)) + ":00:00+08:00";
                        if (random.nextBoolean()) {
                            JsonPath inspection = Api.createInspection(Tokens.admin(), unit, site, at);
                            if (random.nextInt(4) == 0) {
                                as(Tokens.admin()).header("If-Match", "\"" + inspection.getLong("version") + "\"")
                                        .delete("/api/v1/inspections/" + inspection.getString("id")).then().statusCode(204);
                            }
                        } else {
                            String finding = Api.reportFinding(Tokens.admin(), finding(unit, site, at)).getString("id");
                            if (random.nextBoolean()) {
                                as(Tokens.admin()).body(Map.of("action", "RECTIFY", "note", "已整改"))
                                        .post("/api/v1/findings/" + finding + "/transitions").then().statusCode(200);
                            }
                        }
                    }
                    return null;
                }));
            }
            writers.add(pool.submit(() -> {
                as(Tokens.admin()).body(Map.of("siteIds", sites.subList(8, 12)))
                        .post("/api/v1/campaigns/" + id + "/targets").then().statusCode(200);
                as(Tokens.admin()).body(Map.of("siteIds", List.of(sites.get(0))))
                        .post("/api/v1/campaigns/" + id + "/targets/removals").then().statusCode(200);
                Map<String, Object> longer = CampaignApiTest.campaignBody(
                        Db.text("select code from campaign where id = ?::uuid", id), u,
                        "2021-08-02T00:00:00+08:00", "2021-08-09T00:00:00+08:00");
                long version = Db.count("select version from campaign where id = ?::uuid", id);
                as(Tokens.admin()).header("If-Match", "\"" + version + "\"").body(longer)
                        .put("/api/v1/campaigns/" + id).then().statusCode(200);
                CampaignApiTest.changeSite(sites.get(3), null, false);
                // g1a moves from g1 to g2: its work counts under g2 from now on.
                JsonPath unit = as(Tokens.admin()).get("/api/v1/units/" + g1a).then().statusCode(200).extract().jsonPath();
                Map<String, Object> moved = new HashMap<>();
                moved.put("code", unit.getString("code"));
                moved.put("name", unit.getString("name"));
                moved.put("kind", unit.getString("kind"));
                moved.put("district", unit.getString("district"));
                moved.put("parentId", g2);
                as(Tokens.admin()).header("If-Match", "\"" + unit.getLong("version") + "\"").body(moved)
                        .put("/api/v1/units/" + g1a).then().statusCode(200);
                return null;
            }));
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(rollupDifferences()).isZero();
        JsonPath c = CampaignApiTest.coverage(Tokens.admin(), id);
        assertThat(c.getLong("inspections")).isEqualTo(Db.count("""
                select count(*) from inspection i join campaign c on c.id = ?::uuid
                join campaign_target t on t.campaign_id = c.id and t.site_id = i.site_id
                join site s on s.id = i.site_id and s.active
                join unit_closure uc on uc.ancestor_id = c.unit_id and uc.unit_id = i.unit_id
                where i.started_at >= c.starts_at and i.started_at < c.ends_at""", id));
        assertThat(c.getLong("targetsVisited")).isEqualTo(Db.count("""
                select count(distinct i.site_id) from inspection i join campaign c on c.id = ?::uuid
                join campaign_target t on t.campaign_id = c.id and t.site_id = i.site_id
                join site s on s.id = i.site_id and s.active
                join unit_closure uc on uc.ancestor_id = c.unit_id and uc.unit_id = i.unit_id
                where i.started_at >= c.starts_at and i.started_at < c.ends_at""", id));
        assertThat(c.getLong("findings")).isEqualTo(Db.count("""
                select count(*) from finding f join campaign c on c.id = ?::uuid
                join campaign_target t on t.campaign_id = c.id and t.site_id = f.site_id
                join site s on s.id = f.site_id and s.active
                join unit_closure uc on uc.ancestor_id = c.unit_id and uc.unit_id = f.unit_id
                where f.found_at >= c.starts_at and f.found_at < c.ends_at""", id));
        long byG2 = Db.count("""
                select count(*) from inspection i join campaign c on c.id = ?::uuid
                join campaign_target t on t.campaign_id = c.id and t.site_id = i.site_id
                join site s on s.id = i.site_id and s.active
                join unit_closure uc on uc.ancestor_id = ?::uuid and uc.unit_id = i.unit_id
                where i.started_at >= c.starts_at and i.started_at < c.ends_at""", id, g2);
        List<Map<String, Object>> byUnit = c.getList("byUnit");
        assertThat(byUnit.stream().filter(r -> g2.equals(r.get("unitId"))).findFirst().orElseThrow())
                .containsEntry("inspections", (int) byG2);
        assertThat(Db.text("select zone from campaign_activity_zone")).isEqualTo("Asia/Shanghai");
    }

    static Map<String, Object> finding(String unitId, String siteId, String foundAt) {
        Map<String, Object> body = Api.finding(unitId, siteId);
        body.put("severity", "LOW");
        body.put("foundAt", foundAt);
        return body;
    }
}
