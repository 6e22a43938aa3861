package ducha.web;

import static ducha.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Endpoints;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.ws.rs.BeanParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.resteasy.reactive.RestQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The mistakes a new client makes get an answer that says what to do instead. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ClientMistakesTest {

    private static Api.World world;
    private static String findingId;

    private static Api.World world() {
        if (world == null) {
            world = Api.world();
            findingId = Api.reportFinding(Tokens.admin(), Api.finding(world.groupId(), world.siteId())).getString("id");
        }
        return world;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 12, 30, 45, 60, 90, 120})
    void aTruncatedBodyIsMalformedJsonNotAFieldError(int length) {
        String body = "{\"unitId\": \"" + world().groupId() + "\", \"siteId\": \"" + world().siteId()
                + "\", \"category\": \"DISINFECTION\", \"severity\": \"LOW\", \"description\": \"消毒不到位\"}";
        long events = Db.changeEvents();
        Response response = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(body.substring(0, Math.min(length, body.length() - 1))).post("/api/v1/findings");
        response.then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_JSON")).body("errors", equalTo(null));
        assertThat(response.jsonPath().getString("detail")).as(response.asString())
                .startsWith("The request body is not valid JSON: it breaks off at line 1, column ");
        assertThat(Db.changeEvents()).isEqualTo(events);
    }

    @Test
    void aBodyOfAnotherTypeIsToldToBeJson() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.TEXT).body("hello").post("/api/v1/findings")
                .then().statusCode(415).body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"))
                .body("detail", equalTo("Send the body as application/json (Content-Type: application/json)."));
        given().auth().oauth2(Tokens.admin()).contentType("application/x-www-form-urlencoded").body("a=b")
                .put("/api/v1/units/" + world().unitId()).then().statusCode(415)
                .body("detail", equalTo("Send the body as application/json (Content-Type: application/json)."));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.TEXT).body("hello")
                .post("/api/v1/findings/" + findingId + "/attachments").then().statusCode(415)
                .body("detail", equalTo("Upload an attachment as image/jpeg, image/png, image/webp, application/pdf "
                        + "or application/octet-stream."));
    }

    /** Every operation that reads a list or a report, i.e. every GET that takes query parameters. */
    static Stream<Endpoints.Endpoint> listsAndReports() {
        return Endpoints.all().stream().filter(e -> e.verb().equals("GET") && !queryParameters(e.method()).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listsAndReports")
    void aMisspeltQueryParameterIsRefusedNamingTheAcceptedOnes(Endpoints.Endpoint endpoint) {
        world();
        String path = endpoint.path().replace("{findingId}", findingId)
                .replace("{id}", endpoint.path().startsWith("/api/v1/webhooks") ? webhookId() : findingId);
        List<String> accepted = queryParameters(endpoint.method());
        // Any answer type, since some of them are CSV only.
        Response response = given().auth().oauth2(Tokens.admin()).queryParam("statuss", "OPEN").get(path);
        response.then().statusCode(400).contentType("application/problem+json").body("code", equalTo("VALIDATION"))
                .body("errors[0].field", equalTo("statuss"))
                .body("errors[0].message", equalTo("is not a query parameter of this operation; accepted: "
                        + String.join(", ", accepted)));
        // The accepted names themselves pass the check (an empty value is no filter; an operation may still refuse
        // an empty required one, or the finding id standing in for another row, but never the name).
        var request = given().auth().oauth2(Tokens.admin());
        accepted.forEach(name -> request.queryParam(name, ""));
        Response withAccepted = request.get(path);
        assertThat(withAccepted.asString()).as(endpoint.toString()).doesNotContain("is not a query parameter");
        if (accepted.stream().noneMatch(name -> name.equals("date")) && !path.startsWith("/api/v1/campaigns")) {
            assertThat(withAccepted.statusCode()).as(endpoint.toString()).isLessThan(300);
        }
        // The caller is authenticated before the parameters are looked at.
        given().queryParam("statuss", "OPEN").get(path).then().statusCode(401);
    }

    @Test
    void anOperationWithoutQueryParametersSaysSo() {
        world();
        as(Tokens.admin()).queryParam("expand", "site").get("/api/v1/findings/" + findingId).then().statusCode(400)
                .body("errors[0].field", equalTo("expand"))
                .body("errors[0].message", equalTo("is not a query parameter of this operation, which takes none"));
        as(Tokens.admin()).queryParam("statuss", "OPEN").queryParam("severty", "LOW").get("/api/v1/findings")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("statuss", "severty"));
    }

    private static String webhookId;

    /** A webhook endpoint to read the lists of (it subscribes to nothing that happens here). */
    private static synchronized String webhookId() {
        if (webhookId == null) {
            webhookId = as(Tokens.admin()).body(Map.of("url", "http://127.0.0.1:9/hook",
                            "eventTypes", List.of("inspection.recorded"), "unitId", world().unitId()))
                    .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        }
        return webhookId;
    }

    private static List<String> queryParameters(Method method) {
        List<String> names = new ArrayList<>();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof RestQuery query) {
                    names.add(query.value().isEmpty() ? method.getParameters()[i].getName() : query.value());
                } else if (annotation instanceof BeanParam) {
                    // A parameter holder: its record components, in order.
                    for (RecordComponent component : method.getParameterTypes()[i].getRecordComponents()) {
                        names.add(component.getName());
                    }
                }
            }
        }
        return names;
    }
}
