package ducha.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** ducha.webhooks.*: delivery, retries and the address rules of webhook endpoints (docs/configuration.md). */
@ConfigMapping(prefix = "ducha.webhooks")
public interface WebhookSettings {

    /** Whether this replica delivers; every replica may (they share the work), none must. */
    @WithDefault("true")
    boolean dispatch();

    /** How often this replica looks for work (it also wakes on every committed change). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Endpoints this replica serves at once. */
    @WithDefault("8")
    int concurrency();

    /** The whole of one attempt: connect, send, answer. A slower receiver is cut off and the attempt failed. */
    @WithDefault("10s")
    Duration timeout();

    @WithDefault("5s")
    Duration connectTimeout();

    /** First retry delay; doubled per failed attempt up to maxBackoff, each with random jitter of up to a half. */
    @WithDefault("5s")
    Duration initialBackoff();

    @WithDefault("1h")
    Duration maxBackoff();

    /** An endpoint that has failed for this long without a success is disabled. */
    @WithDefault("24h")
    Duration disableAfter();

    /** How long the previous secret still signs after a rotation, unless the request names another overlap. */
    @WithDefault("24h")
    Duration rotationOverlap();

    /** How long a replica holds an endpoint's stream; renewed after every attempt. Longer than timeout. */
    @WithDefault("1m")
    Duration lease();

    /** Allow http:// and loopback addresses (127.0.0.0/8, ::1): dev and tests only. */
    @WithDefault("false")
    boolean allowInsecureLoopback();

    /** Allow private, link-local and other non-public addresses (an intranet receiver). */
    @WithDefault("false")
    boolean allowPrivateAddresses();
}
