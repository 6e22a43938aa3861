package ducha.common;

import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.persistence.OptimisticLockException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.Map;
import org.hibernate.JDBCException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Turns what PostgreSQL refused into the domain's answers. Services check rules first; this catches the races
 * between a check and the write (two clients creating the same code at once, a row deleted meanwhile), and tells a
 * lost connection or an unreachable OIDC provider (503, retry) from a failure of the service.
 */
public final class DatabaseErrors {

    private static final Map<String, FieldError> UNIQUE = Map.of(
            "unit_code_unique", new FieldError("code", "is already used by another unit"),
            "site_code_unique", new FieldError("code", "is already used by another site"),
            "campaign_code_unique", new FieldError("code", "is already used by another campaign"));

    private DatabaseErrors() {
    }

    public static Throwable translate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DomainException) {
                return t;
            }
            if (t instanceof AuthenticationFailedException) {
                return failure; // a bad token, whatever its cause says: the caller's 401, not an outage
            }
            if (t instanceof StaleStateException || t instanceof OptimisticLockException) {
                return new StaleVersionException();
            }
            if (isConnectionFailure(t)) {
                return UnavailableException.database();
            }
            if (t instanceof OIDCException) {
                return UnavailableException.identityProvider();
            }
            String sqlState = sqlStateOf(t);
            if (sqlState != null) {
                DomainException mapped = fromSqlState(sqlState, constraintOf(failure));
                if (mapped != null) {
                    return mapped;
                }
            }
        }
        return failure;
    }

    /**
     * The connection failed rather than the statement: refused, reset or closed connections, a server shutting
     * down or terminating the backend (57P01–57P03), connection exceptions (08…), too many connections (53300), and
     * the pool's own wait for a connection timing out. The pool reports a closed connection and its timeout as plain
     * exceptions, known only by their messages.
     */
    private static boolean isConnectionFailure(Throwable t) {
        if (t instanceof SocketException || t instanceof ClosedConnectionException
                || t instanceof ClosedChannelException) {
            return true;
        }
        String message = String.valueOf(t.getMessage());
        if ((t instanceof NoStackTraceThrowable || t instanceof VertxException)
                && (message.equals("Timeout") || message.startsWith("Connection is not active"))) {
            return true;
        }
        String sqlState = sqlStateOf(t);
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P") || sqlState.equals("53300"));
    }

    private static String sqlStateOf(Throwable t) {
        if (t instanceof JDBCException jdbc) {
            return jdbc.getSQLState();
        }
        if (t instanceof SQLException sql) {
            return sql.getSQLState();
        }
        return t instanceof PgException pg ? pg.getSqlState() : null;
    }

    private static String constraintOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
                return violation.getConstraintName();
            }
            if (t instanceof PgException pg && pg.getConstraint() != null) {
                return pg.getConstraint();
            }
        }
        return "";
    }

    private static DomainException fromSqlState(String sqlState, String constraint) {
        return switch (sqlState) {
            case "23505" -> {
                FieldError field = UNIQUE.get(constraint);
                if (field != null) {
                    yield new ConflictException(field.field() + " " + field.message() + ".",
                            Map.of("errors", java.util.List.of(field)));
                }
                yield constraint.endsWith("_pkey")
                        ? new ConflictException("A row with this id already exists.")
                        : new ConflictException("This would duplicate an existing row (" + constraint + ").");
            }
            case "23503" -> new ConflictException(
                    "Other records still refer to this one, or it refers to one that no longer exists ("
                            + constraint + ").");
            case "23514", "23502", "22001", "22003", "22007", "22008", "22P02", "22021" ->
                    new InvalidInputException("input", "breaks a rule of the stored data"
                            + (constraint.isEmpty() ? "" : " (" + constraint + ")"));
            case "40001", "40P01" -> ConflictException.transientConflict("A concurrent change got in the way; retry the request.");
            default -> null;
        };
    }
}
