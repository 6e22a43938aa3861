package ducha.change;

import static ducha.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Endpoints;
import ducha.support.Gql;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every kind of write leaves exactly one change event, with the actor, op and version of that write. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ChangeLogTest {

    @Test
    void recordsEveryWriteOfEveryEntity() {
        String subject = "auditor-" + UUID.randomUUID();
        String admin = Tokens.token(subject, null, "admin");

        String unit = expectEvent("unit", "CREATE", 0, subject, () -> as(admin)
                .body(Map.of("code", Api.code("CL"), "name", "单位", "kind", "COMMISSION"))
                .post("/api/v1/units").then().statusCode(201).extract().path("id"));
        expectEvent("unit", "UPDATE", 1, subject, () -> as(admin).header("If-Match", "\"0\"")
                .body(Map.of("code", Api.code("CL"), "name", "单位二", "kind", "COMMISSION"))
                .put("/api/v1/units/" + unit).then().statusCode(200).extract().path("id"));
        String site = expectEvent("site", "CREATE", 0, subject, () -> as(admin)
                .body(Map.of("code", Api.code("CL"), "name", "点位", "type", "MARKET"))
                .post("/api/v1/sites").then().statusCode(201).extract().path("id"));
        expectEvent("site", "UPDATE", 1, subject, () -> as(admin).header("If-Match", "\"0\"")
                .body(Map.of("code", Api.code("CL"), "name", "点位二", "type", "MARKET"))
                .put("/api/v1/sites/" + site).then().statusCode(200).extract().path("id"));
        Map<String, Object> visit = Map.of("unitId", unit, "siteId", site, "startedAt", "2021-08-07T09:00:00+08:00",
                "inspectorCount", 3, "method", "SCHEDULED");
        String inspection = expectEvent("inspection", "CREATE", 0, subject, () -> as(admin).body(visit)
                .post("/api/v1/inspections").then().statusCode(201).extract().path("id"));
        expectEvent("inspection", "UPDATE", 1, subject, () -> as(admin).header("If-Match", "\"0\"").body(visit)
                .put("/api/v1/inspections/" + inspection).then().statusCode(200).extract().path("id"));
        String finding = expectEvent("finding", "CREATE", 0, subject, () -> as(admin).body(Api.finding(unit, site))
                .post("/api/v1/findings").then().statusCode(201).extract().path("id"));
        expectEvent("finding", "UPDATE", 1, subject, () -> as(admin).header("If-Match", "\"0\"")
                .body(Map.of("category", "OTHER", "severity", "LOW", "description", "改"))
                .put("/api/v1/findings/" + finding).then().statusCode(200).extract().path("id"));
        expectEvent("finding", "TRANSITION", 2, subject, () -> as(admin).body(Map.of("action", "START"))
                .post("/api/v1/findings/" + finding + "/transitions").then().statusCode(200).extract().path("id"));
        String notice = expectEvent("notice", "CREATE", 0, subject, () -> as(admin)
                .body(Map.of("unitId", unit, "kind", "BULLETIN", "title", "通报", "findingIds", List.of(finding)))
                .post("/api/v1/notices").then().statusCode(201).extract().path("id"));
        expectEvent("notice", "UPDATE", 1, subject, () -> as(admin).header("If-Match", "\"0\"")
                .body(Map.of("unitId", unit, "kind", "BULLETIN", "title", "通报二"))
                .put("/api/v1/notices/" + notice).then().statusCode(200).extract().path("id"));

        expectEvent("notice", "DELETE", 1, subject, () -> deleted(admin, "/api/v1/notices/" + notice, 1, notice));
        expectEvent("finding", "DELETE", 2, subject, () -> deleted(admin, "/api/v1/findings/" + finding, 2, finding));
        expectEvent("inspection", "DELETE", 1, subject,
                () -> deleted(admin, "/api/v1/inspections/" + inspection, 1, inspection));
        expectEvent("site", "DELETE", 1, subject, () -> deleted(admin, "/api/v1/sites/" + site, 1, site));
        expectEvent("unit", "DELETE", 1, subject, () -> deleted(admin, "/api/v1/units/" + unit, 1, unit));
    }

    @Test
    void theLogIsAppendOnlyInTheDatabase() throws SQLException {
        String subject = "auditor-" + UUID.randomUUID();
        expectEvent("unit", "CREATE", 0, subject, () -> as(Tokens.token(subject, null, "admin"))
                .body(Map.of("code", Api.code("AO"), "name", "单位", "kind", "OTHER"))
                .post("/api/v1/units").then().statusCode(201).extract().path("id"));
        long seq = Db.count("select max(seq) from change_event");
        long events = Db.changeEvents();
        for (String forgery : List.of("update change_event set actor = 'forger' where seq = " + seq,
                "delete from change_event where seq = " + seq, "truncate change_event")) {
            try (Connection connection = Db.connect(); Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.execute(forgery)).as(forgery)
                        .isInstanceOfSatisfying(SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            }
        }
        assertThat(Db.text("select actor from change_event where seq = ?", seq)).isEqualTo(subject);
        assertThat(Db.changeEvents()).isEqualTo(events);
    }

    /**
     * No API can rewrite the log: the only routes that touch it read it (history, sync), every other write goes to
     * an entity and appends its one event. Enumerated from the code and the schema, so a new route or mutation
     * is checked too.
     */
    @Test
    void noRouteOrMutationWritesTheLogDirectly() {
        // Webhook endpoints are written to tables of their own; the dispatcher only reads the log (docs/webhooks.md).
        List<String> entityRoots = List.of("/api/v1/units", "/api/v1/sites", "/api/v1/inspections",
                "/api/v1/findings", "/api/v1/notices", "/api/v1/campaigns", "/api/v1/webhooks");
        List<Endpoints.Endpoint> writes = Endpoints.all().stream().filter(e -> !e.verb().equals("GET")).toList();
        assertThat(writes).isNotEmpty().allSatisfy(write -> {
            assertThat(entityRoots).as(write.toString()).anyMatch(root -> write.path().startsWith(root));
            assertThat(write.path()).as(write.toString()).doesNotContain("history").doesNotContain("sync")
                    .doesNotContain("change");
        });
        List<String> mutations = Gql.mutationNames(Tokens.admin());
        assertThat(mutations).isNotEmpty().allSatisfy(mutation -> assertThat(mutation)
                .matches("(create|update|delete|record|report|transition|issue|handOver)(Unit|Site|Inspection|Finding|Notice|Campaign)"
                        + "|(add|remove)CampaignTargets"
                        + "|(create|update|delete)Webhook|rotateWebhookSecret|redeliverWebhookEvents|sendWebhookTest"));
    }

    private static String deleted(String token, String path, int version, String id) {
        as(token).header("If-Match", "\"" + version + "\"").delete(path).then().statusCode(204);
        return id;
    }

    /** Runs a write and checks that it added exactly one event, the newest, with these values. */
    private static String expectEvent(String entity, String op, long version, String actor,
            java.util.function.Supplier<String> write) {
        long before = Db.changeEvents();
        String id = write.get();
        assertThat(Db.changeEvents()).as(entity + " " + op).isEqualTo(before + 1);
        String row = Db.text("select entity || '|' || entity_id || '|' || op || '|' || version || '|' || actor "
                + "|| '|' || (data->>'id') from change_event order by seq desc limit 1");
        assertThat(row).isEqualTo(String.join("|", entity, id, op, Long.toString(version), actor, id));
        return id;
    }
}
