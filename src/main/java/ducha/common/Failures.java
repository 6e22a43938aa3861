package ducha.common;

import ducha.security.UnauthenticatedException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.CompositeException;
import jakarta.validation.ConstraintViolationException;
import java.util.concurrent.CompletionException;

/**
 * The one translation of a failure into the domain's answer, for both doors: the REST problem mapper and the
 * GraphQL boundary. Whatever a domain exception says (code, status, detail, field errors) is then what both report.
 */
public final class Failures {

    private Failures() {
    }

    /**
     * The domain exception a failure means: a refused or missing token, a role that does not allow the operation,
     * bean-validation failures, and what PostgreSQL refused ({@link DatabaseErrors}). Anything else comes back
     * unwrapped, for the door to report as its own (a malformed body, a route that does not exist) or as a bug.
     */
    public static Throwable translate(Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof UnauthorizedException || e instanceof AuthenticationFailedException
                || e instanceof AuthenticationCompletionException) {
            return UnauthenticatedException.of(e);
        }
        if (e instanceof ForbiddenException) {
            return new AccessDeniedException("Your role does not allow this operation.");
        }
        if (e instanceof ConstraintViolationException violations) {
            return Violations.toInvalidInput(violations);
        }
        return DatabaseErrors.translate(e);
    }

    /** The failure itself rather than Mutiny's or the JDK's wrapper around it. */
    private static Throwable unwrap(Throwable failure) {
        Throwable e = failure;
        while (true) {
            if (e instanceof CompositeException composite && !composite.getCauses().isEmpty()) {
                e = composite.getCauses().get(0);
            } else if (e instanceof CompletionException && e.getCause() != null) {
                e = e.getCause();
            } else {
                return e;
            }
        }
    }
}
