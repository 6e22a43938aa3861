package ducha.operations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.github.tomakehurst.wiremock.WireMockServer;
import ducha.support.Management;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.http.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probes the Deployment uses, on the management port. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class HealthTest {

    /** The OIDC health check asks the provider's discovery document with HEAD, as Keycloak answers it. */
    private static final String DISCOVERY = "/auth/realms/quarkus/.well-known/openid-configuration";
    private static final String DATABASE_CHECK = "Reactive PostgreSQL connections health check";
    private static final String OIDC_CHECK = "OIDC Provider Health Check";

    /** Filled by Quarkus' test extension: the running server, for its management port. */
    HttpServer server;

    @OidcWireMock
    WireMockServer provider;

    @BeforeEach
    @AfterEach
    void providerAnswers() {
        provider.stubFor(head(urlEqualTo(DISCOVERY)).willReturn(aResponse().withStatus(200)));
    }

    @Test
    void livenessIsTheProcessOnly() {
        // No dependency check belongs here: a restart cures no database or provider outage.
        Management.request(server).get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks", empty());
    }

    @Test
    void readinessChecksTheDatabaseAndTheOidcProvider() {
        Management.request(server).get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(DATABASE_CHECK, OIDC_CHECK))
                .body("checks.findAll { it.status != 'UP' }", empty());
    }

    @Test
    void anOidcProviderOutageMakesThePodUnreadyButNotDead() {
        provider.stubFor(head(urlEqualTo(DISCOVERY)).willReturn(aResponse().withStatus(503)));
        Management.request(server).get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == '" + OIDC_CHECK + "' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == '" + DATABASE_CHECK + "' }.status", equalTo("UP"));
        Management.request(server).get("/q/health/live").then().statusCode(200);
    }

    @Test
    void startupIsUpOnceMigrationsRan() {
        Management.request(server).get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void healthAndMetricsAreNotOnTheApiPort() {
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }
}
