package ducha.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Gql;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Mutations go through the same services as REST: same rules, same change events, codes instead of statuses. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class GraphQLMutationsTest {

    @Test
    void adminManagesUnitsSitesAndNotices() {
        String admin = Tokens.admin();
        JsonPath unit = Gql.query(admin, """
                mutation($code: String!) { createUnit(input: {code: $code, name: "开封市纪委监委", kind: COMMISSION})
                  { id version } }""", Map.of("code", Api.code("GU")));
        String unitId = unit.getString("data.createUnit.id");
        assertThat(unit.getInt("data.createUnit.version")).isZero();
        JsonPath updated = Gql.query(admin, """
                mutation($id: ID!, $code: String!) { updateUnit(id: $id, expectedVersion: 0,
                  input: {code: $code, name: "新名称", kind: COMMISSION, district: "开封市"}) { name version } }""",
                Map.of("id", unitId, "code", Api.code("GU")));
        assertThat(updated.getString("data.updateUnit.name")).isEqualTo("新名称");
        assertThat(Gql.errorCode(Gql.query(admin, """
                mutation($id: ID!) { updateUnit(id: $id, expectedVersion: 0,
                  input: {code: "X-1", name: "n", kind: OTHER}) { id } }""", Map.of("id", unitId))))
                .isEqualTo("STALE_VERSION");

        JsonPath site = Gql.query(admin, """
                mutation($code: String!) { createSite(input: {code: $code, name: "刘合集卡点", type: CHECKPOINT,
                  district: "尉氏县", township: "岗李乡"}) { id } }""", Map.of("code", Api.code("GS")));
        String siteId = site.getString("data.createSite.id");
        JsonPath siteUpdated = Gql.query(admin, """
                mutation($id: ID!, $code: String!) { updateSite(id: $id, expectedVersion: 0,
                  input: {code: $code, name: "刘合集卡点", type: CHECKPOINT, active: false}) { active version } }""",
                Map.of("id", siteId, "code", Api.code("GS")));
        assertThat(siteUpdated.getBoolean("data.updateSite.active")).isFalse();

        JsonPath notice = Gql.query(admin, """
                mutation($unit: ID!) { issueNotice(input: {unitId: $unit, kind: SUGGESTION, title: "工作建议"})
                  { id kind version } }""", Map.of("unit", unitId));
        String noticeId = notice.getString("data.issueNotice.id");
        JsonPath noticeUpdated = Gql.query(admin, """
                mutation($id: ID!, $unit: ID!) { updateNotice(id: $id, expectedVersion: 0,
                  input: {unitId: $unit, kind: BULLETIN, title: "督查通报"}) { kind version } }""",
                Map.of("id", noticeId, "unit", unitId));
        assertThat(noticeUpdated.getString("data.updateNotice.kind")).isEqualTo("BULLETIN");
        assertThat(Gql.query(admin, "mutation($id: ID!) { deleteNotice(id: $id, expectedVersion: 1) }",
                Map.of("id", noticeId)).getString("data.deleteNotice")).isEqualTo(noticeId);
        assertThat(Gql.query(admin, "mutation($id: ID!) { deleteSite(id: $id, expectedVersion: 1) }",
                Map.of("id", siteId)).getString("data.deleteSite")).isEqualTo(siteId);
        assertThat(Gql.query(admin, "mutation($id: ID!) { deleteUnit(id: $id, expectedVersion: 1) }",
                Map.of("id", unitId)).getString("data.deleteUnit")).isEqualTo(unitId);
        assertThat(Db.count("select count(*) from change_event where entity_id in (?::uuid, ?::uuid, ?::uuid)",
                UUID.fromString(unitId), UUID.fromString(siteId), UUID.fromString(noticeId))).isEqualTo(9);
    }

    @Test
    void inspectorsRecordReportAndMoveFindingsOfTheirUnit() {
        var world = Api.world();
        String inspector = Tokens.inspector(world.unitCode());
        JsonPath visit = Gql.query(inspector, """
                mutation($unit: ID!, $site: ID!) { recordInspection(input: {unitId: $unit, siteId: $site,
                  startedAt: "2021-08-07T09:00:00+08:00", inspectorCount: 3, method: UNANNOUNCED}) { id createdBy } }""",
                Map.of("unit", world.groupId(), "site", world.siteId()));
        String visitId = visit.getString("data.recordInspection.id");
        assertThat(Gql.query(inspector, """
                mutation($id: ID!, $unit: ID!, $site: ID!) { updateInspection(id: $id, expectedVersion: 0,
                  input: {unitId: $unit, siteId: $site, startedAt: "2021-08-07T09:00:00+08:00", inspectorCount: 4,
                  method: UNANNOUNCED}) { inspectorCount } }""",
                Map.of("id", visitId, "unit", world.groupId(), "site", world.siteId()))
                .getInt("data.updateInspection.inspectorCount")).isEqualTo(4);

        JsonPath reported = Gql.query(inspector, """
                mutation($unit: ID!, $site: ID!, $visit: ID) { reportFinding(input: {unitId: $unit, siteId: $site,
                  inspectionId: $visit, category: CROWD_CONTROL, severity: MEDIUM, description: "排队间距不足1米"})
                  { id status version inspectionId } }""", Map.of("unit", world.groupId(), "site", world.siteId(), "visit", visitId));
        String id = reported.getString("data.reportFinding.id");
        assertThat(reported.getString("data.reportFinding.status")).isEqualTo("OPEN");
        assertThat(reported.getString("data.reportFinding.inspectionId")).isEqualTo(visitId);
        JsonPath edited = Gql.query(inspector, """
                mutation($id: ID!, $visit: ID) { updateFinding(id: $id, expectedVersion: 0, input: {inspectionId: $visit,
                  category: CROWD_CONTROL, severity: HIGH, description: "排队间距不足1米,无人引导"}) { severity version } }""",
                Map.of("id", id, "visit", visitId));
        assertThat(edited.getString("data.updateFinding.severity")).isEqualTo("HIGH");
        JsonPath started = Gql.query(inspector, """
                mutation($id: ID!) { transitionFinding(id: $id, action: START, expectedVersion: 1) { status } }""",
                Map.of("id", id));
        assertThat(started.getString("data.transitionFinding.status")).isEqualTo("RECTIFYING");

        JsonPath noNote = Gql.query(inspector, "mutation($id: ID!) { transitionFinding(id: $id, action: RECTIFY) { status } }",
                Map.of("id", id));
        assertThat(Gql.errorCode(noNote)).isEqualTo("VALIDATION");
        assertThat(noNote.getString("errors[0].extensions.details.errors[0].field")).isEqualTo("note");

        JsonPath verify = Gql.query(inspector, "mutation($id: ID!) { transitionFinding(id: $id, action: VERIFY) { status } }",
                Map.of("id", id));
        assertThat(Gql.errorCode(verify)).isEqualTo("FORBIDDEN");
        JsonPath reopen = Gql.query(Tokens.admin(), """
                mutation($id: ID!) { transitionFinding(id: $id, action: REOPEN, note: "n") { status } }""", Map.of("id", id));
        assertThat(Gql.errorCode(reopen)).isEqualTo("CONFLICT");
        assertThat(reopen.getList("errors[0].extensions.details.allowedActions")).containsExactly("RECTIFY", "ESCALATE");
        JsonPath stale = Gql.query(inspector, """
                mutation($id: ID!) { transitionFinding(id: $id, action: RECTIFY, note: "已整改", expectedVersion: 0)
                  { status } }""", Map.of("id", id));
        assertThat(Gql.errorCode(stale)).isEqualTo("STALE_VERSION");

        assertThat(Gql.errorCode(Gql.query(inspector, "mutation($id: ID!) { deleteFinding(id: $id, expectedVersion: 2) }",
                Map.of("id", id)))).isEqualTo("FORBIDDEN");
        assertThat(Gql.errorCode(Gql.query(inspector, "mutation($id: ID!) { deleteInspection(id: $id, expectedVersion: 1) }",
                Map.of("id", visitId)))).isEqualTo("FORBIDDEN");
        assertThat(Gql.errorCode(Gql.query(Tokens.admin(), "mutation($id: ID!) { deleteInspection(id: $id, expectedVersion: 1) }",
                Map.of("id", visitId)))).isEqualTo("CONFLICT");
        assertThat(Gql.query(Tokens.admin(), "mutation($id: ID!) { deleteFinding(id: $id, expectedVersion: 2) }",
                Map.of("id", id)).getString("data.deleteFinding")).isEqualTo(id);
    }

    @Test
    void anInspectorOfAnotherUnitChangesNothingThroughAnyMutation() {
        var world = Api.world();
        var other = Api.world();
        String intruder = Tokens.inspector(other.unitCode());
        String visit = Api.createInspection(Tokens.admin(), world.groupId(), world.siteId(), "2021-08-07T09:00:00+08:00")
                .getString("id");
        String finding = Api.reportFinding(Tokens.admin(), Api.finding(world.groupId(), world.siteId())).getString("id");
        Map<String, Object> ids = Map.of("unit", world.groupId(), "site", world.siteId(), "visit", visit, "id", finding);
        long events = Db.changeEvents();
        List<String> attempts = List.of(
                "mutation($unit: ID!, $site: ID!) { recordInspection(input: {unitId: $unit, siteId: $site, "
                        + "startedAt: \"2021-08-07T09:00:00+08:00\", inspectorCount: 1, method: SCHEDULED}) { id } }",
                "mutation($visit: ID!, $unit: ID!, $site: ID!) { updateInspection(id: $visit, expectedVersion: 0, "
                        + "input: {unitId: $unit, siteId: $site, startedAt: \"2021-08-07T09:00:00+08:00\", "
                        + "inspectorCount: 9, method: SCHEDULED}) { id } }",
                "mutation($unit: ID!, $site: ID!) { reportFinding(input: {unitId: $unit, siteId: $site, "
                        + "category: OTHER, severity: LOW, description: \"x\"}) { id } }",
                "mutation($id: ID!) { updateFinding(id: $id, expectedVersion: 0, input: {category: OTHER, "
                        + "severity: LOW, description: \"x\"}) { id } }",
                "mutation($id: ID!) { transitionFinding(id: $id, action: START) { id } }",
                "mutation($id: ID!) { transitionFinding(id: $id, action: RECTIFY, note: \"x\") { id } }",
                "mutation($id: ID!) { deleteFinding(id: $id, expectedVersion: 0) }",
                "mutation($visit: ID!) { deleteInspection(id: $visit, expectedVersion: 0) }",
                "mutation($unit: ID!) { issueNotice(input: {unitId: $unit, kind: BULLETIN, title: \"x\"}) { id } }",
                "mutation($unit: ID!) { updateUnit(id: $unit, expectedVersion: 0, input: {code: \"X9\", name: \"x\", "
                        + "kind: OTHER}) { id } }",
                "mutation($unit: ID!) { deleteUnit(id: $unit, expectedVersion: 0) }",
                "mutation($site: ID!) { deleteSite(id: $site, expectedVersion: 0) }");
        for (String attempt : attempts) {
            JsonPath response = Gql.query(intruder, attempt, ids);
            assertThat(Gql.errorCode(response)).as(attempt).isEqualTo("FORBIDDEN");
        }
        assertThat(Db.changeEvents()).isEqualTo(events);
        assertThat(Db.text("select status || ':' || version from finding where id = ?::uuid", UUID.fromString(finding)))
                .isEqualTo("OPEN:0");
    }

    @Test
    void refusesInvalidInputWithFieldErrors() {
        var world = Api.world();
        long events = Db.changeEvents();
        JsonPath invalid = Gql.query(Tokens.admin(), """
                mutation { createUnit(input: {code: "bad code!", name: " ", kind: OTHER}) { id } }""");
        assertThat(Gql.errorCode(invalid)).isEqualTo("VALIDATION");
        assertThat(invalid.getList("errors[0].extensions.details.errors.field")).containsExactly("code", "name");
        JsonPath unknownUnit = Gql.query(Tokens.admin(), """
                mutation($site: ID!) { reportFinding(input: {unitId: "00000000-0000-0000-0000-000000000001",
                  siteId: $site, category: OTHER, severity: LOW, description: "x"}) { id } }""",
                Map.of("site", world.siteId()));
        assertThat(Gql.errorCode(unknownUnit)).isEqualTo("VALIDATION");
        JsonPath badUuid = Gql.query(Tokens.admin(), """
                mutation { issueNotice(input: {unitId: "nope", kind: BULLETIN, title: "x"}) { id } }""");
        assertThat(Gql.errorCode(badUuid)).isEqualTo("VALIDATION");
        JsonPath notFound = Gql.query(Tokens.admin(), """
                mutation { transitionFinding(id: "00000000-0000-0000-0000-000000000002", action: START) { id } }""");
        assertThat(Gql.errorCode(notFound)).isEqualTo("NOT_FOUND");
        JsonPath duplicate = Gql.query(Tokens.admin(), """
                mutation($code: String!) { createUnit(input: {code: $code, name: "n", kind: OTHER}) { id } }""",
                Map.of("code", world.unitCode()));
        assertThat(Gql.errorCode(duplicate)).isEqualTo("CONFLICT");
        for (JsonPath response : List.of(invalid, unknownUnit, badUuid, notFound, duplicate)) {
            assertThat(response.getString("errors[0].message")).doesNotContain("ducha.").doesNotContain("Exception");
        }
        assertThat(Db.changeEvents()).isEqualTo(events);
    }
}
