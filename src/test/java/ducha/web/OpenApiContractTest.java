package ducha.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ducha.support.Endpoints;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The published contract: the committed openapi.yaml is exactly what /q/openapi serves, and it covers every REST
 * operation with its error responses. After a deliberate change of the API, refresh the file with
 * {@code ./mvnw test -Dtest=OpenApiContractTest -Dopenapi.update=true} and review the diff.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class OpenApiContractTest {

    private static final Path COMMITTED = Path.of("openapi.yaml");

    @Test
    void theCommittedDocumentIsTheServedOne() throws Exception {
        String served = given().accept("application/yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        // Beside the build output, for a diff when the two differ.
        Files.writeString(Path.of("target/openapi-served.yaml"), served, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("openapi.yaml differs from /q/openapi (target/openapi-served.yaml); if the API change is "
                        + "intended, run ./mvnw test -Dtest=OpenApiContractTest -Dopenapi.update=true and commit the file")
                .isEqualTo(served);
    }

    @Test
    void everyOperationIsDocumentedWithItsProblems() {
        JsonPath document = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        List<String> documented = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((verb, operation) -> {
            documented.add(verb.toUpperCase() + " " + path);
            @SuppressWarnings("unchecked")
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            assertThat(operation).as(verb + " " + path).containsKeys("operationId", "summary", "security");
            assertThat(responses).as(verb + " " + path).containsKeys("400", "401", "403");
            if (verb.equals("post")) {
                assertThat(responses).as(verb + " " + path).containsKeys("409", "422");
            }
        }));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                Endpoints.all().stream().map(Endpoints.Endpoint::toString).toList());
        assertThat(document.getMap("components.responses")).containsKeys("BadRequest", "Unauthenticated",
                "Forbidden", "NotFound", "Conflict", "PreconditionFailed", "IdempotencyKeyReused", "NotModified");
    }
}
