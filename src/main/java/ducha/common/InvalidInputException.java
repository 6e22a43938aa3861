package ducha.common;

import io.smallrye.graphql.api.ErrorCode;
import java.util.List;
import java.util.Map;

/** Input that is well-formed but breaks a rule; names the offending fields. */
@ErrorCode("VALIDATION")
public class InvalidInputException extends DomainException {

    private final List<FieldError> errors;

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public InvalidInputException(List<FieldError> errors) {
        super(summary(errors), Map.of("errors", errors));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        return errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : "The input has " + errors.size() + " invalid fields.";
    }

    @Override
    public int status() {
        return 400;
    }
}
