package ducha.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Bean-validation failures as the domain's field errors, named by the input's JSON path. */
public final class Violations {

    private Violations() {
    }

    public static InvalidInputException toInvalidInput(ConstraintViolationException violations) {
        List<FieldError> errors = violations.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        return new InvalidInputException(errors);
    }

    /** "create.input.code" of a method parameter becomes "code"; a bare parameter keeps its own name. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null && !names.isEmpty()) {
                names.set(names.size() - 1, names.get(names.size() - 1) + "[" + node.getIndex() + "]");
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                names.add(node.getName());
            }
        }
        if (names.isEmpty()) {
            return parameter != null ? parameter : "body";
        }
        return String.join(".", names);
    }
}
