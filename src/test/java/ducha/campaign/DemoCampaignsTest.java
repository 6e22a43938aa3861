package ducha.campaign;

import static ducha.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import ducha.support.Db;
import ducha.support.Gql;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo campaigns (docs/demo-data.md): Yuwangtai's full coverage of 38 testing points, Weishi's 158 of 159. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class DemoCampaignsTest {

    @BeforeAll
    static void loadDemoData() throws IOException {
        try (InputStream sql = DemoCampaignsTest.class.getResourceAsStream("/db/demo/R__demo_data.sql")) {
            Db.script(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static String campaignId(String code) {
        return Db.text("select id::text from campaign where code = ?", code);
    }

    @Test
    void yuwangtaiCovered38Of38TestingPoints() {
        String id = campaignId("YUWANGTAI-TP-2021-08");
        JsonPath c = as(Tokens.admin()).get("/api/v1/campaigns/" + id + "/coverage").then().statusCode(200)
                .extract().jsonPath();
        assertThat(c.getLong("targets")).isEqualTo(38);
        assertThat(c.getLong("targetsVisited")).isEqualTo(38);
        assertThat(c.getDouble("coverage")).isEqualTo(1.0);
        assertThat(c.getBoolean("fullCoverage")).isTrue();
        assertThat(c.getLong("inspections")).isEqualTo(38);     // the 7 office visits are not of targets
        assertThat(c.getLong("findings")).isEqualTo(6);
        assertThat(c.getLong("resolved")).isEqualTo(6);
        assertThat(c.getList("byUnit")).hasSize(5);               // own work + the 4 groups
        assertThat(c.getList("byDay.day", String.class)).containsExactly("2021-08-07", "2021-08-08");
        assertThat(c.getList("byDay.cumulativeVisited", Integer.class)).containsExactly(38, 38);
        as(Tokens.admin()).get("/api/v1/campaigns/" + id + "/unvisited").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void weishiVisited158Of159TargetsAndTheGapIsTheNewTestingPoint() {
        String id = campaignId("WEISHI-CP-2021-08");
        JsonPath c = Gql.query(Tokens.inspector("WEISHI-G1"), """
                query($id: ID!) { campaign(id: $id) { code coverage { targets targetsVisited targetsUnvisited coverage
                  fullCoverage inspections findings resolved open byUnit { code } }
                  unvisited(first: 10) { edges { node { code addedHow } } } } }""", Map.of("id", id));
        assertThat(c.getString("errors")).isNull();
        assertThat(c.getLong("data.campaign.coverage.targets")).isEqualTo(159);
        assertThat(c.getLong("data.campaign.coverage.targetsVisited")).isEqualTo(158);
        assertThat(c.getLong("data.campaign.coverage.targetsUnvisited")).isEqualTo(1);
        assertThat(c.getDouble("data.campaign.coverage.coverage")).isEqualTo(0.9937);
        assertThat(c.getBoolean("data.campaign.coverage.fullCoverage")).isFalse();
        assertThat(c.getLong("data.campaign.coverage.inspections")).isEqualTo(200);
        assertThat(c.getLong("data.campaign.coverage.findings")).isEqualTo(119);
        assertThat(c.getLong("data.campaign.coverage.resolved")).isEqualTo(119);
        assertThat(c.getList("data.campaign.coverage.byUnit")).hasSize(9);
        assertThat(c.getList("data.campaign.unvisited.edges.node.code", String.class)).isEqualTo(List.of("WEISHI-TP-001"));
    }
}
