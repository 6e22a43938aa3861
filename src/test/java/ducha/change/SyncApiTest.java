package ducha.change;

import static ducha.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ducha.support.Api;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** GET /api/v1/sync: first sync, incremental sync, tombstones, filters, cursors and 304s. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class SyncApiTest {

    /** A client's copy of the data, built only from sync pages. */
    static final class Replica {
        final Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        final List<Map<String, Object>> received = new ArrayList<>();
        String cursor;

        void apply(List<Map<String, Object>> items) {
            for (Map<String, Object> item : items) {
                received.add(item);
                String key = item.get("entity") + "/" + item.get("id");
                if ("DELETE".equals(item.get("op"))) {
                    rows.remove(key);
                } else {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> data = (Map<String, Object>) item.get("data");
                    rows.put(key, data);
                }
            }
        }

        Map<String, Object> row(String entity, String id) {
            return rows.get(entity + "/" + id);
        }
    }

    static JsonPath page(String token, String since, Map<String, String> filters, int limit) {
        var request = as(token).queryParam("limit", limit).queryParams(filters);
        if (since != null) {
            request.queryParam("since", since);
        }
        return request.get("/api/v1/sync").then().statusCode(200).extract().jsonPath();
    }

    /** Syncs until the server says there is nothing more now. */
    static void syncAll(String token, Replica replica, Map<String, String> filters, int limit) {
        for (int pages = 0; pages < 10_000; pages++) {
            JsonPath page = page(token, replica.cursor, filters, limit);
            replica.apply(page.getList("items"));
            assertThat(page.getString("nextCursor")).isNotBlank();
            replica.cursor = page.getString("nextCursor");
            if (!page.getBoolean("hasMore")) {
                return;
            }
        }
        throw new AssertionError("sync did not end");
    }

    /**
     * Syncs until the replica satisfies the condition: a change shows up once every older transaction in the
     * cluster has ended, which another process may delay for a moment.
     */
    static void syncUntil(String token, Replica replica, Map<String, String> filters, Predicate<Replica> done) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            syncAll(token, replica, filters, 50);
            if (done.test(replica)) {
                return;
            }
            assertThat(Instant.now()).as("sync catches up").isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aFirstSyncCopiesTheWorkingSetAndThenFollowsTheLog() {
        Api.World world = Api.world();
        Api.World other = Api.world();
        String admin = Tokens.admin();
        String inspection = Api.createInspection(admin, world.groupId(), world.siteId(), "2021-08-07T09:00:00+08:00")
                .getString("id");
        String finding = Api.reportFinding(admin, Api.finding(world.groupId(), world.siteId())).getString("id");
        String notice = as(admin).body(Map.of("unitId", world.unitId(), "kind", "BULLETIN", "title", "通报",
                "findingIds", List.of(finding))).post("/api/v1/notices").then().statusCode(201).extract().path("id");
        String otherFinding = Api.reportFinding(admin, Api.finding(other.groupId(), other.siteId())).getString("id");

        String inspector = Tokens.inspector(world.unitCode());
        Map<String, String> filters = Map.of("unitId", world.unitId());
        Replica replica = new Replica();
        // Small pages, so the copy crosses entity boundaries and page boundaries.
        syncAll(inspector, replica, filters, 7);

        assertThat(replica.row("unit", world.unitId())).containsEntry("code", world.unitCode());
        assertThat(replica.row("unit", world.groupId())).containsEntry("parentId", world.unitId());
        assertThat(replica.row("unit", other.unitId())).isNull();
        assertThat(replica.row("site", world.siteId())).isNotNull();
        assertThat(replica.row("site", other.siteId())).as("sites are reference data: all of them").isNotNull();
        assertThat(replica.row("inspection", inspection)).containsEntry("unitId", world.groupId());
        assertThat(replica.row("finding", finding)).containsEntry("status", "OPEN").containsEntry("version", 0);
        assertThat(replica.row("notice", notice)).containsEntry("findingIds", List.of(finding));
        assertThat(replica.row("finding", otherFinding)).isNull();
        // Whatever the page size, a first sync copies the same rows (page ends fall on and between entities).
        for (int limit : new int[] {2, 5, 200}) {
            Replica again = new Replica();
            syncAll(inspector, again, filters, limit);
            assertThat(again.rows.keySet()).as("limit " + limit).containsAll(replica.rows.keySet());
        }

        // Changes after the first sync arrive in commit order: upserts with the new representation, tombstones.
        as(admin).header("If-Match", "\"0\"").body(Map.of("category", "SUPPLIES", "severity", "HIGH",
                "description", "物资不足")).put("/api/v1/findings/" + finding).then().statusCode(200);
        as(inspector).body(Map.of("action", "START")).post("/api/v1/findings/" + finding + "/transitions")
                .then().statusCode(200);
        as(admin).header("If-Match", "\"0\"").delete("/api/v1/notices/" + notice).then().statusCode(204);
        Api.reportFinding(admin, Api.finding(other.groupId(), other.siteId()));
        int before = replica.received.size();
        syncUntil(inspector, replica, filters, r -> r.row("notice", notice) == null);

        List<Map<String, Object>> changes = replica.received.subList(before, replica.received.size());
        assertThat(changes).extracting(c -> c.get("entity") + " " + c.get("op") + " " + c.get("version"))
                .containsExactly("finding UPSERT 1", "finding UPSERT 2", "notice DELETE 0");
        assertThat(changes.get(2)).doesNotContainKey("data");
        assertThat(replica.row("finding", finding)).containsEntry("status", "RECTIFYING")
                .containsEntry("category", "SUPPLIES").containsEntry("version", 2);
    }

    @Test
    void answers304WhenASyncPageOrARowDidNotChange() {
        Api.World world = Api.world();
        String inspector = Tokens.inspector(world.unitCode());
        Map<String, String> filters = Map.of("unitId", world.unitId());
        Replica replica = new Replica();
        syncAll(inspector, replica, filters, 200);

        Response first = as(inspector).queryParams(filters).queryParam("since", replica.cursor).get("/api/v1/sync");
        first.then().statusCode(200).body("items", org.hamcrest.Matchers.empty())
                .body("nextCursor", equalTo(replica.cursor));
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        // Pages travel gzip-compressed to a client that accepts it.
        as(inspector).header("Accept-Encoding", "gzip").queryParams(filters).get("/api/v1/sync").then()
                .statusCode(200).header("Content-Encoding", "gzip");
        Response unchanged = as(inspector).header("If-None-Match", etag).queryParams(filters)
                .queryParam("since", replica.cursor).get("/api/v1/sync");
        unchanged.then().statusCode(304).header("ETag", etag);
        assertThat(unchanged.asByteArray()).isEmpty();

        String finding = Api.reportFinding(inspector, Api.finding(world.groupId(), world.siteId())).getString("id");
        Instant deadline = Instant.now().plusSeconds(60);
        Response changed;
        do {
            changed = as(inspector).header("If-None-Match", etag).queryParams(filters)
                    .queryParam("since", replica.cursor).get("/api/v1/sync");
            assertThat(Instant.now()).isBefore(deadline);
        } while (changed.statusCode() == 304);
        changed.then().statusCode(200).body("items[0].id", equalTo(finding));
        assertThat(changed.header("ETag")).isNotEqualTo(etag);

        // Single rows: the version is the ETag.
        as(inspector).header("If-None-Match", "\"0\"").get("/api/v1/findings/" + finding).then().statusCode(304)
                .header("ETag", "\"0\"");
        as(inspector).header("If-None-Match", "W/\"0\", \"7\"").get("/api/v1/findings/" + finding).then()
                .statusCode(304);
        as(inspector).header("If-None-Match", "\"1\"").get("/api/v1/findings/" + finding).then().statusCode(200)
                .body("id", equalTo(finding));
        for (String path : new String[] {"/api/v1/units/" + world.unitId(), "/api/v1/sites/" + world.siteId()}) {
            String tag = as(inspector).get(path).then().statusCode(200).extract().header("ETag");
            as(inspector).header("If-None-Match", tag).get(path).then().statusCode(304);
        }
    }

    @Test
    void filtersByDistrict() {
        String district = "区-" + UUID.randomUUID().toString().substring(0, 8);
        Api.World world = Api.world();
        String inDistrict = Api.createSite(Api.code("D"), "MARKET", district).getString("id");
        String admin = Tokens.admin();
        String here = Api.reportFinding(admin, Api.finding(world.groupId(), inDistrict)).getString("id");
        String elsewhere = Api.reportFinding(admin, Api.finding(world.groupId(), world.siteId())).getString("id");
        Replica replica = new Replica();
        syncAll(admin, replica, Map.of("district", district), 200);
        // Campaigns are reference data that every phone gets, whatever the filter (docs/sync.md).
        assertThat(replica.rows.keySet()).filteredOn(key -> !key.startsWith("campaign/"))
                .containsExactlyInAnyOrder("site/" + inDistrict, "finding/" + here);
        assertThat(replica.row("finding", elsewhere)).isNull();
    }

    @Test
    void refusesCursorsItDidNotIssueOrIssuedForOtherFilters() {
        Api.World world = Api.world();
        String admin = Tokens.admin();
        Replica replica = new Replica();
        syncAll(admin, replica, Map.of("unitId", world.unitId()), 200);
        as(admin).queryParam("since", replica.cursor).queryParam("unitId", world.groupId()).get("/api/v1/sync")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("since"));
        for (String since : new String[] {"garbage", "czEfeB9MHzEfMg", "x".repeat(600)}) {
            as(admin).queryParam("since", since).get("/api/v1/sync").then().statusCode(400)
                    .body("errors[0].field", equalTo("since"));
        }
        as(admin).queryParam("unitId", UUID.randomUUID().toString()).get("/api/v1/sync").then().statusCode(400)
                .body("errors[0].field", equalTo("unitId"));
        as(admin).queryParam("limit", "201").get("/api/v1/sync").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }
}
