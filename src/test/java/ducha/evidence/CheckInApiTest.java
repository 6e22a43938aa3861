package ducha.evidence;

import static ducha.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import ducha.support.Api;
import ducha.support.Gql;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Check-ins through REST and GraphQL: the class of a visit at the Liuheji checkpoint of Gangli township (coordinates
 * as in GeoTest), the accuracy margin, validation, the presence filter (resolvers and planner alike), what a later
 * move of the site does, and the summary's verified visits.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class CheckInApiTest {

    static String site(Double latitude, Double longitude) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", Api.code("GANGLI-CP"));
        body.put("name", "刘合集卡点");
        body.put("type", "CHECKPOINT");
        // Not "尉氏县": the demo's 158 Weishi checkpoints are counted by district (SeedFiguresTest).
        body.put("district", "尉氏县-" + Api.code("T"));
        body.put("township", "岗李乡");
        body.put("latitude", latitude);
        body.put("longitude", longitude);
        return as(Tokens.admin()).body(body).post("/api/v1/sites").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> checkIn(double metresNorth, double accuracy) {
        Map<String, Object> checkIn = new HashMap<>();
        checkIn.put("latitude", GeoTest.CHECKPOINT_LAT + GeoTest.north(metresNorth));
        checkIn.put("longitude", GeoTest.CHECKPOINT_LON);
        checkIn.put("accuracy", accuracy);
        checkIn.put("recordedAt", "2021-08-07T09:31:00+08:00");
        return checkIn;
    }

    static Map<String, Object> visit(String unitId, String siteId, Map<String, Object> checkIn) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", unitId);
        body.put("siteId", siteId);
        body.put("startedAt", "2021-08-07T09:30:00+08:00");
        body.put("inspectorCount", 3);
        body.put("method", "UNANNOUNCED");
        body.put("checkIn", checkIn);
        return body;
    }

    static JsonPath record(String token, Map<String, Object> body) {
        return as(token).body(body).post("/api/v1/inspections").then().statusCode(201).extract().jsonPath();
    }

    @Test
    void classifiesVisitsByDistancePlusAccuracy() {
        Api.World world = Api.world();
        String inspector = Tokens.inspector(world.unitCode());
        String site = site(GeoTest.CHECKPOINT_LAT, GeoTest.CHECKPOINT_LON);

        JsonPath near = record(inspector, visit(world.groupId(), site, checkIn(150, 8)));
        assertThat(near.getString("presence")).isEqualTo("VERIFIED");
        assertThat(near.getInt("checkIn.distance")).isEqualTo(150);
        assertThat(near.getDouble("checkIn.accuracy")).isEqualTo(8.0);
        assertThat(near.getString("checkIn.recordedAt")).isEqualTo("2021-08-07T01:31:00Z");
        // 230 m away: within 200 m + an accuracy of 40 m, not of 20 m.
        assertThat(record(inspector, visit(world.groupId(), site, checkIn(230, 40))).getString("presence"))
                .isEqualTo("VERIFIED");
        JsonPath far = record(inspector, visit(world.groupId(), site, checkIn(230, 20)));
        assertThat(far.getString("presence")).isEqualTo("FAR");
        assertThat(far.getInt("checkIn.distance")).isEqualTo(230);
        // From the county seat, 8 km off.
        Map<String, Object> seat = checkIn(0, 15);
        seat.put("latitude", GeoTest.SEAT_LAT);
        seat.put("longitude", GeoTest.SEAT_LON);
        assertThat(record(inspector, visit(world.groupId(), site, seat)).getString("presence")).isEqualTo("FAR");
        // No position, or a site without coordinates: nothing is proved either way.
        JsonPath none = record(inspector, visit(world.groupId(), site, null));
        assertThat(none.getString("presence")).isEqualTo("UNKNOWN");
        assertThat(none.getString("checkIn")).isNull();
        JsonPath unplaced = record(inspector, visit(world.groupId(), world.siteId(), checkIn(0, 5)));
        assertThat(unplaced.getString("presence")).isEqualTo("UNKNOWN");
        assertThat(unplaced.getString("checkIn.distance")).isNull();

        // The filter, over REST and GraphQL (planner and resolvers give the same).
        as(inspector).queryParam("siteId", site).queryParam("presence", "FAR").get("/api/v1/inspections").then()
                .statusCode(200).body("items.size()", equalTo(2)).body("items.presence", hasItem("FAR"));
        as(inspector).queryParam("siteId", site).queryParam("presence", "VERIFIED").get("/api/v1/inspections").then()
                .statusCode(200).body("items.size()", equalTo(2));
        as(inspector).queryParam("unitId", world.unitId()).queryParam("presence", "UNKNOWN")
                .get("/api/v1/inspections").then().statusCode(200).body("items.size()", equalTo(2));
        as(inspector).queryParam("presence", "NEAR").get("/api/v1/inspections").then().statusCode(400)
                .body("code", equalTo("VALIDATION"));
        String query = """
                query($site: ID!) { inspections(filter: {siteId: $site, presence: VERIFIED}) {
                  edges { node { presence checkIn { distance accuracy recordedAt } } } }
                  site(id: $site) { inspections(filter: {presence: FAR}) { edges { node { presence checkIn { distance } } } } } }""";
        for (boolean resolvers : List.of(false, true)) {
            var request = io.restassured.RestAssured.given().auth().oauth2(inspector).contentType(ContentType.JSON);
            if (resolvers) {
                request.header("Ducha-Planner", "off");
            }
            JsonPath answer = request.body(Map.of("query", query, "variables", Map.of("site", site)))
                    .post("/graphql").then().statusCode(200).extract().jsonPath();
            assertThat(answer.getList("data.inspections.edges.node.presence")).as("resolvers " + resolvers)
                    .containsExactly("VERIFIED", "VERIFIED");
            assertThat(answer.getList("data.inspections.edges.node.checkIn.distance", Integer.class))
                    .containsExactlyInAnyOrder(150, 230);
            assertThat(answer.getList("data.site.inspections.edges.node.checkIn.distance", Integer.class))
                    .hasSize(2).contains(230).allMatch(d -> d == 230 || (d > 7_000 && d < 9_000));
        }
    }

    @Test
    void refusesPositionsThatCannotBeRight() {
        Api.World world = Api.world();
        String inspector = Tokens.inspector(world.unitCode());
        String site = site(GeoTest.CHECKPOINT_LAT, GeoTest.CHECKPOINT_LON);
        long before = ducha.support.Db.count("select count(*) from inspection where site_id = ?::uuid", site);
        Map<String, Map<String, Object>> bad = new java.util.LinkedHashMap<>();
        bad.put("checkIn.latitude", with(checkIn(0, 5), "latitude", 90.5));
        bad.put("checkIn.longitude", with(checkIn(0, 5), "longitude", -180.01));
        bad.put("checkIn.accuracy", with(checkIn(0, 5), "accuracy", 0));
        bad.put("checkIn.accuracy ", with(checkIn(0, 5), "accuracy", 2500));
        bad.put("checkIn.recordedAt", with(checkIn(0, 5), "recordedAt",
                OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(30).toString()));
        for (var entry : bad.entrySet()) {
            as(inspector).body(visit(world.groupId(), site, entry.getValue())).post("/api/v1/inspections").then()
                    .statusCode(400).body("code", equalTo("VALIDATION"))
                    .body("errors.field", hasItem(entry.getKey().trim()));
        }
        Map<String, Object> partial = checkIn(0, 5);
        partial.remove("recordedAt");
        as(inspector).body(visit(world.groupId(), site, partial)).post("/api/v1/inspections").then().statusCode(400);
        Map<String, Object> unknown = checkIn(0, 5);
        unknown.put("altitude", 80);
        as(inspector).body(visit(world.groupId(), site, unknown)).post("/api/v1/inspections").then().statusCode(400);
        // A clock a minute fast is within the tolerance.
        as(inspector).body(visit(world.groupId(), site, with(checkIn(0, 5), "recordedAt",
                OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1).toString()))).post("/api/v1/inspections").then()
                .statusCode(201);
        assertThat(ducha.support.Db.count("select count(*) from inspection where site_id = ?::uuid", site))
                .isEqualTo(before + 1);
        // GraphQL: the same rule, extensions.code VALIDATION.
        JsonPath refused = Gql.query(inspector, """
                mutation($unit: ID!, $site: ID!) { recordInspection(input: {unitId: $unit, siteId: $site,
                  startedAt: "2021-08-07T09:30:00+08:00", inspectorCount: 2, method: UNANNOUNCED,
                  checkIn: {latitude: 34.36, longitude: 114.25, accuracy: 5000, recordedAt: "2021-08-07T09:30:00+08:00"}})
                  { id } }""", Map.of("unit", world.groupId(), "site", site));
        assertThat(Gql.errorCode(refused)).isEqualTo("VALIDATION");
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        map.put(key, value);
        return map;
    }

    @Test
    void theClassIsThatOfTheMomentOfRecordingUntilTheCheckInChanges() {
        Api.World world = Api.world();
        String inspector = Tokens.inspector(world.unitCode());
        String site = site(GeoTest.CHECKPOINT_LAT, GeoTest.CHECKPOINT_LON);
        JsonPath near = record(inspector, visit(world.groupId(), site, checkIn(100, 10)));
        String id = near.getString("id");
        // The site is moved 1 km north (a corrected survey): the recorded visit keeps its class and distance.
        JsonPath current = as(Tokens.admin()).get("/api/v1/sites/" + site).then().extract().jsonPath();
        Map<String, Object> moved = new HashMap<>(current.getMap(""));
        for (String serverOwned : List.of("id", "version", "createdAt", "updatedAt")) {
            moved.remove(serverOwned);
        }
        moved.put("latitude", GeoTest.CHECKPOINT_LAT + GeoTest.north(1000));
        as(Tokens.admin()).header("If-Match", "\"" + current.getLong("version") + "\"").body(moved)
                .put("/api/v1/sites/" + site).then().statusCode(200);
        as(inspector).get("/api/v1/inspections/" + id).then().statusCode(200).body("presence", equalTo("VERIFIED"))
                .body("checkIn.distance", equalTo(100));
        // Correcting the notes keeps it too; a new check-in is judged against the site as it is now.
        Map<String, Object> notes = visit(world.groupId(), site, checkIn(100, 10));
        notes.put("notes", "夜间检查");
        as(inspector).header("If-Match", "\"0\"").body(notes).put("/api/v1/inspections/" + id).then()
                .statusCode(200).body("presence", equalTo("VERIFIED")).body("checkIn.distance", equalTo(100));
        as(inspector).header("If-Match", "\"1\"").body(visit(world.groupId(), site, checkIn(120, 10)))
                .put("/api/v1/inspections/" + id).then().statusCode(200).body("presence", equalTo("FAR"))
                .body("checkIn.distance", equalTo(880));
        as(inspector).header("If-Match", "\"2\"").body(visit(world.groupId(), site, null))
                .put("/api/v1/inspections/" + id).then().statusCode(200).body("presence", equalTo("UNKNOWN"))
                .body("checkIn", nullValue());
    }

    @Test
    void theSummaryCountsVisitsVerifiedOnSite() {
        Api.World world = Api.world();
        String inspector = Tokens.inspector(world.unitCode());
        String site = site(GeoTest.CHECKPOINT_LAT, GeoTest.CHECKPOINT_LON);
        for (int i = 0; i < 11; i++) {
            record(inspector, visit(world.groupId(), site, checkIn(10 * i, 10)));
        }
        record(inspector, visit(world.groupId(), site, checkIn(500, 10)));
        record(inspector, visit(world.groupId(), site, null));
        JsonPath summary = as(inspector).queryParam("unitId", world.unitId()).get("/api/v1/reports/summary").then()
                .statusCode(200).extract().jsonPath();
        assertThat(summary.getLong("inspections")).isEqualTo(13);
        assertThat(summary.getLong("inspectionsVerified")).isEqualTo(11);
        assertThat(summary.getLong("inspectionsFar")).isEqualTo(1);
        assertThat(summary.getDouble("verifiedVisitRate")).isEqualTo(0.8462);
        // The period and the site type filter apply as to the inspections.
        as(inspector).queryParam("unitId", world.unitId()).queryParam("from", "2021-08-08")
                .get("/api/v1/reports/summary").then().statusCode(200).body("inspectionsVerified", equalTo(0))
                .body("verifiedVisitRate", nullValue());
        JsonPath viaGraphQL = Gql.query(inspector, """
                query($unit: ID!) { summary(filter: {unitId: $unit, siteType: CHECKPOINT}) {
                  inspections inspectionsVerified inspectionsFar verifiedVisitRate } }""",
                Map.of("unit", world.unitId()));
        assertThat(viaGraphQL.getInt("data.summary.inspectionsVerified")).isEqualTo(11);
        assertThat(viaGraphQL.getDouble("data.summary.verifiedVisitRate")).isEqualTo(0.8462);
    }
}
