package ducha.site;

import static ducha.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class SiteApiTest {

    private static Map<String, Object> siteBody(String code, String district, String township) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "小尹口村核酸检测点 " + code);
        body.put("type", "TESTING_POINT");
        body.put("district", district);
        body.put("township", township);
        body.put("address", "西姜寨乡小尹口村");
        body.put("latitude", 34.7);
        body.put("longitude", 114.3);
        return body;
    }

    @Test
    void createsUpdatesAndDeletesASite() {
        String code = Api.code("SITE");
        String id = as(Tokens.admin()).body(siteBody(code, "祥符区", "西姜寨乡")).post("/api/v1/sites")
                .then().statusCode(201).header("ETag", "\"0\"").body("latitude", equalTo(34.7f))
                .extract().path("id");
        Map<String, Object> body = siteBody(code, "祥符区", "西姜寨乡");
        body.put("active", false);
        as(Tokens.admin()).header("If-Match", "\"0\"").body(body).put("/api/v1/sites/" + id)
                .then().statusCode(200).body("active", equalTo(false)).header("ETag", "\"1\"");
        as(Tokens.admin()).header("If-Match", "\"0\"").delete("/api/v1/sites/" + id).then().statusCode(412);
        as(Tokens.admin()).header("If-Match", "*").delete("/api/v1/sites/" + id).then().statusCode(204);
        assertThat(Db.count("select count(*) from site where id = ?::uuid", UUID.fromString(id))).isZero();
    }

    @Test
    void refusesToDeleteAReferencedSite() {
        var world = Api.world();
        Api.reportFinding(Tokens.admin(), Api.finding(world.groupId(), world.siteId()));
        as(Tokens.admin()).header("If-Match", "\"0\"").delete("/api/v1/sites/" + world.siteId())
                .then().statusCode(409).body("code", equalTo("CONFLICT"));
        assertThat(Db.count("select count(*) from site where id = ?::uuid", UUID.fromString(world.siteId()))).isOne();
    }

    @Test
    void refusesOutOfRangeCoordinates() {
        Map<String, Object> body = siteBody(Api.code("SITE"), "祥符区", null);
        body.put("latitude", 91);
        as(Tokens.admin()).body(body).post("/api/v1/sites").then().statusCode(400)
                .body("errors[0].field", equalTo("latitude"));
    }

    @Test
    void filtersByTypeDistrictTownshipActiveAndText() {
        String district = "区" + UUID.randomUUID();
        String a = as(Tokens.admin()).body(siteBody(Api.code("SF"), district, "岗李乡")).post("/api/v1/sites")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> market = siteBody(Api.code("SF"), district, "城关镇");
        market.put("type", "MARKET");
        market.put("name", "农贸市场");
        market.put("active", false);
        String b = as(Tokens.admin()).body(market).post("/api/v1/sites").then().statusCode(201).extract().path("id");

        as(Tokens.admin()).queryParam("district", district).get("/api/v1/sites").then()
                .body("items.id", equalTo(List.of(a, b)));
        as(Tokens.admin()).queryParam("district", district).queryParam("type", "MARKET").get("/api/v1/sites").then()
                .body("items.id", equalTo(List.of(b)));
        as(Tokens.admin()).queryParam("district", district).queryParam("township", "岗李乡").get("/api/v1/sites").then()
                .body("items.id", equalTo(List.of(a)));
        as(Tokens.admin()).queryParam("district", district).queryParam("active", "false").get("/api/v1/sites").then()
                .body("items.id", equalTo(List.of(b)));
        as(Tokens.inspector("X")).queryParam("district", district).queryParam("q", "农贸").get("/api/v1/sites").then()
                .body("items.id", equalTo(List.of(b)));
    }
}
