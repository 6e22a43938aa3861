package ducha.web;

import static ducha.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ducha.support.Api;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a request logs carries its request id and the caller's subject, and never the token. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class RequestLogContextTest {

    record Line(String message, String requestId, String subject) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Logger appLogger = Logger.getLogger("ducha");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            // Runs on the thread that logs, so the MDC read here is the request's.
            ExtLogRecord ext = (ExtLogRecord) record;
            lines.add(new Line(ext.getFormattedMessage(), ext.getMdc(RequestLogContext.REQUEST_ID),
                    ext.getMdc(RequestLogContext.SUBJECT)));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        appLogger.addHandler(capture);
    }

    @AfterEach
    void release() {
        appLogger.removeHandler(capture);
    }

    @Test
    void aRequestsLinesCarryItsIdAndTheCallersSubject() {
        var world = Api.world();
        String subject = "inspector-" + UUID.randomUUID();
        String token = Tokens.token(subject, world.unitCode(), "inspector");
        lines.clear();

        Response reported = as(token).header(RequestLogContext.HEADER, "mobile-7f3a.42")
                .body(Api.finding(world.groupId(), world.siteId())).post("/api/v1/findings");
        reported.then().statusCode(201).header(RequestLogContext.HEADER, "mobile-7f3a.42");
        String id = reported.jsonPath().getString("id");

        Line line = lineAbout(id);
        assertThat(line.requestId()).isEqualTo("mobile-7f3a.42");
        assertThat(line.subject()).isEqualTo(subject);
        assertThat(lines).allSatisfy(l -> assertThat(l.toString()).doesNotContain(token));
    }

    @Test
    void aGraphQLOperationsLinesCarryTheCallersSubjectToo() {
        var world = Api.world();
        String subject = "inspector-" + UUID.randomUUID();
        String token = Tokens.token(subject, world.unitCode(), "inspector");
        lines.clear();

        String id = as(token).header(RequestLogContext.HEADER, "front-end-9")
                .body(Map.of("query", "mutation($unit: ID!, $site: ID!) { reportFinding(input: {unitId: $unit, "
                        + "siteId: $site, category: OTHER, severity: LOW, description: \"出口堵塞\"}) { id } }",
                        "variables", Map.of("unit", world.groupId(), "site", world.siteId())))
                .post("/graphql").then().statusCode(200).header(RequestLogContext.HEADER, "front-end-9")
                .extract().jsonPath().getString("data.reportFinding.id");

        Line line = lineAbout(id);
        assertThat(line.requestId()).isEqualTo("front-end-9");
        assertThat(line.subject()).isEqualTo(subject);
        assertThat(lines).allSatisfy(l -> assertThat(l.toString()).doesNotContain(token));
    }

    @Test
    void withoutAPlainIdTheServiceMakesOne() {
        var world = Api.world();
        String token = Tokens.admin();
        lines.clear();

        Response reported = as(token).header(RequestLogContext.HEADER, "forged id\twith spaces and a tab")
                .body(Api.finding(world.groupId(), world.siteId())).post("/api/v1/findings");
        reported.then().statusCode(201);
        String given = reported.header(RequestLogContext.HEADER);
        assertThat(UUID.fromString(given)).isNotNull();
        assertThat(lineAbout(reported.jsonPath().getString("id")).requestId()).isEqualTo(given);

        String next = as(token).get("/api/v1/findings/" + reported.jsonPath().getString("id"))
                .then().statusCode(200).extract().header(RequestLogContext.HEADER);
        assertThat(next).isNotEqualTo(given);
    }

    @Test
    void everyRouteAnswersWithARequestId() {
        // Not only REST: the OpenAPI document is a plain route, and the body-size refusal happens before any.
        String document = given().header(RequestLogContext.HEADER, "doc-1").get("/q/openapi")
                .then().statusCode(200).extract().header(RequestLogContext.HEADER);
        assertThat(document).isEqualTo("doc-1");
        String refused = as(Tokens.admin()).body("{\"description\":\"" + "x".repeat(1_100_000) + "\"}")
                .post("/api/v1/findings").then().statusCode(413).extract().header(RequestLogContext.HEADER);
        assertThat(UUID.fromString(refused)).isNotNull();
    }

    private Line lineAbout(String findingId) {
        return lines.stream().filter(l -> l.message().contains(findingId)).findFirst()
                .orElseThrow(() -> new AssertionError("no log line names finding " + findingId + ": " + lines));
    }
}
