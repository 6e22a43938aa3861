package ducha.common;

/** One invalid input field: a JSON path such as {@code dueAt} or {@code findingIds[2]}, and why. */
public record FieldError(String field, String message) {
}
