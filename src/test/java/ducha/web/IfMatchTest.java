package ducha.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ducha.support.Api;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * If-Match compares strongly (RFC 9110 §13.1.1): a weak tag or another spelling of the version never matches, a
 * well-formed tag that does not match is a 412, a list is evaluated, and only a malformed header is a 400.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class IfMatchTest {

    @Test
    void writesNeedTheStrongTagOfTheCurrentVersion() {
        String admin = Tokens.admin();
        String unit = Api.createUnit(Api.code("IM"), null).getString("id");
        Map<String, Object> rename = Map.of("code", Api.code("IM"), "name", "改名", "kind", "COMMISSION", "district", "测试区");
        for (String refused : List.of("W/\"0\"", "\"00\"", "\"abc\"", "\"stale-0\"", "W/\"0\", \"7\"")) {
            Api.as(admin).header("If-Match", refused).body(rename).put("/api/v1/units/" + unit).then()
                    .statusCode(412).contentType("application/problem+json");
            Api.as(admin).header("If-Match", refused).delete("/api/v1/units/" + unit).then().statusCode(412);
        }
        for (String malformed : List.of("0", "\"0", "\"0\" \"1\"")) {
            Api.as(admin).header("If-Match", malformed).body(rename).put("/api/v1/units/" + unit).then()
                    .statusCode(400).contentType("application/problem+json");
        }
        Api.as(admin).header("If-Match", "\"5\", \"0\"").body(rename).put("/api/v1/units/" + unit).then()
                .statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void ifNoneMatchStarCreatesOnlyWhatDoesNotExist() {
        String admin = Tokens.admin();
        Map<String, Object> unit = Map.of("id", UUID.randomUUID().toString(), "code", Api.code("IN"), "name", "单位",
                "kind", "COMMISSION", "district", "测试区");
        Api.as(admin).header("If-None-Match", "*").body(unit).post("/api/v1/units").then().statusCode(201);
        // The same create again is a retry (201) without the header, and refused with it.
        Api.as(admin).body(unit).post("/api/v1/units").then().statusCode(201);
        Api.as(admin).header("If-None-Match", "*").body(unit).post("/api/v1/units").then().statusCode(412)
                .contentType("application/problem+json").body("code", org.hamcrest.Matchers.equalTo("ALREADY_EXISTS"));
        Api.as(admin).header("If-None-Match", "\"0\"").body(unit).post("/api/v1/units").then().statusCode(400);
    }

    @Test
    void transitionsAndAttachmentDeletesCompareStrongly() {
        String admin = Tokens.admin();
        var world = Api.world();
        String finding = Api.reportFinding(admin, Api.finding(world.groupId(), world.siteId())).getString("id");
        Api.as(admin).header("If-Match", "W/\"0\"").body(Map.of("action", "START"))
                .post("/api/v1/findings/" + finding + "/transitions").then().statusCode(412);
        Api.as(admin).header("If-Match", "\"0\"").body(Map.of("action", "START"))
                .post("/api/v1/findings/" + finding + "/transitions").then().statusCode(200);

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        var uploaded = given().auth().oauth2(admin).contentType("image/png").body(png)
                .post("/api/v1/findings/" + finding + "/attachments").then().statusCode(201).extract();
        String attachment = uploaded.path("id");
        String etag = uploaded.header("ETag");
        assertThat(etag).startsWith("\"");
        String path = "/api/v1/findings/" + finding + "/attachments/" + attachment;
        given().auth().oauth2(admin).header("If-Match", "W/" + etag).delete(path).then().statusCode(412);
        given().auth().oauth2(admin).header("If-Match", "\"other\", " + etag).delete(path).then().statusCode(204);
    }
}
