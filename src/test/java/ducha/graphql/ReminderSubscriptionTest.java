package ducha.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import ducha.reminder.ReminderSweep;
import ducha.support.Api;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * reminderSent streams the sweep's reminders as they commit, of what the subscriber may read: the group's inspector
 * gets its own unit's reminders and not the escalation addressed to the parent; the parent's inspector gets that.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ReminderSubscriptionTest {

    private static final String QUERY = "subscription($kind: ReminderKind) { reminderSent(filter: {kind: $kind}) { "
            + "kind findingId audienceUnitId dueAt finding { id status } } }";

    @Inject
    ReminderSweep sweep;

    @Test
    void deliversRemindersToTheUnitsTheyAreAddressedTo() throws Exception {
        var world = Api.world();
        Instant due = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        var body = Api.finding(world.groupId(), world.siteId());
        body.put("severity", "CRITICAL");
        body.put("dueAt", due.toString());
        String id = Api.reportFinding(Tokens.admin(), body).getString("id");
        java.util.HashMap<String, Object> any = new java.util.HashMap<>();
        any.put("kind", null);
        try (FindingSubscriptionTest.Subscriber group = FindingSubscriptionTest.Subscriber.connect(
                     Tokens.inspector(world.groupCode()), QUERY, any);
             FindingSubscriptionTest.Subscriber parent = FindingSubscriptionTest.Subscriber.connect(
                     Tokens.inspector(world.unitCode()), QUERY, Map.of("kind", "ESCALATED"))) {
            UUID unit = UUID.fromString(world.unitId());
            sweep.sweep(due.plus(Duration.ofMinutes(1)), unit).await().atMost(Duration.ofSeconds(20));
            sweep.sweep(due.plus(Duration.ofDays(2)), unit).await().atMost(Duration.ofSeconds(20));

            JsonNode overdue = group.nextMessage().at("/payload/data/reminderSent");
            assertThat(overdue.path("kind").asText()).isEqualTo("OVERDUE");
            assertThat(overdue.path("findingId").asText()).isEqualTo(id);
            assertThat(overdue.path("audienceUnitId").asText()).isEqualTo(world.groupId());
            assertThat(Instant.parse(overdue.path("dueAt").asText())).isEqualTo(due);
            JsonNode escalated = parent.nextMessage().at("/payload/data/reminderSent");
            assertThat(escalated.path("kind").asText()).isEqualTo("ESCALATED");
            assertThat(escalated.path("findingId").asText()).isEqualTo(id);
            assertThat(escalated.at("/finding/status").asText()).isEqualTo("ESCALATED");
            assertThat(group.nothingMoreWithin(Duration.ofMillis(700))).as("the escalation went to the parent").isTrue();
            assertThat(parent.nothingMoreWithin(Duration.ofMillis(300))).isTrue();
        }
    }
}
