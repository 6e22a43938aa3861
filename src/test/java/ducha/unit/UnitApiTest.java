package ducha.unit;

import static ducha.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class UnitApiTest {

    private static Map<String, Object> unitBody(String code, String parentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "单位 " + code);
        body.put("kind", "SUPERVISION_GROUP");
        body.put("parentId", parentId);
        body.put("district", "尉氏县");
        body.put("leader", "组长");
        return body;
    }

    @Test
    void createsReadsAndReturnsETagAndLocation() {
        String code = Api.code("CITY");
        Response created = as(Tokens.admin()).body(unitBody(code, null)).post("/api/v1/units");
        created.then().statusCode(201)
                .header("ETag", "\"0\"")
                .header("Location", containsString("/api/v1/units/" + created.jsonPath().getString("id")))
                .body("code", equalTo(code))
                .body("kind", equalTo("SUPERVISION_GROUP"))
                .body("active", equalTo(true))
                .body("version", equalTo(0));
        String id = created.jsonPath().getString("id");
        as(Tokens.inspector("ANY")).get("/api/v1/units/" + id)
                .then().statusCode(200).header("ETag", "\"0\"").body("district", equalTo("尉氏县"));
        assertThat(created.jsonPath().getString("createdAt")).endsWith("Z");
    }

    @Test
    void acceptsAClientChosenIdAndRefusesItTwice() {
        String id = UUID.randomUUID().toString();
        Map<String, Object> body = unitBody(Api.code("OWN"), null);
        body.put("id", id);
        as(Tokens.admin()).body(body).post("/api/v1/units").then().statusCode(201).body("id", equalTo(id));
        body.put("code", Api.code("OWN"));
        long events = Db.changeEvents();
        as(Tokens.admin()).body(body).post("/api/v1/units").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("CONFLICT"));
        assertThat(Db.changeEvents()).isEqualTo(events);
    }

    @Test
    void refusesADuplicateCodeWithAFieldError() {
        String code = Api.code("DUP");
        Api.createUnit(code, null);
        as(Tokens.admin()).body(unitBody(code, null)).post("/api/v1/units").then().statusCode(409)
                .body("errors[0].field", equalTo("code"));
        assertThat(Db.count("select count(*) from unit where code = ?", code)).isEqualTo(1);
    }

    @Test
    void updatesWithIfMatchAndRefusesStaleOrMissingVersions() {
        String id = Api.createUnit(Api.code("UPD"), null).getString("id");
        Map<String, Object> body = unitBody(Api.code("UPD"), null);
        body.put("name", "新名称");

        as(Tokens.admin()).body(body).put("/api/v1/units/" + id).then().statusCode(428)
                .body("code", equalTo("PRECONDITION_REQUIRED"));
        as(Tokens.admin()).header("If-Match", "\"7\"").body(body).put("/api/v1/units/" + id).then().statusCode(412)
                .body("code", equalTo("STALE_VERSION")).body("currentVersion", equalTo(0));
        as(Tokens.admin()).header("If-Match", "\"0\"").body(body).put("/api/v1/units/" + id).then().statusCode(200)
                .header("ETag", "\"1\"").body("name", equalTo("新名称")).body("version", equalTo(1));
        // The same If-Match again is now stale.
        as(Tokens.admin()).header("If-Match", "\"0\"").body(body).put("/api/v1/units/" + id).then().statusCode(412);
        assertThat(Db.text("select name from unit where id = ?::uuid", id)).isEqualTo("新名称");
    }

    @Test
    void exactlyOneOfManyRacingUpdatesWins() throws Exception {
        String id = Api.createUnit(Api.code("RACE"), null).getString("id");
        String code = Api.code("RACE");
        String token = Tokens.admin();
        int writers = 8;
        var pool = Executors.newFixedThreadPool(writers);
        try {
            List<CompletableFuture<Integer>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Map<String, Object> body = unitBody(code, null);
                body.put("name", "writer " + i);
                results.add(CompletableFuture.supplyAsync(() -> as(token).header("If-Match", "\"0\"").body(body)
                        .put("/api/v1/units/" + id).statusCode(), pool));
            }
            List<Integer> statuses = results.stream().map(CompletableFuture::join).toList();
            assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
            assertThat(statuses).filteredOn(status -> status != 200).containsOnly(412);
        } finally {
            pool.shutdown();
        }
        assertThat(Db.count("select version from unit where id = ?::uuid", UUID.fromString(id))).isEqualTo(1);
        assertThat(Db.count("select count(*) from change_event where entity_id = ?::uuid and op = 'UPDATE'",
                UUID.fromString(id))).isEqualTo(1);
    }

    @Test
    void refusesATreeCycle() {
        String rootId = Api.createUnit(Api.code("CYC"), null).getString("id");
        String rootCode = Db.text("select code from unit where id = ?::uuid", UUID.fromString(rootId));
        String childId = Api.createUnit(Api.code("CYC"), rootId).getString("id");
        String grandchildId = Api.createUnit(Api.code("CYC"), childId).getString("id");

        Map<String, Object> body = unitBody(rootCode, grandchildId);
        as(Tokens.admin()).header("If-Match", "\"0\"").body(body).put("/api/v1/units/" + rootId)
                .then().statusCode(400).body("errors[0].field", equalTo("parentId"));
        body.put("parentId", rootId);
        as(Tokens.admin()).header("If-Match", "\"0\"").body(body).put("/api/v1/units/" + rootId)
                .then().statusCode(400).body("errors[0].field", equalTo("parentId"));
        body.put("parentId", UUID.randomUUID().toString());
        as(Tokens.admin()).header("If-Match", "\"0\"").body(body).put("/api/v1/units/" + rootId)
                .then().statusCode(400).body("errors[0].message", equalTo("names no unit"));
    }

    @Test
    void deletesOnlyUnreferencedUnits() {
        var world = Api.world();
        // The commission still has a group: refused, nothing changes.
        as(Tokens.admin()).header("If-Match", "\"0\"").delete("/api/v1/units/" + world.unitId())
                .then().statusCode(409).body("detail", containsString("inactive"));
        // A group with an inspection: refused too.
        Api.createInspection(Tokens.admin(), world.groupId(), world.siteId(), "2021-08-07T09:00:00+08:00");
        as(Tokens.admin()).header("If-Match", "\"0\"").delete("/api/v1/units/" + world.groupId())
                .then().statusCode(409);
        assertThat(Db.count("select count(*) from unit where id in (?::uuid, ?::uuid)",
                UUID.fromString(world.unitId()), UUID.fromString(world.groupId()))).isEqualTo(2);

        String leaf = Api.createUnit(Api.code("LEAF"), null).getString("id");
        as(Tokens.admin()).delete("/api/v1/units/" + leaf).then().statusCode(428);
        as(Tokens.admin()).header("If-Match", "\"0\"").delete("/api/v1/units/" + leaf).then().statusCode(204);
        as(Tokens.admin()).get("/api/v1/units/" + leaf).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        assertThat(Db.count("select count(*) from change_event where entity_id = ?::uuid and op = 'DELETE'",
                UUID.fromString(leaf))).isEqualTo(1);
    }

    @Test
    void filtersByParentKindDistrictActiveAndText() {
        String rootId = Api.createUnit(Api.code("FLT"), null).getString("id");
        String groupCode = Api.code("FLT");
        String groupId = Api.createUnit(groupCode, rootId).getString("id");
        Map<String, Object> team = unitBody(Api.code("FLT"), rootId);
        team.put("kind", "STATIONED_TEAM");
        team.put("district", "兰考县");
        team.put("active", false);
        team.put("name", "驻市卫健委纪检监察组");
        String teamId = as(Tokens.admin()).body(team).post("/api/v1/units").then().statusCode(201)
                .extract().path("id");

        as(Tokens.admin()).queryParam("parentId", rootId).get("/api/v1/units").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("nextCursor", nullValue());
        as(Tokens.admin()).queryParam("parentId", rootId).queryParam("kind", "STATIONED_TEAM").get("/api/v1/units")
                .then().body("items.id", equalTo(List.of(teamId)));
        as(Tokens.admin()).queryParam("parentId", rootId).queryParam("active", "true").get("/api/v1/units")
                .then().body("items.id", equalTo(List.of(groupId)));
        as(Tokens.admin()).queryParam("parentId", rootId).queryParam("district", "兰考县").get("/api/v1/units")
                .then().body("items.id", equalTo(List.of(teamId)));
        as(Tokens.admin()).queryParam("q", "卫健委").queryParam("parentId", rootId).get("/api/v1/units")
                .then().body("items.id", equalTo(List.of(teamId)));
        as(Tokens.admin()).queryParam("q", groupCode.toLowerCase()).get("/api/v1/units")
                .then().body("items.id", hasItem(groupId));
        // LIKE wildcards in q are taken literally.
        as(Tokens.admin()).queryParam("q", "%").queryParam("parentId", rootId).get("/api/v1/units")
                .then().body("items.size()", equalTo(0));
    }

    @Test
    void pagesThroughMoreRowsThanOnePageWithoutLossOrRepeat() {
        String rootId = Api.createUnit(Api.code("PG"), null).getString("id");
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 23; i++) {
            expected.add(Api.createUnit(Api.code("PG"), rootId).getString("id"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as(Tokens.admin()).queryParam("parentId", rootId).queryParam("limit", 5);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/units");
            page.then().statusCode(200);
            seen.addAll(page.jsonPath().getList("items.id"));
            cursor = page.jsonPath().getString("nextCursor");
            if (cursor != null) {
                assertThat(page.header("Link")).contains("rel=\"next\"").contains("cursor=" + cursor);
            } else {
                assertThat(page.header("Link")).isNull();
            }
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(5);
        assertThat(seen).hasSize(23).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(expected);
    }

    @Test
    void writesOneChangeEventPerWriteAndNoneForAFailedOne() {
        long before = Db.changeEvents();
        String code = Api.code("EVT");
        String id = Api.createUnit(code, null).getString("id");
        assertThat(Db.changeEvents()).isEqualTo(before + 1);
        String actor = Db.text("select actor from change_event where entity = 'unit' and entity_id = ?::uuid",
                UUID.fromString(id));
        assertThat(actor).startsWith("admin-");
        assertThat(Db.text("select data->>'code' from change_event where entity_id = ?::uuid",
                UUID.fromString(id))).isEqualTo(code);

        as(Tokens.admin()).body(unitBody(code, null)).post("/api/v1/units").then().statusCode(409);
        as(Tokens.admin()).header("If-Match", "\"5\"").body(unitBody(code, null)).put("/api/v1/units/" + id)
                .then().statusCode(412);
        assertThat(Db.changeEvents()).isEqualTo(before + 1);
    }
}
