package ducha.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ducha.support.Api;
import ducha.support.Gql;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Explicit limits hold, and concurrent root fields of one request never trip over a shared session. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class GraphQLLimitsTest {

    @Test
    void refusesQueriesDeeperThanTheLimit() {
        String deep = "{ units { edges { node { children { children { children { children { children { children "
                + "{ children { children { children { children { children { code } } } } } } } } } } } } } } }";
        JsonPath response = Gql.query(Tokens.admin(), deep);
        assertThat(response.getString("data")).isNull();
        assertThat(response.getString("errors[0].message")).containsIgnoringCase("depth");
    }

    @Test
    void refusesAliasFloodsThroughComplexity() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 600; i++) {
            query.append(" a").append(i).append(": me { subject }");
        }
        JsonPath response = Gql.query(Tokens.admin(), query.append(" }").toString());
        assertThat(response.getString("data")).isNull();
        assertThat(response.getString("errors[0].message")).containsIgnoringCase("complexity");
    }

    @Test
    void refusesDocumentsWithTooManyTokens() {
        // A long list literal: many tokens, yet few fields, so only the token limit can refuse it.
        StringBuilder query = new StringBuilder("mutation { issueNotice(input: {unitId: \"x\", kind: BULLETIN, "
                + "title: \"t\", findingIds: [");
        for (int i = 0; i < 6000; i++) {
            query.append("\"f\" ");
        }
        JsonPath response = Gql.query(Tokens.admin(), query.append("]}) { id } }").toString());
        assertThat(response.getString("data")).isNull();
        // The parser stops at the limit, and the answer says so.
        assertThat(response.getString("errors[0].message")).contains("5,000").containsIgnoringCase("tokens");
    }

    @Test
    void refusesBatchedArrayBodies() {
        int status = given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body("[{\"query\": \"{ me { subject } }\"}, {\"query\": \"{ me { subject } }\"}]")
                .post("/graphql").statusCode();
        assertThat(status).isBetween(400, 499);
    }

    @Test
    void refusesMalformedEnvelopesWith400() {
        for (String body : List.of("{\"query\": {}}", "{\"query\": 1}", "{\"query\": \"{ me { subject } }\", "
                + "\"variables\": \"x\"}", "{\"query\": \"{ me { subject } }\", \"extensions\": []}", "\"query\"",
                "{\"query\": ")) {
            given().auth().oauth2(Tokens.admin()).contentType("application/json").body(body).post("/graphql")
                    .then().statusCode(400);
        }
        given().auth().oauth2(Tokens.admin()).queryParam("query", "{ me { subject } }").queryParam("variables", "[1]")
                .get("/graphql").then().statusCode(400);
    }

    @Test
    void capsPageSizesOnNestedFieldsToo() {
        Api.world();
        JsonPath response = Gql.query(Tokens.admin(), "{ units(first: 1) { edges { node { findings(first: 500) { "
                + "edges { node { id } } } } } } }");
        assertThat(Gql.errorCode(response)).isEqualTo("VALIDATION");
    }

    /** Many root fields per request, many requests at once: the per-request queue keeps sessions apart. */
    @Test
    void servesConcurrentRootFieldsWithoutSessionErrors() throws Exception {
        var world = Api.world();
        for (int i = 0; i < 3; i++) {
            Api.reportFinding(Tokens.admin(), Api.finding(world.groupId(), world.siteId()));
        }
        String query = """
                query($unit: ID!, $site: ID!) {
                  a: unit(id: $unit) { code children { code findings { edges { node { site { code } } } } } }
                  b: site(id: $site) { code lastInspectedAt findings { edges { node { unit { code } history { op } } } } }
                  c: findings(filter: {unitId: $unit}) { edges { node { id unit { code } } } }
                  d: units(filter: {parentId: $unit}) { edges { node { code parent { code } } } }
                  e: me { subject }
                }""";
        String token = Tokens.admin();
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<JsonPath>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> Gql.query(token, query,
                        Map.of("unit", world.unitId(), "site", world.siteId())), pool));
            }
            for (CompletableFuture<JsonPath> call : calls) {
                JsonPath response = call.join();
                assertThat(response.getString("errors")).as(response.prettify()).isNull();
                assertThat(response.getList("data.c.edges")).hasSize(3);
                assertThat(response.getList("data.a.children[0].findings.edges")).hasSize(3);
            }
        } finally {
            pool.shutdown();
        }
    }
}
