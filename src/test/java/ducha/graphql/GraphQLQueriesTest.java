package ducha.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import ducha.support.Api;
import ducha.support.Gql;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every query and nested field, against rows made through REST: both front doors see one truth. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class GraphQLQueriesTest {

    @Test
    void readsEachKindOfRowWithItsRelations() {
        var world = Api.world();
        String admin = Tokens.admin();
        String inspection = Api.createInspection(admin, world.groupId(), world.siteId(), "2021-08-07T09:00:00+08:00")
                .getString("id");
        Map<String, Object> body = Api.finding(world.groupId(), world.siteId());
        body.put("inspectionId", inspection);
        body.put("foundAt", "2021-08-07T09:30:00+08:00");
        String finding = Api.reportFinding(admin, body).getString("id");
        Api.as(admin).body(Map.of("action", "START")).post("/api/v1/findings/" + finding + "/transitions")
                .then().statusCode(200);
        String notice = Api.as(admin).body(Map.of("unitId", world.unitId(), "kind", "BULLETIN", "title", "通报",
                "siteId", world.siteId(), "findingIds", List.of(finding))).post("/api/v1/notices")
                .then().statusCode(201).extract().path("id");

        JsonPath unit = Gql.query(Tokens.inspector("ANY"), """
                query($id: ID!) { unit(id: $id) { id code kind version parent { id }
                  children { id parent { id } }
                  findings(first: 5) { edges { node { id } cursor } pageInfo { hasNextPage endCursor } }
                  inspections { edges { node { id } } } } }""", Map.of("id", world.unitId()));
        assertThat(unit.getString("errors")).isNull();
        assertThat(unit.getString("data.unit.parent")).isNull();
        assertThat(unit.getList("data.unit.children.id")).containsExactly(world.groupId());
        assertThat(unit.getList("data.unit.children.parent.id")).containsExactly(world.unitId());
        assertThat(unit.getList("data.unit.findings.edges.node.id")).containsExactly(finding);
        assertThat(unit.getBoolean("data.unit.findings.pageInfo.hasNextPage")).isFalse();
        assertThat(unit.getString("data.unit.findings.pageInfo.endCursor"))
                .isEqualTo(unit.getString("data.unit.findings.edges[0].cursor"));
        assertThat(unit.getList("data.unit.inspections.edges.node.id")).containsExactly(inspection);

        JsonPath site = Gql.query(Tokens.admin(), """
                query($id: ID!) { site(id: $id) { code lastInspectedAt
                  findings { edges { node { id } } } inspections { edges { node { id unit { id } site { id }
                  findings { edges { node { id } } } } } } } }""", Map.of("id", world.siteId()));
        assertThat(site.getString("data.site.lastInspectedAt")).isEqualTo("2021-08-07T01:00:00Z");
        assertThat(site.getList("data.site.findings.edges.node.id")).containsExactly(finding);
        assertThat(site.getList("data.site.inspections.edges.node.unit.id")).containsExactly(world.groupId());
        assertThat(site.getList("data.site.inspections.edges.node.site.id")).containsExactly(world.siteId());
        assertThat(site.getList("data.site.inspections.edges[0].node.findings.edges.node.id")).containsExactly(finding);

        JsonPath found = Gql.query(Tokens.admin(), """
                query($id: ID!) { finding(id: $id) { status overdue version unit { id } site { id }
                  inspection { id } history { op action from to version actor } } }""", Map.of("id", finding));
        assertThat(found.getString("data.finding.status")).isEqualTo("RECTIFYING");
        assertThat(found.getInt("data.finding.version")).isEqualTo(1);
        assertThat(found.getString("data.finding.unit.id")).isEqualTo(world.groupId());
        assertThat(found.getString("data.finding.inspection.id")).isEqualTo(inspection);
        assertThat(found.getList("data.finding.history.op")).containsExactly("CREATE", "TRANSITION");
        assertThat(found.getString("data.finding.history[1].action")).isEqualTo("START");
        assertThat(found.getString("data.finding.history[1].from")).isEqualTo("OPEN");
        assertThat(found.getString("data.finding.history[1].to")).isEqualTo("RECTIFYING");

        JsonPath cited = Gql.query(Tokens.admin(), """
                query($id: ID!) { notice(id: $id) { kind findingIds unit { id } site { id }
                  findings { edges { node { id } } } } }""", Map.of("id", notice));
        assertThat(cited.getList("data.notice.findingIds")).containsExactly(finding);
        assertThat(cited.getList("data.notice.findings.edges.node.id")).containsExactly(finding);
        assertThat(cited.getString("data.notice.site.id")).isEqualTo(world.siteId());

        JsonPath missing = Gql.query(Tokens.admin(), "query($id: ID!) { finding(id: $id) { id } }",
                Map.of("id", UUID.randomUUID().toString()));
        assertThat(missing.getString("errors")).isNull();
        assertThat(missing.getString("data.finding")).isNull();
    }

    @Test
    void listsFilterAndPageLikeRest() {
        var world = Api.world();
        String admin = Tokens.admin();
        for (int i = 0; i < 7; i++) {
            Map<String, Object> body = Api.finding(world.groupId(), world.siteId());
            body.put("foundAt", "2021-08-0" + (1 + i % 3) + "T09:00:00+08:00");
            body.put("severity", i % 2 == 0 ? "HIGH" : "LOW");
            Api.reportFinding(admin, body);
        }
        List<String> viaGraphQL = new java.util.ArrayList<>();
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("unit", world.unitId());
            variables.put("after", after);
            JsonPath page = Gql.query(admin, """
                    query($unit: ID, $after: String) { findings(filter: {unitId: $unit, severity: HIGH}, first: 2,
                      after: $after) { edges { node { id severity } } pageInfo { hasNextPage endCursor } } }""",
                    variables);
            viaGraphQL.addAll(page.getList("data.findings.edges.node.id"));
            after = page.getBoolean("data.findings.pageInfo.hasNextPage")
                    ? page.getString("data.findings.pageInfo.endCursor") : null;
        } while (after != null);
        List<String> viaRest = Api.as(admin).queryParam("unitId", world.unitId()).queryParam("severity", "HIGH")
                .get("/api/v1/findings").then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(viaGraphQL).hasSize(4).isEqualTo(viaRest);

        JsonPath lists = Gql.query(admin, """
                query($unit: ID, $district: String) {
                  units(filter: {parentId: $unit}) { edges { node { id } } }
                  sites(filter: {district: $district, type: CHECKPOINT}, first: 200) { edges { node { id } } }
                  inspections(filter: {unitId: $unit}) { edges { node { id } } }
                  notices(filter: {unitId: $unit}) { edges { node { id } } } }""",
                Map.of("unit", world.unitId(), "district", "测试区"));
        assertThat(lists.getString("errors")).isNull();
        assertThat(lists.getList("data.units.edges.node.id")).containsExactly(world.groupId());
        assertThat(lists.getList("data.sites.edges.node.id")).contains(world.siteId());

        JsonPath tooMany = Gql.query(admin, "{ findings(first: 201) { edges { node { id } } } }");
        assertThat(Gql.errorCode(tooMany)).isEqualTo("VALIDATION");
        JsonPath badCursor = Gql.query(admin, "{ units(after: \"nonsense\") { edges { node { id } } } }");
        assertThat(Gql.errorCode(badCursor)).isEqualTo("VALIDATION");
        JsonPath badId = Gql.query(admin, "{ unit(id: \"not-a-uuid\") { id } }");
        assertThat(Gql.errorCode(badId)).isEqualTo("VALIDATION");
        assertThat(badId.getString("errors[0].message")).doesNotContain("ducha.").doesNotContain("Exception");
    }

    @Test
    void summaryAnswersWhatRestAnswers() {
        var world = Api.world();
        String admin = Tokens.admin();
        Map<String, Object> onSite = Api.finding(world.groupId(), world.siteId());
        onSite.put("rectifiedOnSite", true);
        Api.reportFinding(admin, onSite);
        Api.reportFinding(admin, Api.finding(world.groupId(), world.siteId()));
        Api.as(admin).body(Map.of("unitId", world.groupId(), "kind", "SUGGESTION", "title", "建议"))
                .post("/api/v1/notices").then().statusCode(201);
        JsonPath graph = Gql.query(Tokens.inspector("ANY"), """
                query($unit: ID) { summary(filter: {unitId: $unit}) { findings rectified rectifiedOnSite open
                  rectificationRate noticesByKind { kind count } byCategory { key findings } } }""",
                Map.of("unit", world.unitId()));
        assertThat(graph.getString("errors")).isNull();
        JsonPath rest = Api.as(admin).queryParam("unitId", world.unitId()).get("/api/v1/reports/summary")
                .then().statusCode(200).extract().jsonPath();
        assertThat(graph.getInt("data.summary.findings")).isEqualTo(2).isEqualTo(rest.getInt("findings"));
        assertThat(graph.getInt("data.summary.rectified")).isEqualTo(1).isEqualTo(rest.getInt("rectified"));
        assertThat(graph.getInt("data.summary.rectifiedOnSite")).isEqualTo(1);
        assertThat(graph.getInt("data.summary.open")).isEqualTo(1);
        assertThat(graph.getDouble("data.summary.rectificationRate")).isEqualTo(0.5);
        assertThat(graph.getList("data.summary.noticesByKind.kind"))
                .containsExactly("BULLETIN", "SUGGESTION", "ACCOUNTABILITY_WARNING", "REMINDER");
        assertThat(graph.getList("data.summary.noticesByKind.count")).containsExactly(0, 1, 0, 0);
        assertThat(Gql.errorCode(Gql.query(admin, "{ summary(filter: {unitId: \"nope\"}) { findings } }")))
                .isEqualTo("VALIDATION");
    }

    @Test
    void answersMeAndRefusesWithoutAToken() {
        var world = Api.world();
        JsonPath me = Gql.query(Tokens.token("sub-gql", world.groupCode(), "inspector"),
                "{ me { subject roles unitCode unit { id } } }");
        assertThat(me.getString("data.me.subject")).isEqualTo("sub-gql");
        assertThat(me.getString("data.me.unit.id")).isEqualTo(world.groupId());
        assertThat(Gql.errorCode(Gql.query(null, "{ me { subject } }"))).isEqualTo("UNAUTHENTICATED");
        // A token that fails verification is refused before GraphQL runs, as on REST.
        io.restassured.RestAssured.given().auth().oauth2("garbage").contentType("application/json")
                .body(Map.of("query", "{ me { subject } }")).post("/graphql")
                .then().statusCode(401).header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
        assertThat(Gql.errorCode(Gql.query(Tokens.token("v", null, "visitor"), "{ me { subject } }")))
                .isEqualTo("FORBIDDEN");
    }
}
