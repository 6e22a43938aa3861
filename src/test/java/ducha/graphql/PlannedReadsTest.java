package ducha.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ducha.support.Api;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The read planner (graphql/planner) against the resolvers: the same queries through both paths give the same
 * status, media type and JSON — data and errors. The resolver path is asked for with the test-only header
 * {@code Ducha-Planner: off}; a planned answer says {@code Ducha-Planner: planned}, so the test knows the planner
 * answered and does not compare the resolvers with themselves.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class PlannedReadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Fixture fixture;

    /** Rows of every kind, in a three-level tree, with every status, overdue and not, cited and not. */
    record Fixture(String rootCode, List<String> unitIds, List<String> siteIds, List<String> inspectionIds,
            List<String> findingIds, List<String> noticeIds, String groupCode) {
    }

    static synchronized Fixture fixture() {
        if (fixture != null) {
            return fixture;
        }
        String admin = Tokens.admin();
        String rootCode = Api.code("PR");
        String root = Api.createUnit(rootCode, null).getString("id");
        String groupCode = Api.code("PRG");
        String group = Api.createUnit(groupCode, root).getString("id");
        String group2 = Api.createUnit(Api.code("PRG"), root).getString("id");
        String team = Api.createUnit(Api.code("PRT"), group).getString("id");
        List<String> units = List.of(root, group, group2, team);
        List<String> sites = new ArrayList<>();
        String[] types = {"CHECKPOINT", "TESTING_POINT", "HOSPITAL", "MARKET"};
        for (int i = 0; i < 4; i++) {
            Map<String, Object> site = new HashMap<>(Map.of("code", Api.code("PRS"), "name", "点位 " + i,
                    "type", types[i], "district", i % 2 == 0 ? "尉氏县" : "龙亭区"));
            if (i == 0) {
                site.put("latitude", 34.41);
                site.put("longitude", 114.19);
                site.put("address", "刘合集 \"东\" 路口");
            }
            sites.add(Api.as(admin).body(site).post("/api/v1/sites").then().statusCode(201).extract().path("id"));
        }
        List<String> inspections = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            inspections.add(Api.createInspection(admin, units.get(1 + i % 3), sites.get(i % 4),
                    "2021-08-0" + (1 + i) + "T09:00:0" + i + ".12" + i + "+08:00").getString("id"));
        }
        List<String> findings = new ArrayList<>();
        String[] categories = {"DISINFECTION", "DUTY_ROSTER", "CROWD_CONTROL", "TESTING_PROCEDURE", "PRICING"};
        String[] severities = {"LOW", "MEDIUM", "HIGH", "CRITICAL"};
        for (int i = 0; i < 24; i++) {
            Map<String, Object> body = Api.finding(units.get(i % 4), sites.get(i % 3));
            body.put("category", categories[i % 5]);
            body.put("severity", severities[i % 4]);
            body.put("description", (i % 3 == 0 ? "消毒记录不全 " : "Queue 100% too_close ") + i);
            body.put("foundAt", "2021-08-" + (10 + i % 9) + "T0" + (i % 10) + ":15:3" + (i % 6) + (i % 2 == 0 ? "" : ".5")
                    + "+08:00");
            if (i % 3 != 2) {
                body.put("dueAt", i % 2 == 0 ? "2021-09-01T00:00:00Z" : "2099-01-01T00:00:00Z");
            }
            if (i % 4 == 1) {
                body.put("inspectionId", null);
            }
            boolean onSite = i % 7 == 3;
            if (onSite) {
                body.put("rectifiedOnSite", true);
                body.put("rectificationNote", "现场整改");
            }
            String id = Api.reportFinding(admin, body).getString("id");
            findings.add(id);
            if (!onSite && i % 5 == 1) {
                Api.as(admin).body(Map.of("action", "START")).post("/api/v1/findings/" + id + "/transitions")
                        .then().statusCode(200);
            }
            if (!onSite && i % 5 == 2) {
                Api.as(admin).body(Map.of("action", "ESCALATE")).post("/api/v1/findings/" + id + "/transitions")
                        .then().statusCode(200);
            }
        }
        List<String> notices = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = new HashMap<>(Map.of("unitId", units.get(i), "kind", i == 0 ? "BULLETIN"
                    : "ACCOUNTABILITY_WARNING", "title", "通报 " + i, "issuedAt", "2021-08-2" + i + "T10:00:00+08:00",
                    "findingIds", findings.subList(i, i + 3 * i)));
            if (i == 1) {
                body.put("siteId", sites.get(1));
                body.put("body", "全文\n第二行");
            }
            notices.add(Api.as(admin).body(body).post("/api/v1/notices").then().statusCode(201).extract().path("id"));
        }
        fixture = new Fixture(rootCode, units, sites, inspections, findings, notices, groupCode);
        return fixture;
    }

    // ------------------------------------------------------------------------------------------------ tests

    @Test
    void theDashboardAndTheBenchReadsArePlannedAndEqualToTheResolvers() {
        Fixture f = fixture();
        String admin = Tokens.admin();
        assertSame(admin, """
                { units(first: 50, filter: {text: "%s"}) { edges { node { id code name children { id code }
                  findings(first: 10) { edges { node { id status foundAt site { name } } } } } } } }"""
                .formatted(f.rootCode().substring(0, f.rootCode().length() - 2)), Map.of(), true);
        assertSame(admin, """
                query($d: String) { sites(first: 50, filter: {district: $d}) { edges { node { code name
                  findings(first: 10) { edges { node { id description status foundAt unit { name } } } } } } } }""",
                Map.of("d", "尉氏县"), true);
        assertSame(Tokens.inspector(f.groupCode()), """
                query($id: ID!) { finding(id: $id) { id unitId siteId inspectionId category severity description foundAt
                  dueAt status rectifiedOnSite rectifiedAt rectificationNote reportedBy overdue version createdAt
                  updatedAt } }""", Map.of("id", f.findingIds().get(3)), true);
        assertSame(admin, """
                { findings(first: 50, filter: {status: OPEN}) { edges { cursor node { id description status foundAt } }
                  pageInfo { hasNextPage endCursor } } }""", Map.of(), true);
        assertSame(admin, """
                query($id: ID!) { notice(id: $id) { id title body findingIds site { lastInspectedAt latitude address }
                  findings(first: 2) { edges { cursor node { id } } pageInfo { endCursor hasNextPage } } } }""",
                Map.of("id", f.noticeIds().get(1)), true);
    }

    @Test
    void twoHundredGeneratedQueriesAnswerTheSameThroughBothPaths() {
        Fixture f = fixture();
        Random random = new Random(20261205L);
        List<String> tokens = List.of(Tokens.admin(), Tokens.inspector(f.groupCode()));
        List<String> cursors = new ArrayList<>();
        int planned = 0;
        int total = 240;
        for (int n = 0; n < total; n++) {
            QueryGenerator generator = new QueryGenerator(random, f, cursors);
            String query = generator.query();
            String token = tokens.get(n % 2);
            Response resolvers = post(token, query, generator.variables, true);
            Response answer = post(token, query, generator.variables, false);
            assertEquivalent(query, generator.variables, resolvers, answer);
            if ("planned".equals(answer.header("Ducha-Planner"))) {
                planned++;
            } else {
                System.out.println("resolvers answered (" + answer.header("Ducha-Planner") + "): " + query);
            }
            collectCursors(answer.asString(), cursors);
        }
        // Some generated queries hold a field the planner leaves to the resolvers (history, me) or an argument they
        // refuse; most must have been planned, or this test compared the resolvers with themselves.
        assertThat(planned).as("queries answered by the planner").isGreaterThan(total * 6 / 10);
    }

    @Test
    void pagesWalkedToTheEndAreTheSameThroughBothPaths() {
        Fixture f = fixture();
        String admin = Tokens.admin();
        for (String list : List.of("findings(first: 3, after: $after, filter: {unitId: \"" + f.unitIds().get(0) + "\"})",
                "inspections(first: 2, after: $after, filter: {unitId: \"" + f.unitIds().get(0) + "\"})",
                "units(first: 1, after: $after, filter: {parentId: \"" + f.unitIds().get(0) + "\"})")) {
            String query = "query($after: String) { page: " + list
                    + " { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }";
            Map<String, Object> variables = new HashMap<>();
            variables.put("after", null);
            int pages = 0;
            while (true) {
                Response answer = assertSame(admin, query, variables, true);
                JsonNode pageInfo = read(answer.asString()).path("data").path("page").path("pageInfo");
                pages++;
                if (!pageInfo.path("hasNextPage").asBoolean()) {
                    break;
                }
                variables.put("after", pageInfo.path("endCursor").asText());
                assertThat(pages).isLessThan(40);
            }
            assertThat(pages).as(list).isGreaterThan(1);
        }
    }

    @Test
    void theCostLimitRefusesPagesMultipliedThroughNestingAndKeepsTheDashboard() {
        StringBuilder aliases = new StringBuilder("{");
        for (int i = 0; i < 100; i++) {
            aliases.append(" a").append(i).append(": findings(first: 200) { edges { node { id } } }");
        }
        Response refused = post(Tokens.admin(), aliases.append(" }").toString(), Map.of(), false);
        JsonNode error = read(refused.asString()).path("errors").path(0);
        assertThat(error.path("extensions").path("code").asText()).isEqualTo("QUERY_TOO_EXPENSIVE");
        assertThat(error.path("extensions").path("cost").asLong()).isEqualTo(20_000);
        assertThat(error.path("extensions").path("limit").asLong()).isEqualTo(10_000);
        assertThat(read(refused.asString()).has("data")).isFalse();

        Response nested = post(Tokens.admin(), "{ units(first: 200) { edges { node { findings(first: 200) { edges {"
                + " node { id } } } } } } }", Map.of(), true);
        assertThat(read(nested.asString()).path("errors").path(0).path("extensions").path("code").asText())
                .as("refused on the resolver path too").isEqualTo("QUERY_TOO_EXPENSIVE");

        Response dashboard = post(Tokens.admin(), "{ units(first: 50) { edges { node { id code name children { id code }"
                + " findings(first: 10) { edges { node { id status foundAt site { name } } } } } } } }", Map.of(), false);
        assertThat(read(dashboard.asString()).has("errors")).isFalse();
        assertThat(dashboard.header("Ducha-Planner")).isEqualTo("planned");
    }

    @Test
    void persistedQueriesAreKeptByTheirHashAndCheckedAgainstIt() throws Exception {
        String query = "{ findings(first: 1) { edges { node { id } } } } # " + UUID.randomUUID();
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(query.getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> extensions = Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
        String admin = Tokens.admin();

        JsonNode miss = read(postBody(admin, Map.of("extensions", extensions)).asString());
        assertThat(miss.path("errors").path(0).path("extensions").path("code").asText())
                .isEqualTo("PERSISTED_QUERY_NOT_FOUND");

        Response registered = postBody(admin, Map.of("query", query, "extensions", extensions));
        assertThat(read(registered.asString()).has("errors")).isFalse();

        Response hit = postBody(admin, Map.of("extensions", extensions));
        assertThat(hit.header("Ducha-Planner")).isEqualTo("planned");
        assertThat(read(hit.asString())).isEqualTo(read(registered.asString()));

        Response get = given().auth().oauth2(admin).accept(ContentType.JSON)
                .queryParam("extensions", JSON.writeValueAsString(extensions)).get("/graphql");
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(read(get.asString())).isEqualTo(read(registered.asString()));

        // A persisted query the planner does not answer reaches the resolvers with its text.
        String me = "{ me { subject } } # " + UUID.randomUUID();
        String meHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(me.getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> meExtensions = Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", meHash));
        postBody(admin, Map.of("query", me, "extensions", meExtensions));
        assertThat(read(postBody(admin, Map.of("extensions", meExtensions)).asString()).path("data").path("me")
                .path("subject").asText()).isNotEmpty();

        JsonNode mismatch = read(postBody(admin, Map.of("query", "{ units { edges { node { id } } } }",
                "extensions", extensions)).asString());
        assertThat(mismatch.path("errors").path(0).path("extensions").path("code").asText())
                .isEqualTo("PERSISTED_QUERY_HASH_MISMATCH");
    }

    @Test
    void callersWithoutARoleOrTokenGetTheResolversAnswerNotData() {
        String query = "{ findings(first: 5) { edges { node { id description } } } }";
        for (String token : new String[] {null, Tokens.token("nobody-" + UUID.randomUUID(), null)}) {
            Response answer = post(token, query, Map.of(), false);
            assertThat(answer.header("Ducha-Planner")).isNull();
            JsonNode body = read(answer.asString());
            assertThat(body.path("data").path("findings").isMissingNode() || body.path("data").path("findings").isNull())
                    .isTrue();
            assertThat(body.path("errors").path(0).path("extensions").path("code").asText())
                    .isIn("UNAUTHENTICATED", "FORBIDDEN");
        }
        Response forged = given().header("Authorization", "Bearer " + Tokens.admin() + "x").contentType(ContentType.JSON)
                .body(Map.of("query", query)).post("/graphql");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.asString()).doesNotContain("description");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The part of the fixture's unit codes that is this run's: every one of them contains it. */
    static String run(Fixture f) {
        return f.rootCode().substring(3, f.rootCode().lastIndexOf('-'));
    }

    private static Response assertSame(String token, String query, Map<String, Object> variables, boolean mustPlan) {
        Response resolvers = post(token, query, variables, true);
        Response answer = post(token, query, variables, false);
        assertEquivalent(query, variables, resolvers, answer);
        if (mustPlan) {
            assertThat(answer.header("Ducha-Planner")).as("planned: " + query).isEqualTo("planned");
            assertThat(read(answer.asString()).has("errors")).as(answer.asString()).isFalse();
        }
        return answer;
    }

    private static void assertEquivalent(String query, Map<String, Object> variables, Response resolvers,
            Response answer) {
        String context = query + "\nvariables " + variables + "\nresolvers " + resolvers.asString() + "\nplanned   "
                + answer.asString();
        assertThat(answer.statusCode()).as(context).isEqualTo(resolvers.statusCode());
        assertThat(answer.contentType()).as(context).isEqualTo(resolvers.contentType());
        assertThat(equivalent(read(answer.asString()), read(resolvers.asString()))).as(context).isTrue();
    }

    /** Equal JSON, numbers compared by value (PostgreSQL writes 1, Java 1.0) and object keys in the same order. */
    static boolean equivalent(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> x = a.fields();
            Iterator<Map.Entry<String, JsonNode>> y = b.fields();
            while (x.hasNext()) {
                Map.Entry<String, JsonNode> p = x.next();
                Map.Entry<String, JsonNode> q = y.next();
                if (!p.getKey().equals(q.getKey()) || !equivalent(p.getValue(), q.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equivalent(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    static Response post(String token, String query, Map<String, Object> variables, boolean resolvers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        var request = given().contentType(ContentType.JSON).accept(ContentType.JSON);
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (resolvers) {
            request.header("Ducha-Planner", "off");
        }
        return request.body(body).post("/graphql");
    }

    private static Response postBody(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON).body(body)
                .post("/graphql");
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static void collectCursors(String json, List<String> cursors) {
        JsonNode node = read(json);
        List<JsonNode> found = node.findValues("endCursor");
        for (JsonNode cursor : found) {
            if (cursor.isTextual() && cursors.size() < 200) {
                cursors.add(cursor.asText());
            }
        }
    }
}
