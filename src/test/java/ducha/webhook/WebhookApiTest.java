package ducha.webhook;

import static ducha.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Webhook endpoints: admin only, checked targets (SSRF), secrets shown once, rotation, problems for bad input. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class WebhookApiTest {

    static Map<String, Object> endpoint(String url, List<String> types, String unitId) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("eventTypes", types);
        body.put("unitId", unitId);
        body.put("description", "case system");
        return body;
    }

    @Test
    void adminRegistersReadsChangesAndDeletesAnEndpoint() {
        String admin = Tokens.admin();
        var created = as(admin).body(endpoint("http://127.0.0.1:9/hook", List.of("finding.reported", "notice.issued"),
                        null))
                .post("/api/v1/webhooks").then().statusCode(201)
                .header("Location", containsString("/api/v1/webhooks/"))
                .header("ETag", "\"0\"")
                .extract().jsonPath();
        String id = created.getString("id");
        String secret = created.getString("secret");
        // whsec_ and the base64 of 32 random bytes (Standard Webhooks: 24 to 64).
        assertThat(secret).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(created.getList("eventTypes")).containsExactly("finding.reported", "notice.issued");
        assertThat(created.getBoolean("enabled")).isTrue();

        // Shown once: never in a read.
        as(admin).get("/api/v1/webhooks/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("secret", nullValue()).body("url", equalTo("http://127.0.0.1:9/hook"));
        // Other tests leave endpoints behind: walk every page.
        java.util.List<String> listed = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var page = as(admin).queryParam("limit", 200).queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/api/v1/webhooks").then().statusCode(200).extract().jsonPath();
            listed.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(listed).contains(id);

        Map<String, Object> change = endpoint("http://127.0.0.1:9/other", List.of("finding.transitioned"), null);
        change.put("enabled", false);
        as(admin).body(change).put("/api/v1/webhooks/" + id).then().statusCode(428);
        as(admin).header("If-Match", "\"7\"").body(change).put("/api/v1/webhooks/" + id).then().statusCode(412);
        as(admin).header("If-Match", "\"0\"").body(change).put("/api/v1/webhooks/" + id).then().statusCode(200)
                .body("enabled", equalTo(false)).body("url", equalTo("http://127.0.0.1:9/other"))
                .body("version", equalTo(1)).body("secret", nullValue());

        var rotated = as(admin).body(Map.of("overlapSeconds", 3600)).post("/api/v1/webhooks/" + id + "/secret")
                .then().statusCode(200).extract().jsonPath();
        assertThat(rotated.getString("secret")).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(rotated.getString("previousSecretUntil")).isNotNull();
        assertThat(Db.text("select previous_secret from webhook_endpoint where id = ?::uuid", UUID.fromString(id)))
                .isEqualTo(secret);

        as(admin).header("If-Match", "\"2\"").delete("/api/v1/webhooks/" + id).then().statusCode(204);
        as(admin).get("/api/v1/webhooks/" + id).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        assertThat(Db.count("select count(*) from webhook_stream where endpoint_id = ?::uuid", UUID.fromString(id)))
                .isZero();
    }

    @Test
    void onlyAdminsManageWebhooks() {
        var world = Api.world();
        String inspector = Tokens.inspector(world.unitCode());
        Map<String, Object> body = endpoint("http://127.0.0.1:9/hook", List.of("finding.reported"), null);
        as(inspector).body(body).post("/api/v1/webhooks").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        as(inspector).get("/api/v1/webhooks").then().statusCode(403);
        String id = as(Tokens.admin()).body(body).post("/api/v1/webhooks").then().statusCode(201)
                .extract().path("id");
        as(inspector).get("/api/v1/webhooks/" + id).then().statusCode(403);
        as(inspector).get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(403);
        as(inspector).body(Map.of()).post("/api/v1/webhooks/" + id + "/test").then().statusCode(403);
        as(inspector).body(Map.of()).post("/api/v1/webhooks/" + id + "/secret").then().statusCode(403);
        as(inspector).body(Map.of("messageId", 1)).post("/api/v1/webhooks/" + id + "/redeliveries")
                .then().statusCode(403);
        as(inspector).header("If-Match", "*").delete("/api/v1/webhooks/" + id).then().statusCode(403);
        given().contentType(ContentType.JSON).get("/api/v1/webhooks").then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
        as(Tokens.admin()).header("If-Match", "*").delete("/api/v1/webhooks/" + id).then().statusCode(204);
    }

    @Test
    void refusesTargetsInsideTheNetwork() {
        String admin = Tokens.admin();
        for (String url : List.of("https://10.1.2.3/hook", "https://192.168.0.10/hook", "https://172.16.5.5/",
                "https://169.254.169.254/latest/meta-data", "https://[fd00::1]/hook", "https://[fe80::1]/hook",
                "https://100.64.0.1/", "https://0.0.0.0/", "https://[::ffff:10.0.0.1]/hook", "https://224.0.0.1/")) {
            as(admin).body(endpoint(url, List.of("finding.reported"), null)).post("/api/v1/webhooks")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION")).body("errors[0].field", equalTo("url"))
                    .body("errors[0].message", containsString("refused"));
        }
        // http only to loopback (and only where allowed, as in tests); no other scheme, no credentials.
        for (String url : List.of("http://10.1.2.3/hook", "ftp://127.0.0.1/x", "https://user:pw@127.0.0.1/x",
                "not a url", "https:///nohost", "https://127.0.0.1/x#frag")) {
            as(admin).body(endpoint(url, List.of("finding.reported"), null)).post("/api/v1/webhooks")
                    .then().statusCode(400).body("code", equalTo("VALIDATION")).body("errors[0].field", equalTo("url"));
        }
        as(admin).body(endpoint("https://host.invalid/hook", List.of("finding.reported"), null))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors[0].message", containsString("resolve"));
        assertThat(Db.count("select count(*) from webhook_endpoint where url like '%10.1.2.3%'")).isZero();
    }

    @Test
    void badInputIsAProblemNeverA500() {
        String admin = Tokens.admin();
        as(admin).body(endpoint("http://127.0.0.1:9/x", List.of("finding.deleted"), null)).post("/api/v1/webhooks")
                .then().statusCode(400).body("errors[0].field", equalTo("eventTypes[0]"));
        as(admin).body(endpoint("http://127.0.0.1:9/x", List.of(), null)).post("/api/v1/webhooks")
                .then().statusCode(400).body("code", equalTo("VALIDATION"));
        as(admin).body(endpoint("http://127.0.0.1:9/x", List.of("finding.reported"), UUID.randomUUID().toString()))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", equalTo("unitId"));
        as(admin).body(Map.of("url", "http://127.0.0.1:9/x", "eventTypes", List.of("finding.reported"),
                "secret", "whsec_AAAA")).post("/api/v1/webhooks").then().statusCode(400);
        as(admin).body("{\"url\": ").post("/api/v1/webhooks").then().statusCode(400)
                .body("code", equalTo("MALFORMED_JSON"));
        as(admin).get("/api/v1/webhooks/not-a-uuid").then().statusCode(400);
        as(admin).get("/api/v1/webhooks?cursor=zzz").then().statusCode(400);
        as(admin).get("/api/v1/webhooks/" + UUID.randomUUID() + "/deliveries?cursor=x").then().statusCode(400);
        as(admin).get("/api/v1/webhooks/" + UUID.randomUUID() + "/deliveries").then().statusCode(404);
        as(admin).body(Map.of()).post("/api/v1/webhooks/" + UUID.randomUUID() + "/redeliveries").then().statusCode(400)
                .body("errors[0].field", equalTo("messageId"));
        as(admin).body(Map.of("messageId", "abc")).post("/api/v1/webhooks/" + UUID.randomUUID() + "/redeliveries")
                .then().statusCode(400);
        as(admin).body(Map.of()).post("/api/v1/webhooks/" + UUID.randomUUID() + "/test").then().statusCode(404);
        as(admin).post("/api/v1/webhooks/" + UUID.randomUUID() + "/test").then().statusCode(400);
        String id = as(admin).body(endpoint("http://127.0.0.1:9/x", List.of("finding.reported"), null))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        as(admin).body(Map.of("overlapSeconds", -1)).post("/api/v1/webhooks/" + id + "/secret").then().statusCode(400)
                .body("errors[0].field", equalTo("overlapSeconds"));
        as(admin).body(Map.of("messageId", 999999999)).post("/api/v1/webhooks/" + id + "/redeliveries")
                .then().statusCode(404);
        as(admin).body(Map.of("messageId", 1, "since", "2021-08-07T09:00:00+08:00"))
                .post("/api/v1/webhooks/" + id + "/redeliveries").then().statusCode(400);
        as(admin).get("/api/v1/webhooks?statuss=x").then().statusCode(400);
        as(admin).header("If-Match", "*").delete("/api/v1/webhooks/" + id).then().statusCode(204);
    }
}
