package ducha.finding;

import static ducha.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every status × every action × both roles, against the table of docs/design.md written out here by hand, so the
 * code's table cannot silently drift from the agreed one.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class FindingLifecycleTest {

    /** status → action → resulting status, as docs/design.md states it. */
    private static final Map<String, Map<String, String>> TABLE = Map.of(
            "OPEN", Map.of("START", "RECTIFYING", "RECTIFY", "RECTIFIED", "ESCALATE", "ESCALATED"),
            "RECTIFYING", Map.of("RECTIFY", "RECTIFIED", "ESCALATE", "ESCALATED"),
            "ESCALATED", Map.of("RECTIFY", "RECTIFIED"),
            "RECTIFIED", Map.of("VERIFY", "VERIFIED", "REOPEN", "OPEN"),
            "VERIFIED", Map.of());
    private static final List<String> ADMIN_ONLY = List.of("VERIFY", "REOPEN", "ESCALATE");
    private static final List<String> STATUSES = List.of("OPEN", "RECTIFYING", "RECTIFIED", "VERIFIED", "ESCALATED");
    private static final List<String> ACTIONS = List.of("START", "RECTIFY", "VERIFY", "REOPEN", "ESCALATE");

    private static Api.World world;

    /** Made on first use: a @BeforeAll would run before the application listens. */
    @BeforeEach
    void setUp() {
        if (world == null) {
            world = Api.world();
        }
    }

    static Stream<Arguments> everyMove() {
        List<Arguments> cases = new ArrayList<>();
        for (String status : STATUSES) {
            for (String action : ACTIONS) {
                cases.add(Arguments.of(status, action, true));
                cases.add(Arguments.of(status, action, false));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} --{1}--> as admin={2}")
    @MethodSource("everyMove")
    void followsTheTable(String status, String action, boolean admin) {
        String id = findingIn(status);
        String token = admin ? Tokens.admin() : Tokens.inspector(world.unitCode());
        long events = Db.changeEvents();
        Response response = as(token).body(Map.of("action", action, "note", "整改说明"))
                .post("/api/v1/findings/" + id + "/transitions");

        String target = TABLE.get(status).get(action);
        if (!admin && ADMIN_ONLY.contains(action)) {
            response.then().statusCode(403).body("code", equalTo("FORBIDDEN"));
            assertUnchanged(id, status, events);
        } else if (target == null) {
            response.then().statusCode(409).body("code", equalTo("CONFLICT")).body("status", equalTo(status));
            List<String> allowed = response.jsonPath().getList("allowedActions");
            List<String> expected = ACTIONS.stream()
                    .filter(a -> TABLE.get(status).containsKey(a) && (admin || !ADMIN_ONLY.contains(a)))
                    .toList();
            assertThat(allowed).isEqualTo(expected);
            assertUnchanged(id, status, events);
        } else {
            response.then().statusCode(200).body("status", equalTo(target)).header("ETag", "\"" +
                    (Db.count("select version from finding where id = ?::uuid", UUID.fromString(id))) + "\"");
            assertThat(Db.text("select status from finding where id = ?::uuid", UUID.fromString(id))).isEqualTo(target);
            assertThat(Db.changeEvents()).isEqualTo(events + 1);
            assertThat(Db.text("select detail->>'from' || '>' || (detail->>'to') from change_event "
                    + "where entity_id = ?::uuid and op = 'TRANSITION' order by seq desc limit 1", UUID.fromString(id)))
                    .isEqualTo(status + ">" + target);
        }
    }

    @Test
    void rectifiedOnSiteStartsRectified() {
        Map<String, Object> body = Api.finding(world.groupId(), world.siteId());
        body.put("rectifiedOnSite", true);
        body.put("rectificationNote", "当场补齐");
        var finding = Api.reportFinding(Tokens.inspector(world.unitCode()), body);
        assertThat(finding.getString("status")).isEqualTo("RECTIFIED");
        assertThat(finding.getBoolean("rectifiedOnSite")).isTrue();
        assertThat(finding.getString("rectifiedAt")).isEqualTo(finding.getString("foundAt"));
        assertThat(finding.getString("rectificationNote")).isEqualTo("当场补齐");
    }

    @Test
    void rectifyAndReopenNeedANote() {
        String id = findingIn("OPEN");
        long events = Db.changeEvents();
        as(Tokens.admin()).body(Map.of("action", "RECTIFY")).post("/api/v1/findings/" + id + "/transitions")
                .then().statusCode(400).body("errors[0].field", equalTo("note"));
        as(Tokens.admin()).body(Map.of("action", "RECTIFY", "note", "  ")).post("/api/v1/findings/" + id + "/transitions")
                .then().statusCode(400);
        assertUnchanged(id, "OPEN", events);

        as(Tokens.admin()).body(Map.of("action", "RECTIFY", "note", "已整改")).post("/api/v1/findings/" + id + "/transitions")
                .then().statusCode(200).body("rectificationNote", equalTo("已整改"));
        as(Tokens.admin()).body(Map.of("action", "REOPEN")).post("/api/v1/findings/" + id + "/transitions")
                .then().statusCode(400);
        as(Tokens.admin()).body(Map.of("action", "REOPEN", "note", "复查未达标")).post("/api/v1/findings/" + id + "/transitions")
                .then().statusCode(200).body("status", equalTo("OPEN")).body("rectifiedAt", equalTo(null));
    }

    @Test
    void honoursAnOptionalIfMatch() {
        String id = findingIn("OPEN");
        as(Tokens.admin()).header("If-Match", "\"3\"").body(Map.of("action", "START"))
                .post("/api/v1/findings/" + id + "/transitions").then().statusCode(412);
        as(Tokens.admin()).header("If-Match", "\"0\"").body(Map.of("action", "START"))
                .post("/api/v1/findings/" + id + "/transitions").then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void anInspectorOfAnotherUnitCannotMoveIt() {
        String id = findingIn("OPEN");
        Api.World other = Api.world();
        long events = Db.changeEvents();
        as(Tokens.inspector(other.unitCode())).body(Map.of("action", "START"))
                .post("/api/v1/findings/" + id + "/transitions").then().statusCode(403);
        as(Tokens.inspector(other.unitCode())).body(Map.of("action", "RECTIFY", "note", "x"))
                .post("/api/v1/findings/" + id + "/transitions").then().statusCode(403);
        assertUnchanged(id, "OPEN", events);
        // Its own group's inspector may.
        as(Tokens.inspector(world.groupCode())).body(Map.of("action", "START"))
                .post("/api/v1/findings/" + id + "/transitions").then().statusCode(200);
    }

    @Test
    void aRefusalSaysWhoMayActNextWhenTheCallerMayNot() {
        String id = findingIn("RECTIFIED");
        String inspector = Tokens.inspector(world.unitCode());
        as(inspector).body(Map.of("action", "START")).post("/api/v1/findings/" + id + "/transitions").then()
                .statusCode(409).body("allowedActions", org.hamcrest.Matchers.empty())
                .body("detail", equalTo("A finding that is RECTIFIED cannot take START; nothing is allowed to you "
                        + "now; an admin may VERIFY or REOPEN."));
        var graphql = ducha.support.Gql.query(inspector,
                "mutation($id: ID!) { transitionFinding(id: $id, action: START) { status } }", Map.of("id", id));
        assertThat(graphql.getString("errors[0].message")).endsWith("an admin may VERIFY or REOPEN.");

        as(Tokens.admin()).body(Map.of("action", "START")).post("/api/v1/findings/" + id + "/transitions").then()
                .statusCode(409).body("detail", equalTo("A finding that is RECTIFIED cannot take START; allowed now: "
                        + "[VERIFY, REOPEN]."));
        String verified = findingIn("VERIFIED");
        as(inspector).body(Map.of("action", "START")).post("/api/v1/findings/" + verified + "/transitions").then()
                .statusCode(409).body("detail", equalTo("A finding that is VERIFIED cannot take START; it is VERIFIED, "
                        + "and no action leads on from there."));
    }

    @Test
    void refusesAnUnknownAction() {
        String id = findingIn("OPEN");
        as(Tokens.admin()).body(Map.of("action", "CLOSE")).post("/api/v1/findings/" + id + "/transitions")
                .then().statusCode(400).body("errors[0].field", equalTo("action"));
    }

    private void assertUnchanged(String id, String status, long events) {
        assertThat(Db.text("select status from finding where id = ?::uuid", UUID.fromString(id))).isEqualTo(status);
        assertThat(Db.changeEvents()).isEqualTo(events);
    }

    /** A finding of the world's group brought into a status through the API. */
    private String findingIn(String status) {
        Map<String, Object> body = Api.finding(world.groupId(), world.siteId());
        body.put("rectifiedOnSite", status.equals("RECTIFIED") || status.equals("VERIFIED"));
        String id = Api.reportFinding(Tokens.admin(), body).getString("id");
        String action = switch (status) {
            case "RECTIFYING" -> "START";
            case "VERIFIED" -> "VERIFY";
            case "ESCALATED" -> "ESCALATE";
            default -> null;
        };
        if (action != null) {
            as(Tokens.admin()).body(Map.of("action", action)).post("/api/v1/findings/" + id + "/transitions")
                    .then().statusCode(200).body("status", equalTo(status));
        }
        return id;
    }
}
