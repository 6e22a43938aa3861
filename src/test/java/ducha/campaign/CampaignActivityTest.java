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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Coverage is read from the campaign rollups (V15), which the writing transactions keep: after concurrent writes of
 * every kind that changes what counts — visits and findings recorded, moved and deleted, findings resolved, targets
 * added and removed, the period changed, sites retired and revived, a unit moved — the rollups equal a recount from
 * the base tables (campaign_activity_rows), for every campaign in the database, and the coverage answer agrees.
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

        // The writers and the changes of what counts run straight against the database, each on a connection of its
        // own, many transactions at once: the triggers must keep the rollups exact whatever interleaves (the service's
        // doors add nothing to that; the scenario above and CampaignApiTest go through them).
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                writers.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    try (Connection db = Db.connect()) {
                        for (int i = 0; i < 40; i++) {
                            String unit = units.get(random.nextInt(units.size()));
                            String site = sites.get(random.nextInt(sites.size()));
                            String at = "2021-08-0" + (1 + random.nextInt(8)) + " " + (10 + random.nextInt(10)) + ":00+08";
                            if (random.nextBoolean()) {
                                UUID inspection = UUID.randomUUID();
                                execute(db, """
                                        insert into inspection (id, unit_id, site_id, started_at, inspector_count, method,
                                                                created_by)
                                        values (?, ?::uuid, ?::uuid, ?::timestamptz, 2, 'UNANNOUNCED', 'test')""",
                                        inspection, unit, site, at);
                                if (random.nextInt(4) == 0) {
                                    execute(db, "delete from inspection where id = ?", inspection);
                                } else if (random.nextInt(4) == 0) {
                                    execute(db, "update inspection set site_id = ?::uuid where id = ?",
                                            sites.get(random.nextInt(sites.size())), inspection);
                                }
                            } else {
                                UUID finding = UUID.randomUUID();
                                execute(db, """
                                        insert into finding (id, unit_id, site_id, category, severity, description, found_at,
                                                             status, reported_by)
                                        values (?, ?::uuid, ?::uuid, 'OTHER', 'LOW', '测试', ?::timestamptz, 'OPEN', 'test')""",
                                        finding, unit, site, at);
                                if (random.nextBoolean()) {
                                    execute(db, "update finding set status = 'RECTIFIED', rectified_at = found_at where id = ?",
                                            finding);
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            writers.add(pool.submit(() -> {
                try (Connection db = Db.connect()) {
                    for (String site : sites.subList(8, 12)) {
                        execute(db, """
                                insert into campaign_target (campaign_id, site_id, added_how, added_by)
                                values (?::uuid, ?::uuid, 'LIST', 'test')""", id, site);
                    }
                    execute(db, "delete from campaign_target where campaign_id = ?::uuid and site_id = ?::uuid",
                            id, sites.get(0));
                    execute(db, """
                            update campaign set starts_at = '2021-08-02 00:00+08', ends_at = '2021-08-09 00:00+08'
                            where id = ?::uuid""", id);
                    execute(db, "update site set active = false where id = ?::uuid", sites.get(3));
                    // g1a moves from g1 to g2: its work counts under g2 from now on.
                    execute(db, "update unit set parent_id = ?::uuid where id = ?::uuid", g2, g1a);
                    execute(db, "update site set active = true where id = ?::uuid", sites.get(3));
                    execute(db, "update site set active = false where id = ?::uuid", sites.get(5));
                }
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

    static void execute(Connection db, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            statement.executeUpdate();
        }
    }

    static Map<String, Object> finding(String unitId, String siteId, String foundAt) {
        Map<String, Object> body = Api.finding(unitId, siteId);
        body.put("severity", "LOW");
        body.put("foundAt", foundAt);
        return body;
    }
}
