package ducha.attachment;

import ducha.common.DomainException;

/** The uploaded bytes are not a JPEG, PNG, WebP or PDF, whatever the file is called or claims to be. */
public class UnsupportedContentException extends DomainException {

    public UnsupportedContentException() {
        super("The content is not a JPEG, PNG or WebP image or a PDF document (checked by its bytes, not its name "
                + "or declared type).", null);
    }

    @Override
    public int status() {
        return 415;
    }

    @Override
    public String code() {
        return "UNSUPPORTED_MEDIA_TYPE";
    }
}
