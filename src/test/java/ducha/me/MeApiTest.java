package ducha.me;

import static ducha.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import ducha.support.Api;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class MeApiTest {

    @Test
    void describesTheCallerAndTheirUnit() {
        var world = Api.world();
        as(Tokens.token("sub-42", world.groupCode(), "inspector")).get("/api/v1/me").then().statusCode(200)
                .body("subject", equalTo("sub-42"))
                .body("roles", equalTo(List.of("inspector")))
                .body("unitCode", equalTo(world.groupCode()))
                .body("unit.id", equalTo(world.groupId()));
        as(Tokens.token("sub-43", "NO-SUCH-UNIT", "inspector")).get("/api/v1/me").then().statusCode(200)
                .body("unitCode", equalTo("NO-SUCH-UNIT")).body("unit", nullValue());
        given().get("/api/v1/me").then().statusCode(401);
    }
}
