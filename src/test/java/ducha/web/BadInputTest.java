package ducha.web;

import static ducha.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Gql;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever a client sends, it gets a 4xx problem, never a 500, and nothing is written; each kind of error has one
 * code, the same through REST (problem details) and GraphQL ({@code errors[].extensions.code}).
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class BadInputTest {

    private static Api.World world;

    private static Api.World world() {
        if (world == null) {
            world = Api.world();
        }
        return world;
    }

    static Stream<Arguments> badFindingBodies() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"unitId\": ", 400, null),
                Arguments.of("not an object", "[1, 2, 3]", 400, null),
                Arguments.of("a bare string", "\"finding\"", 400, null),
                Arguments.of("empty body", "", 400, "input"),
                Arguments.of("null body", "null", 400, "input"),
                Arguments.of("wrong type", body("\"severity\": 5"), 400, "severity"),
                Arguments.of("unknown enum", body("\"severity\": \"APOCALYPTIC\""), 400, "severity"),
                Arguments.of("lower-case enum", body("\"severity\": \"high\""), 400, "severity"),
                Arguments.of("unknown property", body("\"severity\": \"HIGH\", \"colour\": \"red\""), 400, "colour"),
                Arguments.of("server-owned status", body("\"severity\": \"HIGH\", \"status\": \"VERIFIED\""), 400, "status"),
                Arguments.of("server-owned version", body("\"severity\": \"HIGH\", \"version\": 7"), 400, "version"),
                Arguments.of("invalid UUID", "{\"unitId\": \"not-a-uuid\", \"siteId\": \"" + java.util.UUID.randomUUID()
                        + "\", \"category\": \"OTHER\", \"severity\": \"LOW\", \"description\": \"x\"}", 400, "unitId"),
                Arguments.of("time without offset", body("\"severity\": \"HIGH\", \"foundAt\": \"2021-08-07T10:00:00\""), 400, "foundAt"),
                Arguments.of("not a time", body("\"severity\": \"HIGH\", \"dueAt\": \"tomorrow\""), 400, "dueAt"),
                Arguments.of("missing fields", "{}", 400, "category"),
                Arguments.of("blank description", body("\"severity\": \"HIGH\", \"description\": \"   \"").replace(
                        "\"description\": \"消毒不到位\", ", ""), 400, "description"),
                Arguments.of("huge description", body("\"severity\": \"HIGH\", \"description\": \"" + "问".repeat(10001) + "\"")
                        .replace("\"description\": \"消毒不到位\", ", ""), 400, "description"),
                Arguments.of("deeply nested JSON", "{\"unitId\":" + "[".repeat(5000) + "]".repeat(5000) + "}", 400, "unitId"));
    }

    /** A finding body of the test's world with the given extra members. */
    private static String body(String extra) {
        return "{\"unitId\": \"UNIT\", \"siteId\": \"SITE\", \"category\": \"DISINFECTION\", "
                + "\"description\": \"消毒不到位\", " + extra + "}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFindingBodies")
    void refusesABadFindingBody(String name, String body, int status, String field) {
        String json = body.replace("UNIT", world().groupId()).replace("SITE", world().siteId());
        long events = Db.changeEvents();
        long findings = Db.count("select count(*) from finding");
        Response response = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(json)
                .post("/api/v1/findings");
        response.then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("title", not(equalTo(null)))
                .body(not(containsString("Exception"))).body(not(containsString("\tat ")));
        if (field != null) {
            assertThat(response.jsonPath().getList("errors.field", String.class)).as(response.asString()).contains(field);
        } else {
            assertThat(response.jsonPath().getString("code")).isEqualTo("MALFORMED_JSON");
        }
        assertThat(Db.changeEvents()).isEqualTo(events);
        assertThat(Db.count("select count(*) from finding")).isEqualTo(findings);
    }

    @Test
    void refusesAnOversizedBodyWith413() {
        String big = "{\"description\": \"" + "x".repeat(1_100_000) + "\"}";
        long events = Db.changeEvents();
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(big).post("/api/v1/findings")
                .then().statusCode(413).contentType("application/problem+json").body("code", equalTo("PAYLOAD_TOO_LARGE"));
        // Chunked, so no Content-Length announces it: Vert.x' own limit still refuses it.
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))).post("/api/v1/findings")
                .then().statusCode(413);
        assertThat(Db.changeEvents()).isEqualTo(events);
    }

    @Test
    void refusesAnotherMediaTypeWith415() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.TEXT).body("hello").post("/api/v1/findings")
                .then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.XML).body("<a/>").post("/api/v1/units")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void refusesBadPathAndQueryParameters() {
        as(Tokens.admin()).get("/api/v1/findings/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("id"));
        as(Tokens.admin()).get("/api/v1/findings/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        as(Tokens.admin()).queryParam("unitId", "zzz").get("/api/v1/findings").then().statusCode(400)
                .body("errors[0].field", equalTo("unitId"));
        as(Tokens.admin()).queryParam("status", "CLOSED").get("/api/v1/findings").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        as(Tokens.admin()).queryParam("overdue", "yes").get("/api/v1/findings").then().statusCode(400);
        as(Tokens.admin()).queryParam("from", "yesterday").get("/api/v1/findings").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        for (String limit : new String[] {"0", "201", "-1", "many", "99999999999"}) {
            as(Tokens.admin()).queryParam("limit", limit).get("/api/v1/units").then().statusCode(400)
                    .body("errors[0].field", equalTo("limit"));
        }
        as(Tokens.admin()).queryParam("limit", "200").get("/api/v1/units").then().statusCode(200);
    }

    @Test
    void refusesCursorsItDidNotIssue() {
        String foreign = Base64.getUrlEncoder().encodeToString("2\u001fwhatever".getBytes(StandardCharsets.UTF_8));
        String timeKeyWithGarbage = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("1\u001fnot-a-time\u001fnot-a-uuid".getBytes(StandardCharsets.UTF_8));
        for (String cursor : new String[] {"!!!", foreign, timeKeyWithGarbage, "x".repeat(600), "AAAA"}) {
            as(Tokens.admin()).queryParam("cursor", cursor).get("/api/v1/findings").then().statusCode(400)
                    .body("errors[0].field", equalTo("cursor"));
        }
        as(Tokens.admin()).queryParam("cursor", "%%%").get("/api/v1/units").then().statusCode(400);
    }

    @Test
    void answersUnknownPathsAndMethodsWithProblems() {
        as(Tokens.admin()).get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        as(Tokens.admin()).body("{}").patch("/api/v1/units").then().statusCode(405)
                .contentType("application/problem+json");
    }

    @Test
    void refusesBadIfMatchValues() {
        String id = world().unitId();
        as(Tokens.admin()).header("If-Match", "yesterday").header("Content-Type", "application/json")
                .body("{\"code\": \"X\", \"name\": \"n\", \"kind\": \"OTHER\"}")
                .put("/api/v1/units/" + id).then().statusCode(400).body("errors[0].field", equalTo("If-Match"));
    }

    @Test
    void refusesBadTokensWith401Problems() {
        for (String token : new String[] {"garbage", "a.b.c", Tokens.admin() + "x"}) {
            given().auth().oauth2(token).get("/api/v1/units").then().statusCode(401)
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
        }
        given().auth().oauth2(Tokens.token("someone", null, "visitor")).get("/api/v1/units").then().statusCode(403)
                .contentType("application/problem+json");
    }

    /**
     * One kind of error: what REST answers (status, title as openapi.yaml documents it, code) and the GraphQL
     * operation that meets the same rule, or null where that door cannot meet it (said where). Both doors use the
     * same fixture, made before the count of changes.
     */
    record ErrorKind(String name, int status, String code, String title, String field, Supplier<String> fixture,
            Function<String, Response> rest, Function<String, JsonPath> graphql) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<ErrorKind> errorKinds() {
        String createUnit = "mutation($input: UnitInput!) { createUnit(input: $input) { id } }";
        return Stream.of(
                new ErrorKind("validation", 400, "VALIDATION", "Invalid input", "code", () -> null,
                        none -> as(Tokens.admin()).body(unit("bad code!")).post("/api/v1/units"),
                        none -> Gql.query(Tokens.admin(), createUnit, Map.of("input", unit("bad code!")))),
                new ErrorKind("not found", 404, "NOT_FOUND", "Not Found", null, () -> UUID.randomUUID().toString(),
                        id -> as(Tokens.admin()).header("If-Match", "*").delete("/api/v1/units/" + id),
                        id -> Gql.query(Tokens.admin(), "mutation($id: ID!) { deleteUnit(id: $id, expectedVersion: 0) }",
                                Map.of("id", id))),
                // A unit with a sub-unit is not deleted.
                new ErrorKind("conflict", 409, "CONFLICT", "Conflict", null, () -> Api.world().unitId(),
                        id -> as(Tokens.admin()).header("If-Match", "*").delete("/api/v1/units/" + id),
                        id -> Gql.query(Tokens.admin(), "mutation($id: ID!) { deleteUnit(id: $id, expectedVersion: 0) }",
                                Map.of("id", id))),
                new ErrorKind("stale version", 412, "STALE_VERSION", "Stale version", null, BadInputTest::newUnit,
                        id -> as(Tokens.admin()).header("If-Match", "\"7\"").body(unit(Api.code("U")))
                                .put("/api/v1/units/" + id),
                        id -> Gql.query(Tokens.admin(), """
                                mutation($id: ID!, $input: UnitInput!) {
                                  updateUnit(id: $id, expectedVersion: 7, input: $input) { id } }""",
                                Map.of("id", id, "input", unit(Api.code("U"))))),
                // GraphQL's schema makes expectedVersion a required argument of every change: nothing to omit.
                new ErrorKind("precondition required", 428, "PRECONDITION_REQUIRED", "Precondition required", null,
                        BadInputTest::newUnit,
                        id -> as(Tokens.admin()).body(unit(Api.code("U"))).put("/api/v1/units/" + id),
                        null),
                // Quarkus' role check (admin only), not one of the service's own refusals.
                new ErrorKind("forbidden", 403, "FORBIDDEN", "Forbidden", null, () -> world().unitCode(),
                        unitCode -> as(Tokens.inspector(unitCode)).body(unit(Api.code("U"))).post("/api/v1/units"),
                        unitCode -> Gql.query(Tokens.inspector(unitCode), createUnit,
                                Map.of("input", unit(Api.code("U"))))),
                new ErrorKind("unauthenticated", 401, "UNAUTHENTICATED", "Unauthenticated", null, () -> null,
                        none -> given().accept(ContentType.JSON).get("/api/v1/units"),
                        none -> Gql.query(null, "{ units(first: 1) { nodes { id } } }")),
                new ErrorKind("payload too large", 413, "PAYLOAD_TOO_LARGE", "Payload too large", null, () -> null,
                        none -> as(Tokens.admin()).body(oversized()).post("/api/v1/units"),
                        none -> given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(oversized())
                                .post("/graphql").then().statusCode(413).extract().jsonPath()),
                new ErrorKind("bad media type", 415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported Media Type", null,
                        () -> null,
                        none -> given().auth().oauth2(Tokens.admin()).contentType(ContentType.TEXT).body("a unit")
                                .post("/api/v1/units"),
                        none -> given().auth().oauth2(Tokens.admin()).contentType(ContentType.TEXT)
                                .body("{ units { id } }").post("/graphql").then().statusCode(415).extract().jsonPath()),
                // No service checks a code before the insert: PostgreSQL's unique constraint refuses it.
                new ErrorKind("database unique violation", 409, "CONFLICT", "Conflict", "code", () -> world().unitCode(),
                        taken -> as(Tokens.admin()).body(unit(taken)).post("/api/v1/units"),
                        taken -> Gql.query(Tokens.admin(), createUnit, Map.of("input", unit(taken)))),
                new ErrorKind("evidence required", 409, "EVIDENCE_REQUIRED", "Conflict", null, BadInputTest::highFinding,
                        id -> as(Tokens.admin()).body(Map.of("action", "RECTIFY", "note", "已整改"))
                                .post("/api/v1/findings/" + id + "/transitions"),
                        id -> Gql.query(Tokens.admin(), """
                                mutation($id: ID!) { transitionFinding(id: $id, action: RECTIFY, note: "已整改") { id } }""",
                                Map.of("id", id))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorKinds")
    void reportsEachKindOfErrorWithOneCodeThroughBothDoors(ErrorKind kind) {
        String fixture = kind.fixture().get();
        long events = Db.changeEvents();
        Response rest = kind.rest().apply(fixture);
        rest.then().statusCode(kind.status()).contentType("application/problem+json")
                .body("status", equalTo(kind.status()))
                .body("type", equalTo("urn:ducha:problem:" + kind.code().toLowerCase().replace('_', '-')))
                .body("title", equalTo(kind.title()))
                .body("code", equalTo(kind.code()));
        if (kind.field() != null) {
            assertThat(rest.jsonPath().getList("errors.field", String.class)).as(rest.asString()).contains(kind.field());
        }
        if (kind.graphql() != null) {
            JsonPath graphql = kind.graphql().apply(fixture);
            assertThat(Gql.errorCode(graphql)).as(graphql.prettify()).isEqualTo(kind.code());
            if (kind.field() != null) {
                assertThat(graphql.getList("errors[0].extensions.details.errors.field", String.class))
                        .as(graphql.prettify()).contains(kind.field());
            }
        }
        assertThat(Db.changeEvents()).as("nothing written").isEqualTo(events);
    }

    private static Map<String, Object> unit(String code) {
        Map<String, Object> unit = new HashMap<>();
        unit.put("code", code);
        unit.put("name", "单位 " + code);
        unit.put("kind", "OTHER");
        return unit;
    }

    /** A unit of its own, at version 0. */
    private static String newUnit() {
        return Api.createUnit(Api.code("U"), null).getString("id");
    }

    /** A HIGH finding without an AFTER photo: RECTIFY needs one. */
    private static String highFinding() {
        Map<String, Object> finding = Api.finding(world().groupId(), world().siteId());
        finding.put("severity", "HIGH");
        return Api.reportFinding(Tokens.admin(), finding).getString("id");
    }

    /** A JSON body over the 1 MiB limit, its length declared. */
    private static String oversized() {
        return "{\"name\": \"" + "x".repeat(1_100_000) + "\"}";
    }
}
