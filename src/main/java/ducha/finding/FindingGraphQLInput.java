package ducha.finding;

import ducha.common.Params;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("FindingInput")
@Description("A problem to report. Status, reporter and version are the server's.")
public record FindingGraphQLInput(
        @Id @Description("Optional client-chosen id (offline-first apps).") String id,
        @NonNull @Id @Description("The unit that found it; inspectors: theirs or one below it.") String unitId,
        @NonNull @Id @Description("Where it was found.") String siteId,
        @Id @Description("The visit it was found on; of the same unit and site.") String inspectionId,
        @NonNull @Description("Kind of problem.") FindingCategory category,
        @NonNull @Description("How serious it is.") Severity severity,
        @NonNull @Description("What was found.") String description,
        @Description("When it was found; defaults to now.") OffsetDateTime foundAt,
        @Description("When it must be rectified by; after foundAt.") OffsetDateTime dueAt,
        @Description("Fixed while the inspectors were there: the finding starts RECTIFIED.") Boolean rectifiedOnSite,
        @Description("How it was fixed, for one rectified on site.") String rectificationNote,
        @Id @Description("The campaign it was found in, if any: the unit takes part in it, the site is a target, foundAt inside its period.") String campaignId,
        @Description("The organisation answerable for rectifying it (责任单位); at most 200 characters.") String responsibleParty,
        @Description("A contact at the responsible party; only with responsibleParty.") String responsibleContact) {

    public FindingInput toInput() {
        return new FindingInput(Params.uuid("id", id), Params.requiredUuid("unitId", unitId),
                Params.requiredUuid("siteId", siteId), Params.uuid("inspectionId", inspectionId), category, severity,
                description, foundAt, dueAt, rectifiedOnSite, rectificationNote,
                Params.uuid("campaignId", campaignId), responsibleParty, responsibleContact);
    }
}
