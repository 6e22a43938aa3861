package ducha.finding;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The domain meters of findings, in Prometheus as {@code ducha_findings_reported_total{severity,rectified_on_site}},
 * {@code ducha_findings_transitions_total{action}} and {@code ducha_findings_overdue}. Every series exists from
 * the start at zero, so that rates work before the first event. The overdue gauge shows the last count that
 * {@link FindingService#refreshOverdueGauge()} made: a scrape never queries the database.
 */
@Startup
@ApplicationScoped
public class FindingMetrics {

    private final Map<Severity, Counter> reportedOpen = new EnumMap<>(Severity.class);
    private final Map<Severity, Counter> reportedRectifiedOnSite = new EnumMap<>(Severity.class);
    private final Map<FindingAction, Counter> transitions = new EnumMap<>(FindingAction.class);
    private final AtomicLong overdue = new AtomicLong();

    public FindingMetrics(MeterRegistry registry) {
        for (Severity severity : Severity.values()) {
            reportedOpen.put(severity, reported(registry, severity, false));
            reportedRectifiedOnSite.put(severity, reported(registry, severity, true));
        }
        for (FindingAction action : FindingAction.values()) {
            transitions.put(action, Counter.builder("ducha.findings.transitions")
                    .description("Findings moved along the lifecycle, by action")
                    .tag("action", action.name())
                    .register(registry));
        }
        Gauge.builder("ducha.findings.overdue", overdue, AtomicLong::get)
                .description("Findings past their due time and not yet rectified, as last counted")
                .register(registry);
    }

    void reported(Finding finding) {
        (finding.rectifiedOnSite ? reportedRectifiedOnSite : reportedOpen).get(finding.severity).increment();
    }

    public void transitioned(FindingAction action) {
        transitions.get(action).increment();
    }

    void overdue(long count) {
        overdue.set(count);
    }

    private static Counter reported(MeterRegistry registry, Severity severity, boolean rectifiedOnSite) {
        return Counter.builder("ducha.findings.reported")
                .description("Findings reported, by severity and whether they were rectified on site")
                .tag("severity", severity.name())
                .tag("rectified_on_site", String.valueOf(rectifiedOnSite))
                .register(registry);
    }
}
