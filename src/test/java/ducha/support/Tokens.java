package ducha.support;

import io.smallrye.jwt.build.Jwt;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signed tokens as Keycloak issues them: realm roles under realm_access.roles, the unit code in "unit". They
 * are verified for real against the JWKS of the test OIDC server.
 */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "ducha-api";

    private Tokens() {
    }

    public static String admin() {
        return token("admin-" + UUID.randomUUID(), null, "admin");
    }

    public static String inspector(String unitCode) {
        return token("inspector-" + UUID.randomUUID(), unitCode, "inspector");
    }

    public static String token(String subject, String unitCode, String... roles) {
        var builder = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .preferredUserName(subject)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(600);
        if (unitCode != null) {
            builder.claim("unit", unitCode);
        }
        return builder.sign();
    }
}
