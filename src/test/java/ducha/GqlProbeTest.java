package ducha;

import static io.restassured.RestAssured.given;

import ducha.support.Api;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class GqlProbeTest {
    String q(String token, String query) {
        var r = given().contentType("application/json");
        if (token != null) r.auth().oauth2(token);
        return r.body(Map.of("query", query)).post("/graphql").asString();
    }
    @Test
    void probe() throws Exception {
        java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/schema.graphql"), given().get("/graphql/schema.graphql").asString());
        var w = Api.world();
        Api.reportFinding(Tokens.admin(), Api.finding(w.groupId(), w.siteId()));
        System.out.println("DASH>>>" + q(Tokens.admin(), "{ units(filter: {parentId: \"" + w.unitId() + "\"}) { edges { node { code children { code } findings(first: 10) { edges { node { description site { name } unit { code } history { op to } } } } inspections { edges { node { id } } } } } } }"));
        System.out.println("SITE>>>" + q(Tokens.admin(), "{ site(id: \"" + w.siteId() + "\") { name lastInspectedAt findings { edges { node { status } } } inspections { edges { node { id } } } } }"));
        System.out.println("ME>>>" + q(Tokens.inspector(w.unitCode()), "{ me { subject roles unit { code } } }"));
    }
}
