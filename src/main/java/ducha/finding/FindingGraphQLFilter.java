package ducha.finding;

import ducha.common.Params;
import ducha.common.Times;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("FindingFilter")
@Description("Which findings; every field is optional and they combine with AND.")
public record FindingGraphQLFilter(
        @Id @Description("Only findings of this unit and the units below it.") String unitId,
        @Id @Description("Only findings at this site.") String siteId,
        @Id @Description("Only findings of this visit.") String inspectionId,
        @Description("Only findings in this status.") FindingStatus status,
        @Description("Only findings of this category.") FindingCategory category,
        @Description("Only findings of this severity.") Severity severity,
        @Description("Only overdue (true) or not overdue (false) findings.") Boolean overdue,
        @Description("Only findings found at or after this time.") OffsetDateTime from,
        @Description("Only findings found before this time.") OffsetDateTime to,
        @Description("Text contained in the description.") String text,
        @Description("Only findings handed to this responsible party (its name, exactly).") String responsibleParty) {

    public static FindingFilter toFilter(FindingGraphQLFilter filter) {
        return filter == null ? new FindingFilter(null, null, null, null, null, null, null, null, null, null, null)
                : new FindingFilter(Params.uuid("unitId", filter.unitId), Params.uuid("siteId", filter.siteId),
                        Params.uuid("inspectionId", filter.inspectionId), filter.status, filter.category,
                        filter.severity, filter.overdue, Times.instant(filter.from), Times.instant(filter.to),
                        Params.text("text", filter.text, 200),
                        Params.text("responsibleParty", filter.responsibleParty, 200));
    }
}
