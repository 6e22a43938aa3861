package ducha.report;

import ducha.common.Params;
import ducha.site.SiteType;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The query parameters every report takes, as they arrive: text, so that a malformed one is a 400 naming it rather
 * than the bare 404 of a failed JAX-RS conversion.
 */
public record ReportQuery(@RestQuery String from, @RestQuery String to, @RestQuery String unitId,
        @RestQuery String district, @RestQuery String siteType) {

    SummaryFilter filter() {
        return SummaryFilter.of(from, to, unitId, district, Params.enumOf(SiteType.class, "siteType", siteType));
    }
}
