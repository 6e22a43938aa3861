package ducha.web;

import ducha.common.DomainException;
import io.smallrye.graphql.api.ErrorCode;
import java.util.Map;

/** A Range that lies wholly beyond the content; the problem names the size to ask again within. */
@ErrorCode("RANGE_NOT_SATISFIABLE")
public class RangeNotSatisfiableException extends DomainException {

    public RangeNotSatisfiableException(long size) {
        super("The requested range lies outside the " + size + " bytes of this content.", Map.of("size", size));
    }

    @Override
    public int status() {
        return 416;
    }
}
