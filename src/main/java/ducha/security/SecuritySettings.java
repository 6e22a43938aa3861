package ducha.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ducha.security")
public interface SecuritySettings {

    /** The token claim that holds the inspector's unit code. */
    @WithDefault("unit")
    String unitClaim();
}
