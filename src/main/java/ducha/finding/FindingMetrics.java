package ducha.finding;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The domain meters of findings, in Prometheus as {@code ducha_findings_reported_total{severity,rectified_on_site}},
 * {@code ducha_findings_transitions_total{action}} and {@code ducha_findings_overdue}. Every series exists from
 * the start at zero, so that rates work before the first event. The overdue gauge shows the last count that
 * {@link #refreshOverdueGauge()} made: a scrape never queries the database.
 */
@Startup
@ApplicationScoped
public class FindingMetrics {

    private final Map<Severity, Counter> reportedOpen = new EnumMap<>(Severity.class);
    private final Map<Severity, Counter> reportedRectifiedOnSite = new EnumMap<>(Severity.class);
    private final Map<FindingAction, Counter> transitions = new EnumMap<>(FindingAction.class);
    private final AtomicLong overdue = new AtomicLong();
    private final FindingRepository findings;

    public FindingMetrics(MeterRegistry registry, FindingRepository findings) {
        this.findings = findings;
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

    /**
     * Counts the overdue findings: one count over the partial index of unresolved due times, on a timer rather than
     * per scrape. A failed count keeps the last value and says so in the log.
     */
    @Scheduled(every = "${ducha.metrics.overdue-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @WithSession
    Uni<Void> refreshOverdueGauge() {
        return findings.count("dueAt < ?1 and status in ?2", Instant.now(), FindingStatus.UNRESOLVED)
                .invoke(overdue::set)
                .onFailure().invoke(e -> Log.warnf("Overdue findings not counted: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private static Counter reported(MeterRegistry registry, Severity severity, boolean rectifiedOnSite) {
        return Counter.builder("ducha.findings.reported")
                .description("Findings reported, by severity and whether they were rectified on site")
                .tag("severity", severity.name())
                .tag("rectified_on_site", String.valueOf(rectifiedOnSite))
                .register(registry);
    }
}
