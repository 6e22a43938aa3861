package ducha.common;

import io.smallrye.graphql.api.ErrorCode;
import java.util.Map;

@ErrorCode("CONFLICT")
public class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message, null);
    }

    public ConflictException(String message, Map<String, Object> extensions) {
        super(message, extensions);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String code() {
        return "CONFLICT";
    }
}
