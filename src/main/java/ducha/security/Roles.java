package ducha.security;

/** The two roles of the service, as they appear in the token's role claim. */
public final class Roles {

    public static final String INSPECTOR = "inspector";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
