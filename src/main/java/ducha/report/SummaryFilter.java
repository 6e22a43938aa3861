package ducha.report;

import ducha.common.Params;
import ducha.site.SiteType;
import java.util.UUID;

/**
 * What a report covers; null means "any". {@code from} and {@code to} bound the half-open period {@code [from, to)}
 * and are each a date ({@code 2021-08-07}, read in the report time zone) or an ISO-8601 time with offset; they are
 * checked where the period is read ({@link ReportPeriod#bound}), as only the service knows the zone.
 */
public record SummaryFilter(String from, String to, UUID unitId, String district, SiteType siteType) {

    private static final int MAX_DISTRICT = 100;

    /** A filter as both doors receive it: a malformed unitId or an over-long district is a 400 naming it. */
    static SummaryFilter of(String from, String to, String unitId, String district, SiteType siteType) {
        return new SummaryFilter(from, to, Params.uuid("unitId", unitId), Params.text("district", district,
                MAX_DISTRICT), siteType);
    }

    public static SummaryFilter all() {
        return new SummaryFilter(null, null, null, null, null);
    }
}
