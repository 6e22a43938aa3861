package ducha.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ducha.support.Api;
import ducha.support.Db;
import ducha.support.Endpoints;
import ducha.support.Gql;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Mass assignment: every field a client reads but may not write (the view's fields that its input lacks: status,
 * version, reportedBy, createdAt …) is refused when it arrives in a write, for every REST write with a JSON body
 * and every GraphQL mutation with an input, both enumerated from the code. Proven in the database: the refused
 * request appends no change event and leaves the target row's version and update time as they were.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class MassAssignmentTest {

    private static final String FORGED_TIME = "2000-01-01T00:00:00Z";

    /** Rows for one request: the target of updates, and another row whose id a forger might use. */
    record Rows(Api.World world, String inspectionId, String findingId, String noticeId, String otherFindingId,
            String webhookId, String campaignId) {
    }

    /** A valid body for each input type; a new input type without one fails the test. */
    private static final Map<String, Function<Rows, Map<String, Object>>> VALID = Map.ofEntries(
            Map.entry("UnitInput", rows -> Map.of("code", Api.code("MA"), "name", "单位", "kind", "OTHER")),
            Map.entry("SiteInput", rows -> Map.of("code", Api.code("MA"), "name", "点位", "type", "PHARMACY")),
            Map.entry("InspectionInput", rows -> Map.of("unitId", rows.world().groupId(), "siteId", rows.world().siteId(),
                    "startedAt", "2021-08-07T11:00:00+08:00", "inspectorCount", 4, "method", "SCHEDULED")),
            Map.entry("FindingInput", rows -> Api.finding(rows.world().groupId(), rows.world().siteId())),
            Map.entry("FindingEditInput", rows -> Map.of("category", "SUPPLIES", "severity", "HIGH", "description", "物资储备不足")),
            Map.entry("TransitionInput", rows -> Map.of("action", "START")),
            Map.entry("HandOverInput", rows -> Map.of("responsibleParty", "尉氏县市场监督管理局")),
            Map.entry("NoticeInput", rows -> Map.of("unitId", rows.world().unitId(), "kind", "BULLETIN", "title", "督查通报")),
            Map.entry("WebhookInput", rows -> Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of("inspection.recorded"),
                    "unitId", rows.world().unitId())),
            Map.entry("RotateSecretInput", rows -> Map.of("overlapSeconds", 60)),
            Map.entry("RedeliveryInput", rows -> Map.of("since", "2021-08-07T00:00:00Z")),
            Map.entry("TestEventInput", rows -> Map.of()),
            Map.entry("CampaignInput", rows -> Map.of("code", Api.code("MA"), "name", "督查", "unitId", rows.world().unitId(),
                    "startsAt", "2021-08-01T00:00:00+08:00", "endsAt", "2021-08-08T00:00:00+08:00")),
            Map.entry("TargetsInput", rows -> Map.of("siteIds", List.of(rows.world().siteId()))),
            Map.entry("TargetRemovalInput", rows -> Map.of("siteIds", List.of(rows.world().siteId()))));

    @Test
    void restRefusesEveryServerOwnedFieldOfEveryWrite() {
        int cases = 0;
        Set<String> fieldsTried = new TreeSet<>();
        for (Endpoints.Endpoint endpoint : Endpoints.all()) {
            Class<?> input = jsonBody(endpoint);
            if (input == null) {
                continue;
            }
            assertThat(VALID).as("a valid body for " + input.getSimpleName()).containsKey(input.getSimpleName());
            Class<?> view = viewOf(endpoint);
            Set<String> serverOwned = names(view);
            serverOwned.removeAll(names(input));
            assertThat(serverOwned).as(endpoint + " has server-owned fields").contains("version", "createdAt");
            for (String field : serverOwned) {
                Rows rows = freshRows();
                String path = endpoint.path().replace("{id}", target(endpoint, rows));
                Map<String, Object> body = new HashMap<>(VALID.get(input.getSimpleName()).apply(rows));
                body.put(field, forged(field, rows));
                String before = state(endpoint, rows);
                long events = Db.changeEvents();

                Response response = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                        .header("If-Match", "*").body(body).request(endpoint.verb(), path);

                assertThat(response.statusCode()).as(endpoint + " with " + field + ": " + response.asString())
                        .isEqualTo(400);
                assertThat(response.jsonPath().getList("errors.field", String.class)).as(endpoint + " " + field)
                        .contains(field);
                assertThat(Db.changeEvents()).as(endpoint + " with " + field + " wrote nothing").isEqualTo(events);
                assertThat(state(endpoint, rows)).as(endpoint + " with " + field).isEqualTo(before);
                fieldsTried.add(field);
                cases++;
            }
        }
        System.out.printf("mass assignment (REST): %d refused writes, fields %s%n", cases, fieldsTried);
        assertThat(fieldsTried).contains("id", "status", "version", "reportedBy", "createdAt", "updatedAt");
    }

    @Test
    void graphqlRefusesEveryServerOwnedFieldOfEveryInput() {
        JsonPath schema = Gql.query(Tokens.admin(), """
                { __schema { mutationType { fields { name args { name type { ofType { name kind } } }
                    type { name ofType { name } } } } } }""");
        int cases = 0;
        List<Map<String, Object>> mutations = schema.getList("data.__schema.mutationType.fields");
        for (Map<String, Object> mutation : mutations) {
            String name = (String) mutation.get("name");
            String inputType = inputTypeOf(mutation);
            if (inputType == null) {
                continue;
            }
            String objectType = returnTypeOf(mutation);
            Set<String> serverOwned = fieldsOf("__type(name: \"" + objectType + "\") { fields { name } }", "fields");
            serverOwned.removeAll(fieldsOf("__type(name: \"" + inputType + "\") { inputFields { name } }", "inputFields"));
            serverOwned.removeIf(field -> !Character.isLowerCase(field.charAt(0)));
            var matrixCase = GraphQLRoleMatrixTest.MATRIX.get(name);
            assertThat(matrixCase).as("a valid call of " + name).isNotNull();
            for (String field : serverOwned) {
                var rows = GraphQLRoleMatrixTest.freshRows();
                String query = matrixCase.query().replaceFirst("input: \\{", "input: {" + field + ": 99, ");
                long events = Db.changeEvents();
                JsonPath response = Gql.query(Tokens.admin(), query, matrixCase.variables().apply(rows));
                assertThat(response.getString("errors[0].message")).as(name + " with " + field).isNotNull();
                assertThat(response.getString("data")).as(name + " with " + field).isNull();
                assertThat(Db.changeEvents()).as(name + " with " + field + " wrote nothing").isEqualTo(events);
                cases++;
            }
        }
        System.out.printf("mass assignment (GraphQL): %d refused mutations%n", cases);
        assertThat(cases).isGreaterThan(20);
    }

    private static String inputTypeOf(Map<String, Object> mutation) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> args = (List<Map<String, Object>>) mutation.get("args");
        return args.stream().filter(arg -> arg.get("name").equals("input"))
                .map(arg -> (String) ((Map<?, ?>) ((Map<?, ?>) arg.get("type")).get("ofType")).get("name"))
                .findFirst().orElse(null);
    }

    private static String returnTypeOf(Map<String, Object> mutation) {
        Map<?, ?> type = (Map<?, ?>) mutation.get("type");
        return (String) ((Map<?, ?>) type.get("ofType")).get("name");
    }

    private static Set<String> fieldsOf(String selection, String list) {
        JsonPath type = Gql.query(Tokens.admin(), "{ " + selection + " }");
        return new TreeSet<>(type.getList("data.__type." + list + ".name", String.class));
    }

    /** The record a write takes as its JSON body, or null when it takes none (or bytes). */
    private static Class<?> jsonBody(Endpoints.Endpoint endpoint) {
        if (endpoint.verb().equals("GET") || endpoint.verb().equals("DELETE")) {
            return null;
        }
        return Arrays.stream(endpoint.method().getParameters())
                .filter(parameter -> parameter.getAnnotations().length == 0
                        || Arrays.stream(parameter.getAnnotations()).allMatch(a -> a.annotationType().getPackageName()
                                .startsWith("jakarta.validation")))
                .map(Parameter::getType).filter(Class::isRecord).findFirst().orElse(null);
    }

    private static Class<?> viewOf(Endpoints.Endpoint endpoint) {
        String resource = endpoint.type().getName();
        try {
            return Class.forName(resource.replaceAll("Resource$", "View"));
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no view beside " + resource, e);
        }
    }

    private static Set<String> names(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** A value a forger would send: another row's id, a status it has not earned, a rewritten time or actor. */
    private static Object forged(String field, Rows rows) {
        if (field.equals("version") || field.endsWith("Count")) {
            return 99;
        }
        if (field.equals("status")) {
            return "VERIFIED";
        }
        if (field.endsWith("At")) {
            return FORGED_TIME;
        }
        if (field.equals("id") || field.endsWith("Id")) {
            return rows.otherFindingId();
        }
        if (field.endsWith("Ids")) {
            return List.of(rows.otherFindingId());
        }
        if (field.startsWith("overdue") || field.startsWith("rectifiedOnSite") || field.equals("active")) {
            return true;
        }
        return "forged";
    }

    private static String target(Endpoints.Endpoint endpoint, Rows rows) {
        String path = endpoint.path();
        if (path.startsWith("/api/v1/units")) {
            return rows.world().unitId();
        } else if (path.startsWith("/api/v1/sites")) {
            return rows.world().siteId();
        } else if (path.startsWith("/api/v1/inspections")) {
            return rows.inspectionId();
        } else if (path.startsWith("/api/v1/findings")) {
            return rows.findingId();
        } else if (path.startsWith("/api/v1/notices")) {
            return rows.noticeId();
        } else if (path.startsWith("/api/v1/webhooks")) {
            return rows.webhookId();
        } else if (path.startsWith("/api/v1/campaigns")) {
            return rows.campaignId();
        }
        throw new AssertionError("no target row for " + endpoint);
    }

    /** Version and update time of the row a write targets, and of the row a forger named. */
    private static String state(Endpoints.Endpoint endpoint, Rows rows) {
        String table = endpoint.path().startsWith("/api/v1/webhooks") ? "webhook_endpoint"
                : endpoint.path().split("/")[3].replaceAll("s$", "");
        List<String> states = new ArrayList<>();
        states.add(Db.text("select version || '@' || updated_at from " + table + " where id = ?::uuid",
                java.util.UUID.fromString(target(endpoint, rows))));
        states.add(Db.text("select status || ':' || version || '@' || updated_at from finding where id = ?::uuid",
                java.util.UUID.fromString(rows.otherFindingId())));
        return String.join(" ", states);
    }

    private static Rows freshRows() {
        Api.World world = Api.world();
        String inspection = Api.createInspection(Tokens.admin(), world.groupId(), world.siteId(),
                "2021-08-07T09:00:00+08:00").getString("id");
        String finding = Api.reportFinding(Tokens.admin(), Api.finding(world.groupId(), world.siteId())).getString("id");
        String other = Api.reportFinding(Tokens.admin(), Api.finding(world.groupId(), world.siteId())).getString("id");
        String notice = Api.as(Tokens.admin()).body(Map.of("unitId", world.unitId(), "kind", "BULLETIN", "title", "通报"))
                .post("/api/v1/notices").then().statusCode(201).extract().path("id");
        // Hears only of inspections in this world, made after them: it receives nothing.
        String webhook = Api.as(Tokens.admin()).body(Map.of("url", "http://127.0.0.1:9/hook",
                        "eventTypes", List.of("inspection.recorded"), "unitId", world.unitId()))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        return new Rows(world, inspection, finding, notice, other, webhook, RoleMatrixTest.campaign(world));
    }
}
