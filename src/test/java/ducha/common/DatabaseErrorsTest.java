package ducha.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.CompletionException;
import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

/**
 * The failures scripts/faults met when PostgreSQL or the OIDC provider went away, each as the service saw it:
 * a lost dependency is a 503 the client retries, a bad token stays the caller's 401, anything else is left alone.
 */
class DatabaseErrorsTest {

    @Test
    void aLostDatabaseIsUnavailable() {
        for (Throwable lost : new Throwable[] {new ConnectException("Connection refused"),
                new SocketException("Connection reset"), ClosedConnectionException.INSTANCE,
                new NoStackTraceThrowable("Timeout"), new VertxException("Connection is not active now, current status: CLOSED"),
                new HibernateException("rollback", new CompletionException(new SocketException("Connection reset")))}) {
            Throwable translated = DatabaseErrors.translate(lost);
            assertThat(translated).as(lost.toString()).isInstanceOf(UnavailableException.class);
            assertThat(((UnavailableException) translated).status()).isEqualTo(503);
        }
    }

    @Test
    void anUnreachableIdentityProviderIsUnavailable() {
        assertThat(DatabaseErrors.translate(new OIDCException("OIDC Server is not available")))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("identity provider");
    }

    @Test
    void aBadTokenStaysTheCallersFailureWhateverItsCause() {
        var badToken = new AuthenticationFailedException(new OIDCException("Unknown key id"));
        assertThat(DatabaseErrors.translate(badToken)).isSameAs(badToken);
    }

    @Test
    void otherFailuresAreLeftAlone() {
        var bug = new IllegalStateException("a bug");
        assertThat(DatabaseErrors.translate(bug)).isSameAs(bug);
        assertThat(DatabaseErrors.translate(new VertxException("something else"))).isNotInstanceOf(UnavailableException.class);
    }
}
