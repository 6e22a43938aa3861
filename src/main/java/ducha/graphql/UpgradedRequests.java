package ducha.graphql;

import io.quarkus.logging.Log;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.vertx.http.runtime.filters.QuarkusRequestWrapper;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;

/**
 * Ends a WebSocket upgrade request, for Quarkus' graceful shutdown, when its connection closes.
 * <p>
 * Quarkus' {@code GracefulShutdownFilter} counts every HTTP request and lets SIGTERM proceed once the count is back
 * to zero; a request counts as finished when its response ends or its connection closes while the response is in
 * progress. An upgraded request does neither: Vert.x completes its response with the 101 without running the end
 * handler, and from then on the connection belongs to the WebSocket. So every WebSocket the service ever accepted,
 * refused ones (closed with 4403 after {@code connection_init}) included, stayed counted, and SIGTERM waited the
 * whole {@code SHUTDOWN_TIMEOUT} ("Timed out waiting for graceful shutdown") even with no client connected.
 * <p>
 * Why not refuse at the HTTP level instead (401 to the upgrade): browsers cannot send a token with the upgrade, so
 * it comes in {@code connection_init}, after the handshake; and accepted WebSockets that closed later leaked the
 * same way. The request is ended when its connection closes rather than at the 101, so that an open subscription
 * is still an exchange in flight for the graceful shutdown, as any other request.
 * <p>
 * {@code QuarkusRequestWrapper.done()} is package-private (Quarkus 3.33): it is called reflectively. If a Quarkus
 * upgrade removes it, start-up logs a warning and {@code scripts/faults} (quiet-stop) fails on the stop time.
 */
@RegisterForReflection(targets = QuarkusRequestWrapper.class, methods = true, fields = false)
final class UpgradedRequests {

    private static final MethodHandle DONE = done();

    private UpgradedRequests() {
    }

    /** Called for a request about to be upgraded to a WebSocket. */
    static void endWithConnection(HttpServerRequest request) {
        if (DONE == null
                || !(request.getCookie(QuarkusRequestWrapper.FAKE_COOKIE_NAME) instanceof QuarkusRequestWrapper.QuarkusCookie cookie)
                || !(request.connection() instanceof ConnectionBase connection)) {
            // No wrapper: Quarkus counts no requests (no shutdown timeout, no access log).
            return;
        }
        QuarkusRequestWrapper wrapper = cookie.getRequestWrapper();
        // HttpConnection.closeHandler has one slot, which Quarkus uses for quarkus.http.limits.max-connections.
        connection.closeFuture().onComplete(ignored -> {
            try {
                DONE.invoke(wrapper);
            } catch (Throwable e) {
                Log.warn("Could not end an upgraded request for the graceful shutdown", e);
            }
        });
    }

    private static MethodHandle done() {
        try {
            Method done = QuarkusRequestWrapper.class.getDeclaredMethod("done");
            done.setAccessible(true);
            return MethodHandles.lookup().unreflect(done);
        } catch (ReflectiveOperationException | RuntimeException e) {
            Log.warnf("QuarkusRequestWrapper.done() is not reachable (%s): after a WebSocket, SIGTERM waits the whole "
                    + "shutdown timeout", e);
            return null;
        }
    }
}
