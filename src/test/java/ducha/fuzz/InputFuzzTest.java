package ducha.fuzz;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Endpoints;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Generated bad input for every REST operation and every GraphQL query and mutation with arguments (both read from
 * the code or the schema): wrong types, truncated and
 * oversized documents, unicode edges (Chinese, emoji, NUL, right-to-left marks), very long codes, random ids.
 * Never a 5xx; a refused request writes nothing and an accepted one writes exactly one change event.
 * The seed is fixed, so a failure replays.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class InputFuzzTest {

    private static final long SEED = 20210807L;
    private static final int CASES_PER_OPERATION = 15;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Object> NASTY = List.of("", " ", "\u0000", "问题\u0000描述", "😷🧪🚧", "\u202e反向文本",
            "x".repeat(70), "检".repeat(20_000), "' or 1=1 --", "%_\\", "null", "NaN", -1, 0, 2_147_483_648L,
            1e308, -0.0, true, false, List.of(), List.of(1, "a"), Map.of(), Map.of("$ne", ""),
            "2021-02-30T25:61:00+08:00", "9999-12-31T23:59:59+14:00", "0000-01-01T00:00:00Z",
            "00000000-0000-0000-0000-000000000000", "CHECKPOINT", "OPEN", "RECTIFY", "admin");

    @Test
    void restNeverAnswers5xxAndWritesOnlyWhatItAcknowledges() throws Exception {
        var world = Api.world();
        String finding = Api.reportFinding(Tokens.admin(), Api.finding(world.groupId(), world.siteId())).getString("id");
        Random random = new Random(SEED);
        String admin = Tokens.admin();
        String inspector = Tokens.inspector(world.unitCode());
        int sent = 0;
        for (Endpoints.Endpoint endpoint : Endpoints.all()) {
            for (int i = 0; i < CASES_PER_OPERATION; i++) {
                String path = endpoint.path().replaceAll("\\{[A-Za-z]+\\}", pathId(random, finding));
                String body = body(random, world, finding);
                String token = random.nextBoolean() ? admin : inspector;
                long events = Db.changeEvents();
                var request = given().auth().oauth2(token).header("If-Match", random.nextBoolean() ? "\"0\"" : "*")
                        .contentType("application/json").body(body);
                randomQuery(random).forEach(request::queryParam);
                Response response;
                try {
                    response = request.request(endpoint.verb(), path);
                } catch (Exception refusedMidRequest) {
                    if (!(refusedMidRequest instanceof java.net.SocketException)) {
                        throw refusedMidRequest;
                    }
                    // The server answered (414/413) and closed while the body was still being sent.
                    assertThat(Db.changeEvents()).isEqualTo(events);
                    continue;
                } finally {
                    sent++;
                }
                int status = response.statusCode();
                assertThat(status).as(endpoint + " " + path + " " + abbreviate(body) + " → " + response.asString())
                        .isLessThan(500);
                long written = Db.changeEvents() - events;
                if (status >= 400) {
                    assertThat(written).as("refused " + endpoint + " wrote nothing").isZero();
                    // 414 and 431 come from the HTTP codec, before any application code can answer.
                    if (status != 414 && status != 431) {
                        assertThat(response.contentType()).as(endpoint + " " + path + " " + status + " "
                                + abbreviate(body)).startsWith("application/problem+json");
                    }
                } else if (!endpoint.verb().equals("GET")) {
                    assertThat(written).as("accepted " + endpoint + " wrote one event").isEqualTo(1);
                }
            }
        }
        System.out.printf("REST fuzz: %d requests over %d operations, no 5xx%n", sent, Endpoints.all().size());
    }

    @Test
    void graphqlNeverAnswers5xxAndWritesOnlyWhatItAcknowledges() throws Exception {
        var world = Api.world();
        String finding = Api.reportFinding(Tokens.admin(), Api.finding(world.groupId(), world.siteId())).getString("id");
        List<String> mutations = operationsWithArguments();
        assertThat(mutations).hasSizeGreaterThan(20);
        Random random = new Random(SEED + 1);
        String admin = Tokens.admin();
        int sent = 0;
        for (String mutation : mutations) {
            for (int i = 0; i < CASES_PER_OPERATION; i++) {
                Map<String, Object> variables = new HashMap<>();
                variables.put("input", asObject(body(random, world, finding)));
                variables.put("filter", asObject(body(random, world, finding)));
                variables.put("id", random.nextBoolean() ? finding : nasty(random));
                variables.put("expectedVersion", random.nextBoolean() ? 0 : nasty(random));
                variables.put("action", nasty(random));
                variables.put("note", nasty(random));
                variables.put("first", nasty(random));
                variables.put("after", nasty(random));
                long events = Db.changeEvents();
                Response response = given().auth().oauth2(admin).contentType("application/json")
                        .body(Map.of("query", mutation, "variables", variables)).post("/graphql");
                sent++;
                assertThat(response.statusCode()).as(mutation + " " + response.asString()).isLessThan(500);
                long written = Db.changeEvents() - events;
                boolean failed = response.jsonPath().get("errors") != null;
                if (failed) {
                    assertThat(written).as("refused " + mutation + " wrote nothing: " + response.asString()).isZero();
                    List<String> messages = response.jsonPath().getList("errors.message", String.class);
                    assertThat(String.join("\n", messages)).doesNotContain("Exception").doesNotContain("ducha.");
                } else if (mutation.startsWith("mutation")) {
                    assertThat(written).as("accepted mutation wrote one event").isEqualTo(1);
                }
            }
        }
        System.out.printf("GraphQL fuzz: %d requests over %d operations, no 5xx%n", sent, mutations.size());
    }

    /**
     * A null or empty JSON body on every write is a 400 problem, also after GraphQL traffic with bad input on the
     * same instance: that traffic once left SmallRye's request context on the event-loop threads, and REST
     * validation then failed with an NPE (500) interpolating its message.
     */
    @Test
    void nullAndEmptyBodiesAre400ProblemsAfterGraphQLTraffic() throws Exception {
        String admin = Tokens.admin();
        String badInput = "mutation { createUnit(input: {code: 1, kind: NONE}) { id } }";
        for (int i = 0; i < 8; i++) {
            given().auth().oauth2(admin).contentType("application/json").body(Map.of("query", badInput)).post("/graphql");
            graphqlOverWebSocket(admin, badInput);
        }
        String id = UUID.randomUUID().toString();
        for (Endpoints.Endpoint endpoint : Endpoints.all()) {
            if (!(endpoint.verb().equals("POST") || endpoint.verb().equals("PUT")) || endpoint.path().contains("attachments")) {
                continue;
            }
            String path = endpoint.path().replaceAll("\\{[A-Za-z]+\\}", id);
            for (String body : List.of("null", "")) {
                for (int i = 0; i < 4; i++) {
                    Response response = given().auth().oauth2(admin).header("If-Match", "\"1\"")
                            .contentType("application/json").body(body).request(endpoint.verb(), path);
                    assertThat(response.statusCode()).as(endpoint + " with body '" + body + "': " + response.asString())
                            .isEqualTo(400);
                    assertThat(response.contentType()).startsWith("application/problem+json");
                }
            }
        }
    }

    /** Sends one operation over graphql-transport-ws and waits for its first answer. */
    private static void graphqlOverWebSocket(String token, String document) throws Exception {
        BlockingQueue<String> answers = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .buildAsync(URI.create("ws://localhost:" + RestAssured.port + "/graphql"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        answers.add(data.toString());
                        webSocket.request(1);
                        return null;
                    }
                }).get(5, TimeUnit.SECONDS);
        socket.sendText(JSON.writeValueAsString(Map.of("type", "connection_init",
                "payload", Map.of("Authorization", "Bearer " + token))), true).get(5, TimeUnit.SECONDS);
        assertThat(answers.poll(5, TimeUnit.SECONDS)).contains("connection_ack");
        socket.sendText(JSON.writeValueAsString(Map.of("id", "1", "type", "subscribe",
                "payload", Map.of("query", document))), true).get(5, TimeUnit.SECONDS);
        assertThat(answers.poll(5, TimeUnit.SECONDS)).isNotNull();
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    }

    /**
     * Every query and mutation that takes arguments, read from the schema, as a document that passes each argument
     * as a variable of its declared type — so a new operation is fuzzed too.
     */
    private static List<String> operationsWithArguments() {
        String typeRef = "kind name ofType { kind name ofType { kind name ofType { kind name } } }";
        List<String> documents = new ArrayList<>();
        for (String root : List.of("query", "mutation")) {
            // One root per request: graphql-java refuses introspection that asks for __Type.fields twice.
            var schema = given().auth().oauth2(Tokens.admin()).contentType("application/json")
                    .body(Map.of("query", "{ __schema { " + root + "Type { fields { name args { name type { " + typeRef
                            + " } } type { " + typeRef + " } } } } }"))
                    .post("/graphql").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> fields = schema.getList("data.__schema." + root + "Type.fields");
            assertThat(fields).as(schema.prettify()).isNotNull();
            for (Map<String, Object> field : fields) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> args = (List<Map<String, Object>>) field.get("args");
                if (args.isEmpty()) {
                    continue;
                }
                List<String> declarations = new ArrayList<>();
                List<String> uses = new ArrayList<>();
                for (Map<String, Object> arg : args) {
                    declarations.add("$" + arg.get("name") + ": " + typeName(arg.get("type")));
                    uses.add(arg.get("name") + ": $" + arg.get("name"));
                }
                String selection = "OBJECT".equals(namedKind(field.get("type"))) ? " { __typename }" : "";
                documents.add(root + "(" + String.join(", ", declarations) + ") { " + field.get("name") + "("
                        + String.join(", ", uses) + ")" + selection + " }");
            }
        }
        return documents;
    }

    private static String typeName(Object type) {
        Map<?, ?> t = (Map<?, ?>) type;
        return switch ((String) t.get("kind")) {
            case "NON_NULL" -> typeName(t.get("ofType")) + "!";
            case "LIST" -> "[" + typeName(t.get("ofType")) + "]";
            default -> (String) t.get("name");
        };
    }

    private static String namedKind(Object type) {
        Map<?, ?> t = (Map<?, ?>) type;
        return t.get("ofType") == null ? (String) t.get("kind") : namedKind(t.get("ofType"));
    }

    /** A JSON document near the shape of a real body, with some members replaced by nasty values. */
    private static String body(Random random, Api.World world, String finding) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", Api.code("FZ"));
        body.put("name", "名称");
        body.put("kind", "OTHER");
        body.put("type", "MARKET");
        body.put("unitId", world.groupId());
        body.put("siteId", world.siteId());
        body.put("startedAt", "2021-08-07T09:00:00+08:00");
        body.put("inspectorCount", 2);
        body.put("method", "SCHEDULED");
        body.put("category", "DISINFECTION");
        body.put("severity", "LOW");
        body.put("description", "消毒记录不全");
        body.put("title", "通报");
        body.put("action", "START");
        body.put("findingIds", List.of(finding));
        List<String> keys = new ArrayList<>(body.keySet());
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            String key = random.nextInt(6) == 0 ? "unknown" + i : keys.get(random.nextInt(keys.size()));
            if (random.nextInt(8) == 0) {
                body.remove(key);
            } else {
                body.put(key, nasty(random));
            }
        }
        String json = JSON.writeValueAsString(body);
        return switch (random.nextInt(12)) {
            case 0 -> json.substring(0, random.nextInt(json.length()));      // truncated
            case 1 -> "[" + json + "]";                                      // wrong top level
            case 2 -> "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}";  // deep
            default -> json;
        };
    }

    /** A generated body as GraphQL variables: malformed text becomes a wrongly typed value instead. */
    private static Object asObject(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (Exception e) {
            return json;
        }
    }

    private static Object nasty(Random random) {
        return NASTY.get(random.nextInt(NASTY.size()));
    }

    private static String pathId(Random random, String existing) {
        return switch (random.nextInt(4)) {
            case 0 -> UUID.randomUUID().toString();
            case 1 -> "%F0%9F%98%B7";
            case 2 -> "x".repeat(300);
            default -> existing;
        };
    }

    private static Map<String, String> randomQuery(Random random) {
        Map<String, String> query = new HashMap<>();
        String[] names = {"limit", "cursor", "unitId", "status", "from", "to", "q", "overdue", "kind", "active"};
        for (int i = random.nextInt(3); i > 0; i--) {
            query.put(names[random.nextInt(names.length)], String.valueOf(nasty(random)));
        }
        return query;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
