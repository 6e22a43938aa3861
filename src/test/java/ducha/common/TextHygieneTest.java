package ducha.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import ducha.support.Api;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Text that is not valid Unicode, or shows nothing, is a field error through REST and GraphQL, never stored. The
 * bodies are written by hand with JSON escapes: a client library would replace a lone surrogate before sending.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class TextHygieneTest {

    @Test
    void loneSurrogatesAndInvisibleTextAreFieldErrors() {
        var world = Api.world();
        for (String bad : List.of("\\ud800", "消毒\\udc00记录", "\\u200b", "\\ufeff\\u200b")) {
            String finding = "{\"unitId\": \"" + world.groupId() + "\", \"siteId\": \"" + world.siteId()
                    + "\", \"category\": \"DISINFECTION\", \"severity\": \"LOW\", \"description\": \"" + bad + "\"}";
            given().auth().oauth2(Tokens.admin()).contentType("application/json").body(finding).post("/api/v1/findings")
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("description"));
            given().auth().oauth2(Tokens.admin()).contentType("application/json")
                    .body("{\"query\": \"mutation($input: FindingInput!) { reportFinding(input: $input) { id } }\", "
                            + "\"variables\": {\"input\": " + finding + "}}")
                    .post("/graphql").then().statusCode(200)
                    .body("errors[0].extensions.code", equalTo("VALIDATION"))
                    .body("errors[0].extensions.details.errors.field", hasItem("description"));
        }
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body("{\"code\": \"" + Api.code("TX") + "\", \"name\": \"单位\\u200b\", \"kind\": \"COMMISSION\"}")
                .post("/api/v1/units").then().statusCode(201);
    }
}
