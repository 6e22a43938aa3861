package ducha.web;

import ducha.common.DomainException;
import io.smallrye.graphql.api.ErrorCode;

/** The first request with this Idempotency-Key has not finished yet. */
@ErrorCode("REQUEST_IN_FLIGHT")
public class RequestInFlightException extends DomainException {

    public RequestInFlightException() {
        super("A request with this Idempotency-Key is still being processed; retry it in a moment to get its response.",
                null);
    }

    @Override
    public int status() {
        return 409;
    }
}
