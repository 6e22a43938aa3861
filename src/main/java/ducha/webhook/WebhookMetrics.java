package ducha.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per endpoint, in Prometheus: {@code ducha_webhooks_delivered_total{endpoint}}, {@code ducha_webhooks_failed_total
 * {endpoint}} (failed attempts) and {@code ducha_webhooks_lag_seconds{endpoint}}, the age of the oldest event not
 * yet delivered as this replica last saw it (0: nothing waiting). Series appear once a replica works on the endpoint.
 */
@ApplicationScoped
public class WebhookMetrics {

    private final MeterRegistry registry;
    private final Map<UUID, Counter> delivered = new ConcurrentHashMap<>();
    private final Map<UUID, Counter> failed = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicLong> lagMillis = new ConcurrentHashMap<>();

    public WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void delivered(UUID endpoint) {
        delivered.computeIfAbsent(endpoint, id -> Counter.builder("ducha.webhooks.delivered")
                .description("Webhook events delivered (answered 2xx), by endpoint")
                .tag("endpoint", id.toString()).register(registry)).increment();
    }

    void failed(UUID endpoint) {
        failed.computeIfAbsent(endpoint, id -> Counter.builder("ducha.webhooks.failed")
                .description("Failed webhook delivery attempts (no answer, timeout, refused address, non-2xx), by endpoint")
                .tag("endpoint", id.toString()).register(registry)).increment();
    }

    void lag(UUID endpoint, double seconds) {
        lagMillis.computeIfAbsent(endpoint, id -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("ducha.webhooks.lag", value, v -> v.get() / 1000.0)
                    .description("Age of the oldest webhook event not yet delivered, by endpoint")
                    .baseUnit("seconds")
                    .tag("endpoint", id.toString()).register(registry);
            return value;
        }).set(Math.round(seconds * 1000));
    }
}
