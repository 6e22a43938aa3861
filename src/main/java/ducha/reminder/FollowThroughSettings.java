package ducha.reminder;

import ducha.finding.Severity;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** ducha.follow-through.*: when findings are reminded of and escalated (docs/follow-through.md). */
@ConfigMapping(prefix = "ducha.follow-through")
public interface FollowThroughSettings {

    /** How often each replica sweeps (a Quarkus scheduler period, e.g. 1m; "off" stops it). */
    @WithDefault("1m")
    String sweepEvery();

    /** How long before its due time an unresolved finding gets its DUE_SOON reminder. */
    @WithDefault("24h")
    Duration leadTime();

    /** Findings one sweep takes at most (the rest wait for the next sweep), so a backlog trickles out. */
    @WithDefault("500")
    int maxPerSweep();

    /** How long overdue an OPEN or RECTIFYING finding may be before the system escalates it. */
    Escalation escalateAfter();

    interface Escalation {
        @WithDefault("P1D")
        Duration critical();

        @WithDefault("P3D")
        Duration high();

        @WithDefault("P7D")
        Duration medium();

        @WithDefault("P7D")
        Duration low();

        default Duration of(Severity severity) {
            return switch (severity) {
                case CRITICAL -> critical();
                case HIGH -> high();
                case MEDIUM -> medium();
                case LOW -> low();
            };
        }
    }
}
