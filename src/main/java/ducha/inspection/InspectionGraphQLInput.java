package ducha.inspection;

import ducha.common.Params;
import ducha.evidence.CheckInInput;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("InspectionInput")
@Description("A visit to record, or the new state of one (unit and site cannot change).")
public record InspectionGraphQLInput(
        @Id @Description("Optional client-chosen id, on create only.") String id,
        @NonNull @Id @Description("The unit that inspects; inspectors: theirs or one below it.") String unitId,
        @NonNull @Id @Description("The site inspected.") String siteId,
        @NonNull @Description("When the visit started.") OffsetDateTime startedAt,
        @NonNull @Description("Person-visits: how many inspectors took part (1 to 10000).") Integer inspectorCount,
        @NonNull @Description("Announced, unannounced or a follow-up.") InspectionMethod method,
        @Description("Free notes.") String notes,
        @Id @Description("The campaign it is part of, if any: the unit takes part in it, the site is a target, startedAt inside its period.") String campaignId,
        @Description("The device's position at arrival, if the phone had one.") CheckInInput checkIn) {

    public InspectionInput toInput() {
        return new InspectionInput(Params.uuid("id", id), Params.requiredUuid("unitId", unitId),
                Params.requiredUuid("siteId", siteId), startedAt, inspectorCount, method, notes,
                Params.uuid("campaignId", campaignId), checkIn);
    }
}
