package ducha.finding;

import ducha.common.PageRequest;
import ducha.common.Params;
import ducha.common.Times;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The query parameters of GET /api/v1/findings as they arrive: text, so that a malformed one is a 400 naming it
 * rather than the bare 404 of a failed JAX-RS conversion.
 */
public record FindingListQuery(@RestQuery String unitId, @RestQuery String siteId, @RestQuery String inspectionId,
        @RestQuery String status, @RestQuery String category, @RestQuery String severity, @RestQuery String overdue,
        @RestQuery String from, @RestQuery String to, @RestQuery String q, @RestQuery String responsibleParty,
        @RestQuery String limit, @RestQuery String cursor) {

    FindingFilter filter() {
        return new FindingFilter(Params.uuid("unitId", unitId), Params.uuid("siteId", siteId),
                Params.uuid("inspectionId", inspectionId), Params.enumOf(FindingStatus.class, "status", status),
                Params.enumOf(FindingCategory.class, "category", category),
                Params.enumOf(Severity.class, "severity", severity), Params.bool("overdue", overdue),
                Times.instant(Params.time("from", from)), Times.instant(Params.time("to", to)),
                Params.text("q", q, 200), Params.text("responsibleParty", responsibleParty, 200));
    }

    PageRequest page() {
        return PageRequest.of(Params.integer("limit", limit), cursor);
    }
}
