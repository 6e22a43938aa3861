package ducha.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

@ConfigMapping(prefix = "ducha.reports")
public interface ReportSettings {

    /**
     * The zone in which report dates are read ({@code from=2021-08-07} starts at local midnight) and in which trend
     * buckets are days and weeks.
     */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();
}
