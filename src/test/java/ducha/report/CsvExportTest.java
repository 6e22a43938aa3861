package ducha.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class CsvExportTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static ReportFixture world;

    private static ReportFixture world() {
        if (world == null) {
            world = new ReportFixture();
        }
        return world;
    }

    @Test
    void theSummaryAsCsvIsOneTableWithABom() {
        ReportFixture w = world();
        Response response = csv().queryParam("unitId", w.r).get("/api/v1/reports/summary.csv");
        response.then().statusCode(200).header("Content-Disposition", "attachment; filename=\"summary.csv\"");
        assertThat(response.contentType()).isEqualToIgnoringWhitespace("text/csv;charset=UTF-8");
        List<String> lines = lines(response.asByteArray());
        assertThat(lines.get(0)).isEqualTo("section,key,name,inspections,personVisits,sitesInspected,sitesTotal,"
                + "coverage,findings,rectified,rectifiedOnSite,open,overdue,escalated,rectificationRate,"
                + "medianDaysToRectify,notices");
        assertThat(lines.get(1)).isEqualTo("total,,,5,15,4,4,0.75,6,3,2,3,2,1,0.5,0.0,3");
        assertThat(lines).contains("byCategory,PRICING,,,,,,,2,0,0,2,1,1,0.0,,",
                "bySiteType,MARKET,,2,6,2,1,1.0,3,1,1,2,1,1,0.3333,,",
                "byDistrict," + w.d1 + "," + w.d1 + ",3,9,2,3,0.6667,3,2,1,1,1,0,0.6667,,",
                "byUnit," + w.aCode + ",单位" + w.aCode + ",3,9,2,3,0.6667,3,2,1,1,1,0,0.6667,,",
                "byUnit," + w.rCode + ",单位" + w.rCode + ",1,1,1,,,1,1,1,0,0,0,1.0,,",
                "noticesByKind,SUGGESTION,,,,,,,,,,,,,,,2");
        assertThat(lines).allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(17));
    }

    @Test
    void theSummaryAnswersCsvWhenAcceptPrefersIt() {
        ReportFixture w = world();
        Response response = given().auth().oauth2(Tokens.admin()).accept("text/csv").queryParam("unitId", w.r)
                .get("/api/v1/reports/summary");
        response.then().statusCode(200);
        assertThat(response.contentType()).startsWith("text/csv");
        assertThat(lines(response.asByteArray()).get(1)).startsWith("total,,,5,15,");
        // JSON stays the default, also for a client that accepts anything.
        given().auth().oauth2(Tokens.admin()).accept("*/*").queryParam("unitId", w.r).get("/api/v1/reports/summary")
                .then().statusCode(200).contentType("application/json").body("findings", equalTo(6));
        given().auth().oauth2(Tokens.admin()).accept("application/json;q=0.5, text/csv").queryParam("unitId", w.r)
                .get("/api/v1/reports/summary").then().statusCode(200).contentType("text/csv");
        // A form the summary does not offer is passed over; a range that admits JSON means JSON.
        given().auth().oauth2(Tokens.admin()).accept("text/html, text/csv;q=0.5").queryParam("unitId", w.r)
                .get("/api/v1/reports/summary").then().statusCode(200).contentType("text/csv");
        given().auth().oauth2(Tokens.admin()).accept("application/*, text/csv;q=0.5").queryParam("unitId", w.r)
                .get("/api/v1/reports/summary").then().statusCode(200).contentType("application/json");
    }

    @Test
    void findingsStreamAsCsvNewestFirstBeyondAPage() {
        ReportFixture w = world();
        String unit = ReportFixture.unit(Api.code("BULK"), null, w.d1, "COMMISSION");
        // More findings than the largest page (200): the export has no paging.
        Db.execute("""
                insert into finding (id, unit_id, site_id, category, severity, description, found_at, status,
                                     rectified_on_site, rectified_at, reported_by)
                select gen_random_uuid(), ?::uuid, ?::uuid, 'DISINFECTION', 'LOW', '第' || n || '号问题：消毒台账缺失',
                       timestamptz '2021-08-01 08:00+08' + n * interval '1 minute', 'RECTIFIED', true,
                       timestamptz '2021-08-01 08:00+08' + n * interval '1 minute', 'bulk'
                from generate_series(1, 250) n""", UUID.fromString(unit), UUID.fromString(w.s1));
        Response response = csv().queryParam("unitId", unit).get("/api/v1/reports/findings.csv");
        response.then().statusCode(200).header("Content-Disposition", "attachment; filename=\"findings.csv\"");
        assertThat(response.header("Transfer-Encoding")).isEqualTo("chunked");
        byte[] body = response.asByteArray();
        assertThat(Arrays.copyOf(body, 3)).isEqualTo(BOM);
        List<String> lines = lines(body);
        assertThat(lines).hasSize(251);
        assertThat(lines.get(0)).startsWith("id,foundAt,unitCode,unitName,siteCode,siteName,siteType,district,");
        assertThat(lines.get(1)).contains(",2021-08-01T12:10:00+08:00,", ",单位BULK-", ",第250号问题：消毒台账缺失,");
        assertThat(lines.get(250)).contains(",第1号问题：消毒台账缺失,");
        // The same through Accept on the path without suffix, narrowed by the finding's attributes.
        Response narrowed = csv().queryParam("unitId", world().r).queryParam("overdue", "true")
                .get("/api/v1/reports/findings");
        narrowed.then().statusCode(200);
        List<String> overdue = lines(narrowed.asByteArray());
        assertThat(overdue).hasSize(3);
        assertThat(overdue.get(1)).startsWith(w.f5 + ",").contains(",ESCALATED,false,,2021-08-09T08:00:00+08:00,true,");
        assertThat(overdue.get(2)).startsWith(w.f2 + ",");
    }

    @Test
    void cellsAreQuotedAndFormulasDisarmed() {
        ReportFixture w = world();
        String unit = ReportFixture.unit(Api.code("QUOTE"), null, w.d1, "COMMISSION");
        ReportFixture.finding(unit, w.s2, "OTHER", "2021-08-07T10:00:00+08:00", null, false);
        Db.execute("update finding set description = ? where unit_id = ?::uuid", "=HYPERLINK(\"x\"), 第二行\n结束",
                UUID.fromString(unit));
        List<String> lines = lines(csv().queryParam("unitId", unit).queryParam("status", "OPEN")
                .get("/api/v1/reports/findings.csv").then().statusCode(200).extract().asByteArray());
        assertThat(String.join("\n", lines)).contains(",\"'=HYPERLINK(\"\"x\"\"), 第二行\n结束\",");
    }

    @Test
    void aBadExportIsAProblemBeforeAnyRow() {
        csv().queryParam("unitId", UUID.randomUUID().toString()).get("/api/v1/reports/findings.csv").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("unitId"));
        csv().queryParam("status", "DONE").get("/api/v1/reports/findings.csv").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        csv().queryParam("overdue", "yes").get("/api/v1/reports/findings").then().statusCode(400)
                .body("errors[0].field", equalTo("overdue"));
    }

    private static io.restassured.specification.RequestSpecification csv() {
        return given().auth().oauth2(Tokens.inspector(Api.code("READER"))).accept("text/csv");
    }

    /** The body's lines (CRLF), after the byte order mark, which every CSV answer starts with. */
    private static List<String> lines(byte[] body) {
        assertThat(Arrays.copyOf(body, 3)).as("byte order mark").isEqualTo(BOM);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        return Arrays.asList(text.substring(0, text.length() - 2).split("\r\n", -1));
    }
}
