package ducha.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The verified-token cache never outlives a token's exp nor its max-age, and stays within its size. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void aRememberedTokenIsFoundUntilItExpires() {
        VerifiedTokens tokens = new VerifiedTokens(settings(100, Duration.ofMinutes(2)));
        SecurityIdentity identity = identity(NOW.plusSeconds(30));
        tokens.remember("token-a", identity, NOW);

        assertThat(tokens.find("token-a", NOW.plusSeconds(29))).isSameAs(identity);
        assertThat(tokens.find("token-a", NOW.plusSeconds(30))).as("at exp").isNull();
        assertThat(tokens.find("token-a", NOW.plusSeconds(1))).as("removed once expired").isNull();
    }

    @Test
    void maxAgeBoundsALongLivedToken() {
        VerifiedTokens tokens = new VerifiedTokens(settings(100, Duration.ofMinutes(2)));
        tokens.remember("token-a", identity(NOW.plusSeconds(3600)), NOW);

        assertThat(tokens.find("token-a", NOW.plusSeconds(119))).isNotNull();
        assertThat(tokens.find("token-a", NOW.plusSeconds(120))).isNull();
    }

    @Test
    void onlyTheWholeTokenIsAKey() {
        VerifiedTokens tokens = new VerifiedTokens(settings(100, Duration.ofMinutes(2)));
        tokens.remember("header.payload.signature", identity(NOW.plusSeconds(60)), NOW);

        assertThat(tokens.find("header.payload.signaturX", NOW)).isNull();
        assertThat(tokens.find("header.payload.", NOW)).isNull();
    }

    @Test
    void tokensWithoutExpiryOrAlreadyExpiredAreNotKept() {
        VerifiedTokens tokens = new VerifiedTokens(settings(100, Duration.ofMinutes(2)));
        tokens.remember("no-exp", identity(null), NOW);
        tokens.remember("expired", identity(NOW.minusSeconds(1)), NOW);
        tokens.remember("not-a-jwt", QuarkusSecurityIdentity.builder()
                .setPrincipal(() -> "someone").addRole(Roles.ADMIN).build(), NOW);

        assertThat(tokens.size()).isZero();
    }

    @Test
    void sizeZeroTurnsTheCacheOff() {
        VerifiedTokens tokens = new VerifiedTokens(settings(0, Duration.ofMinutes(2)));
        tokens.remember("token-a", identity(NOW.plusSeconds(60)), NOW);

        assertThat(tokens.find("token-a", NOW)).isNull();
    }

    @Test
    void staysWithinItsSize() {
        VerifiedTokens tokens = new VerifiedTokens(settings(10, Duration.ofMinutes(2)));
        for (int i = 0; i < 25; i++) {
            tokens.remember("token-" + i, identity(NOW.plusSeconds(60)), NOW);
            assertThat(tokens.size()).isLessThanOrEqualTo(10);
        }
        assertThat(tokens.find("token-24", NOW)).as("the newest is kept").isNotNull();
    }

    private static SecurityIdentity identity(Instant expires) {
        JsonWebToken jwt = new JsonWebToken() {
            @Override
            public String getName() {
                return "inspector";
            }

            @Override
            public Set<String> getClaimNames() {
                return expires == null ? Set.of("sub") : Set.of("sub", "exp");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return switch (claimName) {
                    case "exp" -> expires == null ? null : (T) Long.valueOf(expires.getEpochSecond());
                    case "sub" -> (T) "inspector";
                    default -> null;
                };
            }
        };
        return QuarkusSecurityIdentity.builder().setPrincipal(jwt).addRole(Roles.INSPECTOR).build();
    }

    private static SecuritySettings settings(int maxSize, Duration maxAge) {
        return new SecuritySettings() {
            @Override
            public String unitClaim() {
                return "unit";
            }

            @Override
            public VerifiedTokensSettings verifiedTokens() {
                return new VerifiedTokensSettings() {
                    @Override
                    public int maxSize() {
                        return maxSize;
                    }

                    @Override
                    public Duration maxAge() {
                        return maxAge;
                    }
                };
            }
        };
    }
}
