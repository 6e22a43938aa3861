package ducha.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Fixtures made through the REST API, as an admin, with codes unique to the calling test. */
public final class Api {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    private Api() {
    }

    /** A code no other test (or earlier run) uses. */
    public static String code(String prefix) {
        return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static JsonPath createUnit(String code, String parentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "单位 " + code);
        body.put("kind", parentId == null ? "COMMISSION" : "SUPERVISION_GROUP");
        body.put("parentId", parentId);
        body.put("district", "测试区");
        return as(Tokens.admin()).body(body).post("/api/v1/units").then().statusCode(201).extract().jsonPath();
    }

    public static JsonPath createSite(String code, String type, String district) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "点位 " + code);
        body.put("type", type);
        body.put("district", district);
        return as(Tokens.admin()).body(body).post("/api/v1/sites").then().statusCode(201).extract().jsonPath();
    }

    public static JsonPath createInspection(String token, String unitId, String siteId, String startedAt) {
        return as(token).body(Map.of("unitId", unitId, "siteId", siteId, "startedAt", startedAt,
                        "inspectorCount", 2, "method", "UNANNOUNCED"))
                .post("/api/v1/inspections").then().statusCode(201).extract().jsonPath();
    }

    public static Map<String, Object> finding(String unitId, String siteId) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", unitId);
        body.put("siteId", siteId);
        body.put("category", "DISINFECTION");
        body.put("severity", "MEDIUM");
        body.put("description", "消毒记录不全");
        return body;
    }

    public static JsonPath reportFinding(String token, Map<String, Object> body) {
        return as(token).body(body).post("/api/v1/findings").then().statusCode(201).extract().jsonPath();
    }

    /** A unit (a commission with one group), a site, and ids to use them by. */
    public record World(String unitCode, String unitId, String groupCode, String groupId, String siteId) {
    }

    public static World world() {
        String unitCode = code("U");
        String unitId = createUnit(unitCode, null).getString("id");
        String groupCode = code("G");
        String groupId = createUnit(groupCode, unitId).getString("id");
        String siteId = createSite(code("S"), "CHECKPOINT", "测试区").getString("id");
        return new World(unitCode, unitId, groupCode, groupId, siteId);
    }
}
