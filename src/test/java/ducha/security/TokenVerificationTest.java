package ducha.security;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.github.tomakehurst.wiremock.WireMockServer;
import ducha.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every kind of bad bearer token is a 401 problem on REST and on GraphQL, and none of them makes the service
 * fetch the provider's keys more often than its refresh policy allows.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class TokenVerificationTest {

    private static final String JWKS = "/auth/realms/quarkus/protocol/openid-connect/certs";
    private static final String NO_TOKEN =
            "This operation needs a bearer token: send the header 'Authorization: Bearer <access token>'.";
    private static final String TOKEN_REFUSED =
            "The bearer token was not accepted (expired, or not issued for this service); get a new one.";

    @OidcWireMock
    WireMockServer provider;

    static Stream<Arguments> badTokens() throws Exception {
        KeyPair otherKey = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        String valid = Tokens.admin();
        String[] parts = valid.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String tampered = parts[0] + "." + encode(payload.replace("\"admin\"", "\"root\"")) + "." + parts[2];
        String unsigned = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        String publicKeyAsSecret = "iJw33l1eVAsGoRlSyo-FCimeOc-AaZbzQ2iESA3Nkuo3TFb1zIkmt0kzlnWVGt48dkaIl13Vdefh9hqw";
        return Stream.of(
                Arguments.of("garbage", "not-a-token"),
                Arguments.of("three dots of nothing", "a.b.c"),
                Arguments.of("expired", claims().expiresAt(Instant.now().minusSeconds(600))
                        .issuedAt(Instant.now().minusSeconds(1200)).sign()),
                Arguments.of("not yet valid", claims().claim("nbf", Instant.now().plusSeconds(3600).getEpochSecond())
                        .sign()),
                Arguments.of("wrong issuer", Jwt.issuer("https://evil.example.com").audience(Tokens.AUDIENCE)
                        .subject("x").claim("realm_access", Map.of("roles", List.of("admin"))).sign()),
                Arguments.of("wrong audience", Jwt.issuer(Tokens.ISSUER).audience("another-service").subject("x")
                        .claim("realm_access", Map.of("roles", List.of("admin"))).sign()),
                Arguments.of("alg none", unsigned),
                Arguments.of("HS256 signed with the public key", claims().jws().algorithm(SignatureAlgorithm.HS256)
                        .signWithSecret(publicKeyAsSecret)),
                Arguments.of("unknown kid", claims().jws().keyId("no-such-key").sign(otherKey.getPrivate())),
                Arguments.of("tampered payload", tampered),
                Arguments.of("signed by another key", claims().jws().keyId("1").sign(otherKey.getPrivate())));
    }

    private static io.smallrye.jwt.build.JwtClaimsBuilder claims() {
        return Jwt.issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).subject("intruder")
                .claim("realm_access", Map.of("roles", List.of("admin")));
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void refusesTheToken(String name, String token) {
        // One text for every kind of refusal: the answer never says why a token failed.
        given().auth().oauth2(token).get("/api/v1/units").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"))
                .body("detail", equalTo(TOKEN_REFUSED))
                .header("WWW-Authenticate", equalTo("Bearer realm=\"ducha\", error=\"invalid_token\""));
        given().auth().oauth2(token).contentType("application/json").body(Map.of("query", "{ me { subject } }"))
                .post("/graphql").then().statusCode(401);
    }

    @Test
    void tellsAMissingTokenFromARefusedOne() {
        for (String path : List.of("/api/v1/units", "/api/v1/findings?status=OPEN", "/api/v1/reports/summary")) {
            given().get(path).then().statusCode(401).contentType("application/problem+json")
                    .body("code", equalTo("UNAUTHENTICATED")).body("detail", equalTo(NO_TOKEN))
                    .header("WWW-Authenticate", equalTo("Bearer realm=\"ducha\""));
        }
        // Not a bearer token at all: as good as none.
        given().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/api/v1/units").then().statusCode(401)
                .body("detail", equalTo(NO_TOKEN));
        var graphql = ducha.support.Gql.query(null, "{ me { subject } }");
        assertThat(ducha.support.Gql.errorCode(graphql)).isEqualTo("UNAUTHENTICATED");
        assertThat(graphql.getString("errors[0].message")).isEqualTo(NO_TOKEN);
    }

    @Test
    void aTokenIsRefusedOnceItExpiresThoughItWasAcceptedBefore() throws Exception {
        // The service keeps verified tokens (security/VerifiedTokens); a kept one must not outlive its exp.
        Instant expires = Instant.now().plusSeconds(2);
        String token = claims().subject("short-lived").expiresAt(expires).sign();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/api/v1/units").then().statusCode(200);
        }
        Thread.sleep(Math.max(0, java.time.Duration.between(Instant.now(), expires).toMillis()) + 1500);
        given().auth().oauth2(token).when().get("/api/v1/units").then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void unknownKeysDoNotMakeTheServiceHammerTheProvider() throws Exception {
        given().auth().oauth2(Tokens.admin()).get("/api/v1/me").then().statusCode(200);
        int before = provider.countRequestsMatching(getRequestedFor(urlEqualTo(JWKS)).build()).getCount();
        KeyPair otherKey = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        for (int i = 0; i < 25; i++) {
            String token = claims().jws().keyId("rotated-" + i).sign(otherKey.getPrivate());
            given().auth().oauth2(token).get("/api/v1/me").then().statusCode(401);
        }
        int after = provider.countRequestsMatching(getRequestedFor(urlEqualTo(JWKS)).build()).getCount();
        // Quarkus refreshes the key set for an unknown kid at most once per forced-refresh interval.
        assertThat(after - before).isLessThanOrEqualTo(1);
    }
}
