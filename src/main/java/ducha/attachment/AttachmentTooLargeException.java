package ducha.attachment;

import ducha.common.DomainException;
import io.smallrye.graphql.api.ErrorCode;

@ErrorCode("PAYLOAD_TOO_LARGE")
public class AttachmentTooLargeException extends DomainException {

    public AttachmentTooLargeException(long maxBytes) {
        super("An attachment may have at most " + maxBytes + " bytes.", null);
    }

    @Override
    public int status() {
        return 413;
    }
}
