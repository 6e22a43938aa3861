package ducha.common;

public final class Texts {

    private Texts() {
    }

    /** Optional text fields store null, never "" or surrounding blanks. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
