package ducha.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The GraphQL-over-HTTP rules every GraphQL request meets, whichever handler executes it: safe GET, JSON-only
 * POST, no subscriptions over HTTP, authentication before any word about the schema, and status codes by the
 * media type the client accepts.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class GraphQLHttpRulesTest {

    private static final String CREATE_UNIT = "mutation { createUnit(input: {code: \"%s\", name: \"单位\", kind: OTHER, "
            + "district: \"测试区\"}) { id } }";

    @Test
    void mutationsOverGetAre405AndChangeNothing() {
        var world = Api.world();
        String finding = Api.reportFinding(Tokens.admin(), Api.finding(world.groupId(), world.siteId())).getString("id");
        long events = Db.changeEvents();
        given().auth().oauth2(Tokens.admin()).queryParam("query", CREATE_UNIT.formatted(Api.code("GET")))
                .get("/graphql").then().statusCode(405).header("Allow", "POST")
                .body("errors[0].extensions.code", equalTo("METHOD_NOT_ALLOWED"));
        given().auth().oauth2(Tokens.admin())
                .queryParam("query", "mutation { transitionFinding(id: \"" + finding + "\", action: START) { status } }")
                .get("/graphql").then().statusCode(405);
        assertThat(Db.changeEvents()).isEqualTo(events);
        given().auth().oauth2(Tokens.admin()).queryParam("query", "{ finding(id: \"" + finding + "\") { status } }")
                .get("/graphql").then().statusCode(200).body("data.finding.status", equalTo("OPEN"));
    }

    @Test
    void postsOtherThanJsonAre415AndChangeNothing() throws Exception {
        long events = Db.changeEvents();
        String mutation = CREATE_UNIT.formatted(Api.code("CT"));
        given().auth().oauth2(Tokens.admin()).contentType("text/plain")
                .body("{\"query\": \"" + mutation.replace("\"", "\\\"") + "\"}").post("/graphql")
                .then().statusCode(415).body("errors[0].extensions.code", equalTo("UNSUPPORTED_MEDIA_TYPE"))
                .body("errors[0].message", containsString("application/json"));
        given().auth().oauth2(Tokens.admin()).formParam("query", mutation).post("/graphql").then().statusCode(415);
        given().auth().oauth2(Tokens.admin()).contentType("application/graphql")
                .body(mutation.getBytes(StandardCharsets.UTF_8)).post("/graphql").then().statusCode(415);
        HttpResponse<String> untyped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + "/graphql"))
                .header("Authorization", "Bearer " + Tokens.admin())
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"" + mutation.replace("\"", "\\\"") + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(untyped.statusCode()).as(untyped.body()).isEqualTo(415);
        assertThat(Db.changeEvents()).isEqualTo(events);
    }

    @Test
    void subscriptionsOverHttpAreRefused() {
        String subscription = "subscription { findingChanged { seq } }";
        given().contentType("application/json").body(Map.of("query", subscription)).post("/graphql")
                .then().statusCode(401).body("data", nullValue());
        given().auth().oauth2(Tokens.admin()).contentType("application/json").body(Map.of("query", subscription))
                .post("/graphql").then().statusCode(400).body("data", nullValue())
                .body("errors[0].message", containsString("WebSocket"));
    }

    @Test
    void authenticatesBeforeSayingAnythingAboutTheDocument() {
        String malformed = "mutation { updateFinding(id: \"x\", expectedVersion: 0, input: {severity: 3, nope: {a: 1}}) { id } }";
        given().contentType("application/json").body(Map.of("query", malformed)).post("/graphql")
                .then().statusCode(401).header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].message", not(containsString("Value{")));
        given().auth().oauth2(Tokens.admin()).contentType("application/json").accept("application/json")
                .body(Map.of("query", malformed)).post("/graphql").then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("INVALID_QUERY"))
                .body("errors.message.toString()", not(containsString("Value{")))
                .body("errors.message.toString()", not(containsString("graphql.")));
        // REST too: no token is a 401 before a malformed body is looked at.
        given().contentType("application/json").body("{\"code\": ").post("/api/v1/units")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void documentErrorsAre400ForGraphQLResponseClientsAnd200ForJsonOnes() {
        Map<String, Map<String, Object>> failures = Map.of(
                "parse", Map.of("query", "{"),
                "validation", Map.of("query", "{ nope }"),
                "variables", Map.of("query", "query Q($id: ID!) { __typename }", "variables", Map.of("unused", 1)));
        failures.forEach((kind, body) -> {
            given().auth().oauth2(Tokens.admin()).contentType("application/json")
                    .accept("application/graphql-response+json").body(body).post("/graphql").then()
                    .statusCode(400).contentType(containsString("application/graphql-response+json"))
                    .body("data", nullValue()).body("errors[0].extensions.code", equalTo("INVALID_QUERY"));
            given().auth().oauth2(Tokens.admin()).contentType("application/json").accept("application/json")
                    .body(body).post("/graphql").then().statusCode(200).contentType(containsString("application/json"))
                    .body("data", nullValue());
        });
    }
}
