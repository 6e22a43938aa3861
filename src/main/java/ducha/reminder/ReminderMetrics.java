package ducha.reminder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code ducha_reminders_sent_total{kind}}: reminders and escalations this replica committed (each happens once in
 * the whole deployment, so the sum over replicas is the number sent). Every series exists from the start at zero.
 */
@Startup
@ApplicationScoped
public class ReminderMetrics {

    private final Map<ReminderKind, Counter> sent = new EnumMap<>(ReminderKind.class);

    public ReminderMetrics(MeterRegistry registry) {
        for (ReminderKind kind : ReminderKind.values()) {
            sent.put(kind, Counter.builder("ducha.reminders.sent")
                    .description("Reminders and escalations of findings' due times committed by this replica, by kind")
                    .tag("kind", kind.name())
                    .register(registry));
        }
    }

    void sent(ReminderKind kind) {
        sent.get(kind).increment();
    }
}
