package ducha.security;

import static org.assertj.core.api.Assertions.assertThat;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Gql;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every GraphQL mutation × {anonymous, inspector of the row's unit, inspector of another unit, admin}, the
 * GraphQL half of {@link RoleMatrixTest}. The mutations are read from the running schema, so a new one without a
 * case fails {@link #theMatrixCoversEveryMutation()}. Reads are open to every role by design (README: everyone with
 * a role reads everything), so object-level authorization is about writes: a refused write must leave the change
 * log — and so every row, since each write appends exactly one event in its transaction — untouched, and an
 * accepted one must append events whose actor is the token's subject.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class GraphQLRoleMatrixTest {

    enum Caller { ANONYMOUS, OWN_INSPECTOR, OTHER_INSPECTOR, ADMIN }

    /** Fresh rows of one case. */
    record Rows(Api.World world, String inspectionId, String findingId, String noticeId, String spareUnitId,
            String spareSiteId, String webhookId) {
    }

    /**
     * A mutation with its variables; {@code adminOnly} says whether the row's own inspector is refused too;
     * {@code webhook}: it writes the webhook tables, which are outside the change log (docs/webhooks.md).
     */
    record Case(boolean adminOnly, String query, Function<Rows, Map<String, Object>> variables, boolean webhook) {
        Case(boolean adminOnly, String query, Function<Rows, Map<String, Object>> variables) {
            this(adminOnly, query, variables, false);
        }
    }

    static final Map<String, Case> MATRIX = new LinkedHashMap<>();

    static {
        adminOnly("createUnit", "mutation($code: String!) { createUnit(input: {code: $code, name: \"单位\", kind: OTHER}) { id } }",
                rows -> Map.of("code", Api.code("G")));
        adminOnly("updateUnit", "mutation($id: ID!, $code: String!) { updateUnit(id: $id, expectedVersion: 0, "
                + "input: {code: $code, name: \"单位\", kind: OTHER}) { id } }",
                rows -> Map.of("id", rows.spareUnitId(), "code", Api.code("G")));
        adminOnly("deleteUnit", "mutation($id: ID!) { deleteUnit(id: $id, expectedVersion: 0) }",
                rows -> Map.of("id", rows.spareUnitId()));
        adminOnly("createSite", "mutation($code: String!) { createSite(input: {code: $code, name: \"点位\", type: PHARMACY}) { id } }",
                rows -> Map.of("code", Api.code("G")));
        adminOnly("updateSite", "mutation($id: ID!, $code: String!) { updateSite(id: $id, expectedVersion: 0, "
                + "input: {code: $code, name: \"点位\", type: PHARMACY}) { id } }",
                rows -> Map.of("id", rows.spareSiteId(), "code", Api.code("G")));
        adminOnly("deleteSite", "mutation($id: ID!) { deleteSite(id: $id, expectedVersion: 0) }",
                rows -> Map.of("id", rows.spareSiteId()));
        unitScoped("recordInspection", "mutation($unit: ID!, $site: ID!) { recordInspection(input: {unitId: $unit, "
                + "siteId: $site, startedAt: \"2021-08-07T09:00:00+08:00\", inspectorCount: 2, method: SCHEDULED}) { id } }",
                GraphQLRoleMatrixTest::unitAndSite);
        unitScoped("updateInspection", "mutation($id: ID!, $unit: ID!, $site: ID!) { updateInspection(id: $id, "
                + "expectedVersion: 0, input: {unitId: $unit, siteId: $site, startedAt: \"2021-08-07T10:00:00+08:00\", "
                + "inspectorCount: 5, method: SCHEDULED}) { id } }",
                rows -> with(unitAndSite(rows), "id", rows.inspectionId()));
        adminOnly("deleteInspection", "mutation($id: ID!) { deleteInspection(id: $id, expectedVersion: 0) }",
                rows -> Map.of("id", rows.inspectionId()));
        unitScoped("reportFinding", "mutation($unit: ID!, $site: ID!) { reportFinding(input: {unitId: $unit, "
                + "siteId: $site, category: OTHER, severity: LOW, description: \"消防通道堵塞\"}) { id } }",
                GraphQLRoleMatrixTest::unitAndSite);
        unitScoped("updateFinding", "mutation($id: ID!) { updateFinding(id: $id, expectedVersion: 0, input: "
                + "{category: SUPPLIES, severity: HIGH, description: \"物资储备不足\"}) { id } }",
                rows -> Map.of("id", rows.findingId()));
        unitScoped("transitionFinding", "mutation($id: ID!) { transitionFinding(id: $id, action: START) { id } }",
                rows -> Map.of("id", rows.findingId()));
        adminOnly("deleteFinding", "mutation($id: ID!) { deleteFinding(id: $id, expectedVersion: 0) }",
                rows -> Map.of("id", rows.findingId()));
        adminOnly("issueNotice", "mutation($unit: ID!) { issueNotice(input: {unitId: $unit, kind: BULLETIN, "
                + "title: \"督查通报\"}) { id } }", rows -> Map.of("unit", rows.world().unitId()));
        adminOnly("updateNotice", "mutation($id: ID!, $unit: ID!) { updateNotice(id: $id, expectedVersion: 0, "
                + "input: {unitId: $unit, kind: SUGGESTION, title: \"工作建议\"}) { id } }",
                rows -> Map.of("id", rows.noticeId(), "unit", rows.world().unitId()));
        adminOnly("deleteNotice", "mutation($id: ID!) { deleteNotice(id: $id, expectedVersion: 0) }",
                rows -> Map.of("id", rows.noticeId()));
        unitScoped("createCampaign", "mutation($code: String!, $unit: ID!) { createCampaign(input: {code: $code, "
                + "name: \"督查\", unitId: $unit, startsAt: \"2021-08-01T00:00:00+08:00\", "
                + "endsAt: \"2021-08-08T00:00:00+08:00\"}) { id } }",
                rows -> Map.of("code", Api.code("C"), "unit", rows.world().unitId()));
        unitScoped("updateCampaign", "mutation($id: ID!, $code: String!, $unit: ID!) { updateCampaign(id: $id, "
                + "expectedVersion: 0, input: {code: $code, name: \"督查\", unitId: $unit, "
                + "startsAt: \"2021-08-01T00:00:00+08:00\", endsAt: \"2021-08-09T00:00:00+08:00\"}) { id } }",
                rows -> Map.of("id", RoleMatrixTest.campaign(rows.world()), "code", Api.code("C"),
                        "unit", rows.world().unitId()));
        unitScoped("deleteCampaign", "mutation($id: ID!) { deleteCampaign(id: $id, expectedVersion: 0) }",
                rows -> Map.of("id", RoleMatrixTest.campaign(rows.world())));
        unitScoped("addCampaignTargets", "mutation($id: ID!, $site: String!) { addCampaignTargets(id: $id, "
                + "siteIds: [$site]) { changed } }",
                rows -> Map.of("id", RoleMatrixTest.campaign(rows.world()), "site", rows.spareSiteId()));
        unitScoped("removeCampaignTargets", "mutation($id: ID!, $site: String!) { removeCampaignTargets(id: $id, "
                + "siteIds: [$site]) { changed } }",
                rows -> Map.of("id", RoleMatrixTest.campaign(rows.world()), "site", rows.world().siteId()));
        webhook("createWebhook", "mutation($unit: ID!) { createWebhook(input: {url: \"http://127.0.0.1:9/hook\", "
                + "eventTypes: [\"notice.issued\"], unitId: $unit, enabled: false}) { secret } }",
                rows -> Map.of("unit", rows.world().unitId()));
        webhook("updateWebhook", "mutation($id: ID!) { updateWebhook(id: $id, expectedVersion: 0, input: "
                + "{url: \"http://127.0.0.1:9/other\", eventTypes: [\"finding.reported\"], enabled: false}) { id } }",
                rows -> Map.of("id", rows.webhookId()));
        webhook("deleteWebhook", "mutation($id: ID!) { deleteWebhook(id: $id, expectedVersion: 0) }",
                rows -> Map.of("id", rows.webhookId()));
        webhook("rotateWebhookSecret", "mutation($id: ID!) { rotateWebhookSecret(id: $id, overlapSeconds: 60) { secret } }",
                rows -> Map.of("id", rows.webhookId()));
        webhook("sendWebhookTest", "mutation($id: ID!) { sendWebhookTest(id: $id) { webhookId } }",
                rows -> Map.of("id", rows.webhookId()));
        // A test event queued first (over REST), so that an accepted redelivery has something to queue again.
        webhook("redeliverWebhookEvents", "mutation($id: ID!) { redeliverWebhookEvents(id: $id, "
                + "since: \"2021-08-07T00:00:00Z\") { queued } }", rows -> {
                    Api.as(Tokens.admin()).body(Map.of()).post("/api/v1/webhooks/" + rows.webhookId() + "/test")
                            .then().statusCode(202);
                    return Map.of("id", rows.webhookId());
                });
    }

    private static void webhook(String mutation, String query, Function<Rows, Map<String, Object>> variables) {
        MATRIX.put(mutation, new Case(true, query, variables, true));
    }

    /**
     * The state of the webhook tables a webhook mutation can change: the endpoints (how many, their versions) and
     * the case's endpoint's queue. The dispatcher leaves these alone here: the case's endpoint is disabled, and it
     * writes only streams, messages of enabled endpoints and attempts.
     */
    private static String webhookState(Rows rows) {
        return Db.text("select (select count(*) || '/' || coalesce(sum(version), 0) from webhook_endpoint) || '/' "
                + "|| (select count(*) from webhook_message where endpoint_id = ?::uuid)", rows.webhookId());
    }

    private static void adminOnly(String mutation, String query, Function<Rows, Map<String, Object>> variables) {
        MATRIX.put(mutation, new Case(true, query, variables));
    }

    private static void unitScoped(String mutation, String query, Function<Rows, Map<String, Object>> variables) {
        MATRIX.put(mutation, new Case(false, query, variables));
    }

    private static Map<String, Object> unitAndSite(Rows rows) {
        return Map.of("unit", rows.world().groupId(), "site", rows.world().siteId());
    }

    private static Map<String, Object> with(Map<String, Object> variables, String name, Object value) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put(name, value);
        return all;
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        MATRIX.keySet().forEach(mutation -> {
            for (Caller caller : Caller.values()) {
                cases.add(Arguments.of(mutation, caller));
            }
        });
        return cases.stream();
    }

    @Test
    void theMatrixCoversEveryMutation() {
        List<String> mutations = Gql.mutationNames(Tokens.admin());
        assertThat(mutations).isNotEmpty();
        assertThat(MATRIX.keySet()).containsExactlyInAnyOrderElementsOf(mutations);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cases")
    void answersAsTheMatrixSays(String mutation, Caller caller) {
        Case expected = MATRIX.get(mutation);
        Rows rows = freshRows();
        Api.World other = Api.world();
        String subject = caller.name().toLowerCase() + "-" + UUID.randomUUID();
        String token = switch (caller) {
            case ANONYMOUS -> null;
            case OWN_INSPECTOR -> Tokens.token(subject, rows.world().unitCode(), "inspector");
            case OTHER_INSPECTOR -> Tokens.token(subject, other.unitCode(), "inspector");
            case ADMIN -> Tokens.token(subject, null, "admin");
        };
        String refusal = switch (caller) {
            case ANONYMOUS -> "UNAUTHENTICATED";
            case OWN_INSPECTOR -> expected.adminOnly() ? "FORBIDDEN" : null;
            case OTHER_INSPECTOR -> "FORBIDDEN";
            case ADMIN -> null;
        };
        long lastEvent = Db.lastChangeEvent();
        Map<String, Object> variables = expected.variables().apply(rows);
        String webhooksBefore = webhookState(rows);

        JsonPath response = Gql.query(token, expected.query(), variables);

        List<String> actors = Db.actorsAfter(lastEvent);
        if (refusal != null) {
            assertThat(Gql.errorCode(response)).as(mutation + " as " + caller + ": " + response.prettify())
                    .isEqualTo(refusal);
            assertThat(response.getString("data")).as("no partial data").isNull();
            assertThat(actors).as("a refused mutation writes nothing").isEmpty();
            assertThat(webhookState(rows)).as("a refused mutation leaves the webhooks as they were")
                    .isEqualTo(webhooksBefore);
        } else if (expected.webhook()) {
            assertThat(response.getList("errors")).as(mutation + " as " + caller + ": " + response.prettify())
                    .isNullOrEmpty();
            assertThat(webhookState(rows)).as("an accepted webhook mutation changes the webhooks")
                    .isNotEqualTo(webhooksBefore);
            assertThat(actors).as("a webhook mutation writes no change event").isEmpty();
        } else {
            assertThat(response.getList("errors")).as(mutation + " as " + caller + ": " + response.prettify())
                    .isNullOrEmpty();
            assertThat(actors).as("an accepted mutation is recorded, by the token's subject").isNotEmpty()
                    .containsOnly(subject);
        }
    }

    static Rows freshRows() {
        Api.World world = Api.world();
        String inspection = Api.createInspection(Tokens.admin(), world.groupId(), world.siteId(),
                "2021-08-07T09:00:00+08:00").getString("id");
        String finding = Api.reportFinding(Tokens.admin(), Api.finding(world.groupId(), world.siteId())).getString("id");
        String notice = Api.as(Tokens.admin()).body(Map.of("unitId", world.unitId(), "kind", "BULLETIN", "title", "通报"))
                .post("/api/v1/notices").then().statusCode(201).extract().path("id");
        // Disabled, so that the dispatcher never touches it while a case runs.
        String webhook = Api.as(Tokens.admin()).body(Map.of("url", "http://127.0.0.1:9/hook", "eventTypes",
                List.of("notice.issued"), "unitId", world.unitId(), "enabled", false)).post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("id");
        return new Rows(world, inspection, finding, notice, Api.createUnit(Api.code("G"), null).getString("id"),
                Api.createSite(Api.code("G"), "CDC", "测试区").getString("id"), webhook);
    }
}
