package ducha.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import ducha.support.Api;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Third-party clients against the running service: graphql-http's GraphQL-over-HTTP audit (every audit passes,
 * SHOULDs included; audit.mjs fails otherwise)
 * and the graphql-ws client receiving REST-made changes. Needs `npm ci` in tools/graphql-interop (scripts/test
 * does it).
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class GraphQLInteropTest {

    private static final File TOOLS = new File("tools/graphql-interop");

    @Test
    void passesEveryAuditOfGraphQLOverHttp() throws Exception {
        Process audit = node("audit.mjs", Map.of("DUCHA_GRAPHQL_URL", "http://localhost:" + RestAssured.port + "/graphql",
                "DUCHA_TOKEN", Tokens.admin()));
        List<String> output = readAll(audit);
        assertThat(audit.waitFor(60, TimeUnit.SECONDS)).isTrue();
        System.out.println(String.join("\n", output));
        assertThat(audit.exitValue()).as(String.join("\n", output)).isZero();
        assertThat(output).anyMatch(line -> line.contains(" 0 warnings, 0 errors, 0 MUST failures"));
    }

    @Test
    void graphqlWsClientReceivesChangesMadeThroughRest() throws Exception {
        var world = Api.world();
        Process subscriber = node("subscribe.mjs", Map.of("DUCHA_WS_URL", "ws://localhost:" + RestAssured.port + "/graphql",
                "DUCHA_TOKEN", Tokens.inspector("ANY"), "DUCHA_UNIT", world.unitId(), "DUCHA_EVENTS", "2"));
        BufferedReader lines = new BufferedReader(new InputStreamReader(subscriber.getInputStream(), StandardCharsets.UTF_8));
        assertThat(lines.readLine()).isEqualTo("READY");
        String id = Api.reportFinding(Tokens.admin(), Api.finding(world.groupId(), world.siteId())).getString("id");
        Api.as(Tokens.admin()).body(Map.of("action", "START")).post("/api/v1/findings/" + id + "/transitions")
                .then().statusCode(200);
        List<String> events = new ArrayList<>();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            events.add(line);
        }
        assertThat(subscriber.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(subscriber.exitValue()).as(new String(subscriber.getErrorStream().readAllBytes())).isZero();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).contains("\"op\":\"CREATE\"").contains(id);
        assertThat(events.get(1)).contains("\"op\":\"TRANSITION\"").contains("RECTIFYING");
    }

    private static Process node(String script, Map<String, String> environment) throws Exception {
        assertThat(new File(TOOLS, "node_modules")).as("run `npm ci` in tools/graphql-interop first").isDirectory();
        ProcessBuilder builder = new ProcessBuilder("node", script).directory(TOOLS);
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static List<String> readAll(Process process) throws Exception {
        List<String> output = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                output.add(line);
            }
        }
        output.add(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return output;
    }
}
