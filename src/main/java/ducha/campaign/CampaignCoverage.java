package ducha.campaign;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** docs/campaigns.md defines every figure. */
@Schema(name = "CampaignCoverage", description = "How far a campaign got: its targets, which were visited, the "
        + "findings at them, by participating child unit and by day. Counted when asked (docs/campaigns.md).")
@Type("CampaignCoverage")
@Description("How far a campaign got: its targets, which were visited, the findings at them, by participating child "
        + "unit and by day (docs/campaigns.md).")
public record CampaignCoverage(
        @NonNull @Id @Description("The campaign.") UUID campaignId,
        @NonNull @Description("Start of the period, inclusive.") OffsetDateTime startsAt,
        @NonNull @Description("End of the period, exclusive.") OffsetDateTime endsAt,
        @NonNull @Schema(examples = "Asia/Shanghai") @Description("Zone of the days of byDay.") String timeZone,
        @Schema(description = "Target sites that are active (retired ones leave the denominator).")
        @Description("Target sites that are active (retired ones leave the denominator).") long targets,
        @Schema(description = "Active targets with at least one visit that counts: by a participating unit, inside the period.")
        @Description("Active targets with at least one visit that counts: by a participating unit, inside the period.")
        long targetsVisited,
        @Description("targets - targetsVisited: the unvisited list's length.") long targetsUnvisited,
        @Schema(description = "targetsVisited / targets, 0 to 1, 4 places; null without targets.")
        @Description("targetsVisited / targets, 0 to 1, 4 places; null without targets.") Double coverage,
        @Schema(description = "Every active target visited (and there is at least one).")
        @Description("Every active target visited (and there is at least one).") boolean fullCoverage,
        @Description("Targets whose site is retired (active: false); not in targets.") long retiredTargets,
        @Description("Visits that count: inspections of active targets by participating units inside the period.")
        long inspections,
        @Description("Findings at active targets by participating units, found inside the period.") long findings,
        @Description("Of those, rectified or verified.") long resolved,
        @Description("Of those, open, being rectified or escalated.") long open,
        @NonNull @Description("The owning unit's own work first, then each child unit with its sub-units, by code.")
        List<@NonNull Unit> byUnit,
        @NonNull @Description("Each day of the period in the report time zone, without gaps.") List<@NonNull Day> byDay) {

    @Schema(name = "CampaignCoverageUnit")
    @Type("CampaignCoverageUnit")
    @Description("A participating unit's share: the owning unit's own work, or a child unit with its sub-units.")
    public record Unit(
            @NonNull @Id @Description("The unit.") UUID unitId,
            @NonNull @Description("Its code.") String code,
            @NonNull @Description("Its name.") String name,
            @Description("False for the owning unit's own work (without its sub-units).") boolean withSubUnits,
            @Description("Targets this unit (with its sub-units) visited in the period.") long targetsVisited,
            @Description("Its visits that count.") long inspections,
            @Description("Its findings at targets in the period.") long findings,
            @Description("Of those, rectified or verified.") long resolved,
            @Description("Of those, still open.") long open) {
    }

    @Schema(name = "CampaignCoverageDay")
    @Type("CampaignCoverageDay")
    @Description("One day of the period in the report time zone.")
    public record Day(
            @NonNull @Description("The day.") LocalDate day,
            @Description("Visits that count, started that day.") long inspections,
            @Description("Distinct targets visited that day.") long targetsVisited,
            @Description("Targets first visited that day.") long newlyVisited,
            @Description("Targets visited up to the end of that day.") long cumulativeVisited,
            @Description("Findings at targets found that day.") long findings,
            @Description("Of those, rectified or verified by now.") long resolved,
            @Description("Of those, still open.") long open) {
    }
}
