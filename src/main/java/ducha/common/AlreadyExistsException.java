package ducha.common;

import io.smallrye.graphql.api.ErrorCode;

/** A create with If-None-Match: * names the id of a row that exists. */
@ErrorCode("ALREADY_EXISTS")
public class AlreadyExistsException extends DomainException {

    public AlreadyExistsException(String entity, Object id) {
        super("A " + entity + " with id " + id + " exists already; If-None-Match: * creates only a new one.", null);
    }

    @Override
    public int status() {
        return 412;
    }
}
