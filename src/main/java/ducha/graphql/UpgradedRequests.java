package ducha.graphql;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.vertx.http.runtime.filters.QuarkusRequestWrapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.impl.Http1xServerConnection;
import io.vertx.core.net.impl.ConnectionBase;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The GraphQL WebSockets' part in a graceful shutdown: each upgrade request ends when its connection closes, and at
 * the end of the shutdown delay every socket still open is closed with 1001 (Going Away).
 * <p>
 * Ending: on SIGTERM, Quarkus' {@code GracefulShutdownFilter} waits for every request it counted to end, which is
 * when its response ends (or its connection closes mid-response). Vert.x completes an upgrade's response with the
 * 101 without that end, so every WebSocket, refused (4403) or accepted, stayed counted: SIGTERM waited the whole
 * {@code SHUTDOWN_TIMEOUT} with no client connected. Not a 401 to the upgrade instead: the token comes in
 * {@code connection_init}, after the handshake (browsers cannot send it with the upgrade), and accepted sockets
 * leaked too. At the close rather than at the 101: an open subscription is an exchange in flight, as a request is.
 * <p>
 * Going away: a subscription never ends by itself, so a subscriber connected at SIGTERM held the shutdown until its
 * timeout. When the delay ends (readiness has been DOWN for all of it, so the pod is out of the endpoints) each open
 * socket is closed with 1001, which graphql-ws clients answer by reconnecting, to another replica; the closes end
 * the requests and the shutdown goes on at once. Upgrades that arrive after that are refused with 503.
 * <p>
 * Reflection, twice: {@code QuarkusRequestWrapper.done()} is package-private (Quarkus 3.33); the
 * {@link ServerWebSocket} is kept by Quarkus' GraphQL handler and reachable from its connection only through the
 * protected field {@code Http1xConnectionBase.webSocket} (Vert.x 4.5). The connection's own {@code close()} would
 * close the socket with 1000 (Normal Closure), which says "done" rather than "come back elsewhere", and writing a
 * close frame on the channel behind Vert.x's back would make it answer the client's echo with a second one. If an
 * upgrade removes either member, startup logs a warning (the socket is then closed with 1000) and
 * {@code scripts/faults} (quiet-stop, subscriber-stop) fails.
 */
@Singleton
@RegisterForReflection(targets = QuarkusRequestWrapper.class,
        classNames = "io.vertx.core.http.impl.Http1xConnectionBase", methods = true, fields = true)
final class UpgradedRequests {

    /** What a subscriber is told; a close reason may be 123 bytes at most. */
    static final String GOING_AWAY = "Server shutting down; reconnect";
    /**
     * How long a socket may take to answer the close frame before its connection is cut. Vert.x would wait 10 s
     * (webSocketClosingTimeout) for a client that vanished without closing its TCP connection, as mobile ones do.
     */
    private static final long CLOSE_GRACE_MS = 1000;

    private static final Method DONE = done();
    private static final Field WEB_SOCKET = webSocketField();

    private final Vertx vertx;
    private final long delayMs;
    private final Set<ConnectionBase> open = ConcurrentHashMap.newKeySet();
    private volatile boolean goingAway;

    UpgradedRequests(Vertx vertx, @ConfigProperty(name = "quarkus.shutdown.delay") Optional<Duration> delay) {
        this.vertx = vertx;
        this.delayMs = delay.map(Duration::toMillis).orElse(0L);
    }

    /** True once the shutdown has sent the sockets away: a new upgrade is refused (503). */
    boolean goingAway() {
        return goingAway;
    }

    /** Called for a request about to be upgraded to a WebSocket. */
    void track(HttpServerRequest request) {
        // Without the wrapper Quarkus counts no requests (no shutdown timeout, no access log).
        if (!(request.getCookie(QuarkusRequestWrapper.FAKE_COOKIE_NAME) instanceof QuarkusRequestWrapper.QuarkusCookie cookie)
                || !(request.connection() instanceof ConnectionBase connection)) {
            return;
        }
        QuarkusRequestWrapper wrapper = cookie.getRequestWrapper();
        open.add(connection);
        // HttpConnection.closeHandler has one slot, which Quarkus uses for quarkus.http.limits.max-connections.
        connection.closeFuture().onComplete(ignored -> {
            open.remove(connection);
            end(wrapper);
        });
        if (goingAway) {
            // The sockets were sent away between the caller's check and the add above: this one goes too.
            sendAway(connection);
        }
    }

    /**
     * Quarkus fires this when SIGTERM arrives and then sleeps for the delay; the server serves on meanwhile. A
     * ShutdownListener would run at the delay's end itself, but only an extension can register one: a timer of the
     * same length ends with that sleep, give or take a millisecond, and the filter waits for whatever is still
     * closing.
     */
    void onShutdown(@Observes ShutdownDelayInitiatedEvent event) {
        vertx.setTimer(Math.max(1, delayMs), ignored -> sendAllAway());
    }

    /** Closes every open socket with 1001; from then on upgrades are refused. */
    void sendAllAway() {
        goingAway = true;
        Set<ConnectionBase> sent = Set.copyOf(open);
        sent.forEach(this::sendAway);
        if (!sent.isEmpty()) {
            Log.infof("Closed %d GraphQL WebSocket(s) with 1001 (Going Away) for the shutdown", sent.size());
        }
    }

    private void sendAway(ConnectionBase connection) {
        // The field is set on the connection's event loop: read it there.
        connection.getContext().runOnContext(ignored -> {
            ServerWebSocket socket = webSocket(connection);
            if (socket != null) {
                socket.close((short) 1001, GOING_AWAY);
            } else {
                // Still in the handshake (or the field is unreachable): the client sees a failed connection and
                // retries, as it would after a 1001.
                connection.close();
            }
        });
        vertx.setTimer(CLOSE_GRACE_MS, ignored -> {
            if (!connection.closeFuture().isComplete()) {
                // As Vert.x' own closing timeout does: from Vert.x' handler outwards. channel().close() would pass
                // through that handler, which hands it to the socket's close(), a no-op once the frame is sent.
                connection.channelHandlerContext().close();
            }
        });
    }

    private static ServerWebSocket webSocket(ConnectionBase connection) {
        if (WEB_SOCKET == null || !(connection instanceof Http1xServerConnection)) {
            return null;
        }
        try {
            return (ServerWebSocket) WEB_SOCKET.get(connection);
        } catch (ReflectiveOperationException | RuntimeException e) {
            Log.warn("Could not reach an upgraded connection's WebSocket; closing the connection instead", e);
            return null;
        }
    }

    private static void end(QuarkusRequestWrapper wrapper) {
        if (DONE == null) {
            return;
        }
        try {
            DONE.invoke(wrapper);
        } catch (ReflectiveOperationException | RuntimeException e) {
            Log.warn("Could not end an upgraded request for the graceful shutdown", e);
        }
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

    private static Field webSocketField() {
        try {
            Field field = Http1xServerConnection.class.getSuperclass().getDeclaredField("webSocket");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            Log.warnf("Vert.x' Http1xConnectionBase.webSocket is not reachable (%s): at shutdown, GraphQL WebSockets "
                    + "are closed with 1000 instead of 1001", e);
            return null;
        }
    }
}
