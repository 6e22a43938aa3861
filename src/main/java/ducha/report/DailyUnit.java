package ducha.report;

import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One row of the daily report's byUnit: the day's figures of a child unit's subtree, or of the unit's own work. */
@Schema(name = "DailyUnit", description = "The daily report's figures of one child unit with its sub-units, or of "
        + "the report unit's own work (withSubUnits=false).")
@Type("DailyUnit")
@Description("The daily report's figures of one child unit with its sub-units, or of the report unit's own work.")
public record DailyUnit(
        @NonNull @Id @Description("The unit.") UUID unitId,
        @NonNull @Description("The unit's code.") String code,
        @NonNull @Description("The unit's name.") String name,
        @Schema(description = "True: the unit with its sub-units; false: the report unit's own work without them.")
        @Description("True: the unit with its sub-units; false: the report unit's own work without them.")
        boolean withSubUnits,
        @Description("Inspections started during the day.") int inspections,
        @Description("Sum of their inspector counts (人次).") int personVisits,
        @Description("Distinct sites visited.") int sitesVisited,
        @Description("Findings found during the day.") int newFindings,
        @Description("Of those, fixed on the spot.") int rectifiedOnSite,
        @Description("Findings rectified during the day.") int rectified,
        @Description("Findings overdue at statusAt.") int overdue,
        @Description("Findings moved to ESCALATED during the day.") int escalated,
        @Description("Findings open at statusAt.") int openFindings,
        @Description("Notices issued during the day.") int notices) {
}
