package ducha.common;

import io.vertx.pgclient.PgException;
import jakarta.persistence.OptimisticLockException;
import java.util.Map;
import java.sql.SQLException;
import org.hibernate.JDBCException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Turns what PostgreSQL refused into the domain's answers. Services check rules first; this catches the races
 * between a check and the write (two clients creating the same code at once, a row deleted meanwhile).
 */
public final class DatabaseErrors {

    private static final Map<String, FieldError> UNIQUE = Map.of(
            "unit_code_unique", new FieldError("code", "is already used by another unit"),
            "site_code_unique", new FieldError("code", "is already used by another site"));

    private DatabaseErrors() {
    }

    public static Throwable translate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DomainException) {
                return t;
            }
            if (t instanceof StaleStateException || t instanceof OptimisticLockException) {
                return new StaleVersionException("row", "", null);
            }
            String sqlState = sqlStateOf(t);
            if (sqlState != null) {
                DomainException mapped = fromSqlState(sqlState, constraintOf(failure));
                if (mapped != null) {
                    return mapped;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return failure;
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
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
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
