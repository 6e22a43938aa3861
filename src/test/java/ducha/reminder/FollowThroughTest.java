package ducha.reminder;

import static ducha.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Gql;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Responsible parties and the follow-through sweep, through REST and GraphQL. The sweep runs on the clock each test
 * chooses (ReminderSweep.sweep(now, unit)), held to the test's own units so that no other test's findings move.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class FollowThroughTest {

    private static final String PARTY = "尉氏县市场监督管理局";

    @Inject
    ReminderSweep sweep;

    // ------------------------------------------------------------------ responsible party

    @Test
    void responsiblePartyIsSetWhenReportedAndHandedOverWithHistory() {
        Api.World world = Api.world();
        String inspector = Tokens.inspector(world.groupCode());
        var body = Api.finding(world.groupId(), world.siteId());
        body.put("responsibleParty", "  " + PARTY + " ");
        body.put("responsibleContact", "王科长");
        JsonPath created = Api.reportFinding(inspector, body);
        String id = created.getString("id");
        assertThat(created.getString("responsibleParty")).isEqualTo(PARTY);
        assertThat(created.getString("responsibleContact")).isEqualTo("王科长");

        // Hand-over: If-Match required, the version checked, the unit rule applied; a refusal changes nothing.
        Api.World other = Api.world();
        long events = Db.changeEvents();
        Map<String, Object> handOver = Map.of("responsibleParty", "开封市卫健委", "note", "转卫健部门督促整改");
        as(inspector).body(handOver).post("/api/v1/findings/" + id + "/handover").then().statusCode(428);
        as(inspector).header("If-Match", "\"99\"").body(handOver).post("/api/v1/findings/" + id + "/handover")
                .then().statusCode(412).body("code", equalTo("STALE_VERSION"));
        as(Tokens.inspector(other.unitCode())).header("If-Match", "*").body(handOver)
                .post("/api/v1/findings/" + id + "/handover").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        as(inspector).header("If-Match", "*").body(Map.of("responsibleParty", " "))
                .post("/api/v1/findings/" + id + "/handover").then().statusCode(400).body("code", equalTo("VALIDATION"));
        as(inspector).header("If-Match", "*").body(Map.of("responsibleParty", "x".repeat(201)))
                .post("/api/v1/findings/" + id + "/handover").then().statusCode(400).body("code", equalTo("VALIDATION"));
        as(inspector).header("If-Match", "*").body(Map.of("responsibleParty", "x", "owner", "me"))
                .post("/api/v1/findings/" + id + "/handover").then().statusCode(400);
        assertThat(Db.changeEvents()).isEqualTo(events);

        long version = created.getLong("version");
        JsonPath handed = as(inspector).header("If-Match", "\"" + version + "\"").body(handOver)
                .post("/api/v1/findings/" + id + "/handover").then().statusCode(200)
                .header("ETag", "\"" + (version + 1) + "\"").extract().jsonPath();
        assertThat(handed.getString("responsibleParty")).isEqualTo("开封市卫健委");
        assertThat(handed.getString("responsibleContact")).as("a hand-over without a contact clears it").isNull();

        // The same party again is no change: no version, no event.
        events = Db.changeEvents();
        as(inspector).header("If-Match", "*").body(handOver).post("/api/v1/findings/" + id + "/handover")
                .then().statusCode(200).body("version", equalTo((int) version + 1));
        assertThat(Db.changeEvents()).isEqualTo(events);

        JsonPath history = as(inspector).get("/api/v1/findings/" + id + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getList("items.op", String.class)).containsExactly("CREATE", "UPDATE");
        assertThat(history.getString("items[1].detail.action")).isEqualTo("HAND_OVER");
        assertThat(history.getString("items[1].detail.from.responsibleParty")).isEqualTo(PARTY);
        assertThat(history.getString("items[1].detail.from.responsibleContact")).isEqualTo("王科长");
        assertThat(history.getString("items[1].detail.to.responsibleParty")).isEqualTo("开封市卫健委");
        assertThat(history.getString("items[1].detail.note")).isEqualTo("转卫健部门督促整改");

        // GraphQL: the same rules and the same history.
        JsonPath stale = Gql.query(inspector, """
                mutation($id: ID!) { handOverFinding(id: $id, expectedVersion: 0, responsibleParty: "某局") { id } }""",
                Map.of("id", id));
        assertThat(Gql.errorCode(stale)).isEqualTo("STALE_VERSION");
        JsonPath forbidden = Gql.query(Tokens.inspector(other.unitCode()), """
                mutation($id: ID!, $v: Int!) { handOverFinding(id: $id, expectedVersion: $v, responsibleParty: "某局") {
                  id } }""", Map.of("id", id, "v", version + 1));
        assertThat(Gql.errorCode(forbidden)).isEqualTo("FORBIDDEN");
        JsonPath viaGraphql = Gql.query(inspector, """
                mutation($id: ID!, $v: Int!) { handOverFinding(id: $id, expectedVersion: $v,
                  responsibleParty: "尉氏县疾控中心", responsibleContact: "李主任", note: "转疾控") {
                  responsibleParty responsibleContact version history { op actor handedTo note } } }""",
                Map.of("id", id, "v", version + 1));
        assertThat(viaGraphql.getList("errors")).isNull();
        assertThat(viaGraphql.getString("data.handOverFinding.responsibleParty")).isEqualTo("尉氏县疾控中心");
        assertThat(viaGraphql.getString("data.handOverFinding.responsibleContact")).isEqualTo("李主任");
        assertThat(viaGraphql.getList("data.handOverFinding.history.op", String.class))
                .containsExactly("CREATE", "UPDATE", "UPDATE");
        assertThat(viaGraphql.getList("data.handOverFinding.history.handedTo", String.class))
                .containsExactly(null, "开封市卫健委", "尉氏县疾控中心");
    }

    @Test
    void reportRefusesAContactWithoutAPartyAndReportsByParty() {
        Api.World world = Api.world();
        String admin = Tokens.admin();
        var orphan = Api.finding(world.groupId(), world.siteId());
        orphan.put("responsibleContact", "王科长");
        as(admin).body(orphan).post("/api/v1/findings").then().statusCode(400).body("code", equalTo("VALIDATION"))
                .body("errors[0].field", equalTo("responsibleContact"));
        JsonPath gqlOrphan = Gql.query(admin, """
                mutation($u: ID!, $s: ID!) { reportFinding(input: {unitId: $u, siteId: $s, category: OTHER,
                  severity: LOW, description: "x", responsibleContact: "王"}) { id } }""",
                Map.of("u", world.groupId(), "s", world.siteId()));
        assertThat(Gql.errorCode(gqlOrphan)).isEqualTo("VALIDATION");

        // Three for the party (one rectified, one overdue), one for another, one for nobody.
        String past = Instant.now().minus(Duration.ofHours(2)).toString();
        String found = Instant.now().minus(Duration.ofHours(3)).toString();
        List<String> ids = new ArrayList<>();
        for (String[] row : new String[][] {{PARTY, null}, {PARTY, "RECTIFY"}, {PARTY, "OVERDUE"},
                {"开封市卫健委", null}, {null, null}}) {
            var body = Api.finding(world.groupId(), world.siteId());
            body.put("responsibleParty", row[0]);
            body.put("foundAt", found);
            if ("OVERDUE".equals(row[1])) {
                body.put("dueAt", past);
            }
            String id = Api.reportFinding(admin, body).getString("id");
            if ("RECTIFY".equals(row[1])) {
                as(admin).body(Map.of("action", "RECTIFY", "note", "已整改"))
                        .post("/api/v1/findings/" + id + "/transitions").then().statusCode(200);
            }
            ids.add(id);
        }
        JsonPath rest = as(admin).queryParam("unitId", world.unitId())
                .get("/api/v1/reports/responsible-parties").then().statusCode(200).extract().jsonPath();
        assertThat(rest.getList("byResponsibleParty.key")).containsExactly(PARTY, "开封市卫健委", null);
        assertThat(rest.getInt("byResponsibleParty[0].findings")).isEqualTo(3);
        assertThat(rest.getInt("byResponsibleParty[0].rectified")).isEqualTo(1);
        assertThat(rest.getInt("byResponsibleParty[0].open")).isEqualTo(2);
        assertThat(rest.getInt("byResponsibleParty[0].overdue")).isEqualTo(1);
        assertThat(rest.getInt("byResponsibleParty[1].findings")).isEqualTo(1);
        assertThat(rest.getInt("byResponsibleParty[2].findings")).isEqualTo(1);
        as(admin).queryParam("unitId", world.unitId()).queryParam("party", "x")
                .get("/api/v1/reports/responsible-parties").then().statusCode(400);

        JsonPath gql = Gql.query(Tokens.inspector(world.groupCode()), """
                query($u: ID) { findingsByResponsibleParty(filter: {unitId: $u}) { key findings rectified open overdue } }""",
                Map.of("u", world.unitId()));
        assertThat(gql.getList("errors")).isNull();
        assertThat(gql.getList("data.findingsByResponsibleParty.key")).containsExactly(PARTY, "开封市卫健委", null);
        assertThat(gql.getList("data.findingsByResponsibleParty.findings")).containsExactly(3, 1, 1);

        // The list filter, through REST (the other doors: FindingFilterMatrixTest).
        assertThat(as(admin).queryParam("unitId", world.unitId()).queryParam("responsibleParty", PARTY)
                .get("/api/v1/findings").then().statusCode(200).extract().jsonPath().getList("items.id"))
                .containsExactlyInAnyOrder(ids.get(0), ids.get(1), ids.get(2));
    }

    // ------------------------------------------------------------------ reminders and escalation

    @Test
    void remindsOnceWhenDueSoonAndOverdueAndEscalatesBySeverity() {
        Api.World world = Api.world();
        String admin = Tokens.admin();
        Instant due = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        String critical = overdueLater(world, "CRITICAL", due);
        String high = overdueLater(world, "HIGH", due);
        String medium = overdueLater(world, "MEDIUM", due);
        String low = overdueLater(world, "LOW", due);
        String rectified = overdueLater(world, "MEDIUM", due); // LOW and MEDIUM close without an AFTER photo
        as(admin).body(Map.of("action", "RECTIFY", "note", "期限前整改"))
                .post("/api/v1/findings/" + rectified + "/transitions").then().statusCode(200);
        String moved = overdueLater(world, "HIGH", due);

        assertThat(sweep(due.minus(Duration.ofHours(25)), world)).as("not yet within the lead time").isZero();
        assertThat(sweep(due.minus(Duration.ofHours(23)), world)).as("due soon: the five unresolved").isEqualTo(5);
        assertThat(sweep(due.minus(Duration.ofHours(22)), world)).as("never twice").isZero();

        // The due time of one moves: a new due time is reminded anew; the old one's reminders are done.
        Instant later = due.plus(Duration.ofDays(20));
        long version = as(admin).get("/api/v1/findings/" + moved).then().extract().jsonPath().getLong("version");
        as(admin).header("If-Match", "\"" + version + "\"").body(Map.of("category", "DISINFECTION", "severity", "HIGH",
                "description", "消毒记录不全", "dueAt", later.toString())).put("/api/v1/findings/" + moved)
                .then().statusCode(200);

        assertThat(sweep(due.plus(Duration.ofMinutes(1)), world)).as("overdue: four").isEqualTo(4);
        assertThat(sweep(due.plus(Duration.ofDays(1)).minus(Duration.ofMinutes(1)), world)).isZero();
        assertThat(sweep(due.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(1)), world)).as("CRITICAL after 1 day")
                .isEqualTo(1);
        assertThat(status(critical)).isEqualTo("ESCALATED");
        assertThat(status(high)).isEqualTo("OPEN");
        assertThat(sweep(due.plus(Duration.ofDays(3)).plus(Duration.ofMinutes(1)), world)).as("HIGH after 3 days")
                .isEqualTo(1);
        assertThat(sweep(due.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(1)), world)).as("MEDIUM, LOW after 7")
                .isEqualTo(2);
        assertThat(sweep(due.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(2)), world)).isZero();
        assertThat(sweep(later.minus(Duration.ofHours(1)), world)).as("the moved one, due soon again").isEqualTo(1);

        // History: the system's events, in order, with the due time they are about.
        JsonPath history = as(admin).get("/api/v1/findings/" + critical + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getList("items.op", String.class))
                .containsExactly("CREATE", "REMINDER", "REMINDER", "TRANSITION");
        assertThat(history.getList("items.actor", String.class).subList(1, 4)).containsOnly("system");
        assertThat(List.of(history.getString("items[1].detail.kind"), history.getString("items[2].detail.kind"),
                history.getString("items[3].detail.kind"))).containsExactly("DUE_SOON", "OVERDUE", "ESCALATED");
        assertThat(history.getString("items[3].detail.action")).isEqualTo("ESCALATE");
        assertThat(history.getString("items[3].detail.from")).isEqualTo("OPEN");
        assertThat(history.getString("items[3].detail.note")).contains("1 day", "CRITICAL");
        assertThat(history.getString("items[3].detail.audienceUnitId")).isEqualTo(world.unitId());
        assertThat(history.getString("items[2].detail.audienceUnitId")).isEqualTo(world.groupId());
        assertThat(Instant.parse(history.getString("items[1].detail.dueAt"))).isEqualTo(due);

        assertThat(reminders(rectified)).as("rectified before its due time: nothing").isZero();
        assertThat(Db.texts("select kind || '@' || to_char(due_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS') "
                        + "from finding_reminder where finding_id = ?::uuid order by seq", moved))
                .containsExactly("DUE_SOON@" + due.toString().replace("Z", ""),
                        "DUE_SOON@" + later.toString().replace("Z", ""));

        // Roles: the group reads its reminders but not the escalations (addressed to the parent unit); the parent
        // unit's inspectors read those; an inspector may not read another unit's.
        String group = Tokens.inspector(world.groupCode());
        String parent = Tokens.inspector(world.unitCode());
        JsonPath mine = as(group).queryParam("limit", 200).get("/api/v1/reminders").then().statusCode(200)
                .extract().jsonPath();
        assertThat(mine.getList("items.kind", String.class)).contains("DUE_SOON", "OVERDUE")
                .doesNotContain("ESCALATED");
        assertThat(mine.getList("items.kind")).hasSize(10);
        List<Long> seqs = mine.getList("items.seq", String.class).stream().map(Long::valueOf).toList();
        assertThat(seqs).as("newest first").isSortedAccordingTo((a, b) -> Long.compare(b, a));
        JsonPath escalations = as(parent).queryParam("kind", "ESCALATED").get("/api/v1/reminders").then()
                .statusCode(200).extract().jsonPath();
        assertThat(escalations.getList("items.findingId", String.class))
                .containsExactlyInAnyOrder(critical, high, medium, low);
        assertThat(escalations.getList("items.audienceUnitId", String.class)).containsOnly(world.unitId());
        as(group).queryParam("unitId", world.unitId()).get("/api/v1/reminders").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        Api.World stranger = Api.world();
        as(Tokens.inspector(stranger.unitCode())).queryParam("unitId", world.groupId()).get("/api/v1/reminders")
                .then().statusCode(403);
        as(admin).queryParam("kind", "LATE").get("/api/v1/reminders").then().statusCode(400);
        as(admin).queryParam("unitid", world.unitId()).get("/api/v1/reminders").then().statusCode(400);

        // Paging: two at a time, nothing lost or repeated.
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(group).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/reminders").then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("items.seq", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(paged).isEqualTo(mine.getList("items.seq", String.class));

        // GraphQL: the same feed with the same rules.
        JsonPath gql = Gql.query(parent, """
                { reminders(filter: {kind: ESCALATED}, first: 50) { edges { node { kind findingId audienceUnitId
                  finding { status } } } } }""");
        assertThat(gql.getList("errors")).isNull();
        assertThat(gql.getList("data.reminders.edges.node.findingId", String.class))
                .containsExactlyInAnyOrder(critical, high, medium, low);
        assertThat(gql.getList("data.reminders.edges.node.finding.status", String.class)).containsOnly("ESCALATED");
        JsonPath refused = Gql.query(group, "query($u: ID) { reminders(filter: {unitId: $u}) { edges { node { kind } } } }",
                Map.of("u", world.unitId()));
        assertThat(Gql.errorCode(refused)).isEqualTo("FORBIDDEN");
    }

    @Test
    void manualEscalationAndRectificationStopTheSystemsEscalation() {
        Api.World world = Api.world();
        Instant due = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String escalatedByHand = overdueLater(world, "CRITICAL", due);
        as(Tokens.admin()).body(Map.of("action", "ESCALATE")).post("/api/v1/findings/" + escalatedByHand
                + "/transitions").then().statusCode(200);
        assertThat(sweep(due.plus(Duration.ofDays(2)), world)).as("overdue only: it is escalated already").isEqualTo(1);
        assertThat(Db.count("select count(*) from finding_reminder where finding_id = ?::uuid and kind = 'ESCALATED'",
                escalatedByHand)).isZero();
    }

    /**
     * Exactly once under concurrency: eight sweeps at once (eight connections) over thirty findings overdue past
     * their threshold each give one OVERDUE and one ESCALATED per finding, and the change log one event of each.
     */
    @Test
    void concurrentSweepsSendEachReminderOnce() {
        Api.World world = Api.world();
        Instant due = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(overdueLater(world, "CRITICAL", due));
        }
        Instant at = due.plus(Duration.ofDays(2));
        List<CompletableFuture<Integer>> sweeps = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sweeps.add(CompletableFuture.supplyAsync(() -> sweep(at, world)));
        }
        int sent = sweeps.stream().mapToInt(CompletableFuture::join).sum();
        assertThat(sent).isEqualTo(60);
        for (String id : ids) {
            assertThat(Db.texts("select detail ->> 'kind' from change_event where entity = 'finding' "
                    + "and entity_id = ?::uuid and actor = 'system' order by seq", id))
                    .containsExactly("OVERDUE", "ESCALATED");
            assertThat(status(id)).isEqualTo("ESCALATED");
        }
        assertThat(sweep(at, world)).isZero();
    }

    private int sweep(Instant now, Api.World world) {
        return sweep.sweep(now, java.util.UUID.fromString(world.unitId())).await().atMost(Duration.ofSeconds(30));
    }

    /** An OPEN finding of the world's group, found an hour ago, due at {@code due}. */
    private static String overdueLater(Api.World world, String severity, Instant due) {
        var body = Api.finding(world.groupId(), world.siteId());
        body.put("severity", severity);
        body.put("foundAt", Instant.now().minus(Duration.ofHours(1)).toString());
        body.put("dueAt", due.toString());
        return Api.reportFinding(Tokens.admin(), body).getString("id");
    }

    private static String status(String id) {
        return as(Tokens.admin()).get("/api/v1/findings/" + id).then().statusCode(200).extract().jsonPath()
                .getString("status");
    }

    private static long reminders(String id) {
        return Db.count("select count(*) from change_event where entity_id = ?::uuid and actor = 'system'", id);
    }
}
