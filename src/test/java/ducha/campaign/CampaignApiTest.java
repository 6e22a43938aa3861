package ducha.campaign;

import static ducha.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Gql;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Campaigns through both doors: CRUD and roles, targets by list and by rule, the naming rule of inspections and
 * findings, refusals that change nothing, and coverage against a hand-counted scenario.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class CampaignApiTest {

    static final String STARTS = "2021-08-01T00:00:00+08:00";
    static final String ENDS = "2021-08-08T00:00:00+08:00";

    static Map<String, Object> campaignBody(String code, String unitId, String startsAt, String endsAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "核酸检测点全覆盖督查 " + code);
        body.put("description", "实现对检测点监督全覆盖");
        body.put("unitId", unitId);
        body.put("startsAt", startsAt);
        body.put("endsAt", endsAt);
        return body;
    }

    static JsonPath createCampaign(String token, String unitId) {
        return as(token).body(campaignBody(Api.code("C"), unitId, STARTS, ENDS)).post("/api/v1/campaigns")
                .then().statusCode(201).extract().jsonPath();
    }

    static String site(String type, String district) {
        return Api.createSite(Api.code("S"), type, district).getString("id");
    }

    static void visit(String unitId, String siteId, String at) {
        Api.createInspection(Tokens.admin(), unitId, siteId, at);
    }

    static JsonPath coverage(String token, String id) {
        return as(token).get("/api/v1/campaigns/" + id + "/coverage").then().statusCode(200).extract().jsonPath();
    }

    static List<String> unvisitedCodes(String id) {
        return as(Tokens.admin()).queryParam("limit", 200).get("/api/v1/campaigns/" + id + "/unvisited")
                .then().statusCode(200).extract().jsonPath().getList("items.code", String.class);
    }

    static String code(String siteId) {
        return Db.text("select code from site where id = ?::uuid", siteId);
    }

    static void changeSite(String siteId, String type, Boolean active) {
        JsonPath site = as(Tokens.admin()).get("/api/v1/sites/" + siteId).then().statusCode(200).extract().jsonPath();
        Map<String, Object> body = new HashMap<>();
        body.put("code", site.getString("code"));
        body.put("name", site.getString("name"));
        body.put("type", type == null ? site.getString("type") : type);
        body.put("district", site.getString("district"));
        body.put("active", active == null ? site.getBoolean("active") : active);
        as(Tokens.admin()).header("If-Match", "\"" + site.getLong("version") + "\"").body(body)
                .put("/api/v1/sites/" + siteId).then().statusCode(200);
    }

    @Test
    void coverageMatchesAHandCountedScenario() {
        var world = Api.world();          // U (commission) with G1
        String u = world.unitId();
        String g1 = world.groupId();
        String g2 = Api.createUnit(Api.code("G"), u).getString("id");
        String outsider = Api.world().groupId();   // a unit that does not take part
        String district = "区" + Api.code("D");
        String s1 = site("TESTING_POINT", district);
        String s2 = site("TESTING_POINT", district);
        String s3 = site("TESTING_POINT", district);
        String s4 = site("CHECKPOINT", district);
        String s5 = site("CHECKPOINT", "别区" + Api.code("D"));
        String id = createCampaign(Tokens.admin(), u).getString("id");

        // By rule: the three testing points of the district; then by list: s4 and s5.
        as(Tokens.admin()).body(Map.of("rule", Map.of("siteType", "TESTING_POINT", "district", district)))
                .post("/api/v1/campaigns/" + id + "/targets").then().statusCode(200)
                .body("changed", equalTo(3)).body("unchanged", equalTo(0)).body("campaign.version", equalTo(1))
                .header("ETag", "\"1\"");
        as(Tokens.admin()).body(Map.of("siteIds", List.of(s4, s5, s1)))
                .post("/api/v1/campaigns/" + id + "/targets").then().statusCode(200)
                .body("changed", equalTo(2)).body("unchanged", equalTo(1));

        visit(g1, s1, "2021-08-02T10:00:00+08:00");          // counts
        visit(g2, s1, "2021-08-03T10:00:00+08:00");          // counts, a second visit of s1
        visit(outsider, s2, "2021-08-02T10:00:00+08:00");    // a unit that does not take part
        visit(g2, s3, "2021-07-31T23:59:00+08:00");          // before the period
        visit(u, s4, "2021-08-05T09:00:00+08:00");           // the owning unit's own work
        visit(g1, s5, "2021-08-04T09:00:00+08:00");          // counts until s5 is retired
        Api.reportFinding(Tokens.admin(), Map.of("unitId", g1, "siteId", s1, "category", "DISINFECTION",
                "severity", "HIGH", "description", "消毒记录不全", "foundAt", "2021-08-02T10:30:00+08:00"));
        Map<String, Object> onSite = new HashMap<>(Map.of("unitId", u, "siteId", s4, "category", "CROWD_CONTROL",
                "severity", "MEDIUM", "description", "排队间距不足1米", "foundAt", "2021-08-05T09:10:00+08:00",
                "rectifiedOnSite", true));
        Api.reportFinding(Tokens.admin(), onSite);
        Api.reportFinding(Tokens.admin(), Map.of("unitId", outsider, "siteId", s2, "category", "SUPPLIES",
                "severity", "LOW", "description", "物资不足", "foundAt", "2021-08-02T11:00:00+08:00"));
        Api.reportFinding(Tokens.admin(), Map.of("unitId", g2, "siteId", s3, "category", "SUPPLIES",
                "severity", "LOW", "description", "物资不足", "foundAt", "2021-07-31T23:59:30+08:00"));

        JsonPath c = coverage(Tokens.inspector("ANY"), id);
        assertThat(c.getLong("targets")).isEqualTo(5);
        assertThat(c.getLong("targetsVisited")).isEqualTo(3);             // s1, s4, s5
        assertThat(c.getDouble("coverage")).isEqualTo(0.6);
        assertThat(c.getBoolean("fullCoverage")).isFalse();
        assertThat(c.getLong("inspections")).isEqualTo(4);

        // s5 retired: it leaves the denominator and the visited count.
        changeSite(s5, null, false);
        // s3 re-typed: a target stays a target (the rule was resolved when added).
        changeSite(s3, "CHECKPOINT", null);
        // A testing point created after the rule was added is not a target until the rule is added again.
        String s6 = site("TESTING_POINT", district);
        c = coverage(Tokens.admin(), id);
        assertThat(c.getLong("targets")).isEqualTo(4);
        assertThat(c.getLong("targetsVisited")).isEqualTo(2);
        assertThat(c.getLong("targetsUnvisited")).isEqualTo(2);
        assertThat(c.getDouble("coverage")).isEqualTo(0.5);
        assertThat(c.getLong("retiredTargets")).isEqualTo(1);
        assertThat(c.getLong("inspections")).isEqualTo(3);
        assertThat(c.getLong("findings")).isEqualTo(2);
        assertThat(c.getLong("resolved")).isEqualTo(1);
        assertThat(c.getLong("open")).isEqualTo(1);
        assertThat(unvisitedCodes(id)).containsExactly(code(s2), code(s3));

        // The rule again: s6 joins (s1, s2 are targets already; s3 is no longer a testing point).
        as(Tokens.admin()).body(Map.of("rule", Map.of("siteType", "TESTING_POINT", "district", district)))
                .post("/api/v1/campaigns/" + id + "/targets").then().statusCode(200)
                .body("changed", equalTo(1)).body("unchanged", equalTo(2));
        visit(g2, s2, "2021-08-06T20:00:00+08:00");
        c = coverage(Tokens.admin(), id);
        assertThat(c.getLong("targets")).isEqualTo(5);
        assertThat(c.getLong("targetsVisited")).isEqualTo(3);
        assertThat(c.getDouble("coverage")).isEqualTo(0.6);
        // Newest addition first (s6), then the rule's first sites by code.
        assertThat(unvisitedCodes(id)).containsExactly(code(s6), code(s3));

        // By unit: the owning unit's own work, then each child with its sub-units, by code.
        List<Map<String, Object>> byUnit = c.getList("byUnit");
        assertThat(byUnit).hasSize(3);
        assertThat(byUnit.get(0)).containsEntry("unitId", u).containsEntry("withSubUnits", false)
                .containsEntry("targetsVisited", 1).containsEntry("inspections", 1).containsEntry("findings", 1)
                .containsEntry("resolved", 1).containsEntry("open", 0);
        Map<String, Object> ofG1 = byUnit.stream().filter(r -> g1.equals(r.get("unitId"))).findFirst().orElseThrow();
        Map<String, Object> ofG2 = byUnit.stream().filter(r -> g2.equals(r.get("unitId"))).findFirst().orElseThrow();
        assertThat(ofG1).containsEntry("targetsVisited", 1).containsEntry("inspections", 1)
                .containsEntry("findings", 1).containsEntry("open", 1);
        assertThat(ofG2).containsEntry("targetsVisited", 2).containsEntry("inspections", 2)
                .containsEntry("findings", 0);

        // By day in the report zone (Asia/Shanghai): 1 to 7 August, without gaps.
        List<Map<String, Object>> byDay = c.getList("byDay");
        assertThat(byDay).extracting(d -> d.get("day")).containsExactly("2021-08-01", "2021-08-02", "2021-08-03",
                "2021-08-04", "2021-08-05", "2021-08-06", "2021-08-07");
        assertThat(byDay.get(1)).containsEntry("inspections", 1).containsEntry("newlyVisited", 1)
                .containsEntry("cumulativeVisited", 1).containsEntry("findings", 1).containsEntry("open", 1);
        assertThat(byDay.get(2)).containsEntry("inspections", 1).containsEntry("newlyVisited", 0)
                .containsEntry("targetsVisited", 1);
        assertThat(byDay.get(3)).containsEntry("inspections", 0);     // s5's visit: retired
        assertThat(byDay.get(4)).containsEntry("newlyVisited", 1).containsEntry("resolved", 1);
        assertThat(byDay.get(6)).containsEntry("cumulativeVisited", 3);

        // The rest visited: full coverage, as a first-class answer.
        visit(g1, s3, "2021-08-07T23:59:59+08:00");
        visit(g1, s6, "2021-08-07T08:00:00+08:00");
        c = coverage(Tokens.admin(), id);
        assertThat(c.getBoolean("fullCoverage")).isTrue();
        assertThat(c.getDouble("coverage")).isEqualTo(1.0);
        assertThat(unvisitedCodes(id)).isEmpty();

        // The same through GraphQL.
        JsonPath gql = Gql.query(Tokens.inspector("ANY"), """
                query($id: ID!) { campaign(id: $id) { code unit { id } coverage { targets targetsVisited coverage
                    fullCoverage retiredTargets findings resolved open byUnit { unitId withSubUnits targetsVisited }
                    byDay { day cumulativeVisited } }
                  unvisited(first: 5) { edges { node { code } } }
                  targets(first: 2) { edges { node { code addedHow ruleSiteType ruleDistrict active } }
                                      pageInfo { hasNextPage endCursor } } } }""", Map.of("id", id));
        assertThat(gql.getString("errors")).isNull();
        assertThat(gql.getLong("data.campaign.coverage.targets")).isEqualTo(5);
        assertThat(gql.getLong("data.campaign.coverage.targetsVisited")).isEqualTo(5);
        assertThat(gql.getBoolean("data.campaign.coverage.fullCoverage")).isTrue();
        assertThat(gql.getLong("data.campaign.coverage.retiredTargets")).isEqualTo(1);
        assertThat(gql.getString("data.campaign.unit.id")).isEqualTo(u);
        assertThat(gql.getList("data.campaign.coverage.byUnit")).hasSize(3);
        assertThat(gql.getList("data.campaign.unvisited.edges")).isEmpty();
        // Targets: the newest addition (s6, by rule) first.
        assertThat(gql.getString("data.campaign.targets.edges[0].node.code")).isEqualTo(code(s6));
        assertThat(gql.getString("data.campaign.targets.edges[0].node.addedHow")).isEqualTo("RULE");
        assertThat(gql.getString("data.campaign.targets.edges[0].node.ruleDistrict")).isEqualTo(district);
        assertThat(gql.getBoolean("data.campaign.targets.pageInfo.hasNextPage")).isTrue();
        // Paging the whole target list loses and repeats nothing (REST, 2 a page).
        List<String> all = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = as(Tokens.admin()).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/campaigns/" + id + "/targets").then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items.code", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(all).hasSize(6).doesNotHaveDuplicates().contains(code(s5));
    }

    @Test
    void whoMayManageAndWhoMayRead() {
        var world = Api.world();
        var other = Api.world();
        String body = "/api/v1/campaigns";
        // An inspector of a sub-unit may not run a campaign of the unit above; of the unit (or above) may.
        as(Tokens.inspector(world.groupCode())).body(campaignBody(Api.code("C"), world.unitId(), STARTS, ENDS))
                .post(body).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        String id = createCampaign(Tokens.inspector(world.unitCode()), world.unitId()).getString("id");
        String ofGroup = createCampaign(Tokens.inspector(world.unitCode()), world.groupId()).getString("id");
        // Of another unit: no writes, but reads.
        as(Tokens.inspector(other.unitCode())).body(Map.of("siteIds", List.of(world.siteId())))
                .post(body + "/" + id + "/targets").then().statusCode(403);
        as(Tokens.inspector(other.unitCode())).get(body + "/" + id).then().statusCode(200).header("ETag", "\"0\"");
        as(Tokens.inspector(other.unitCode())).get(body + "/" + id + "/coverage").then().statusCode(200)
                .body("targets", equalTo(0)).body("fullCoverage", equalTo(false));
        io.restassured.RestAssured.given().get(body + "/" + id).then().statusCode(401);
        // The group's inspector manages the group's campaign.
        as(Tokens.inspector(world.groupCode())).body(Map.of("siteIds", List.of(world.siteId())))
                .post(body + "/" + ofGroup + "/targets").then().statusCode(200).body("changed", equalTo(1));
        // GraphQL: the same rule.
        JsonPath refused = Gql.query(Tokens.inspector(other.unitCode()),
                "mutation($id: ID!, $s: [String!]!) { addCampaignTargets(id: $id, siteIds: $s) { changed } }",
                Map.of("id", id, "s", List.of(world.siteId())));
        assertThat(Gql.errorCode(refused)).as(refused.prettify()).isEqualTo("FORBIDDEN");
        JsonPath created = Gql.query(Tokens.inspector(world.unitCode()),
                "mutation($in: CampaignInput!) { createCampaign(input: $in) { id code version unitId } }",
                Map.of("in", campaignBody(Api.code("C"), world.groupId(), STARTS, ENDS)));
        assertThat(created.getString("errors")).isNull();
        String gqlId = created.getString("data.createCampaign.id");
        JsonPath added = Gql.query(Tokens.inspector(world.groupCode()),
                "mutation($id: ID!, $s: [String!]!) { addCampaignTargets(id: $id, siteIds: $s) { changed campaign { version } } }",
                Map.of("id", gqlId, "s", List.of(world.siteId())));
        assertThat(added.getInt("data.addCampaignTargets.changed")).isEqualTo(1);
        assertThat(added.getInt("data.addCampaignTargets.campaign.version")).isEqualTo(1);
        JsonPath removed = Gql.query(Tokens.admin(),
                "mutation($id: ID!, $s: [String!]!) { removeCampaignTargets(id: $id, siteIds: $s) { changed campaign { version } } }",
                Map.of("id", gqlId, "s", List.of(world.siteId())));
        assertThat(removed.getInt("data.removeCampaignTargets.changed")).isEqualTo(1);
        JsonPath list = Gql.query(Tokens.inspector(other.unitCode()),
                "query($u: ID) { campaigns(filter: {unitId: $u}, first: 50) { edges { node { id } } } }",
                Map.of("u", world.groupId()));
        assertThat(list.getList("data.campaigns.edges.node.id", String.class)).contains(id, ofGroup, gqlId);
        // REST list: the campaigns a unit takes part in (its own and those above it), not those below it.
        List<String> ofUnit = as(Tokens.admin()).queryParam("unitId", world.unitId()).get(body).then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class);
        assertThat(ofUnit).contains(id).doesNotContain(ofGroup);
        as(Tokens.admin()).queryParam("activeAt", "2021-08-08T00:00:00+08:00").get(body).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
        as(Tokens.admin()).queryParam("activeAt", "2021-08-07T23:00:00+08:00").queryParam("unitId", world.unitId())
                .get(body).then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void updatesWithVersionsAndDeletesOnlyWhatNothingNames() {
        var world = Api.world();
        String id = createCampaign(Tokens.admin(), world.unitId()).getString("id");
        String code = Db.text("select code from campaign where id = ?::uuid", id);
        Map<String, Object> changed = campaignBody(code, world.unitId(), STARTS, "2021-08-10T00:00:00+08:00");
        as(Tokens.admin()).body(changed).put("/api/v1/campaigns/" + id).then().statusCode(428);
        as(Tokens.admin()).header("If-Match", "\"7\"").body(changed).put("/api/v1/campaigns/" + id).then().statusCode(412);
        as(Tokens.admin()).header("If-Match", "\"0\"").body(changed).put("/api/v1/campaigns/" + id).then().statusCode(200)
                .body("endsAt", equalTo("2021-08-09T16:00:00Z")).header("ETag", "\"1\"");
        // Change events for sync and webhooks: create, update.
        assertThat(Db.texts("select op from change_event where entity = 'campaign' and entity_id = ?::uuid order by seq", id))
                .containsExactly("CREATE", "UPDATE");

        // An inspection naming the campaign: then the campaign cannot be deleted.
        as(Tokens.admin()).body(Map.of("siteIds", List.of(world.siteId()))).post("/api/v1/campaigns/" + id + "/targets")
                .then().statusCode(200);
        as(Tokens.admin()).body(Map.of("unitId", world.groupId(), "siteId", world.siteId(),
                        "startedAt", "2021-08-03T09:00:00+08:00", "inspectorCount", 2, "method", "SCHEDULED",
                        "campaignId", id))
                .post("/api/v1/inspections").then().statusCode(201).body("campaignId", equalTo(id));
        as(Tokens.admin()).header("If-Match", "\"2\"").delete("/api/v1/campaigns/" + id).then().statusCode(409)
                .body("detail", containsString("inspections"));
        String unused = createCampaign(Tokens.admin(), world.unitId()).getString("id");
        as(Tokens.admin()).body(Map.of("siteIds", List.of(world.siteId()))).post("/api/v1/campaigns/" + unused + "/targets")
                .then().statusCode(200);
        as(Tokens.admin()).header("If-Match", "\"1\"").delete("/api/v1/campaigns/" + unused).then().statusCode(204);
        assertThat(Db.count("select count(*) from campaign_target where campaign_id = ?::uuid", unused)).isZero();
        as(Tokens.admin()).get("/api/v1/campaigns/" + unused).then().statusCode(404);
        // A second campaign with the same code: 409.
        as(Tokens.admin()).body(campaignBody(code, world.unitId(), STARTS, ENDS)).post("/api/v1/campaigns")
                .then().statusCode(409).body("errors[0].field", equalTo("code"));
        // Idempotency-Key: the same POST replays the first answer.
        Map<String, Object> again = campaignBody(Api.code("C"), world.unitId(), STARTS, ENDS);
        String first = as(Tokens.token("same-caller", null, "admin")).header("Idempotency-Key", "k-" + Api.code("K"))
                .body(again).post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
        assertThat(first).isNotNull();
    }

    @Test
    void namingACampaignIsCheckedStrictly() {
        var world = Api.world();
        var other = Api.world();
        String id = createCampaign(Tokens.admin(), world.unitId()).getString("id");
        String notTarget = site("CHECKPOINT", "测试区");
        as(Tokens.admin()).body(Map.of("siteIds", List.of(world.siteId()))).post("/api/v1/campaigns/" + id + "/targets")
                .then().statusCode(200);
        long events = Db.changeEvents();
        record Case(String unitId, String siteId, String at, String campaignId, String says) {
        }
        for (Case bad : List.of(
                new Case(other.groupId(), world.siteId(), "2021-08-03T09:00:00+08:00", id, "does not take part"),
                new Case(world.groupId(), notTarget, "2021-08-03T09:00:00+08:00", id, "not a target"),
                new Case(world.groupId(), world.siteId(), "2021-08-08T00:00:00+08:00", id, "outside the period"),
                new Case(world.groupId(), world.siteId(), "2021-08-03T09:00:00+08:00",
                        java.util.UUID.randomUUID().toString(), "names no campaign"))) {
            as(Tokens.admin()).body(Map.of("unitId", bad.unitId(), "siteId", bad.siteId(), "startedAt", bad.at(),
                            "inspectorCount", 2, "method", "SCHEDULED", "campaignId", bad.campaignId()))
                    .post("/api/v1/inspections").then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION")).body("errors[0].field", equalTo("campaignId"))
                    .body("errors[0].message", containsString(bad.says()));
            Map<String, Object> finding = new HashMap<>(Api.finding(bad.unitId(), bad.siteId()));
            finding.put("foundAt", bad.at());
            finding.put("campaignId", bad.campaignId());
            as(Tokens.admin()).body(finding).post("/api/v1/findings").then().statusCode(400)
                    .body("errors[0].field", equalTo("campaignId"));
        }
        JsonPath gql = Gql.query(Tokens.admin(), "mutation($in: FindingInput!) { reportFinding(input: $in) { id } }",
                Map.of("in", Map.of("unitId", other.groupId(), "siteId", world.siteId(), "category", "OTHER",
                        "severity", "LOW", "description", "x", "foundAt", "2021-08-03T09:00:00+08:00", "campaignId", id)));
        assertThat(Gql.errorCode(gql)).isEqualTo("VALIDATION");
        assertThat(Db.changeEvents()).isEqualTo(events);
        // Inside the rules: named, and counted.
        Map<String, Object> finding = new HashMap<>(Api.finding(world.groupId(), world.siteId()));
        finding.put("foundAt", "2021-08-03T09:00:00+08:00");
        finding.put("campaignId", id);
        as(Tokens.admin()).body(finding).post("/api/v1/findings").then().statusCode(201).body("campaignId", equalTo(id));
        assertThat(coverage(Tokens.admin(), id).getLong("findings")).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        var world = Api.world();
        String id = createCampaign(Tokens.admin(), world.unitId()).getString("id");
        String retired = site("CHECKPOINT", "测试区");
        changeSite(retired, null, false);
        long events = Db.changeEvents();
        String path = "/api/v1/campaigns";
        // Period inverted, empty, too long; no unit.
        as(Tokens.admin()).body(campaignBody(Api.code("C"), world.unitId(), ENDS, STARTS)).post(path).then()
                .statusCode(400).body("errors[0].field", equalTo("endsAt"));
        as(Tokens.admin()).body(campaignBody(Api.code("C"), world.unitId(), STARTS, STARTS)).post(path).then()
                .statusCode(400).body("errors[0].field", equalTo("endsAt"));
        as(Tokens.admin()).body(campaignBody(Api.code("C"), world.unitId(), STARTS, "2022-08-08T00:00:00+08:00"))
                .post(path).then().statusCode(400).body("errors[0].field", equalTo("endsAt"));
        as(Tokens.admin()).body(campaignBody(Api.code("C"), java.util.UUID.randomUUID().toString(), STARTS, ENDS))
                .post(path).then().statusCode(400).body("errors[0].field", equalTo("unitId"));
        as(Tokens.admin()).body(campaignBody("bad code!", world.unitId(), STARTS, ENDS)).post(path).then()
                .statusCode(400).body("errors[0].field", containsString("code"));
        // Unknown properties, server-owned ones, unknown query parameters.
        Map<String, Object> extra = campaignBody(Api.code("C"), world.unitId(), STARTS, ENDS);
        extra.put("targets", 38);
        as(Tokens.admin()).body(extra).post(path).then().statusCode(400);
        Map<String, Object> owned = campaignBody(Api.code("C"), world.unitId(), STARTS, ENDS);
        owned.put("version", 3);
        as(Tokens.admin()).body(owned).post(path).then().statusCode(400);
        as(Tokens.admin()).queryParam("unitid", world.unitId()).get(path).then().statusCode(400);
        as(Tokens.admin()).queryParam("activeAt", "yesterday").get(path).then().statusCode(400);
        as(Tokens.admin()).queryParam("cursor", "nope").get(path + "/" + id + "/unvisited").then().statusCode(400);
        // Targets: unknown site, retired site, unknown rule values, an empty rule, nothing at all, unknown property.
        String targets = path + "/" + id + "/targets";
        as(Tokens.admin()).body(Map.of("siteIds", List.of(world.siteId(), java.util.UUID.randomUUID().toString())))
                .post(targets).then().statusCode(400).body("errors[0].field", equalTo("siteIds"));
        as(Tokens.admin()).body(Map.of("siteIds", List.of(retired))).post(targets).then().statusCode(400)
                .body("errors[0].message", containsString("retired"));
        as(Tokens.admin()).body(Map.of("rule", Map.of("siteType", "VOLCANO"))).post(targets).then().statusCode(400);
        as(Tokens.admin()).body(Map.of("rule", Map.of("district", "无此区" + Api.code("D")))).post(targets).then()
                .statusCode(400).body("errors[0].field", equalTo("rule.district"));
        as(Tokens.admin()).body(Map.of("rule", Map.of())).post(targets).then().statusCode(400)
                .body("errors[0].field", equalTo("rule"));
        as(Tokens.admin()).body(Map.of("rule", Map.of("siteType", "CDC", "district", "测试区"))).post(targets).then()
                .statusCode(400).body("errors[0].message", containsString("matches no active site"));
        as(Tokens.admin()).body(Map.of()).post(targets).then().statusCode(400);
        as(Tokens.admin()).body(Map.of("siteIds", List.of(world.siteId()), "all", true)).post(targets).then()
                .statusCode(400);
        as(Tokens.admin()).body(Map.of("siteIds", List.of(world.siteId()))).post(targets + "/removals").then()
                .statusCode(400).body("errors[0].message", containsString("not targets"));
        JsonPath gql = Gql.query(Tokens.admin(),
                "mutation($in: CampaignInput!) { createCampaign(input: $in) { id } }",
                Map.of("in", campaignBody(Api.code("C"), world.unitId(), ENDS, STARTS)));
        assertThat(Gql.errorCode(gql)).isEqualTo("VALIDATION");
        gql = Gql.query(Tokens.admin(), "mutation($id: ID!) { addCampaignTargets(id: $id, rule: {}) { changed } }",
                Map.of("id", id));
        assertThat(Gql.errorCode(gql)).isEqualTo("VALIDATION");
        assertThat(Db.changeEvents()).isEqualTo(events);
        assertThat(Db.count("select count(*) from campaign_target where campaign_id = ?::uuid", id)).isZero();
        assertThat(Db.count("select version from campaign where id = ?::uuid", id)).isZero();
        as(Tokens.admin()).get(path + "/" + java.util.UUID.randomUUID() + "/coverage").then().statusCode(404);
    }

    @Test
    void syncCarriesCampaigns() {
        var world = Api.world();
        String id = createCampaign(Tokens.admin(), world.unitId()).getString("id");
        // A first sync of an unrelated district: the campaigns come whatever the filter (the app names them).
        String district = "无人区" + Api.code("D");
        List<String> seen = new java.util.ArrayList<>();
        String since = null;
        for (int i = 0; i < 200; i++) {
            var request = as(Tokens.inspector(world.unitCode())).queryParam("district", district).queryParam("limit", 200);
            if (since != null) {
                request.queryParam("since", since);
            }
            JsonPath page = request.get("/api/v1/sync").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.findAll { it.entity == 'campaign' }.id", String.class));
            since = page.getString("nextCursor");
            if (!page.getBoolean("hasMore")) {
                break;
            }
        }
        assertThat(seen).contains(id);
        // Then from the log: a change of the campaign.
        as(Tokens.admin()).body(Map.of("siteIds", List.of(world.siteId()))).post("/api/v1/campaigns/" + id + "/targets")
                .then().statusCode(200);
        JsonPath next = as(Tokens.inspector(world.unitCode())).queryParam("district", district).queryParam("since", since)
                .get("/api/v1/sync").then().statusCode(200).extract().jsonPath();
        assertThat(next.getList("items.findAll { it.entity == 'campaign' }.id", String.class)).contains(id);
    }
}
