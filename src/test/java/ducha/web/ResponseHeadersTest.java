package ducha.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ducha.support.Api;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every answer tells browsers and caches: no sniffing, no stored copy of caller data (or a revalidated one
 * where there is an ETag), attachments as sandboxed downloads, and Location and Link never taken from the
 * request's Host.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ResponseHeadersTest {

    @Test
    void jsonGraphqlAndCsvAreNotSniffedNorStored() {
        String admin = Tokens.admin();
        String unit = Api.createUnit(Api.code("RH"), null).getString("id");
        for (Response response : new Response[] {
                Api.as(admin).get("/api/v1/units"),
                given().auth().oauth2(admin).accept("text/csv").queryParam("unitId", unit).get("/api/v1/reports/summary.csv"),
                given().auth().oauth2(admin).contentType("application/json").body(Map.of("query", "{ me { subject } }")).post("/graphql"),
                given().get("/api/v1/units")}) {
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        }
        Response row = Api.as(admin).get("/api/v1/units/" + unit);
        assertThat(row.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(row.header("Cache-Control")).as("an ETagged row is revalidated").isEqualTo("private, no-cache");
    }

    @Test
    void attachmentsAreSandboxedAndRevalidated() {
        String admin = Tokens.admin();
        var world = Api.world();
        String finding = Api.reportFinding(admin, Api.finding(world.groupId(), world.siteId())).getString("id");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        byte[] pdf = "%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        String base = "/api/v1/findings/" + finding + "/attachments";
        String photo = given().auth().oauth2(admin).contentType("image/png").body(png).post(base).then().statusCode(201)
                .extract().path("id");
        String document = given().auth().oauth2(admin).contentType("application/pdf").queryParam("fileName", "通报.pdf")
                .body(pdf).post(base).then().statusCode(201).extract().path("id");
        Response image = given().auth().oauth2(admin).get(base + "/" + photo);
        Response file = given().auth().oauth2(admin).get(base + "/" + document);
        for (Response response : new Response[] {image, file}) {
            response.then().statusCode(200);
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("Content-Security-Policy")).isEqualTo("sandbox");
            assertThat(response.header("Cache-Control")).isEqualTo("private, no-cache");
        }
        assertThat(image.header("Content-Disposition")).startsWith("inline");
        assertThat(file.header("Content-Disposition")).startsWith("attachment;");
    }

    @Test
    void locationAndLinkAreRelativeWhateverTheHost() {
        String admin = Tokens.admin();
        Response created = Api.as(admin).header("Host", "evil.example")
                .body(Map.of("code", Api.code("HO"), "name", "单位", "kind", "COMMISSION", "district", "测试区"))
                .post("/api/v1/units");
        created.then().statusCode(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/units/" + created.jsonPath().getString("id"));
        Api.createUnit(Api.code("HO"), null);
        Response page = Api.as(admin).header("Host", "evil.example").queryParam("limit", 1).get("/api/v1/units");
        assertThat(page.header("Link")).startsWith("</api/v1/units?").contains("limit=1").contains("cursor=")
                .doesNotContain("evil");
        Response sync = Api.as(admin).header("Host", "evil.example").queryParam("limit", 1).get("/api/v1/sync");
        assertThat(sync.header("Link")).startsWith("</api/v1/sync?").doesNotContain("evil");
        var world = Api.world();
        String finding = Api.reportFinding(admin, Api.finding(world.groupId(), world.siteId())).getString("id");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        Response attached = given().auth().oauth2(admin).header("Host", "evil.example").contentType("image/png").body(png)
                .post("/api/v1/findings/" + finding + "/attachments");
        assertThat(attached.header("Location")).startsWith("/api/v1/findings/" + finding + "/attachments/");
    }
}
