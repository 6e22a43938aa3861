package ducha.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ducha.support.Api;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Nested fields are batched: the statements the database executes for the dashboard query do not grow with
 * the number of units. Counted by PostgreSQL itself (pg_stat_statements, which scripts/ensure-postgres enables).
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class GraphQLBatchingTest {

    private static final String DASHBOARD = """
            query($root: ID!) { units(filter: {parentId: $root}, first: 50) { edges { node { code
              children { code }
              findings(first: 10) { edges { node { description status site { name } } } } } } } }""";

    @Test
    void dashboardStatementsDoNotGrowWithTheNumberOfUnits() throws Exception {
        long few = statementsFor(3, false);
        long many = statementsFor(20, false);
        System.out.printf("dashboard query, planned: %d SQL statements for 3 units, %d for 20 units%n", few, many);
        assertThat(few).isEqualTo(1);
        assertThat(many).isEqualTo(1);
        long fewResolved = statementsFor(3, true);
        long manyResolved = statementsFor(20, true);
        System.out.printf("dashboard query, resolvers: %d SQL statements for 3 units, %d for 20 units%n", fewResolved,
                manyResolved);
        assertThat(manyResolved).isEqualTo(fewResolved);
        assertThat(fewResolved).isLessThanOrEqualTo(6);
    }

    /** A root with this many units, each with a sub-unit and two findings at its own site. */
    private long statementsFor(int units, boolean resolvers) throws SQLException {
        String root = Api.createUnit(Api.code("DASH"), null).getString("id");
        for (int i = 0; i < units; i++) {
            String unit = Api.createUnit(Api.code("DASH"), root).getString("id");
            Api.createUnit(Api.code("DASH"), unit);
            String site = Api.createSite(Api.code("DS"), "TESTING_POINT", "测试区").getString("id");
            Api.reportFinding(Tokens.admin(), Api.finding(unit, site));
            Api.reportFinding(Tokens.admin(), Api.finding(unit, site));
        }
        String token = Tokens.admin();
        query(token, root, resolvers); // warm: prepared statements, token cache
        long before = executedStatements();
        JsonPath response = query(token, root, resolvers);
        long after = executedStatements();
        assertThat(response.getString("errors")).isNull();
        assertThat(response.getList("data.units.edges")).hasSize(units);
        assertThat(response.getList("data.units.edges[0].node.findings.edges")).hasSize(2);
        assertThat(response.getString("data.units.edges[0].node.findings.edges[0].node.site.name")).startsWith("点位");
        return after - before;
    }

    /** The dashboard through the planner, or through the resolvers (the test profile's Ducha-Planner: off). */
    private static JsonPath query(String token, String root, boolean resolvers) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON)
                .header("Ducha-Planner", resolvers ? "off" : "on")
                .body(Map.of("query", DASHBOARD, "variables", Map.of("root", root))).post("/graphql")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Statements executed so far in the test database, read from another database so as not to count itself. */
    private static long executedStatements() throws SQLException {
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String database = url.substring(url.lastIndexOf('/') + 1);
        try (Connection connection = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + "postgres",
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                var statement = connection.prepareStatement("select coalesce(sum(calls), 0) from pg_stat_statements "
                        + "where dbid = (select oid from pg_database where datname = ?)"
                        // The webhook dispatcher polls on its own, every 100 ms in tests.
                        + " and query not like '%webhook\\_%'")) {
            statement.setString(1, database);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
