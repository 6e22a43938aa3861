package ducha.security;

import ducha.common.DomainException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.graphql.api.ErrorCode;

/**
 * No usable bearer token, for REST (401) and GraphQL alike. It tells a missing token from a refused one, so that a
 * client knows whether to send one or to get a new one, but never says why a token was refused: that would help
 * whoever forges them.
 */
@ErrorCode("UNAUTHENTICATED")
public class UnauthenticatedException extends DomainException {

    private final boolean tokenRefused;

    private UnauthenticatedException(String message, boolean tokenRefused) {
        super(message, null);
        this.tokenRefused = tokenRefused;
    }

    public static UnauthenticatedException noToken() {
        return new UnauthenticatedException(
                "This operation needs a bearer token: send the header 'Authorization: Bearer <access token>'.", false);
    }

    public static UnauthenticatedException tokenRefused() {
        return new UnauthenticatedException(
                "The bearer token was not accepted (expired, or not issued for this service); get a new one.", true);
    }

    /**
     * Quarkus' role check throws {@link UnauthorizedException} for a caller without a token; a token the OIDC
     * extension refused fails authentication itself (AuthenticationFailedException).
     */
    public static UnauthenticatedException of(Throwable failure) {
        return failure instanceof UnauthorizedException ? noToken() : tokenRefused();
    }

    /** The WWW-Authenticate challenge of a 401: RFC 6750 §3.1 names a refused token {@code invalid_token}. */
    public String challenge() {
        return tokenRefused ? "Bearer realm=\"ducha\", error=\"invalid_token\"" : "Bearer realm=\"ducha\"";
    }

    @Override
    public int status() {
        return 401;
    }
}
