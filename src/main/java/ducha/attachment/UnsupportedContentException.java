package ducha.attachment;

import ducha.common.DomainException;
import io.smallrye.graphql.api.ErrorCode;

/** The uploaded bytes are not a JPEG, PNG, WebP or PDF, whatever the file is called or claims to be. */
@ErrorCode("UNSUPPORTED_MEDIA_TYPE")
public class UnsupportedContentException extends DomainException {

    public UnsupportedContentException() {
        super("The content is not a JPEG, PNG or WebP image or a PDF document (checked by its bytes, not its name "
                + "or declared type).", null);
    }

    @Override
    public int status() {
        return 415;
    }
}
