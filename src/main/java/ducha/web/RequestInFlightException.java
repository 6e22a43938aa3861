package ducha.web;

import ducha.common.DomainException;

/** The first request with this Idempotency-Key has not finished yet. */
public class RequestInFlightException extends DomainException {

    public RequestInFlightException() {
        super("A request with this Idempotency-Key is still being processed; retry it in a moment to get its response.",
                null);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String code() {
        return "REQUEST_IN_FLIGHT";
    }
}
