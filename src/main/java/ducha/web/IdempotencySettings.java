package ducha.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "ducha.idempotency")
public interface IdempotencySettings {

    /** How long a stored response is replayed; at least 24 hours. */
    @WithDefault("PT24H")
    Duration retention();

    /**
     * How long a claimed key stays in flight before a retry may take it over: the first attempt is presumed dead
     * (its process crashed between claim and commit). An attempt that was taken over can no longer commit.
     */
    @WithDefault("PT1M")
    Duration lease();
}
