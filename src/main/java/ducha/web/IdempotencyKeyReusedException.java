package ducha.web;

import ducha.common.DomainException;

/** The caller used an Idempotency-Key again for a different request (method, path or body). */
public class IdempotencyKeyReusedException extends DomainException {

    public IdempotencyKeyReusedException() {
        super("This Idempotency-Key was already used for a different request (method, path or body). "
                + "Use a new key for a new request.", null);
    }

    @Override
    public int status() {
        return 422;
    }

    @Override
    public String code() {
        return "IDEMPOTENCY_KEY_REUSED";
    }
}
