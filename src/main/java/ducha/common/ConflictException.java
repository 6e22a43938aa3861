package ducha.common;

import io.smallrye.graphql.api.ErrorCode;
import java.util.Map;

@ErrorCode("CONFLICT")
public class ConflictException extends DomainException {

    private final boolean transientConflict;

    public ConflictException(String message) {
        this(message, null, false);
    }

    public ConflictException(String message, Map<String, Object> extensions) {
        this(message, extensions, false);
    }

    private ConflictException(String message, Map<String, Object> extensions, boolean transientConflict) {
        super(message, extensions);
        this.transientConflict = transientConflict;
    }

    /** A conflict with a concurrent transaction that the same request may not meet again. */
    public static ConflictException transientConflict(String message) {
        return new ConflictException(message, null, true);
    }

    /** True when a retry of the same request may succeed, so its answer must not be stored for replay. */
    public boolean isTransient() {
        return transientConflict;
    }

    @Override
    public int status() {
        return 409;
    }
}
