package ducha.common;

import io.smallrye.graphql.api.ErrorCode;

/**
 * Something the service depends on cannot be reached for a moment: nothing was changed, and the same request may
 * succeed shortly. Answered as 503 with Retry-After, so that clients retry instead of giving up.
 */
@ErrorCode("UNAVAILABLE")
public class UnavailableException extends DomainException {

    private UnavailableException(String message) {
        super(message, null);
    }

    /** PostgreSQL could not be reached, or dropped the connection mid-request; nothing was committed. */
    public static UnavailableException database() {
        return new UnavailableException("The database is unavailable for a moment; nothing was changed. Retry the request.");
    }

    /** The OIDC provider could not be reached to verify the token (e.g. its keys are not loaded yet). */
    public static UnavailableException identityProvider() {
        return new UnavailableException(
                "The identity provider cannot be reached to verify the token; nothing was changed. Retry the request.");
    }

    @Override
    public int status() {
        return 503;
    }
}
