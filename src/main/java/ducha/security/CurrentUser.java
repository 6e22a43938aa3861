package ducha.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the token's subject, roles and unit claim, as the services need them. */
@ApplicationScoped
public class CurrentUser {

    private final SecurityIdentity identity;
    private final SecuritySettings settings;

    public CurrentUser(SecurityIdentity identity, SecuritySettings settings) {
        this.identity = identity;
        this.settings = settings;
    }

    /** The token's {@code sub}: the actor of every change this request makes. */
    public String subject() {
        return subjectOf(identity);
    }

    /** The subject of any resolved identity, also where no request scope is active (log context). */
    public static String subjectOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public String displayName() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object name = jwt.getClaim("preferred_username");
            if (name != null) {
                return text(name);
            }
        }
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    /** The unit code the token names, if any. */
    public Optional<String> unitCode() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim(settings.unitClaim());
            if (claim != null) {
                String code = text(claim).trim();
                return code.isEmpty() ? Optional.empty() : Optional.of(code);
            }
        }
        return Optional.empty();
    }

    private static String text(Object claim) {
        return claim instanceof JsonString json ? json.getString() : claim.toString();
    }
}
