package ducha.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The daily report (督查日报) of a unit with its sub-units for one day of the report time zone. Definitions:
 * docs/reports.md#daily-report. The JSON, the CSV and the printable page are made from this one record, so they
 * cannot disagree.
 */
@Schema(name = "DailyReport", description = "The daily report (督查日报) of a unit with all its sub-units for one day "
        + "[from, to) of the report time zone; definitions in docs/reports.md.")
@Type("DailyReport")
@Description("The daily report (督查日报) of a unit with all its sub-units for one day of the report time zone.")
public record DailyReport(
        @NonNull @Schema(description = "The day, in the report time zone.", examples = "2021-08-07")
        @Description("The day, in the report time zone.") LocalDate date,
        @NonNull @Schema(description = "The report time zone.", examples = "Asia/Shanghai")
        @Description("The report time zone.") String timeZone,
        @NonNull @Schema(description = "Start of the day (inclusive), in the report time zone.")
        @Description("Start of the day (inclusive), in the report time zone.") OffsetDateTime from,
        @NonNull @Schema(description = "End of the day (exclusive), in the report time zone.")
        @Description("End of the day (exclusive), in the report time zone.") OffsetDateTime to,
        @NonNull @Schema(description = "When the report was computed.")
        @Description("When the report was computed.") OffsetDateTime asOf,
        @NonNull @Schema(description = "The moment at which open and overdue are judged: the end of the day, or asOf "
                + "while the day is not over.")
        @Description("The moment at which open and overdue are judged: the end of the day, or asOf while the day is "
                + "not over.") OffsetDateTime statusAt,
        @NonNull @Id @Schema(description = "The unit; its sub-units are included.")
        @Description("The unit; its sub-units are included.") UUID unitId,
        @NonNull @Description("The unit's code.") String unitCode,
        @NonNull @Description("The unit's name.") String unitName,
        @Schema(description = "Inspections (visits) started during the day.")
        @Description("Inspections (visits) started during the day.") int inspections,
        @Schema(description = "Sum of the inspector counts of those inspections (人次).")
        @Description("Sum of the inspector counts of those inspections (人次).") int personVisits,
        @Schema(description = "Distinct sites with at least one of those inspections.")
        @Description("Distinct sites with at least one of those inspections.") int sitesVisited,
        @Schema(description = "Findings found during the day (新发现问题).")
        @Description("Findings found during the day (新发现问题).") int newFindings,
        @Schema(description = "Of the new findings, fixed while the inspectors were there (现场整改).")
        @Description("Of the new findings, fixed while the inspectors were there (现场整改).") int rectifiedOnSite,
        @Schema(description = "Findings rectified during the day (rectifiedAt in the day, RECTIFIED or VERIFIED now), "
                + "whenever they were found; fixes on the spot included.")
        @Description("Findings rectified during the day (rectifiedAt in the day), whenever found; fixes on the spot "
                + "included.") int rectified,
        @Schema(description = "Findings found before statusAt, not rectified by then, with dueAt before statusAt "
                + "(overdue at the end of the day).")
        @Description("Findings not rectified at statusAt whose dueAt was before it (overdue at the end of the day).")
        int overdue,
        @Schema(description = "Findings moved to ESCALATED during the day (transitions of the change log, by anyone, "
                + "the system included).")
        @Description("Findings moved to ESCALATED during the day (transitions of the change log).") int escalated,
        @Schema(description = "Findings found before statusAt and not rectified by then (open at the end of the day).")
        @Description("Findings found before statusAt and not rectified by then.") int openFindings,
        @Schema(description = "Notices issued during the day.") @Description("Notices issued during the day.")
        int notices,
        @NonNull @Schema(description = "Notices issued during the day, one entry per kind (0 included).")
        @Description("Notices issued during the day, one entry per kind (0 included).")
        List<@NonNull NoticeCount> noticesByKind,
        @NonNull @Schema(description = "The unit's own work (withSubUnits=false), then each child unit with its "
                + "sub-units, by code; the rows add up to the totals (distinct sites excepted).")
        @Description("The unit's own work (withSubUnits=false), then each child unit with its sub-units, by code.")
        List<@NonNull DailyUnit> byUnit,
        @NonNull @Schema(description = "Target coverage of each campaign of the unit's tree active during the day.")
        @Description("Target coverage of each campaign of the unit's tree active during the day.")
        List<@NonNull DailyCampaign> campaigns,
        @NonNull @Schema(description = "The most serious findings open at statusAt: by severity (CRITICAL first), "
                + "then oldest first; at most 10.")
        @Description("The most serious findings open at statusAt: by severity, then oldest first; at most 10.")
        List<@NonNull DailyFinding> mostSerious) {
}
