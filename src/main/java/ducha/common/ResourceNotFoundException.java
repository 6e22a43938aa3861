package ducha.common;

import io.smallrye.graphql.api.ErrorCode;

@ErrorCode("NOT_FOUND")
public class ResourceNotFoundException extends DomainException {

    public ResourceNotFoundException(String entity, Object id) {
        super("No " + entity + " with id " + id + ".", null);
    }

    @Override
    public int status() {
        return 404;
    }
}
