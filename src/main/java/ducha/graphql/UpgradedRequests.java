package ducha.graphql;

import io.quarkus.logging.Log;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.vertx.http.runtime.filters.QuarkusRequestWrapper;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import java.lang.reflect.Method;

/**
 * Ends a WebSocket upgrade request, for Quarkus' graceful shutdown, when its connection closes.
 * <p>
 * On SIGTERM, Quarkus' {@code GracefulShutdownFilter} waits for every request it counted to end, which is when its
 * response ends (or its connection closes mid-response). Vert.x completes an upgrade's response with the 101 without
 * that end, so every WebSocket, refused (4403) or accepted, stayed counted: SIGTERM waited the whole
 * {@code SHUTDOWN_TIMEOUT} with no client connected.
 * <p>
 * Not a 401 to the upgrade instead: the token comes in {@code connection_init}, after the handshake (browsers cannot
 * send it with the upgrade), and accepted sockets leaked too. At the close rather than at the 101: an open
 * subscription is an exchange in flight, as a request is.
 * <p>
 * {@code QuarkusRequestWrapper.done()} is package-private (Quarkus 3.33), hence reflection; if an upgrade removes
 * it, the first WebSocket logs a warning and {@code scripts/faults} (quiet-stop) fails.
 */
@RegisterForReflection(targets = QuarkusRequestWrapper.class, methods = true, fields = false)
final class UpgradedRequests {

    private static final Method DONE = done();

    private UpgradedRequests() {
    }

    /** Called for a request about to be upgraded to a WebSocket. */
    static void endWithConnection(HttpServerRequest request) {
        // Without the wrapper Quarkus counts no requests (no shutdown timeout, no access log).
        if (DONE == null
                || !(request.getCookie(QuarkusRequestWrapper.FAKE_COOKIE_NAME) instanceof QuarkusRequestWrapper.QuarkusCookie cookie)
                || !(request.connection() instanceof ConnectionBase connection)) {
            return;
        }
        QuarkusRequestWrapper wrapper = cookie.getRequestWrapper();
        // HttpConnection.closeHandler has one slot, which Quarkus uses for quarkus.http.limits.max-connections.
        connection.closeFuture().onComplete(ignored -> {
            try {
                DONE.invoke(wrapper);
            } catch (ReflectiveOperationException | RuntimeException e) {
                Log.warn("Could not end an upgraded request for the graceful shutdown", e);
            }
        });
    }

    private static Method done() {
        try {
            Method done = QuarkusRequestWrapper.class.getDeclaredMethod("done");
            done.setAccessible(true);
            return done;
        } catch (ReflectiveOperationException | RuntimeException e) {
            Log.warnf("QuarkusRequestWrapper.done() is not reachable (%s): after a WebSocket, SIGTERM waits the whole "
                    + "shutdown timeout", e);
            return null;
        }
    }
}
