package ducha.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Answers a bearer token that {@link VerifiedTokens} holds; any other goes on to the OIDC extension's provider
 * (this one has the higher priority, and a null identity hands the request on).
 */
@ApplicationScoped
public class VerifiedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final VerifiedTokens tokens;

    public VerifiedTokenIdentityProvider(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before the OIDC extension's provider, which has the interface's default priority. */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        SecurityIdentity verified = tokens.find(request.getToken().getToken(), Instant.now());
        if (verified == null) {
            return Uni.createFrom().nullItem();
        }
        // The identity carries the request it was built for; give it this one.
        RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
        return Uni.createFrom().item(routingContext == null ? verified
                : QuarkusSecurityIdentity.builder(verified)
                        .addAttribute(RoutingContext.class.getName(), routingContext).build());
    }
}
