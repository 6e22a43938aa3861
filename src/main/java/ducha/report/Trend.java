package ducha.report;

import ducha.site.SiteType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Trend", description = "Counts per day or week over [from, to), one point per bucket without gaps. The "
        + "first and last buckets are clipped to the period.")
public record Trend(
        TrendInterval interval,
        OffsetDateTime from,
        OffsetDateTime to,
        String timeZone,
        @Schema(description = "When the counts were computed; overdue is evaluated at this time.") OffsetDateTime asOf,
        UUID unitId,
        String district,
        SiteType siteType,
        List<TrendPoint> points) {
}
