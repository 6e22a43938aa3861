package ducha.notice;

import static ducha.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class NoticeApiTest {

    private static Map<String, Object> noticeBody(String unitId, String kind, String issuedAt, List<String> findings) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", unitId);
        body.put("kind", kind);
        body.put("title", "关于疫情防控督查情况的通报");
        body.put("body", "正文");
        body.put("issuedAt", issuedAt);
        body.put("findingIds", findings);
        return body;
    }

    @Test
    void citesOnlyFindingsOfTheIssuingUnitAndItsSubUnits() {
        var world = Api.world();
        var other = Api.world();
        String own = Api.reportFinding(Tokens.admin(), Api.finding(world.groupId(), world.siteId())).getString("id");
        String foreign = Api.reportFinding(Tokens.admin(), Api.finding(other.groupId(), other.siteId())).getString("id");
        long events = ducha.support.Db.changeEvents();
        as(Tokens.admin()).body(noticeBody(world.unitId(), "BULLETIN", null, List.of(own, foreign)))
                .post("/api/v1/notices").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("findingIds"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString(foreign));
        var graphql = ducha.support.Gql.query(Tokens.admin(),
                "mutation($input: NoticeInput!) { issueNotice(input: $input) { id } }",
                Map.of("input", Map.of("unitId", world.unitId(), "kind", "BULLETIN", "title", "通报",
                        "findingIds", List.of(own, foreign))));
        assertThat(ducha.support.Gql.errorCode(graphql)).isEqualTo("VALIDATION");
        assertThat(graphql.getString("errors[0].extensions.details.errors[0].message")).contains(foreign);
        assertThat(ducha.support.Db.changeEvents()).isEqualTo(events);
        String id = as(Tokens.admin()).body(noticeBody(world.unitId(), "BULLETIN", null, List.of(own)))
                .post("/api/v1/notices").then().statusCode(201).extract().path("id");
        as(Tokens.admin()).header("If-Match", "\"0\"")
                .body(noticeBody(world.unitId(), "BULLETIN", null, List.of(own, foreign)))
                .put("/api/v1/notices/" + id).then().statusCode(400);
    }

    @Test
    void issuesANoticeCitingFindingsAndChangesItsCitations() {
        var world = Api.world();
        String f1 = Api.reportFinding(Tokens.admin(), Api.finding(world.groupId(), world.siteId())).getString("id");
        String f2 = Api.reportFinding(Tokens.admin(), Api.finding(world.groupId(), world.siteId())).getString("id");
        String id = as(Tokens.admin()).body(noticeBody(world.unitId(), "BULLETIN", "2021-08-08T12:00:00+08:00",
                        List.of(f1, f2, f1)))
                .post("/api/v1/notices").then().statusCode(201)
                .body("findingIds.size()", equalTo(2))
                .body("issuedBy", org.hamcrest.Matchers.startsWith("admin-"))
                .extract().path("id");

        as(Tokens.admin()).header("If-Match", "\"0\"")
                .body(noticeBody(world.unitId(), "BULLETIN", "2021-08-08T12:00:00+08:00", List.of(f2)))
                .put("/api/v1/notices/" + id).then().statusCode(200)
                .body("findingIds", equalTo(List.of(f2))).body("version", equalTo(1));
        as(Tokens.inspector("X")).get("/api/v1/notices/" + id).then().statusCode(200)
                .header("ETag", "\"1\"").body("findingIds", equalTo(List.of(f2)));

        // A cited finding cannot be deleted.
        as(Tokens.admin()).header("If-Match", "\"0\"").delete("/api/v1/findings/" + f2).then().statusCode(409);
        as(Tokens.admin()).header("If-Match", "\"1\"").delete("/api/v1/notices/" + id).then().statusCode(204);
        assertThat(Db.count("select count(*) from notice_finding where notice_id = ?::uuid", UUID.fromString(id))).isZero();
        as(Tokens.admin()).header("If-Match", "\"0\"").delete("/api/v1/findings/" + f2).then().statusCode(204);
    }

    @Test
    void refusesUnknownFindingsAndInspectors() {
        var world = Api.world();
        long events = Db.changeEvents();
        String missing = UUID.randomUUID().toString();
        as(Tokens.admin()).body(noticeBody(world.unitId(), "SUGGESTION", null, List.of(missing)))
                .post("/api/v1/notices").then().statusCode(400).body("errors[0].field", equalTo("findingIds"));
        as(Tokens.inspector(world.unitCode())).body(noticeBody(world.unitId(), "SUGGESTION", null, List.of()))
                .post("/api/v1/notices").then().statusCode(403);
        assertThat(Db.changeEvents()).isEqualTo(events);
    }

    @Test
    void filtersByUnitTreeKindAndPeriod() {
        var world = Api.world();
        String a = as(Tokens.admin()).body(noticeBody(world.groupId(), "SUGGESTION", "2021-08-06T12:00:00+08:00", null))
                .post("/api/v1/notices").then().statusCode(201).extract().path("id");
        String b = as(Tokens.admin()).body(noticeBody(world.unitId(), "BULLETIN", "2021-08-07T12:00:00+08:00", null))
                .post("/api/v1/notices").then().statusCode(201).extract().path("id");
        assertIds(Map.of("unitId", world.unitId()), b, a);
        assertIds(Map.of("unitId", world.groupId()), a);
        assertIds(Map.of("unitId", world.unitId(), "kind", "BULLETIN"), b);
        assertIds(Map.of("unitId", world.unitId(), "from", "2021-08-07T00:00:00+08:00"), b);
        assertIds(Map.of("unitId", world.unitId(), "to", "2021-08-07T00:00:00+08:00"), a);
    }

    private static void assertIds(Map<String, String> query, String... expected) {
        var request = as(Tokens.admin());
        query.forEach(request::queryParam);
        List<String> ids = request.get("/api/v1/notices").then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(ids).as(query.toString()).containsExactly(expected);
    }
}
