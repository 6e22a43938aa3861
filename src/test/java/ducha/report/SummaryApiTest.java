package ducha.report;

import static ducha.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import ducha.support.Api;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every figure and breakdown of the summary against counts made by hand over {@link ReportFixture}. The same world
 * is read over different periods, so that the all-time rows, whole UTC days, months and years of the rollups and
 * the rows at the edges of a period are each exercised and must agree.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class SummaryApiTest {

    private static ReportFixture world;

    private static ReportFixture world() {
        if (world == null) {
            world = new ReportFixture();
        }
        return world;
    }

    /** Figures of the whole world: every visit, finding and notice of R and its sub-units. */
    private static void assertWholeWorld(JsonPath s) {
        ReportFixture w = world();
        assertThat(totals(s)).isEqualTo(figures(5, 15, 4, 4, 0.75, 6, 3, 2, 3, 2, 1, 0.5));
        assertThat(s.getDouble("medianDaysToRectify")).isEqualTo(0.0);
        assertThat(s.getMap("noticesByKind")).isEqualTo(Map.of("BULLETIN", 1, "SUGGESTION", 2,
                "ACCOUNTABILITY_WARNING", 0, "REMINDER", 0));

        assertThat(s.getList("byCategory.key")).containsExactly("DISINFECTION", "DUTY_ROSTER", "CROWD_CONTROL",
                "TESTING_PROCEDURE", "SUPPLIES", "PRICING", "FOOD_SAFETY", "RECORD_KEEPING", "OTHER");
        assertThat(findingFigures(row(s, "byCategory", "DISINFECTION"))).isEqualTo(findings(2, 2, 1, 0, 0, 0, 1.0));
        assertThat(findingFigures(row(s, "byCategory", "CROWD_CONTROL"))).isEqualTo(findings(1, 0, 0, 1, 1, 0, 0.0));
        assertThat(findingFigures(row(s, "byCategory", "PRICING"))).isEqualTo(findings(2, 0, 0, 2, 1, 1, 0.0));
        assertThat(findingFigures(row(s, "byCategory", "SUPPLIES"))).isEqualTo(findings(1, 1, 1, 0, 0, 0, 1.0));
        assertThat(findingFigures(row(s, "byCategory", "OTHER"))).isEqualTo(findings(0, 0, 0, 0, 0, 0, null));
        assertThat(row(s, "byCategory", "OTHER").get("inspections")).isNull();

        assertThat(s.getList("bySiteType.key")).containsExactly("CHECKPOINT", "TESTING_POINT", "MARKET");
        assertThat(figures(row(s, "bySiteType", "CHECKPOINT"))).isEqualTo(figures(2, 5, 1, 1, 1.0, 2, 1, 1, 1, 1, 0, 0.5));
        assertThat(figures(row(s, "bySiteType", "TESTING_POINT")))
                .isEqualTo(figures(1, 4, 1, 2, 0.5, 1, 1, 0, 0, 0, 0, 1.0));
        // S5 is inactive: inspected, but neither in the total nor covered.
        assertThat(figures(row(s, "bySiteType", "MARKET"))).isEqualTo(figures(2, 6, 2, 1, 1.0, 3, 1, 1, 2, 1, 1, 0.3333));

        assertThat(s.getList("byDistrict.key")).containsExactly(w.d1, w.d2);
        assertThat(figures(row(s, "byDistrict", w.d1))).isEqualTo(figures(3, 9, 2, 3, 0.6667, 3, 2, 1, 1, 1, 0, 0.6667));
        assertThat(figures(row(s, "byDistrict", w.d2))).isEqualTo(figures(2, 6, 2, 1, 1.0, 3, 1, 1, 2, 1, 1, 0.3333));

        assertThat(s.getList("byUnit.key")).containsExactly(w.rCode, w.aCode, w.bCode);
        Map<String, Object> own = row(s, "byUnit", w.rCode);
        assertThat(own.get("withSubUnits")).isEqualTo(false);
        assertThat(figures(own)).isEqualTo(figures(1, 1, 1, null, null, 1, 1, 1, 0, 0, 0, 1.0));
        // A with its team A1: the sub-unit's work rolls up into A's row.
        assertThat(figures(row(s, "byUnit", w.aCode))).isEqualTo(figures(3, 9, 2, 3, 0.6667, 3, 2, 1, 1, 1, 0, 0.6667));
        assertThat(figures(row(s, "byUnit", w.bCode))).isEqualTo(figures(1, 5, 1, 1, 1.0, 2, 0, 0, 2, 1, 1, 0.0));
    }

    @Test
    void countsEveryFigureOfAUnitWithItsSubUnits() {
        JsonPath s = summary(Map.of("unitId", world().r));
        assertWholeWorld(s);
        assertThat(s.getString("from")).isNull();
        assertThat(s.getString("timeZone")).isEqualTo("Asia/Shanghai");
        assertThat(s.getString("asOf")).endsWith("+08:00");
    }

    @Test
    void periodsMadeOfDaysMonthsAndYearsAgreeWithAllTime() {
        // Whole UTC days of August (plus the 8 hours at each end), then whole years.
        assertWholeWorld(summary(Map.of("unitId", world().r, "from", "2021-08-01", "to", "2021-09-01")));
        assertWholeWorld(summary(Map.of("unitId", world().r, "from", "2020-01-01", "to", "2023-01-01")));
        assertWholeWorld(summary(Map.of("unitId", world().r, "from", "2021-08-06")));
        assertWholeWorld(summary(Map.of("unitId", world().r, "to", "2021-08-09")));
    }

    @Test
    void aDayIsADayOfTheReportZoneAndPeriodsAreHalfOpen() {
        ReportFixture w = world();
        JsonPath s = summary(Map.of("unitId", w.r, "from", "2021-08-07", "to", "2021-08-08"));
        assertThat(s.getString("from")).isEqualTo("2021-08-07T00:00:00+08:00");
        assertThat(s.getString("to")).isEqualTo("2021-08-08T00:00:00+08:00");
        // I2 and F3 at 23:30 Beijing time belong to the 7th; I3 and F4 at midnight of the 8th do not.
        assertThat(totals(s)).isEqualTo(figures(3, 9, 2, 4, 0.5, 3, 2, 1, 1, 1, 0, 0.6667));
        assertThat(s.getMap("noticesByKind")).containsEntry("BULLETIN", 1).containsEntry("SUGGESTION", 1);

        JsonPath eighth = summary(Map.of("unitId", w.r, "from", "2021-08-08", "to", "2021-08-09"));
        assertThat(totals(eighth)).isEqualTo(figures(1, 5, 1, 4, 0.25, 2, 0, 0, 2, 1, 1, 0.0));
        assertThat(eighth.getMap("noticesByKind")).containsEntry("SUGGESTION", 1).containsEntry("BULLETIN", 0);
    }

    @Test
    void anInstantBoundMixesEdgeRowsWithDaysAndMonths() {
        // [2021-08-07 12:00+08, 2021-10-15 00:00+08): the rest of the 7th from rows, then days, September, days.
        JsonPath s = summary(Map.of("unitId", world().r, "from", "2021-08-07T12:00:00+08:00", "to", "2021-10-15"));
        assertThat(totals(s)).isEqualTo(figures(2, 9, 2, 4, 0.5, 3, 1, 0, 2, 1, 1, 0.3333));
        // N1 at exactly 12:00 is in: the start is inclusive.
        assertThat(s.getMap("noticesByKind")).containsEntry("BULLETIN", 1).containsEntry("SUGGESTION", 2);
        // An offset sent as a raw '+' arrives as a space and is still read.
        JsonPath spaced = summary(Map.of("unitId", world().r, "from", "2021-08-07T12:00:00 08:00", "to", "2021-10-15"));
        assertThat(totals(spaced)).isEqualTo(totals(s));
    }

    @Test
    void aGroupCountsItsOwnWorkAndItsTeams() {
        ReportFixture w = world();
        JsonPath s = summary(Map.of("unitId", w.a));
        assertThat(totals(s)).isEqualTo(figures(3, 9, 2, 3, 0.6667, 3, 2, 1, 1, 1, 0, 0.6667));
        assertThat(s.getList("byUnit.withSubUnits")).containsExactly(false, true);
        assertThat(figures(row(s, "byUnit", w.aCode))).isEqualTo(figures(1, 4, 1, null, null, 1, 1, 0, 0, 0, 0, 1.0));
        assertThat((List<Object>) s.getList("byUnit.findings")).containsExactly(1, 2);
        assertThat(s.getMap("noticesByKind")).containsEntry("SUGGESTION", 1).containsEntry("BULLETIN", 0);
    }

    @Test
    void aDistrictCountsItsSitesWhoeverWorkedThere() {
        ReportFixture w = world();
        JsonPath s = summary(Map.of("district", w.d2));
        assertThat(totals(s)).isEqualTo(figures(2, 6, 2, 1, 1.0, 3, 1, 1, 2, 1, 1, 0.3333));
        // Notices go by their site's district, or their unit's: N2 is at S4; N1 and N3 are of D1 units.
        assertThat(s.getMap("noticesByKind")).containsEntry("SUGGESTION", 1).containsEntry("BULLETIN", 0);
        assertThat(s.getList("byDistrict.key")).containsExactly(w.d2);
        // Without a unit filter, byUnit lists the top-level units; R carries everything of D2.
        Map<String, Object> r = row(s, "byUnit", w.rCode);
        assertThat(figures(r)).isEqualTo(figures(2, 6, 2, 1, 1.0, 3, 1, 1, 2, 1, 1, 0.3333));
        assertThat(r.get("withSubUnits")).isEqualTo(true);
    }

    @Test
    void aSiteTypeNarrowsSitesFindingsAndNotices() {
        JsonPath s = summary(Map.of("unitId", world().r, "siteType", "MARKET"));
        assertThat(totals(s)).isEqualTo(figures(2, 6, 2, 1, 1.0, 3, 1, 1, 2, 1, 1, 0.3333));
        assertThat(s.getList("bySiteType.key")).containsExactly("MARKET");
        assertThat(s.getMap("noticesByKind")).containsEntry("SUGGESTION", 1).containsEntry("BULLETIN", 0);
    }

    @Test
    void aUnitWithoutWorkHasZerosAndNoRates() {
        String idle = ReportFixture.unit(Api.code("IDLE"), null, Api.code("空区"), "COMMISSION");
        JsonPath s = summary(Map.of("unitId", idle));
        assertThat(totals(s)).isEqualTo(figures(0, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, null));
        assertThat(s.getString("medianDaysToRectify")).isNull();
        assertThat(s.getList("byCategory")).hasSize(9);
        assertThat(s.getList("bySiteType")).isEmpty();
        assertThat(s.getList("byDistrict")).isEmpty();
        assertThat(s.getList("byUnit.key")).hasSize(1);
        assertThat(s.getMap("noticesByKind").values()).containsOnly(0);
        // A period with nothing in it.
        assertThat(totals(summary(Map.of("unitId", world().r, "from", "2030-01-01"))))
                .isEqualTo(figures(0, 0, 0, 4, 0.0, 0, 0, 0, 0, 0, 0, null));
    }

    @Test
    void theMedianIsTheMiddleOfTheWholeDaysToRectify() {
        ReportFixture w = world();
        // F3 alone: found 2021-08-07 23:30+08, rectified when the fixture was built.
        JsonPath s = summary(Map.of("unitId", w.a, "siteType", "TESTING_POINT"));
        long days = java.time.Duration.between(java.time.OffsetDateTime.parse("2021-08-07T23:30:00+08:00"),
                java.time.OffsetDateTime.parse(w.f3RectifiedAt)).toDays();
        assertThat(s.getDouble("medianDaysToRectify")).isEqualTo((double) days);
        // F1 (0 days) and F3: an even count gives the mean of the two middle ones.
        JsonPath both = summary(Map.of("unitId", w.a));
        assertThat(both.getDouble("medianDaysToRectify")).isEqualTo(days / 2.0);
    }

    static JsonPath summary(Map<String, String> query) {
        RequestSpecification request = as(Tokens.inspector(Api.code("READER")));
        query.forEach(request::queryParam);
        return request.get("/api/v1/reports/summary").then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> row(JsonPath summary, String breakdown, String key) {
        Map<String, Object> row = summary.getMap(breakdown + ".find { it.key == '" + key + "' }");
        assertThat(row).as(breakdown + " " + key).isNotNull();
        return row;
    }

    private static Map<String, Object> totals(JsonPath s) {
        return figures(s.getMap(""));
    }

    /** The figures of a summary or breakdown row, in a map that prints readably when it differs. */
    private static Map<String, Object> figures(Map<String, Object> row) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (String name : List.of("inspections", "personVisits", "sitesInspected", "sitesTotal", "coverage",
                "findings", "rectified", "rectifiedOnSite", "open", "overdue", "escalated", "rectificationRate")) {
            figures.put(name, number(row.get(name)));
        }
        return figures;
    }

    private static Map<String, Object> figures(Integer inspections, Integer personVisits, Integer sitesInspected,
            Integer sitesTotal, Double coverage, int findings, int rectified, int rectifiedOnSite, int open,
            int overdue, int escalated, Double rectificationRate) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("inspections", number(inspections));
        figures.put("personVisits", number(personVisits));
        figures.put("sitesInspected", number(sitesInspected));
        figures.put("sitesTotal", number(sitesTotal));
        figures.put("coverage", number(coverage));
        figures.put("findings", number(findings));
        figures.put("rectified", number(rectified));
        figures.put("rectifiedOnSite", number(rectifiedOnSite));
        figures.put("open", number(open));
        figures.put("overdue", number(overdue));
        figures.put("escalated", number(escalated));
        figures.put("rectificationRate", number(rectificationRate));
        return figures;
    }

    private static Map<String, Object> findingFigures(Map<String, Object> row) {
        Map<String, Object> figures = new LinkedHashMap<>(figures(row));
        List.of("inspections", "personVisits", "sitesInspected", "sitesTotal", "coverage").forEach(figures::remove);
        return figures;
    }

    private static Map<String, Object> findings(int findings, int rectified, int rectifiedOnSite, int open,
            int overdue, int escalated, Double rate) {
        return findingFigures(figures(null, null, null, null, null, findings, rectified, rectifiedOnSite, open,
                overdue, escalated, rate));
    }

    /** JSON numbers come back as Integer or Float; compare them as decimals. */
    private static Object number(Object value) {
        return value == null ? null : new java.math.BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }
}
