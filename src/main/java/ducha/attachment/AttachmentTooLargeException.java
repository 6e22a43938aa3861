package ducha.attachment;

import ducha.common.DomainException;

public class AttachmentTooLargeException extends DomainException {

    public AttachmentTooLargeException(long maxBytes) {
        super("An attachment may have at most " + maxBytes + " bytes.", null);
    }

    @Override
    public int status() {
        return 413;
    }

    @Override
    public String code() {
        return "PAYLOAD_TOO_LARGE";
    }
}
