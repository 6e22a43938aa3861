package ducha.common;

/** The optimistic check before a change: the client must have read the current version. */
public final class Versions {

    private Versions() {
    }

    public static void check(String entity, Object id, ExpectedVersions expected, long actual) {
        if (!expected.admits(actual)) {
            throw new StaleVersionException(entity, id, actual);
        }
    }
}
