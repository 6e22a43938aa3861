package ducha.report;

import static ducha.report.ReportFixture.notice;
import static ducha.report.ReportFixture.site;
import static ducha.report.ReportFixture.transition;
import static ducha.report.ReportFixture.unit;
import static ducha.report.ReportFixture.visit;
import static ducha.support.Api.as;
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
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The daily report (督查日报) against a day counted by hand, with events a second either side of its midnights in the
 * report zone (Asia/Shanghai), work of a unit outside the tree, and the same figures through JSON, CSV, the printable
 * page and GraphQL.
 *
 * <pre>
 * units   R (root) with A (and A's A1) and B; X elsewhere
 * day     2021-08-07 in Asia/Shanghai = [08-06T16:00Z, 08-07T16:00Z)
 * visits  I1 A1@S1 07 00:00:00 (3)  I2 A@S2 07 23:59:59 (4)   I5 R@S3 07 12:00 (1)   I7 A1@S1 07 15:00 (2)
 *         out: I3 B@S1 06 23:59:59, I4 B@S3 08 00:00:00, I6 X@S1 07 10:00
 * finds   F1 A1@S1 07 00:00:00 LOW fixed on site              F2 A1@S1 07 09:00 HIGH OPEN due 07 18:00
 *         F3 A@S2 07 23:59:59 CRITICAL OPEN due 08 09:00      F4 B@S1 06 23:59:59 CRITICAL OPEN due 07 12:00
 *         F5 B@S3 08 00:00:00 HIGH fixed on site (tomorrow)   F6 X@S1 07 10:00 OPEN (elsewhere)
 *         F7 A@S2 06 10:00 MEDIUM due 06 20:00, rectified now  F8 B@S3 06 08:00 rectified 07 23:59:59
 *         F9 B@S3 06 09:00 LOW rectified 08 00:00:00
 * escal.  F2 07 00:00:00 and again 07 20:00 (once); out: F4 08 00:00:00, F3 06 23:59:59.999999, F6 (X) 07 12:00
 * notices N1 R BULLETIN 07 00:00:00, N2 A1 SUGGESTION 07 23:59:59; out: N3 B 08 00:00:00, N4 B 06 23:59:59, N5 X
 * campaign C of A, 05–10 Aug, targets S1 S2 S3 S4 and S5 (retired): by the end of the 7th A's subtree visited S1 and
 *         S2 (R's visit to S3 and B's to S1 on the 6th do not count); R's campaign of the 8th and X's are not shown
 * </pre>
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class DailyReportTest {

    private static final String DAY = "2021-08-07";

    static String r;
    static String rCode;
    static String a;
    static String aCode;
    static String b;
    static String bCode;
    static String x;
    static String f2;
    static String f3;
    static String f4;
    static String f7;
    static String f9;
    static String campaign;

    private static boolean built;

    /** Built once, by the first test that runs: the application (and its port) is up by then. */
    private static synchronized void scenario() {
        if (built) {
            return;
        }
        built = true;
        String district = Api.code("日报区");
        rCode = Api.code("R");
        r = unit(rCode, null, district, "COMMISSION");
        aCode = Api.code("A");
        a = unit(aCode, r, district, "SUPERVISION_GROUP");
        String a1 = unit(Api.code("A1"), a, district, "OTHER");
        bCode = Api.code("B");
        b = unit(bCode, r, district, "SUPERVISION_GROUP");
        x = unit(Api.code("X"), null, district, "COMMISSION");
        String s1 = site("CHECKPOINT", district, true);
        String s2 = site("TESTING_POINT", district, true);
        String s3 = site("MARKET", district, true);

        visit(a1, s1, "2021-08-07T00:00:00+08:00", 3);
        visit(a, s2, "2021-08-07T23:59:59+08:00", 4);
        visit(b, s1, "2021-08-06T23:59:59+08:00", 5);
        visit(b, s3, "2021-08-08T00:00:00+08:00", 2);
        visit(r, s3, "2021-08-07T12:00:00+08:00", 1);
        visit(x, s1, "2021-08-07T10:00:00+08:00", 7);
        visit(a1, s1, "2021-08-07T15:00:00+08:00", 2);

        finding(a1, s1, "LOW", "2021-08-07T00:00:00+08:00", null, true);
        f2 = finding(a1, s1, "HIGH", "2021-08-07T09:00:00+08:00", "2021-08-07T18:00:00+08:00", false);
        f3 = finding(a, s2, "CRITICAL", "2021-08-07T23:59:59+08:00", "2021-08-08T09:00:00+08:00", false);
        f4 = finding(b, s1, "CRITICAL", "2021-08-06T23:59:59+08:00", "2021-08-07T12:00:00+08:00", false);
        finding(b, s3, "HIGH", "2021-08-08T00:00:00+08:00", null, true);
        String f6 = finding(x, s1, "CRITICAL", "2021-08-07T10:00:00+08:00", null, false);
        f7 = finding(a, s2, "MEDIUM", "2021-08-06T10:00:00+08:00", "2021-08-06T20:00:00+08:00", false);
        transition(f7, "RECTIFY", "已整改");
        String f8 = finding(b, s3, "MEDIUM", "2021-08-06T08:00:00+08:00", null, false);
        transition(f8, "RECTIFY", "已整改");
        f9 = finding(b, s3, "LOW", "2021-08-06T09:00:00+08:00", null, false);
        transition(f9, "RECTIFY", "已整改");
        // The service stamps a rectification with the clock; these two are placed either side of the day's end as
        // if they had been rectified then (the rollup triggers follow the update).
        Db.execute("update finding set rectified_at = ?::timestamptz where id = ?::uuid", "2021-08-07T23:59:59+08:00",
                f8);
        Db.execute("update finding set rectified_at = ?::timestamptz where id = ?::uuid", "2021-08-08T00:00:00+08:00",
                f9);

        escalation(f2, "2021-08-07T00:00:00+08:00");
        escalation(f2, "2021-08-07T20:00:00+08:00");
        escalation(f4, "2021-08-08T00:00:00+08:00");
        escalation(f3, "2021-08-06T23:59:59.999999+08:00");
        escalation(f6, "2021-08-07T12:00:00+08:00");

        String s4 = site("CHECKPOINT", district, true);
        String s5 = site("CHECKPOINT", district, true);
        campaign = campaign(a, "2021-08-05T00:00:00+08:00", "2021-08-10T00:00:00+08:00", s1, s2, s3, s4, s5);
        // Retired: it leaves the denominator.
        Db.execute("update site set active = false where id = ?::uuid", s5);
        campaign(r, "2021-08-08T00:00:00+08:00", "2021-08-09T00:00:00+08:00", s1);
        campaign(x, "2021-08-01T00:00:00+08:00", "2021-08-31T00:00:00+08:00", s1);

        notice(r, null, "BULLETIN", "2021-08-07T00:00:00+08:00");
        notice(a1, null, "SUGGESTION", "2021-08-07T23:59:59+08:00");
        notice(b, null, "SUGGESTION", "2021-08-08T00:00:00+08:00");
        notice(b, null, "REMINDER", "2021-08-06T23:59:59+08:00");
        notice(x, null, "BULLETIN", "2021-08-07T12:00:00+08:00");
    }

    /** A campaign of a unit over [startsAt, endsAt) with target sites by list, through the API. */
    private static String campaign(String unitId, String startsAt, String endsAt, String... siteIds) {
        String id = as(Tokens.admin()).body(Map.of("code", Api.code("C"), "name", "专项督查 " + startsAt,
                        "unitId", unitId, "startsAt", startsAt, "endsAt", endsAt))
                .post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
        as(Tokens.admin()).body(Map.of("siteIds", List.of(siteIds))).post("/api/v1/campaigns/" + id + "/targets")
                .then().statusCode(200);
        return id;
    }

    /** A finding of a category and severity, through the API. */
    private static String finding(String unitId, String siteId, String severity, String foundAt, String dueAt,
            boolean onSite) {
        Map<String, Object> body = Api.finding(unitId, siteId);
        body.put("severity", severity);
        body.put("foundAt", foundAt);
        body.put("dueAt", dueAt);
        body.put("rectifiedOnSite", onSite);
        body.put("description", "日报问题 " + severity + " " + foundAt);
        return Api.reportFinding(Tokens.admin(), body).getString("id");
    }

    /**
     * The change event an escalation writes, at a chosen time: the service stamps events with the transaction's
     * clock, so the test writes the row it would have written then (the finding's last recorded state as data).
     */
    private static void escalation(String findingId, String at) {
        Db.execute("""
                insert into change_event (actor, entity, entity_id, op, version, data, detail, at)
                select 'system', 'finding', entity_id, 'TRANSITION', version, data,
                       jsonb_build_object('action', 'ESCALATE', 'from', 'OPEN', 'to', 'ESCALATED', 'note', null),
                       ?::timestamptz
                from change_event where entity = 'finding' and entity_id = ?::uuid
                order by seq desc limit 1""", at, findingId);
    }

    private static JsonPath json() {
        scenario();
        return given().auth().oauth2(Tokens.admin()).queryParam("unitId", r).queryParam("date", DAY)
                .get("/api/v1/reports/daily").then().statusCode(200).contentType("application/json").extract()
                .jsonPath();
    }

    @Test
    void figuresOfTheDayAsCountedByHand() {
        JsonPath day = json();
        assertThat(day.getString("date")).isEqualTo(DAY);
        assertThat(day.getString("timeZone")).isEqualTo("Asia/Shanghai");
        assertThat(day.getString("from")).isEqualTo("2021-08-07T00:00:00+08:00");
        assertThat(day.getString("to")).isEqualTo("2021-08-08T00:00:00+08:00");
        assertThat(day.getString("statusAt")).isEqualTo("2021-08-08T00:00:00+08:00");
        assertThat(day.getString("unitCode")).isEqualTo(rCode);
        assertThat(figures(day, "")).containsExactly(4, 10, 3, 3, 1, 2, 3, 1, 5, 2);
        assertThat(day.getList("noticesByKind.kind"))
                .containsExactly("BULLETIN", "SUGGESTION", "ACCOUNTABILITY_WARNING", "REMINDER");
        assertThat(day.getList("noticesByKind.count")).containsExactly(1, 1, 0, 0);

        assertThat(day.getList("byUnit.code")).containsExactly(rCode, aCode, bCode);
        assertThat(day.getList("byUnit.withSubUnits")).containsExactly(false, true, true);
        assertThat(figures(day, "byUnit[0].")).containsExactly(1, 1, 1, 0, 0, 0, 0, 0, 0, 1);
        assertThat(figures(day, "byUnit[1].")).containsExactly(3, 9, 2, 3, 1, 1, 2, 1, 3, 1);
        assertThat(figures(day, "byUnit[2].")).containsExactly(0, 0, 0, 0, 0, 1, 1, 0, 2, 0);

        // Open at the day's end, most serious first, then the oldest: F4 and F3 (critical), F2, F7, F9.
        assertThat(day.getList("mostSerious.id")).containsExactly(f4, f3, f2, f7, f9);
        assertThat(day.getList("mostSerious.overdue")).containsExactly(true, false, true, true, false);
        assertThat(day.getList("mostSerious.daysOpen")).containsExactly(1, 0, 0, 1, 1);
        // The status is today's: F7 has been rectified since.
        assertThat(day.getList("mostSerious.status")).containsExactly("OPEN", "OPEN", "OPEN", "RECTIFIED", "RECTIFIED");
        assertThat(day.getString("mostSerious[0].foundAt")).isEqualTo("2021-08-06T23:59:59+08:00");

        assertThat(day.getList("campaigns.campaignId")).containsExactly(campaign);
        assertThat(day.getInt("campaigns[0].targets")).isEqualTo(4);
        assertThat(day.getInt("campaigns[0].targetsVisited")).isEqualTo(2);
        assertThat(day.getInt("campaigns[0].targetsVisitedToday")).isEqualTo(2);
        assertThat(day.getDouble("campaigns[0].coverage")).isEqualTo(0.5);

        // A child's report is its subtree only: B's day.
        JsonPath bDay = given().auth().oauth2(Tokens.admin()).queryParam("unitId", b).queryParam("date", DAY)
                .get("/api/v1/reports/daily").then().statusCode(200).extract().jsonPath();
        assertThat(figures(bDay, "")).containsExactly(0, 0, 0, 0, 0, 1, 1, 0, 2, 0);
        assertThat(bDay.getList("byUnit.code")).containsExactly(bCode);
        assertThat(bDay.getList("mostSerious.id")).containsExactly(f4, f9);
        // A's campaign is neither B's nor above it.
        assertThat(bDay.getList("campaigns")).isEmpty();

        // The day before and after move the boundary events over.
        JsonPath before = given().auth().oauth2(Tokens.admin()).queryParam("unitId", r)
                .queryParam("date", "2021-08-06").get("/api/v1/reports/daily").then().statusCode(200).extract()
                .jsonPath();
        assertThat(before.getInt("inspections")).isEqualTo(1);
        assertThat(before.getInt("personVisits")).isEqualTo(5);
        assertThat(before.getInt("newFindings")).isEqualTo(4);
        assertThat(before.getInt("escalated")).isEqualTo(1);
        assertThat(before.getList("noticesByKind.count")).containsExactly(0, 0, 0, 1);
        assertThat(before.getInt("campaigns[0].targetsVisited")).isZero();
        JsonPath after = given().auth().oauth2(Tokens.admin()).queryParam("unitId", r)
                .queryParam("date", "2021-08-08").get("/api/v1/reports/daily").then().statusCode(200).extract()
                .jsonPath();
        assertThat(after.getInt("inspections")).isEqualTo(1);
        assertThat(after.getInt("newFindings")).isEqualTo(1);
        assertThat(after.getInt("rectified")).isEqualTo(2);
        assertThat(after.getInt("escalated")).isEqualTo(1);
        assertThat(after.getList("noticesByKind.count")).containsExactly(0, 1, 0, 0);
        // The 8th: A's campaign (2 of 4 by then, none that day) and R's one-day campaign (S1, unvisited that day).
        assertThat(after.getList("campaigns.targetsVisited")).containsExactly(2, 0);
        assertThat(after.getList("campaigns.targetsVisitedToday")).containsExactly(0, 0);
    }

    static final List<String> FIGURES = List.of("inspections", "personVisits", "sitesVisited", "newFindings",
            "rectifiedOnSite", "rectified", "overdue", "escalated", "openFindings", "notices");

    private static List<Integer> figures(JsonPath json, String prefix) {
        return FIGURES.stream().map(name -> json.getInt(prefix + name)).toList();
    }

    @Test
    void todayIsJudgedNowAndTheFutureIsRefused() {
        scenario();
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        String today = LocalDate.now(zone).toString();
        JsonPath now = given().auth().oauth2(Tokens.admin()).queryParam("unitId", r).queryParam("date", today)
                .get("/api/v1/reports/daily").then().statusCode(200).extract().jsonPath();
        assertThat(now.getString("statusAt")).isEqualTo(now.getString("asOf"));
        // Every finding of the tree but those rectified is open now; none is new today.
        assertThat(now.getInt("openFindings")).isEqualTo(3);
        assertThat(now.getInt("newFindings")).isZero();
        // F7, F8, F9 were rectified today by the clock (F8 and F9 were moved back by the test; F7 was not).
        assertThat(now.getInt("rectified")).isEqualTo(1);
        given().auth().oauth2(Tokens.admin()).queryParam("unitId", r)
                .queryParam("date", LocalDate.now(zone).plusDays(2).toString()).get("/api/v1/reports/daily").then()
                .statusCode(400).body("errors[0].field", equalTo("date"));
    }

    @Test
    void jsonCsvHtmlAndGraphQLAgree() throws Exception {
        JsonPath day = json();

        Response csvResponse = given().auth().oauth2(Tokens.admin()).queryParam("unitId", r).queryParam("date", DAY)
                .accept("text/csv").get("/api/v1/reports/daily");
        csvResponse.then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment"));
        byte[] bytes = csvResponse.asByteArray();
        assertThat(new String(bytes, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("\u00EF\u00BB\u00BF");
        String csvBody = given().auth().oauth2(Tokens.admin()).queryParam("unitId", r).queryParam("date", DAY)
                .get("/api/v1/reports/daily.csv").then().statusCode(200).extract().asString();
        assertThat(csvBody).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
        List<Map<String, String>> csv = parseCsv(csvBody.substring(1));
        Map<String, String> total = csv.get(0);
        assertThat(total.get("section")).isEqualTo("total");
        assertThat(total.get("key")).isEqualTo(DAY);
        for (String figure : FIGURES) {
            assertThat(total.get(figure)).as(figure).isEqualTo(String.valueOf(day.getInt(figure)));
        }
        List<Map<String, String>> units = csv.stream()
                .filter(row -> row.get("section").equals("ownWork") || row.get("section").equals("byUnit")).toList();
        assertThat(units).extracting(row -> row.get("key")).containsExactly(rCode, aCode, bCode);
        for (int i = 0; i < units.size(); i++) {
            for (String figure : FIGURES) {
                assertThat(units.get(i).get(figure)).as(figure)
                        .isEqualTo(String.valueOf(day.getInt("byUnit[" + i + "]." + figure)));
            }
        }
        assertThat(csv.stream().filter(row -> row.get("section").equals("noticesByKind"))
                .map(row -> row.get("key") + "=" + row.get("notices")))
                .containsExactly("BULLETIN=1", "SUGGESTION=1", "ACCOUNTABILITY_WARNING=0", "REMINDER=0");
        assertThat(csv.stream().filter(row -> row.get("section").equals("campaign"))
                .map(row -> row.get("key") + " " + row.get("targets") + " " + row.get("targetsVisited") + " "
                        + row.get("targetsVisitedToday") + " " + row.get("coverage")))
                .containsExactly(campaign + " 4 2 2 0.5");
        assertThat(csv.stream().filter(row -> row.get("section").equals("mostSerious")).map(row -> row.get("key")))
                .containsExactlyElementsOf(day.getList("mostSerious.id"));

        String html = given().auth().oauth2(Tokens.admin()).queryParam("unitId", r).queryParam("date", DAY)
                .get("/api/v1/reports/daily.html").then().statusCode(200).contentType(startsWith("text/html"))
                .extract().asString();
        // A browser's Accept gets the page from /daily too.
        String negotiated = given().auth().oauth2(Tokens.admin()).queryParam("unitId", r).queryParam("date", DAY)
                .accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .get("/api/v1/reports/daily").then().statusCode(200).contentType(startsWith("text/html")).extract()
                .asString();
        assertThat(negotiated).contains("data-figure=\"inspections\"");
        Document page = parseHtml(html);
        Element tiles = (Element) page.getElementsByTagName("section").item(0);
        Map<String, String> shown = dataFigures(tiles);
        for (String figure : FIGURES) {
            assertThat(shown.get(figure)).as(figure).isEqualTo(String.valueOf(day.getInt(figure)));
        }
        NodeList rows = page.getElementsByTagName("tr");
        List<String> unitCodes = new ArrayList<>();
        for (int i = 0; i < rows.getLength(); i++) {
            Element row = (Element) rows.item(i);
            if (!row.hasAttribute("data-unit")) {
                continue;
            }
            int index = unitCodes.size();
            unitCodes.add(row.getAttribute("data-unit"));
            Map<String, String> cells = dataFigures(row);
            for (String figure : FIGURES) {
                assertThat(cells.get(figure)).as(row.getAttribute("data-unit") + " " + figure)
                        .isEqualTo(String.valueOf(day.getInt("byUnit[" + index + "]." + figure)));
            }
        }
        assertThat(unitCodes).containsExactly(rCode, aCode, bCode);
        List<String> findingIds = new ArrayList<>();
        for (int i = 0; i < rows.getLength(); i++) {
            Element row = (Element) rows.item(i);
            if (row.hasAttribute("data-finding")) {
                findingIds.add(row.getAttribute("data-finding"));
            }
        }
        assertThat(findingIds).containsExactlyElementsOf(day.getList("mostSerious.id"));
        NodeList blocks = page.getElementsByTagName("div");
        List<Map<String, String>> campaigns = new ArrayList<>();
        for (int i = 0; i < blocks.getLength(); i++) {
            Element block = (Element) blocks.item(i);
            if (block.hasAttribute("data-campaign")) {
                campaigns.add(dataFigures(block));
            }
        }
        assertThat(campaigns).containsExactly(Map.of("targets", "4", "targetsVisited", "2", "targetsVisitedToday", "2",
                "coverage", "50.0%"));
        Map<String, String> charted = new LinkedHashMap<>();
        NodeList texts = page.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element text = (Element) texts.item(i);
            if (!text.getAttribute("data-chart").isEmpty()) {
                charted.put(text.getAttribute("data-chart") + "." + text.getAttribute("data-key"), text.getTextContent());
            }
        }
        assertThat(charted).containsEntry("findings.newFindings", "3").containsEntry("findings.overdue", "3")
                .containsEntry("findings.escalated", "1").containsEntry("notices.BULLETIN", "1")
                .containsEntry("notices.REMINDER", "0");
        // Printable and self-contained: one A4 sheet, no script, nothing fetched.
        assertThat(html).contains("size: A4").doesNotContain("<script").doesNotContain("src=")
                .doesNotContain("href=").doesNotContain("url(").doesNotContain("@import");
        assertThat(html).contains(day.getString("unitName")).contains("督查日报").contains("Daily supervision report");

        JsonPath graph = Gql.query(Tokens.admin(), """
                query($unit: ID!, $date: String!) { dailyReport(unitId: $unit, date: $date) {
                  date statusAt unitCode inspections personVisits sitesVisited newFindings rectifiedOnSite rectified
                  overdue escalated openFindings notices noticesByKind { kind count }
                  byUnit { code withSubUnits inspections personVisits sitesVisited newFindings rectifiedOnSite
                           rectified overdue escalated openFindings notices }
                  campaigns { campaignId name targets targetsVisited targetsVisitedToday coverage }
                  mostSerious { id severity status overdue daysOpen } } }""", Map.of("unit", r, "date", DAY));
        assertThat(graph.getString("errors")).isNull();
        assertThat(figures(graph, "data.dailyReport.")).isEqualTo(figures(day, ""));
        for (int i = 0; i < 3; i++) {
            assertThat(figures(graph, "data.dailyReport.byUnit[" + i + "].")).isEqualTo(figures(day, "byUnit[" + i + "]."));
        }
        assertThat(graph.getList("data.dailyReport.mostSerious.id")).isEqualTo(day.getList("mostSerious.id"));
        assertThat(graph.getString("data.dailyReport.statusAt")).isEqualTo(day.getString("statusAt"));
        assertThat(graph.getList("data.dailyReport.noticesByKind.count")).isEqualTo(day.getList("noticesByKind.count"));
        assertThat(graph.getMap("data.dailyReport.campaigns[0]")).isEqualTo(day.getMap("campaigns[0]"));
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("date", "2021-13-01", "date"),
                Arguments.of("date", "2021-02-30", "date"),
                Arguments.of("date", "yesterday", "date"),
                Arguments.of("date", "2021-08-07T00:00:00+08:00", "date"),
                Arguments.of("date", "1899-12-31", "date"),
                Arguments.of("unitId", "not-a-uuid", "unitId"),
                Arguments.of("unitId", UUID.randomUUID().toString(), "unitId"),
                Arguments.of("day", "2021-08-07", "day"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badInput")
    void badInputIsAProblemNamingTheParameter(String name, String value, String field) {
        scenario();
        long events = Db.changeEvents();
        for (String path : new String[] {"daily", "daily.csv", "daily.html"}) {
            Map<String, String> params = new HashMap<>(Map.of("unitId", r, "date", DAY));
            params.put(name, value);
            given().auth().oauth2(Tokens.admin()).queryParams(params).accept("*/*").get("/api/v1/reports/" + path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION")).body("errors[0].field", equalTo(field));
        }
        assertThat(Db.changeEvents()).isEqualTo(events);
        if (!name.equals("day")) {
            Map<String, Object> variables = new HashMap<>(Map.of("unit", r, "date", DAY));
            variables.put(name.equals("unitId") ? "unit" : "date", value);
            JsonPath graph = Gql.query(Tokens.admin(),
                    "query($unit: ID!, $date: String!) { dailyReport(unitId: $unit, date: $date) { inspections } }",
                    variables);
            assertThat(Gql.errorCode(graph)).isEqualTo("VALIDATION");
            assertThat(graph.getString("errors[0].extensions.details.errors[0].field")).isEqualTo(field);
        }
    }

    @Test
    void bothParametersAreRequired() {
        scenario();
        given().auth().oauth2(Tokens.admin()).queryParam("date", DAY).get("/api/v1/reports/daily").then()
                .statusCode(400).body("errors[0].field", equalTo("unitId"));
        given().auth().oauth2(Tokens.admin()).queryParam("unitId", r).get("/api/v1/reports/daily").then()
                .statusCode(400).body("errors[0].field", equalTo("date"));
        given().auth().oauth2(Tokens.admin()).get("/api/v1/reports/daily.html").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("unitId", "date"));
    }

    @Test
    void everyoneWithARoleReadsItNobodyElse() {
        scenario();
        for (String path : new String[] {"daily", "daily.csv", "daily.html"}) {
            given().queryParam("unitId", r).queryParam("date", DAY).get("/api/v1/reports/" + path).then()
                    .statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
            given().auth().oauth2(Tokens.token("no-role", null)).queryParam("unitId", r).queryParam("date", DAY)
                    .get("/api/v1/reports/" + path).then().statusCode(403);
            // An inspector of another tree reads it, as every report.
            given().auth().oauth2(Tokens.inspector(Api.code("ELSEWHERE"))).queryParam("unitId", r)
                    .queryParam("date", DAY).get("/api/v1/reports/" + path).then().statusCode(200);
        }
        String query = "query($unit: ID!) { dailyReport(unitId: $unit, date: \"" + DAY + "\") { inspections } }";
        assertThat(Gql.errorCode(Gql.query(Tokens.token("no-role", null), query, Map.of("unit", r))))
                .isEqualTo("FORBIDDEN");
        assertThat(Gql.errorCode(Gql.query(null, query, Map.of("unit", r)))).isEqualTo("UNAUTHENTICATED");
        assertThat(Gql.query(Tokens.inspector(Api.code("ELSEWHERE")), query, Map.of("unit", r))
                .getInt("data.dailyReport.inspections")).isEqualTo(4);
    }

    /** The elements of {@code root} with a data-figure attribute, by it, with their text. */
    private static Map<String, String> dataFigures(Element root) {
        Map<String, String> figures = new LinkedHashMap<>();
        NodeList all = root.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (element.hasAttribute("data-figure")) {
                figures.put(element.getAttribute("data-figure"), element.getTextContent().trim());
            }
        }
        return figures;
    }

    /** The page is well-formed markup (XHTML syntax): read it with the JDK's XML parser, no DTD fetched. */
    private static Document parseHtml(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    /** RFC 4180: quoted cells with doubled quotes, CRLF line ends; rows as maps by the header's names. */
    static List<Map<String, String>> parseCsv(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
                lines.add(cells);
                cells = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        assertThat(cell.length()).as("the last line ends with CRLF").isZero();
        List<String> header = lines.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> line : lines.subList(1, lines.size())) {
            assertThat(line).hasSameSizeAs(header);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), line.get(i));
            }
            rows.add(row);
        }
        return rows;
    }
}
