package ducha.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens whose signature and claims the OIDC extension has verified, with the identity it built, so that the
 * next request with the same token skips the RSA check and the JWT parsing (a quarter of the CPU of a read by id,
 * BENCHMARKS.md). Only the whole token string is a key, only verified tokens are stored, and an entry lives until
 * the token expires or {@code ducha.security.verified-tokens.max-age} has passed, whichever is first: a token is
 * never accepted after its {@code exp}, and a key withdrawn by the provider stops being trusted within max-age.
 */
@ApplicationScoped
public class VerifiedTokens {

    private record Entry(SecurityIdentity identity, Instant until) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxSize;
    private final Duration maxAge;

    public VerifiedTokens(SecuritySettings settings) {
        this.maxSize = settings.verifiedTokens().maxSize();
        this.maxAge = settings.verifiedTokens().maxAge();
    }

    /** The identity verified for this exact token, if it is still valid now. */
    public SecurityIdentity find(String token, Instant now) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (!now.isBefore(entry.until())) {
            entries.remove(token, entry);
            return null;
        }
        return entry.identity();
    }

    /** Remembers an identity the OIDC extension has just built from a verified token. */
    public void remember(String token, SecurityIdentity identity, Instant now) {
        if (maxSize <= 0 || maxAge.isZero() || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || !(jwt.getClaim("exp") instanceof Number exp)) {
            return;
        }
        Instant expires = Instant.ofEpochSecond(exp.longValue());
        Instant until = expires.isBefore(now.plus(maxAge)) ? expires : now.plus(maxAge);
        if (!now.isBefore(until)) {
            return;
        }
        if (entries.size() >= maxSize) {
            entries.values().removeIf(entry -> !now.isBefore(entry.until()));
            if (entries.size() >= maxSize) {
                // Full of live tokens: start afresh rather than track recency on every hit. The cost is one
                // verification per token, as without the cache.
                entries.clear();
            }
        }
        entries.put(token, new Entry(identity, until));
    }

    int size() {
        return entries.size();
    }
}
