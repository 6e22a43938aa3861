package ducha.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The retry schedule of the defaults (5 s doubling to 1 h, jitter of up to a half) and where it reaches 24 hours. */
class WebhookBackoffTest {

    private static WebhookSettings defaults() {
        return new WebhookSettings() {
            public boolean dispatch() { return true; }
            public Duration pollInterval() { return Duration.ofSeconds(1); }
            public int concurrency() { return 8; }
            public Duration timeout() { return Duration.ofSeconds(10); }
            public Duration connectTimeout() { return Duration.ofSeconds(5); }
            public Duration initialBackoff() { return Duration.ofSeconds(5); }
            public Duration maxBackoff() { return Duration.ofHours(1); }
            public Duration disableAfter() { return Duration.ofHours(24); }
            public Duration rotationOverlap() { return Duration.ofHours(24); }
            public Duration lease() { return Duration.ofMinutes(1); }
            public boolean allowInsecureLoopback() { return false; }
            public boolean allowPrivateAddresses() { return false; }
        };
    }

    @Test
    void delaysDoubleWithJitterUpToTheMaximumAndReachADayInAboutFortyAttempts() {
        WebhookDispatcher dispatcher = new WebhookDispatcher(null, null, defaults(), null, null, null, null);
        for (int run = 0; run < 200; run++) {
            long elapsed = 0;
            int attempts = 0;
            while (elapsed < Duration.ofHours(24).toMillis()) {
                attempts++;
                long base = Math.min(Duration.ofHours(1).toMillis(), 5_000L << Math.min(attempts - 1, 30));
                long delay = dispatcher.backoffMillis(attempts);
                assertThat(delay).as("failure " + attempts).isBetween(base / 2, base);
                elapsed += delay;
            }
            assertThat(attempts).isBetween(35, 48);
        }
        // Far out, still the maximum and no overflow.
        assertThat(dispatcher.backoffMillis(1000)).isBetween(1_800_000L, 3_600_000L);
    }
}
