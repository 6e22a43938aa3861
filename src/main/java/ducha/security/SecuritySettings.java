package ducha.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "ducha.security")
public interface SecuritySettings {

    /** The token claim that holds the inspector's unit code. */
    @WithDefault("unit")
    String unitClaim();

    /** Verified bearer tokens kept so that a repeated token is not verified again (security/VerifiedTokens). */
    VerifiedTokensSettings verifiedTokens();

    interface VerifiedTokensSettings {

        /** Tokens kept at most; 0 turns the cache off. */
        @WithDefault("2000")
        int maxSize();

        /** How long a verified token is trusted without a new check, at most (never past its exp). */
        @WithDefault("2M")
        Duration maxAge();
    }
}
