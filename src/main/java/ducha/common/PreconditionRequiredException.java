package ducha.common;

import io.smallrye.graphql.api.ErrorCode;

@ErrorCode("PRECONDITION_REQUIRED")
public class PreconditionRequiredException extends DomainException {

    public PreconditionRequiredException() {
        super("This change needs the If-Match header with the ETag of the version you read.", null);
    }

    @Override
    public int status() {
        return 428;
    }
}
