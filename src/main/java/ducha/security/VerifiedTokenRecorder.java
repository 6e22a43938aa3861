package ducha.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Puts each identity built from a verified bearer token into {@link VerifiedTokens}, after every other augmentor. */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {

    private final VerifiedTokens tokens;

    public VerifiedTokenRecorder(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        AccessTokenCredential credential = identity.isAnonymous() ? null
                : identity.getCredential(AccessTokenCredential.class);
        if (credential != null && credential.getToken() != null) {
            Instant now = Instant.now();
            // Augmentors also run on identities the cache answered; remembering those again would extend their
            // max-age on every use.
            if (tokens.find(credential.getToken(), now) == null) {
                tokens.remember(credential.getToken(), identity, now);
            }
        }
        return Uni.createFrom().item(identity);
    }
}
