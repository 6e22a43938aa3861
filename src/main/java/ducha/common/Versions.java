package ducha.common;

/** The optimistic check before a change: the client must have read the current version. */
public final class Versions {

    private Versions() {
    }

    /** {@code expected == null} means the client accepted any version (If-Match: *). */
    public static void check(String entity, Object id, Long expected, Long actual) {
        if (expected != null && !expected.equals(actual)) {
            throw new StaleVersionException(entity, id, actual);
        }
    }
}
