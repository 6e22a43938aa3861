package ducha.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Gql;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Webhook endpoints over GraphQL: the REST operations on the same service, admin only, the secret shown once (in
 * createWebhook and rotateWebhookSecret, never on the Webhook type), errors with codes and fields.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class WebhookGraphQLTest {

    private static final String CREATE = """
            mutation($url: String!, $types: [String!]!, $unit: ID) {
              createWebhook(input: {url: $url, eventTypes: $types, unitId: $unit, description: "案件系统", enabled: false}) {
                secret webhook { id url eventTypes unitId enabled version }
              }
            }""";

    @Test
    void adminManagesAnEndpointAndSeesItsSecretOnlyWhenCreatedOrRotated() {
        String admin = Tokens.admin();
        Api.World world = Api.world();
        JsonPath created = Gql.query(admin, CREATE, Map.of("url", "http://127.0.0.1:9/hook",
                "types", java.util.List.of("finding.reported"), "unit", world.unitId()));
        assertThat(created.getList("errors")).as(created.prettify()).isNullOrEmpty();
        String id = created.getString("data.createWebhook.webhook.id");
        String secret = created.getString("data.createWebhook.secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(created.getString("data.createWebhook.webhook.unitId")).isEqualTo(world.unitId());
        assertThat(created.getBoolean("data.createWebhook.webhook.enabled")).isFalse();
        // The row holds the secret that was shown.
        assertThat(Db.text("select secret from webhook_endpoint where id = ?::uuid", id)).isEqualTo(secret);

        // The Webhook type has no secret field: a read cannot ask for it.
        JsonPath withSecret = Gql.query(admin, "query($id: ID!) { webhook(id: $id) { secret } }", Map.of("id", id));
        assertThat(withSecret.getString("errors[0].message")).contains("secret");
        assertThat(withSecret.getString("data")).isNull();

        JsonPath read = Gql.query(admin, """
                query($id: ID!) { webhook(id: $id) { url version messages { edges { node { id } } }
                                                     deliveries { edges { node { id } } } } }""", Map.of("id", id));
        assertThat(read.getString("data.webhook.url")).isEqualTo("http://127.0.0.1:9/hook");
        assertThat(read.getList("data.webhook.messages.edges")).isEmpty();

        // The list, a page at a time, finds it like the REST list does (id order, the REST cursor).
        boolean listed = false;
        String after = null;
        for (int page = 0; page < 1000 && !listed; page++) {
            JsonPath list = Gql.query(admin, "query($after: String) { webhooks(first: 50, after: $after) { "
                    + "edges { node { id } } pageInfo { hasNextPage endCursor } } }",
                    after == null ? Map.of() : Map.of("after", after));
            listed = list.getList("data.webhooks.edges.node.id", String.class).contains(id);
            if (!list.getBoolean("data.webhooks.pageInfo.hasNextPage")) {
                break;
            }
            after = list.getString("data.webhooks.pageInfo.endCursor");
        }
        assertThat(listed).as("webhooks lists the new endpoint").isTrue();

        JsonPath stale = Gql.query(admin, """
                mutation($id: ID!) { updateWebhook(id: $id, expectedVersion: 7,
                    input: {url: "http://127.0.0.1:9/other", eventTypes: ["notice.issued"], enabled: false}) { id } }""",
                Map.of("id", id));
        assertThat(Gql.errorCode(stale)).isEqualTo("STALE_VERSION");
        JsonPath updated = Gql.query(admin, """
                mutation($id: ID!) { updateWebhook(id: $id, expectedVersion: 0,
                    input: {url: "http://127.0.0.1:9/other", eventTypes: ["notice.issued"], enabled: false}) {
                      url eventTypes unitId version } }""", Map.of("id", id));
        assertThat(updated.getString("data.updateWebhook.url")).isEqualTo("http://127.0.0.1:9/other");
        assertThat(updated.getList("data.updateWebhook.eventTypes")).containsExactly("notice.issued");
        assertThat(updated.getString("data.updateWebhook.unitId")).isNull();
        assertThat(updated.getInt("data.updateWebhook.version")).isEqualTo(1);

        JsonPath rotated = Gql.query(admin, """
                mutation($id: ID!) { rotateWebhookSecret(id: $id, overlapSeconds: 0) { secret previousSecretUntil version } }""",
                Map.of("id", id));
        String newSecret = rotated.getString("data.rotateWebhookSecret.secret");
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(Db.text("select secret from webhook_endpoint where id = ?::uuid", id)).isEqualTo(newSecret);

        JsonPath test = Gql.query(admin, """
                mutation($id: ID!) { sendWebhookTest(id: $id, message: "你好") { id webhookId eventType status } }""",
                Map.of("id", id));
        assertThat(test.getString("data.sendWebhookTest.webhookId")).startsWith("msg_test_");
        assertThat(test.getString("data.sendWebhookTest.eventType")).isEqualTo("webhook.test");
        String messageId = test.getString("data.sendWebhookTest.id");
        JsonPath again = Gql.query(admin, """
                mutation($id: ID!, $message: ID) { redeliverWebhookEvents(id: $id, messageId: $message) { queued } }""",
                Map.of("id", id, "message", messageId));
        assertThat(again.getInt("data.redeliverWebhookEvents.queued")).isEqualTo(1);
        JsonPath messages = Gql.query(admin, "query($id: ID!) { webhook(id: $id) { messages { edges { node { webhookId } } } } }",
                Map.of("id", id));
        // The redelivery is the same event: the same webhook-id, queued again.
        assertThat(messages.getList("data.webhook.messages.edges.node.webhookId", String.class))
                .hasSize(2).containsOnly(test.getString("data.sendWebhookTest.webhookId"));

        JsonPath deleted = Gql.query(admin, "mutation($id: ID!) { deleteWebhook(id: $id, expectedVersion: 2) }",
                Map.of("id", id));
        assertThat(deleted.getString("data.deleteWebhook")).as(deleted.prettify()).isEqualTo(id);
        assertThat(Gql.query(admin, "query($id: ID!) { webhook(id: $id) { id } }", Map.of("id", id))
                .getString("data.webhook")).isNull();
        assertThat(Db.count("select count(*) from webhook_message where endpoint_id = ?::uuid", id)).isZero();
    }

    @Test
    void badInputIsAValidationErrorNamingTheField() {
        String admin = Tokens.admin();
        JsonPath privateTarget = Gql.query(admin, CREATE, Map.of("url", "https://10.0.0.1/hook",
                "types", java.util.List.of("finding.reported")));
        assertThat(Gql.errorCode(privateTarget)).as(privateTarget.prettify()).isEqualTo("VALIDATION");
        assertThat(privateTarget.getString("errors[0].extensions.details.errors[0].field")).isEqualTo("url");

        JsonPath unknownType = Gql.query(admin, CREATE, Map.of("url", "http://127.0.0.1:9/hook",
                "types", java.util.List.of("finding.reported", "finding.lost")));
        assertThat(Gql.errorCode(unknownType)).isEqualTo("VALIDATION");
        assertThat(unknownType.getString("errors[0].extensions.details.errors[0].field")).isEqualTo("eventTypes[1]");

        JsonPath noTypes = Gql.query(admin, CREATE, Map.of("url", "http://127.0.0.1:9/hook", "types", java.util.List.of()));
        assertThat(Gql.errorCode(noTypes)).isEqualTo("VALIDATION");
        assertThat(noTypes.getString("errors[0].extensions.details.errors[0].field")).contains("eventTypes");

        String id = Gql.query(admin, CREATE, Map.of("url", "http://127.0.0.1:9/hook",
                "types", java.util.List.of("finding.reported"))).getString("data.createWebhook.webhook.id");
        JsonPath overlap = Gql.query(admin, "mutation($id: ID!) { rotateWebhookSecret(id: $id, overlapSeconds: -1) { secret } }",
                Map.of("id", id));
        assertThat(Gql.errorCode(overlap)).isEqualTo("VALIDATION");
        assertThat(overlap.getString("errors[0].extensions.details.errors[0].field")).isEqualTo("overlapSeconds");
        JsonPath badMessage = Gql.query(admin, "mutation($id: ID!) { redeliverWebhookEvents(id: $id, messageId: \"x\") { queued } }",
                Map.of("id", id));
        assertThat(Gql.errorCode(badMessage)).isEqualTo("VALIDATION");
        assertThat(badMessage.getString("errors[0].extensions.details.errors[0].field")).isEqualTo("messageId");
        JsonPath neither = Gql.query(admin, "mutation($id: ID!) { redeliverWebhookEvents(id: $id) { queued } }",
                Map.of("id", id));
        assertThat(Gql.errorCode(neither)).isEqualTo("VALIDATION");
        JsonPath longText = Gql.query(admin, "mutation($id: ID!, $m: String) { sendWebhookTest(id: $id, message: $m) { id } }",
                Map.of("id", id, "m", "长".repeat(501)));
        assertThat(Gql.errorCode(longText)).isEqualTo("VALIDATION");
        JsonPath unknown = Gql.query(admin, "mutation { sendWebhookTest(id: \"00000000-0000-0000-0000-000000000001\") { id } }");
        assertThat(Gql.errorCode(unknown)).isEqualTo("NOT_FOUND");
        JsonPath badCursor = Gql.query(admin, "{ webhooks(after: \"nope\") { edges { cursor } } }");
        assertThat(Gql.errorCode(badCursor)).isEqualTo("VALIDATION");
    }

    @Test
    void inspectorsAreRefusedReadsAndWrites() {
        Api.World world = Api.world();
        String inspector = Tokens.inspector(world.unitCode());
        JsonPath list = Gql.query(inspector, "{ webhooks { edges { cursor } } }");
        assertThat(Gql.errorCode(list)).isEqualTo("FORBIDDEN");
        assertThat(list.getString("data")).isNull();
        long before = Db.count("select count(*) from webhook_endpoint");
        JsonPath create = Gql.query(inspector, CREATE, Map.of("url", "http://127.0.0.1:9/hook",
                "types", java.util.List.of("finding.reported")));
        assertThat(Gql.errorCode(create)).isEqualTo("FORBIDDEN");
        assertThat(Db.count("select count(*) from webhook_endpoint")).isEqualTo(before);
    }
}
