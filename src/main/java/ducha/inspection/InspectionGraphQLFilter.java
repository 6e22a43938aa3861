package ducha.inspection;

import ducha.common.Params;
import ducha.common.Times;
import ducha.evidence.Presence;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("InspectionFilter")
@Description("Which inspections; every field is optional and they combine with AND.")
public record InspectionGraphQLFilter(
        @Id @Description("Only visits of this unit and the units below it.") String unitId,
        @Id @Description("Only visits to this site.") String siteId,
        @Description("Only visits that started at or after this time.") OffsetDateTime from,
        @Description("Only visits that started before this time.") OffsetDateTime to,
        @Description("Only visits whose check-in has this class.") Presence presence) {

    public static InspectionFilter toFilter(InspectionGraphQLFilter filter) {
        return filter == null ? new InspectionFilter(null, null, null, null, null)
                : new InspectionFilter(Params.uuid("unitId", filter.unitId), Params.uuid("siteId", filter.siteId),
                        Times.instant(filter.from), Times.instant(filter.to), filter.presence);
    }
}
