package ducha.common;

import io.smallrye.graphql.api.ErrorCode;

@ErrorCode("FORBIDDEN")
public class AccessDeniedException extends DomainException {

    public AccessDeniedException(String message) {
        super(message, null);
    }

    @Override
    public int status() {
        return 403;
    }
}
