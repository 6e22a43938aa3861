package ducha.report;

import ducha.site.SiteType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a report covers; null means "any". {@code from} and {@code to} bound the half-open period {@code [from, to)}
 * and are each a date ({@code 2021-08-07}, read in the report time zone) or an ISO-8601 time with offset.
 */
public record SummaryFilter(
        @Schema(description = "Start of the period (inclusive): a date in the report time zone or a time with offset.",
                examples = "2021-08-01") String from,
        @Schema(description = "End of the period (exclusive): a date in the report time zone or a time with offset.",
                examples = "2021-08-08") String to,
        @Schema(description = "A unit; the report covers it and all its sub-units.") UUID unitId,
        @Schema(description = "The district of the sites (a notice without a site: of its unit).", examples = "尉氏县")
        String district,
        @Schema(description = "The type of the sites.") SiteType siteType) {

    public static SummaryFilter all() {
        return new SummaryFilter(null, null, null, null, null);
    }
}
