package ducha.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A real HTTP receiver on 127.0.0.1: records every request (headers and exact body) and answers 204, or 500 for
 * the next {@link #failNext} requests, or after a delay.
 */
final class Receiver implements AutoCloseable {

    record Received(String webhookId, String timestamp, String signature, String body, Instant at, int answered) {
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicLong delayMillis = new AtomicLong();
    private volatile boolean down;

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            long delay = delayMillis.get();
            if (delay > 0) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = down || failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 204;
            synchronized (received) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"),
                        new String(body, StandardCharsets.UTF_8), Instant.now(), status));
                received.notifyAll();
            }
            if (status == 500) {
                byte[] answer = "receiver down for a moment".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(500, answer.length);
                exchange.getResponseBody().write(answer);
            } else {
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/ducha?source=test";
    }

    void failNext(int count) {
        failures.set(count);
    }

    /** While down, every request is answered 500. */
    void down(boolean down) {
        this.down = down;
    }

    void delay(Duration delay) {
        delayMillis.set(delay.toMillis());
    }

    List<Received> all() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The requests answered 2xx, in arrival order. */
    List<Received> accepted() {
        return all().stream().filter(r -> r.answered() < 300).toList();
    }

    /** Waits until {@code condition} holds for the requests received so far; fails after the timeout. */
    List<Received> await(Predicate<List<Received>> condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (!condition.test(received)) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("receiver got only " + received.size() + " requests: "
                            + received.stream().map(r -> r.webhookId() + "=" + r.answered()).toList());
                }
                try {
                    received.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
            return new ArrayList<>(received);
        }
    }

    List<Received> awaitAccepted(int count, Duration timeout) {
        await(all -> all.stream().filter(r -> r.answered() < 300).count() >= count, timeout);
        return accepted();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
