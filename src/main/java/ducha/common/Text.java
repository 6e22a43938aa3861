package ducha.common;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Free text a person wrote: valid Unicode (an unpaired surrogate would be stored as "?") and, when given, something
 * visible (zero-width spaces and byte-order marks alone are as empty as blanks, which @NotBlank or the service's
 * blank-to-null handle).
 */
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = Text.Validator.class)
public @interface Text {

    String message() default "must be visible text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Text, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            String problem = hasLoneSurrogate(value) ? "contains an unpaired UTF-16 surrogate; send valid Unicode text"
                    : value.codePoints().allMatch(Validator::invisible) ? "must contain visible characters" : null;
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }

        private static boolean hasLoneSurrogate(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean invisible(int codePoint) {
            int type = Character.getType(codePoint);
            return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                    || type == Character.FORMAT || type == Character.CONTROL;
        }
    }
}
