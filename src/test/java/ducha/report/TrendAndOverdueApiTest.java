package ducha.report;

import static ducha.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class TrendAndOverdueApiTest {

    private static ReportFixture world;

    private static ReportFixture world() {
        if (world == null) {
            world = new ReportFixture();
        }
        return world;
    }

    @Test
    void aDailyTrendHasAPointForEveryDayOfTheZone() {
        JsonPath trend = trend(Map.of("unitId", world().r, "from", "2021-08-04", "to", "2021-08-10"));
        assertThat(trend.getString("interval")).isEqualTo("DAY");
        assertThat(trend.getList("points.start")).containsExactly("2021-08-04", "2021-08-05", "2021-08-06",
                "2021-08-07", "2021-08-08", "2021-08-09");
        assertThat(point(trend, "2021-08-04")).isEqualTo(counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(point(trend, "2021-08-05")).isEqualTo(counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(point(trend, "2021-08-06")).isEqualTo(counts(1, 1, 1, 1, 1, 1, 0, 0, 0, 0));
        // 23:30 Beijing time on the 7th (I2, F3) counts on the 7th.
        assertThat(point(trend, "2021-08-07")).isEqualTo(counts(3, 9, 2, 3, 2, 1, 1, 1, 0, 2));
        assertThat(point(trend, "2021-08-08")).isEqualTo(counts(1, 5, 1, 2, 0, 0, 2, 1, 1, 1));
        assertThat(point(trend, "2021-08-09")).isEqualTo(counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void aWeeklyTrendStartsOnMondaysAndClipsToThePeriod() {
        // 1 August 2021 is a Sunday: the first bucket is the week of 26 July, holding only the 1st.
        JsonPath trend = trend(Map.of("unitId", world().r, "from", "2021-08-01", "to", "2021-08-15",
                "interval", "WEEK"));
        assertThat(trend.getList("points.start")).containsExactly("2021-07-26", "2021-08-02", "2021-08-09");
        assertThat(point(trend, "2021-07-26")).isEqualTo(counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(point(trend, "2021-08-02")).isEqualTo(counts(5, 15, 4, 6, 3, 2, 3, 2, 1, 3));
        assertThat(point(trend, "2021-08-09")).isEqualTo(counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void aTrendWithoutPeriodCoversTheLast30DaysUpToToday() {
        JsonPath trend = trend(Map.of("unitId", world().r));
        List<String> starts = trend.getList("points.start");
        assertThat(starts).hasSize(30);
        assertThat(starts.get(29)).isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        assertThat(trend(Map.of("unitId", world().r, "interval", "WEEK")).getList("points")).hasSize(12);
    }

    @Test
    void aTrendHasAtMostAYearOfDays() {
        as(Tokens.admin()).queryParam("from", "2020-01-01").queryParam("to", "2021-01-02")
                .get("/api/v1/reports/trend").then().statusCode(400).body("errors[0].field", equalTo("to"));
        as(Tokens.admin()).queryParam("interval", "MONTH").get("/api/v1/reports/trend").then().statusCode(400)
                .body("errors[0].field", equalTo("interval"));
    }

    @Test
    void overdueFindingsComeOldestDueFirstPageByPage() {
        ReportFixture w = world();
        Response first = as(Tokens.inspector(w.bCode)).queryParam("unitId", w.r).queryParam("limit", "1")
                .get("/api/v1/reports/overdue");
        first.then().statusCode(200);
        JsonPath page = first.jsonPath();
        assertThat(page.getList("items.id")).containsExactly(w.f2);
        assertThat(page.getString("items[0].status")).isEqualTo("OPEN");
        assertThat(page.getString("items[0].siteId")).isEqualTo(w.s1);
        assertThat(page.getString("items[0].dueAt")).isEqualTo("2021-08-08T09:20:00+08:00");
        assertThat(page.getString("items[0].unitName")).startsWith("单位A1-");
        long days = Duration.between(OffsetDateTime.parse("2021-08-08T09:20:00+08:00"), OffsetDateTime.now()).toDays();
        assertThat(page.getLong("items[0].daysOverdue")).isBetween(days - 1, days);
        assertThat(first.header("Link")).contains("rel=\"next\"");

        JsonPath second = as(Tokens.admin()).queryParam("unitId", w.r).queryParam("limit", "1")
                .queryParam("cursor", page.getString("nextCursor")).get("/api/v1/reports/overdue").then()
                .statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.id")).containsExactly(w.f5);
        assertThat(second.getString("items[0].status")).isEqualTo("ESCALATED");
        assertThat(second.getString("items[0].unitCode")).isEqualTo(w.bCode);
        assertThat(second.getString("nextCursor")).isNull();
    }

    @Test
    void overdueFindingsFollowTheFilter() {
        ReportFixture w = world();
        assertThat(overdue(Map.of("unitId", w.r))).containsExactly(w.f2, w.f5);
        assertThat(overdue(Map.of("district", w.d2))).containsExactly(w.f5);
        assertThat(overdue(Map.of("unitId", w.r, "siteType", "CHECKPOINT"))).containsExactly(w.f2);
        assertThat(overdue(Map.of("unitId", w.r, "from", "2021-08-08"))).containsExactly(w.f5);
        assertThat(overdue(Map.of("unitId", w.a))).containsExactly(w.f2);
        assertThat(overdue(Map.of("unitId", w.r, "to", "2021-08-07"))).isEmpty();
    }

    private static List<String> overdue(Map<String, String> query) {
        RequestSpecification request = as(Tokens.admin());
        query.forEach(request::queryParam);
        return request.get("/api/v1/reports/overdue").then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    private static JsonPath trend(Map<String, String> query) {
        RequestSpecification request = as(Tokens.inspector(world().aCode));
        query.forEach(request::queryParam);
        return request.get("/api/v1/reports/trend").then().statusCode(200).extract().jsonPath();
    }

    private static List<Integer> point(JsonPath trend, String start) {
        Map<String, Object> point = trend.getMap("points.find { it.start == '" + start + "' }");
        return List.of("inspections", "personVisits", "sitesInspected", "findings", "rectified", "rectifiedOnSite",
                "open", "overdue", "escalated", "notices").stream().map(name -> (Integer) point.get(name)).toList();
    }

    private static List<Integer> counts(int inspections, int personVisits, int sitesInspected, int findings,
            int rectified, int rectifiedOnSite, int open, int overdue, int escalated, int notices) {
        return List.of(inspections, personVisits, sitesInspected, findings, rectified, rectifiedOnSite, open, overdue,
                escalated, notices);
    }
}
