package ducha.webhook;

import static ducha.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import ducha.support.Api;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The campaign events of issue 17 (campaign.created, campaign.updated), delivered to a real receiver, scoped by the
 * campaign's unit like the others, and verified by the npm package standardwebhooks.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class WebhookCampaignTest {

    /** Endpoints other test classes left enabled would take the delivery slots with retries. */
    @org.junit.jupiter.api.BeforeEach
    void onlyThisTestsEndpoints() {
        ducha.support.Db.execute("update webhook_endpoint set enabled = false");
    }

    @Test
    void campaignWritesAreSentInScopeAndSigned() throws Exception {
        var world = Api.world();
        var other = Api.world();
        try (Receiver receiver = new Receiver()) {
            JsonPath endpoint = as(Tokens.admin())
                    .body(WebhookApiTest.endpoint(receiver.url(), List.of("campaign.created", "campaign.updated"),
                            world.unitId()))
                    .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath();
            String secret = endpoint.getString("secret");
            Map<String, Object> body = new java.util.HashMap<>(Map.of("code", Api.code("C"), "name", "督查",
                    "unitId", world.groupId(), "startsAt", "2021-08-01T00:00:00+08:00",
                    "endsAt", "2021-08-08T00:00:00+08:00"));
            String campaign = as(Tokens.admin()).body(body).post("/api/v1/campaigns").then().statusCode(201)
                    .extract().path("id");
            // Out of scope: another unit's campaign, and its targets.
            body.put("code", Api.code("C"));
            body.put("unitId", other.unitId());
            String foreign = as(Tokens.admin()).body(body).post("/api/v1/campaigns").then().statusCode(201)
                    .extract().path("id");
            as(Tokens.admin()).body(Map.of("siteIds", List.of(other.siteId())))
                    .post("/api/v1/campaigns/" + foreign + "/targets").then().statusCode(200);
            as(Tokens.admin()).body(Map.of("siteIds", List.of(world.siteId())))
                    .post("/api/v1/campaigns/" + campaign + "/targets").then().statusCode(200);

            List<Receiver.Received> got = receiver.awaitAccepted(2, Duration.ofSeconds(20));
            Thread.sleep(300);
            got = receiver.accepted();
            assertThat(got).hasSize(2);
            JsonPath created = new JsonPath(got.get(0).body());
            JsonPath updated = new JsonPath(got.get(1).body());
            assertThat(created.getString("type")).isEqualTo("campaign.created");
            assertThat(created.getString("data.id")).isEqualTo(campaign);
            assertThat(updated.getString("type")).isEqualTo("campaign.updated");
            assertThat(updated.getInt("data.version")).isEqualTo(1);
            assertThat(updated.getInt("targets.targetsAdded")).isEqualTo(1);
            assertThat(updated.getList("targets.siteIds", String.class)).containsExactly(world.siteId());
            StandardWebhooks.verify(got, secret);
            as(Tokens.admin()).header("If-Match", "*").delete("/api/v1/webhooks/" + endpoint.getString("id"))
                    .then().statusCode(204);
        }
    }
}
