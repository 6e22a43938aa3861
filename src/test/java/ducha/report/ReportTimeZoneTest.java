package ducha.report;

import static ducha.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report zone is configuration: in UTC, 23:30 Beijing time on the 7th is 15:30 on the 7th, the 8th starts later. */
@QuarkusTest
@TestProfile(ReportTimeZoneTest.Utc.class)
@WithTestResource(OidcWiremockTestResource.class)
class ReportTimeZoneTest {

    public static class Utc implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ducha.reports.time-zone", "UTC");
        }
    }

    @Test
    void datesAreReadInTheConfiguredZone() {
        ReportFixture w = new ReportFixture();
        JsonPath seventh = as(Tokens.admin()).queryParam("unitId", w.r).queryParam("from", "2021-08-07")
                .queryParam("to", "2021-08-08").get("/api/v1/reports/summary").then().statusCode(200).extract()
                .jsonPath();
        assertThat(seventh.getString("timeZone")).isEqualTo("UTC");
        assertThat(seventh.getString("from")).isEqualTo("2021-08-07T00:00:00Z");
        // UTC 7th: I1, I2, I5 and I3 (midnight of the 8th in Beijing is 16:00 on the 7th in UTC).
        assertThat(seventh.getLong("inspections")).isEqualTo(4);
        assertThat(seventh.getLong("findings")).isEqualTo(4);
        JsonPath trend = as(Tokens.admin()).queryParam("unitId", w.r).queryParam("from", "2021-08-07")
                .queryParam("to", "2021-08-09").get("/api/v1/reports/trend").then().statusCode(200).extract()
                .jsonPath();
        assertThat(trend.getList("points.findings")).containsExactly(4, 1);
    }
}
