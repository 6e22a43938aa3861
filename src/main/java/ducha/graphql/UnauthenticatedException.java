package ducha.graphql;

import ducha.common.DomainException;
import io.smallrye.graphql.api.ErrorCode;

@ErrorCode("UNAUTHENTICATED")
public class UnauthenticatedException extends DomainException {

    public UnauthenticatedException() {
        super("A valid bearer token is required.", null);
    }

    @Override
    public int status() {
        return 401;
    }

    @Override
    public String code() {
        return "UNAUTHENTICATED";
    }
}
