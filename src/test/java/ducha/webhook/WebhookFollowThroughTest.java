package ducha.webhook;

import static ducha.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import ducha.reminder.ReminderSweep;
import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The follow-through sweep's events reach a real receiver: finding.due_soon, finding.overdue (the reminders) and
 * finding.escalated (the system's escalation), in the log's order, signed and verified by the standardwebhooks npm
 * package; an endpoint that subscribes only to finding.transitioned gets the escalation as a transition.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class WebhookFollowThroughTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    ReminderSweep sweep;

    /** Endpoints other test classes left enabled would take the dispatcher's slots (see WebhookDeliveryTest). */
    @BeforeEach
    void onlyThisTestsEndpoints() {
        Db.execute("update webhook_endpoint set enabled = false");
    }

    @Test
    void remindersAndTheSystemsEscalationAreDelivered() throws Exception {
        var world = Api.world();
        Instant due = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        var body = Api.finding(world.groupId(), world.siteId());
        body.put("severity", "CRITICAL");
        body.put("dueAt", due.toString());
        try (Receiver receiver = new Receiver(); Receiver transitions = new Receiver()) {
            JsonPath endpoint = register(receiver.url(), List.of("finding.due_soon", "finding.overdue",
                    "finding.escalated"), world.unitId());
            JsonPath plain = register(transitions.url(), List.of("finding.transitioned"), world.unitId());
            String id = Api.reportFinding(Tokens.admin(), body).getString("id");
            UUID unit = UUID.fromString(world.unitId());
            sweep.sweep(due.minus(Duration.ofHours(1)), unit).await().atMost(WAIT);
            sweep.sweep(due.plus(Duration.ofMinutes(1)), unit).await().atMost(WAIT);
            sweep.sweep(due.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(1)), unit).await().atMost(WAIT);

            List<Receiver.Received> got = receiver.awaitAccepted(3, WAIT);
            Thread.sleep(300); // nothing more comes
            got = receiver.accepted();
            assertThat(got.stream().map(r -> json(r).getString("type") + "/" + json(r).getString("data.id")).toList())
                    .containsExactly("finding.due_soon/" + id, "finding.overdue/" + id, "finding.escalated/" + id);
            assertThat(json(got.get(0)).getString("reminder.kind")).isEqualTo("DUE_SOON");
            assertThat(Instant.parse(json(got.get(1)).getString("reminder.dueAt"))).isEqualTo(due);
            assertThat(json(got.get(1)).getString("data.status")).isEqualTo("OPEN");
            assertThat(json(got.get(2)).getString("transition.action")).isEqualTo("ESCALATE");
            assertThat(json(got.get(2)).getString("transition.audienceUnitId")).isEqualTo(world.unitId());
            assertThat(json(got.get(2)).getString("data.status")).isEqualTo("ESCALATED");
            assertThat(StandardWebhooks.verify(got, endpoint.getString("secret"))).isEqualTo(3);

            // Subscribed to transitions only: the escalation arrives as one; reminders are not transitions.
            List<Receiver.Received> moved = transitions.awaitAccepted(1, WAIT);
            Thread.sleep(300);
            moved = transitions.accepted();
            assertThat(moved).hasSize(1);
            assertThat(json(moved.get(0)).getString("type")).isEqualTo("finding.transitioned");
            assertThat(json(moved.get(0)).getString("transition.to")).isEqualTo("ESCALATED");
            StandardWebhooks.verify(moved, plain.getString("secret"));

            as(Tokens.admin()).header("If-Match", "*").delete("/api/v1/webhooks/" + endpoint.getString("id"))
                    .then().statusCode(204);
            as(Tokens.admin()).header("If-Match", "*").delete("/api/v1/webhooks/" + plain.getString("id"))
                    .then().statusCode(204);
        }
    }

    @Test
    void theNewEventTypesAreAcceptedAndUnknownOnesRefused() {
        as(Tokens.admin()).body(WebhookApiTest.endpoint("http://127.0.0.1:9/x", List.of("finding.late"), null))
                .post("/api/v1/webhooks").then().statusCode(400);
        String id = register("http://127.0.0.1:9/x", List.of("finding.overdue", "finding.due_soon"), null)
                .getString("id");
        as(Tokens.admin()).get("/api/v1/webhooks/" + id).then().statusCode(200)
                .body("eventTypes", org.hamcrest.Matchers.contains("finding.overdue", "finding.due_soon"));
        as(Tokens.admin()).header("If-Match", "*").delete("/api/v1/webhooks/" + id).then().statusCode(204);
    }

    private static JsonPath register(String url, List<String> types, String unitId) {
        return as(Tokens.admin()).body(WebhookApiTest.endpoint(url, types, unitId)).post("/api/v1/webhooks")
                .then().statusCode(201).extract().jsonPath();
    }

    private static JsonPath json(Receiver.Received received) {
        return new JsonPath(received.body());
    }
}
