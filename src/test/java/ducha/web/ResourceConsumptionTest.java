package ducha.web;

import static org.assertj.core.api.Assertions.assertThat;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Unrestricted resource consumption: the largest documents a client may send — nested as deep as the size limit
 * allows, or one string as long as it allows — are refused with a 4xx and nothing written, and answering dozens of
 * them leaves the heap where it was. (Page sizes, body sizes, GraphQL depth, complexity, aliases, tokens and
 * batches are refused in BadInputTest, AttachmentApiTest and GraphQLLimitsTest.) Sent with the JDK's client:
 * REST Assured would pretty-print a megabyte of brackets when a check fails.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ResourceConsumptionTest {

    /** Just under the 1 MiB limit of a JSON body. */
    private static final int NEAR_LIMIT = 1_000_000;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void refusesTheDeepestDocumentTheSizeLimitAllows() throws IOException, InterruptedException {
        int depth = (NEAR_LIMIT - 20) / 2;
        String nested = "{\"unitId\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
        long events = Db.changeEvents();
        HttpResponse<String> rest = post("/api/v1/findings", Tokens.admin(), nested);
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(400);
        assertThat(rest.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        String graphql = "{\"query\":\"query($v: String) { me { subject } }\",\"variables\":{\"v\":"
                + "[".repeat(depth - 40) + "]".repeat(depth - 40) + "}}";
        HttpResponse<String> gql = post("/graphql", Tokens.admin(), graphql);
        assertThat(gql.statusCode()).as(gql.body()).isBetween(400, 499);
        assertThat(Db.changeEvents()).isEqualTo(events);
    }

    @Test
    void refusesTheLongestStringTheSizeLimitAllows() throws IOException, InterruptedException {
        var world = Api.world();
        Map<String, Object> finding = new java.util.HashMap<>(Api.finding(world.groupId(), world.siteId()));
        finding.put("description", "问".repeat(NEAR_LIMIT / 3 - 200));
        long events = Db.changeEvents();
        HttpResponse<String> rest = post("/api/v1/findings", Tokens.admin(), JSON.writeValueAsString(finding));
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(400);
        assertThat(JSON.readTree(rest.body()).findValuesAsText("field")).contains("description");
        assertThat(Db.changeEvents()).isEqualTo(events);
    }

    @Test
    void answeringManyLargeRefusalsKeepsTheHeapBounded() throws IOException, InterruptedException {
        var world = Api.world();
        int depth = (NEAR_LIMIT - 20) / 2;
        String nested = "{\"unitId\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
        Map<String, Object> longText = new java.util.HashMap<>(Api.finding(world.groupId(), world.siteId()));
        longText.put("description", "问".repeat(NEAR_LIMIT / 3 - 200));
        String text = JSON.writeValueAsString(longText);
        String token = Tokens.admin();
        for (int i = 0; i < 5; i++) {
            assertThat(post("/api/v1/findings", token, i % 2 == 0 ? nested : text).statusCode()).isEqualTo(400);
        }
        long before = liveHeap();
        for (int i = 0; i < 30; i++) {
            assertThat(post("/api/v1/findings", token, i % 2 == 0 ? nested : text).statusCode()).isEqualTo(400);
        }
        long grown = liveHeap() - before;
        System.out.printf("heap retained after 30 refused near-limit bodies: %d KiB%n", grown >> 10);
        // 30 requests of ~1 MB each: retaining even half of each request's body would show as ~15 MB.
        assertThat(grown).as("heap retained after 30 refused near-limit bodies, bytes").isLessThan(8L << 20);
    }

    private static HttpResponse<String> post(String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static long liveHeap() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
