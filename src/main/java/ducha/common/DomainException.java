package ducha.common;

import java.util.Map;

/**
 * A rule of the service said no. Each subclass carries the HTTP status and the stable code that both front
 * doors report (REST as problem details, GraphQL as {@code extensions.code}).
 */
public abstract class DomainException extends RuntimeException {

    private final Map<String, Object> extensions;

    protected DomainException(String message, Map<String, Object> extensions) {
        super(message, null, false, false);
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public abstract int status();

    public abstract String code();

    /** Extra members a client can act on (e.g. the allowed moves of a finding). */
    public Map<String, Object> extensions() {
        return extensions;
    }
}
