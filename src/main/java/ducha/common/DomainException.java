package ducha.common;

import io.smallrye.graphql.api.ErrorCode;
import java.util.Map;

/**
 * A rule of the service said no. Each subclass carries the HTTP status and the stable code that both front
 * doors report (REST as problem details, GraphQL as {@code extensions.code}).
 */
public abstract class DomainException extends RuntimeException {

    /**
     * The code is the class's own {@link ErrorCode}: SmallRye GraphQL reads it for {@code extensions.code}, and
     * REST reads it here, so each exception states its code once.
     */
    private static final ClassValue<String> CODES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            ErrorCode code = type.getAnnotation(ErrorCode.class);
            if (code == null) {
                throw new IllegalStateException(type.getName() + " needs @ErrorCode, the code both doors report");
            }
            return code.value();
        }
    };

    private final Map<String, Object> extensions;

    protected DomainException(String message, Map<String, Object> extensions) {
        super(message, null, false, false);
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public abstract int status();

    public final String code() {
        return CODES.get(getClass());
    }

    /** Extra members a client can act on (e.g. the allowed moves of a finding). */
    public Map<String, Object> extensions() {
        return extensions;
    }
}
