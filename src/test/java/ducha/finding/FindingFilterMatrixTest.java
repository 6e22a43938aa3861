package ducha.finding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One finding filter, every door: each case runs through GET /api/v1/findings, GraphQL findings(filter:),
 * units { findings(filter:) } and sites { findings(filter:) } — planned and through the resolvers — and the
 * subscription matcher, and every path must give the ids the case expects. The expectations are written out by hand
 * from the fixture below, so paths that agree on a wrong answer still fail.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class FindingFilterMatrixTest {

    // Districts of their own, so that report tests checking exact seed figures see none of these rows.
    private static final String DISTRICT_A = "矩阵甲区";
    private static final String DISTRICT_B = "矩阵乙区";
    // No other test finds anything in 2003: the top-level lists, which see the whole database, are held to it.
    private static final String YEAR_FROM = "2003-01-01T00:00:00Z";
    private static final String YEAR_TO = "2004-01-01T00:00:00Z";
    private static final String DUE_PAST = "2003-04-01T00:00:00Z";
    private static final String DUE_FUTURE = "2099-01-01T00:00:00Z";

    private static Map<String, String> ids;
    private static List<String> findings;
    private static String rootCode;

    @Inject
    FindingQueries queries;

    /**
     * Units R > G > T and R > H; sites SA (甲区) and SB (乙区); visits IG (G at SA) and IT (T at SB). Findings, one a day
     * from 1 March 2003 08:00 Beijing time: unit, site, visit, category, severity, description, due, status.
     */
    static synchronized void fixture() {
        if (ids != null) {
            return;
        }
        String admin = Tokens.admin();
        Map<String, String> made = new HashMap<>();
        rootCode = Api.code("MXROOT");
        made.put("R", Api.createUnit(rootCode, null).getString("id"));
        made.put("G", Api.createUnit(Api.code("MXG"), made.get("R")).getString("id"));
        made.put("T", Api.createUnit(Api.code("MXT"), made.get("G")).getString("id"));
        made.put("H", Api.createUnit(Api.code("MXH"), made.get("R")).getString("id"));
        made.put("SA", Api.createSite(Api.code("MXS"), "MARKET", DISTRICT_A).getString("id"));
        made.put("SB", Api.createSite(Api.code("MXS"), "HOSPITAL", DISTRICT_B).getString("id"));
        made.put("IG", Api.createInspection(admin, made.get("G"), made.get("SA"), "2003-03-01T07:00:00+08:00")
                .getString("id"));
        made.put("IT", Api.createInspection(admin, made.get("T"), made.get("SB"), "2003-03-01T07:00:00+08:00")
                .getString("id"));
        Object[][] rows = {
            {"R", "SA", null, "DISINFECTION", "LOW", "消毒记录不全", DUE_PAST, "OPEN"},
            {"G", "SA", "IG", "DUTY_ROSTER", "MEDIUM", "Queue TOO close", DUE_FUTURE, "OPEN"},
            {"G", "SA", "IG", "CROWD_CONTROL", "HIGH", "100% 完成", DUE_PAST, "START"},
            {"T", "SB", "IT", "DISINFECTION", "CRITICAL", "100 percent done", null, "OPEN"},
            {"T", "SB", "IT", "PRICING", "LOW", "a_b 间距", DUE_PAST, "ESCALATE"},
            {"H", "SB", null, "DUTY_ROSTER", "HIGH", "axb 间距", DUE_PAST, "ON_SITE"},
            {"H", "SA", null, "CROWD_CONTROL", "MEDIUM", "ΟΔΟΣ 排队", DUE_FUTURE, "OPEN"},
            {"R", "SB", null, "TESTING_PROCEDURE", "CRITICAL", "queue 消毒 close", DUE_PAST, "OPEN"},
        };
        List<String> made2 = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            Object[] row = rows[i];
            Map<String, Object> body = Api.finding(made.get((String) row[0]), made.get((String) row[1]));
            body.put("inspectionId", row[2] == null ? null : made.get((String) row[2]));
            body.put("category", row[3]);
            body.put("severity", row[4]);
            body.put("description", row[5]);
            body.put("foundAt", "2003-03-0" + (i + 1) + "T08:00:00+08:00");
            body.put("dueAt", row[6]);
            // Responsible parties: 1 and 3 named when reported, 6 handed over after it (below), 4 another party.
            if (i == 1 || i == 3) {
                body.put("responsibleParty", "卫健委");
                body.put("responsibleContact", "张科长");
            } else if (i == 4) {
                body.put("responsibleParty", "市场监管局");
            }
            if ("ON_SITE".equals(row[7])) {
                body.put("rectifiedOnSite", true);
                body.put("rectificationNote", "现场整改");
            }
            String id = Api.reportFinding(admin, body).getString("id");
            if ("START".equals(row[7]) || "ESCALATE".equals(row[7])) {
                Api.as(admin).body(Map.of("action", row[7])).post("/api/v1/findings/" + id + "/transitions")
                        .then().statusCode(200);
            }
            if (i == 6) {
                Api.as(admin).header("If-Match", "*").body(Map.of("responsibleParty", "卫健委"))
                        .post("/api/v1/findings/" + id + "/handover").then().statusCode(200);
            }
            made2.add(id);
        }
        findings = made2;
        ids = made;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // Statuses: 0 OPEN, 1 OPEN, 2 RECTIFYING, 3 OPEN, 4 ESCALATED, 5 RECTIFIED, 6 OPEN, 7 OPEN.
                // Overdue: due in the past and unresolved — 0, 2, 4, 7 (5 is past due but rectified; 3 has no due).
                of("no filter", Map.of(), 0, 1, 2, 3, 4, 5, 6, 7),
                of("unit root", Map.of("unitId", "R"), 0, 1, 2, 3, 4, 5, 6, 7),
                of("unit subtree", Map.of("unitId", "G"), 1, 2, 3, 4),
                of("unit leaf", Map.of("unitId", "T"), 3, 4),
                of("unit sibling", Map.of("unitId", "H"), 5, 6),
                of("site A", Map.of("siteId", "SA"), 0, 1, 2, 6),
                of("site B", Map.of("siteId", "SB"), 3, 4, 5, 7),
                of("visit G", Map.of("inspectionId", "IG"), 1, 2),
                of("visit T", Map.of("inspectionId", "IT"), 3, 4),
                of("status OPEN", Map.of("status", "OPEN"), 0, 1, 3, 6, 7),
                of("status RECTIFYING", Map.of("status", "RECTIFYING"), 2),
                of("status ESCALATED", Map.of("status", "ESCALATED"), 4),
                of("status RECTIFIED", Map.of("status", "RECTIFIED"), 5),
                of("status VERIFIED", Map.of("status", "VERIFIED")),
                of("category", Map.of("category", "DISINFECTION"), 0, 3),
                of("category 2", Map.of("category", "CROWD_CONTROL"), 2, 6),
                of("severity", Map.of("severity", "LOW"), 0, 4),
                of("severity 2", Map.of("severity", "CRITICAL"), 3, 7),
                of("overdue", Map.of("overdue", "true"), 0, 2, 4, 7),
                of("not overdue", Map.of("overdue", "false"), 1, 3, 5, 6),
                // from is inclusive (finding 2 was found at exactly this instant), to exclusive (finding 5 likewise).
                of("from", Map.of("from", "2003-03-03T08:00:00+08:00"), 2, 3, 4, 5, 6, 7),
                of("to", Map.of("to", "2003-03-06T00:00:00Z"), 0, 1, 2, 3, 4),
                of("from and to", Map.of("from", "2003-03-03T00:00:00Z", "to", "2003-03-06T00:00:00Z"), 2, 3, 4),
                of("text Chinese", Map.of("text", "消毒"), 0, 7),
                of("text lower case", Map.of("text", "queue"), 1, 7),
                of("text upper case", Map.of("text", "QUEUE"), 1, 7),
                of("text trimmed", Map.of("text", "  间距 "), 4, 5),
                of("text % literal", Map.of("text", "100%"), 2),
                of("text % alone", Map.of("text", "%"), 2),
                of("text _ literal", Map.of("text", "a_b"), 4),
                of("text _ alone", Map.of("text", "_"), 4),
                // PostgreSQL lowers Σ to σ wherever it stands; String.toLowerCase would make a final ς.
                of("text final sigma", Map.of("text", "οδοσ"), 6),
                of("text Greek upper", Map.of("text", "ΟΔΟΣ"), 6),
                of("subtree and overdue", Map.of("unitId", "G", "overdue", "true"), 2, 4),
                of("site and status", Map.of("siteId", "SB", "status", "OPEN"), 3, 7),
                of("unit, text, severity", Map.of("unitId", "R", "text", "消毒", "severity", "CRITICAL"), 7),
                of("category and from", Map.of("category", "DUTY_ROSTER", "from", "2003-03-03T00:00:00Z"), 5),
                of("not overdue, site, text", Map.of("overdue", "false", "siteId", "SA", "text", "queue"), 1),
                of("visit and status", Map.of("inspectionId", "IT", "status", "ESCALATED"), 4),
                of("unit, category, not overdue", Map.of("unitId", "H", "category", "CROWD_CONTROL", "overdue",
                        "false"), 6),
                of("unit leaf and text", Map.of("unitId", "T", "text", "间距"), 4),
                // The party's name exactly: 6 by its hand-over; part of a name, or another party, is no match.
                of("responsible party", Map.of("responsibleParty", "卫健委"), 1, 3, 6),
                of("responsible party 2", Map.of("responsibleParty", "市场监管局"), 4),
                of("responsible party, part of a name", Map.of("responsibleParty", "卫健")),
                of("responsible party and subtree", Map.of("responsibleParty", "卫健委", "unitId", "G"), 1, 3),
                of("responsible party and overdue", Map.of("responsibleParty", "市场监管局", "overdue", "true"), 4),
                of("everything", Map.ofEntries(Map.entry("unitId", "G"), Map.entry("siteId", "SB"),
                        Map.entry("inspectionId", "IT"), Map.entry("status", "ESCALATED"),
                        Map.entry("category", "PRICING"), Map.entry("severity", "LOW"), Map.entry("overdue", "true"),
                        Map.entry("from", "2003-03-05T08:00:00+08:00"), Map.entry("to", "2003-03-06T00:00:00Z"),
                        Map.entry("text", "A_B")), 4));
    }

    private static Arguments of(String name, Map<String, String> filter, int... expected) {
        return Arguments.of(name, filter, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyPathSelectsTheSameFindings(String name, Map<String, String> symbolic, int[] expected) {
        fixture();
        Map<String, Object> filter = new LinkedHashMap<>();
        // Ids by their fixture names; overdue as a JSON boolean, as a client sends it.
        symbolic.forEach((key, value) -> filter.put(key, key.endsWith("Id") ? ids.get(value)
                : "overdue".equals(key) ? Boolean.valueOf(value) : value));
        Set<String> want = new TreeSet<>();
        for (int i : expected) {
            want.add(findings.get(i));
        }
        String admin = Tokens.admin();

        assertThat(rest(admin, filter)).as("REST").isEqualTo(want);
        for (boolean resolvers : new boolean[] {false, true}) {
            String path = resolvers ? " (resolvers)" : " (planned)";
            assertThat(topLevel(admin, filter, resolvers)).as("findings" + path).isEqualTo(want);
            assertThat(underUnit(admin, filter, resolvers)).as("units { findings }" + path).isEqualTo(want);
            assertThat(underSites(admin, filter, resolvers)).as("sites { findings }" + path).isEqualTo(want);
        }
        assertThat(subscriptionMatcher(filter)).as("subscription matcher").isEqualTo(want);
    }

    /** The top-level lists see every finding: held to the fixture's year unless the case names a period. */
    private static Map<String, Object> withinYear(Map<String, Object> filter) {
        Map<String, Object> held = new LinkedHashMap<>(filter);
        held.putIfAbsent("from", YEAR_FROM);
        held.putIfAbsent("to", YEAR_TO);
        return held;
    }

    private static Set<String> rest(String token, Map<String, Object> filter) {
        var request = Api.as(token).queryParam("limit", 200);
        withinYear(filter).forEach((key, value) -> request.queryParam("text".equals(key) ? "q" : key, value));
        JsonPath page = request.get("/api/v1/findings").then().statusCode(200).extract().jsonPath();
        assertThat(page.getString("nextCursor")).isNull();
        return new TreeSet<>(page.getList("items.id", String.class));
    }

    private static Set<String> topLevel(String token, Map<String, Object> filter, boolean resolvers) {
        JsonPath answer = graphql(token, """
                query($f: FindingFilter) { findings(filter: $f, first: 200) { edges { node { id } } } }""",
                Map.of("f", withinYear(filter)), resolvers);
        return new TreeSet<>(answer.getList("data.findings.edges.node.id", String.class));
    }

    private static Set<String> underUnit(String token, Map<String, Object> filter, boolean resolvers) {
        JsonPath answer = graphql(token, """
                query($f: FindingFilter, $code: String) { units(first: 2, filter: {text: $code}) { edges { node {
                  id findings(filter: $f, first: 20) { edges { node { id } } } } } } }""",
                Map.of("f", filter, "code", rootCode), resolvers);
        // The root alone (no other code contains its prefix); its subtree holds every row of the fixture.
        assertThat(answer.getList("data.units.edges.node.id", String.class)).containsExactly(ids.get("R"));
        return new TreeSet<>(ids(answer, "data.units.edges.node.findings.edges.node.id"));
    }

    private static Set<String> underSites(String token, Map<String, Object> filter, boolean resolvers) {
        JsonPath answer = graphql(token, """
                query($f: FindingFilter, $a: String, $b: String) {
                  a: sites(first: 2, filter: {district: $a}) { edges { node { id
                    findings(filter: $f, first: 20) { edges { node { id } } } } } }
                  b: sites(first: 2, filter: {district: $b}) { edges { node { id
                    findings(filter: $f, first: 20) { edges { node { id } } } } } } }""",
                Map.of("f", filter, "a", DISTRICT_A, "b", DISTRICT_B), resolvers);
        assertThat(answer.getList("data.a.edges.node.id", String.class)).containsExactly(ids.get("SA"));
        assertThat(answer.getList("data.b.edges.node.id", String.class)).containsExactly(ids.get("SB"));
        Set<String> found = new TreeSet<>(ids(answer, "data.a.edges.node.findings.edges.node.id"));
        found.addAll(ids(answer, "data.b.edges.node.findings.edges.node.id"));
        return found;
    }

    /** The subscription's filter on the same rows, as FindingSubscriptions.changes applies it to the change feed. */
    private Set<String> subscriptionMatcher(Map<String, Object> filter) {
        FindingFilter parsed = FindingGraphQLFilter.toFilter(new FindingGraphQLFilter((String) filter.get("unitId"),
                (String) filter.get("siteId"), (String) filter.get("inspectionId"),
                filter.containsKey("status") ? FindingStatus.valueOf((String) filter.get("status")) : null,
                filter.containsKey("category") ? FindingCategory.valueOf((String) filter.get("category")) : null,
                filter.containsKey("severity") ? Severity.valueOf((String) filter.get("severity")) : null,
                (Boolean) filter.get("overdue"),
                time(filter.get("from")), time(filter.get("to")), (String) filter.get("text"),
                (String) filter.get("responsibleParty")));
        Set<UUID> subtree = parsed.unitId() == null ? null
                : Db.texts("select unit_id::text from unit_closure where ancestor_id = ?::uuid",
                        parsed.unitId().toString()).stream().map(UUID::fromString).collect(Collectors.toSet());
        Instant now = Instant.now();
        Set<String> found = new TreeSet<>();
        for (String id : findings) {
            FindingView view = queries.find(UUID.fromString(id)).await().indefinitely();
            if (FindingSql.matches(view, parsed, subtree, now)) {
                found.add(id);
            }
        }
        return found;
    }

    private static OffsetDateTime time(Object value) {
        return value == null ? null : OffsetDateTime.parse((String) value);
    }

    /** The ids at a path through nested lists, flattened. */
    private static List<String> ids(JsonPath answer, String path) {
        List<String> flat = new ArrayList<>();
        flatten(answer.get(path), flat);
        return flat;
    }

    private static void flatten(Object value, List<String> into) {
        if (value instanceof List<?> list) {
            list.forEach(item -> flatten(item, into));
        } else if (value != null) {
            into.add((String) value);
        }
    }

    private static JsonPath graphql(String token, String query, Map<String, Object> variables, boolean resolvers) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
        if (resolvers) {
            // Test-only switch to the resolvers (see PlannedReadsTest).
            request.header("Ducha-Planner", "off");
        }
        Response response = request.body(body).post("/graphql");
        response.then().statusCode(200);
        if (!resolvers) {
            // Otherwise the "planned" run could be the resolvers again, and the planner would go untested.
            assertThat(response.header("Ducha-Planner")).as(query).isEqualTo("planned");
        }
        JsonPath answer = response.jsonPath();
        assertThat(answer.getList("errors")).as(query).isNull();
        return answer;
    }
}
