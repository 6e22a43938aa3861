package ducha.finding;

import ducha.common.Params;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("FindingChanges")
@Description("The editable fields of a finding, replacing all of them (an omitted inspectionId clears it). "
        + "Unit and site are fixed; the status moves by transitionFinding.")
public record FindingGraphQLEditInput(
        @Id @Description("The visit it was found on.") String inspectionId,
        @NonNull @Description("Kind of problem.") FindingCategory category,
        @NonNull @Description("How serious it is.") Severity severity,
        @NonNull @Description("What was found.") String description,
        @Description("When it must be rectified by.") OffsetDateTime dueAt) {

    public FindingEditInput toInput() {
        return new FindingEditInput(Params.uuid("inspectionId", inspectionId), category, severity, description, dueAt);
    }
}
