package ducha.finding;

import static ducha.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Management;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.http.HttpServer;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The domain meters move with what the service does, and only then. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class FindingMetricsTest {

    /** Filled by Quarkus' test extension: the running server, for its management port. */
    HttpServer server;

    private static final String REPORTED = "ducha_findings_reported_total";
    private static final String TRANSITIONS = "ducha_findings_transitions_total";

    @Inject
    FindingMetrics metrics;

    @Test
    void reportingAFindingCountsItBySeverityAndOnSite() {
        var world = Api.world();
        String inspector = Tokens.inspector(world.unitCode());
        String before = Management.metrics(server);

        Map<String, Object> body = Api.finding(world.groupId(), world.siteId());
        body.put("severity", "CRITICAL");
        Api.reportFinding(inspector, body);
        body = Api.finding(world.groupId(), world.siteId());
        body.put("severity", "CRITICAL");
        body.put("rectifiedOnSite", true);
        Api.reportFinding(inspector, body);
        // Refused: another unit's inspector. Not counted.
        as(Tokens.inspector("NO-SUCH-UNIT")).body(Api.finding(world.groupId(), world.siteId()))
                .post("/api/v1/findings").then().statusCode(403);

        String after = Management.metrics(server);
        assertThat(delta(before, after, REPORTED, "severity", "CRITICAL", "rectified_on_site", "false")).isEqualTo(1);
        assertThat(delta(before, after, REPORTED, "severity", "CRITICAL", "rectified_on_site", "true")).isEqualTo(1);
        assertThat(delta(before, after, REPORTED, "severity", "LOW", "rectified_on_site", "false")).isZero();
    }

    @Test
    void transitionsAreCountedByAction() {
        var world = Api.world();
        String inspector = Tokens.inspector(world.unitCode());
        String id = Api.reportFinding(inspector, Api.finding(world.groupId(), world.siteId())).getString("id");
        String before = Management.metrics(server);

        move(inspector, id, "START", null, 200);
        move(inspector, id, "RECTIFY", "消毒记录已补齐", 200);
        move(inspector, id, "START", null, 409);
        move(Tokens.admin(), id, "VERIFY", null, 200);

        String after = Management.metrics(server);
        assertThat(delta(before, after, TRANSITIONS, "action", "START")).isEqualTo(1);
        assertThat(delta(before, after, TRANSITIONS, "action", "RECTIFY")).isEqualTo(1);
        assertThat(delta(before, after, TRANSITIONS, "action", "VERIFY")).isEqualTo(1);
        assertThat(delta(before, after, TRANSITIONS, "action", "ESCALATE")).isZero();
    }

    @Test
    void theOverdueGaugeShowsTheLastCount() throws Throwable {
        var world = Api.world();
        Map<String, Object> body = Api.finding(world.groupId(), world.siteId());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        body.put("foundAt", now.minusDays(3).toString());
        body.put("dueAt", now.minusDays(1).toString());
        Api.reportFinding(Tokens.admin(), body);

        VertxContextSupport.subscribeAndAwait(metrics::refreshOverdueGauge);

        long overdue = Db.count("select count(*) from finding where due_at < now()"
                + " and status in ('OPEN', 'RECTIFYING', 'ESCALATED')");
        assertThat(overdue).isPositive();
        assertThat(Management.sample(Management.metrics(server), "ducha_findings_overdue")).isEqualTo(overdue);
    }

    private static void move(String token, String id, String action, String note, int status) {
        as(token).body(note == null ? Map.of("action", action) : Map.of("action", action, "note", note))
                .post("/api/v1/findings/" + id + "/transitions").then().statusCode(status);
    }

    private static double delta(String before, String after, String name, String... labels) {
        return Management.sample(after, name, labels) - Management.sample(before, name, labels);
    }
}
