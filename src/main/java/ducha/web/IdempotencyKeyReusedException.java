package ducha.web;

import ducha.common.DomainException;
import io.smallrye.graphql.api.ErrorCode;

/** The caller used an Idempotency-Key again for a different request (method, path or body). */
@ErrorCode("IDEMPOTENCY_KEY_REUSED")
public class IdempotencyKeyReusedException extends DomainException {

    public IdempotencyKeyReusedException() {
        super("This Idempotency-Key was already used for a different request (method, path or body). "
                + "Use a new key for a new request.", null);
    }

    @Override
    public int status() {
        return 422;
    }
}
