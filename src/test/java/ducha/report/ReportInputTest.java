package ducha.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Gql;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad report parameters are 400 problems naming the parameter; who may read reports. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ReportInputTest {

    static Stream<Arguments> badParameters() {
        return Stream.of(
                Arguments.of("summary", "from", "2021-13-01", "from"),
                Arguments.of("summary", "from", "yesterday", "from"),
                Arguments.of("summary", "to", "2021-08-07T09:00:00", "to"),
                Arguments.of("summary", "from", "0001-01-01", "from"),
                Arguments.of("summary", "to", "+999999999-12-31T23:59:59Z", "to"),
                Arguments.of("summary", "unitId", "not-a-uuid", "unitId"),
                Arguments.of("summary", "unitId", UUID.randomUUID().toString(), "unitId"),
                Arguments.of("summary", "siteType", "SPACESHIP", "siteType"),
                Arguments.of("summary", "siteType", "market", "siteType"),
                Arguments.of("summary", "district", "区".repeat(101), "district"),
                Arguments.of("summary.csv", "from", "2021-02-30", "from"),
                Arguments.of("trend", "interval", "MONTH", "interval"),
                Arguments.of("trend", "unitId", UUID.randomUUID().toString(), "unitId"),
                Arguments.of("overdue", "limit", "0", "limit"),
                Arguments.of("overdue", "limit", "201", "limit"),
                Arguments.of("overdue", "limit", "ten", "limit"),
                Arguments.of("overdue", "cursor", "not-a-cursor", "cursor"),
                Arguments.of("overdue", "unitId", UUID.randomUUID().toString(), "unitId"),
                Arguments.of("findings.csv", "severity", "HUGE", "severity"),
                Arguments.of("findings.csv", "category", "NOISE", "category"));
    }

    @ParameterizedTest(name = "{0}?{1}={2}")
    @MethodSource("badParameters")
    void aBadParameterIsAProblemNamingIt(String report, String name, String value, String field) {
        Response response = given().auth().oauth2(Tokens.admin()).queryParam(name, value)
                .get("/api/v1/reports/" + report);
        response.then().statusCode(400).contentType("application/problem+json").body("code", equalTo("VALIDATION"))
                .body("errors[0].field", equalTo(field));
    }

    @Test
    void aPeriodMustEndAfterItStarts() {
        for (String to : new String[] {"2021-08-07", "2021-08-06"}) {
            given().auth().oauth2(Tokens.admin()).queryParam("from", "2021-08-07").queryParam("to", to)
                    .get("/api/v1/reports/summary").then().statusCode(400).body("errors[0].field", equalTo("to"));
        }
        given().auth().oauth2(Tokens.admin()).queryParam("from", "x").queryParam("to", "y")
                .get("/api/v1/reports/summary").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("from", "to"));
    }

    @Test
    void readingAReportWritesNothing() {
        long events = Db.changeEvents();
        given().auth().oauth2(Tokens.admin()).get("/api/v1/reports/summary").then().statusCode(200);
        given().auth().oauth2(Tokens.admin()).queryParam("unitId", "x").get("/api/v1/reports/summary").then()
                .statusCode(400);
        assertThat(Db.changeEvents()).isEqualTo(events);
    }

    @Test
    void anOverLongBoundIsTheSameRefusalThroughBothDoorsAndChangesNothing() {
        String overLong = "2021-08-07".repeat(7);
        long events = Db.changeEvents();
        given().auth().oauth2(Tokens.admin()).queryParam("from", overLong).get("/api/v1/reports/summary").then()
                .statusCode(400).body("code", equalTo("VALIDATION")).body("errors[0].field", equalTo("from"))
                .body("errors[0].message", equalTo("must be at most 64 characters"));
        JsonPath graph = Gql.query(Tokens.admin(), "query($from: String) { summary(filter: {from: $from}) { findings } }",
                Map.of("from", overLong));
        assertThat(Gql.errorCode(graph)).isEqualTo("VALIDATION");
        assertThat(graph.getString("errors[0].message")).isEqualTo("from: must be at most 64 characters");
        assertThat(graph.getString("data.summary")).isNull();
        assertThat(Db.changeEvents()).isEqualTo(events);
    }

    @Test
    void anonymousCallersGet401AndAnyInspectorMayRead() {
        for (String report : new String[] {"summary", "summary.csv", "trend", "overdue", "findings", "findings.csv"}) {
            given().get("/api/v1/reports/" + report).then().statusCode(401)
                    .header("WWW-Authenticate", startsWith("Bearer"));
            given().auth().oauth2(Tokens.inspector(Api.code("ELSEWHERE"))).accept("*/*")
                    .get("/api/v1/reports/" + report).then().statusCode(200);
            given().auth().oauth2(Tokens.token("no-role", null)).accept("*/*").get("/api/v1/reports/" + report)
                    .then().statusCode(403);
        }
    }
}
