package ducha.report;

import ducha.notice.NoticeKind;
import ducha.site.SiteType;
import io.smallrye.graphql.api.Scalar;
import io.smallrye.graphql.api.ToScalar;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The figures leadership reads, for one filter. Definitions: docs/reports.md. */
@Schema(name = "Summary", description = "Figures of the filtered work. The period [from, to) applies to inspections by "
        + "startedAt, to findings by foundAt and to notices by issuedAt; unitId includes its sub-units; district and "
        + "siteType are those of the site.")
@Type("Summary")
@Description("The figures leadership reads for one filter; definitions in docs/reports.md.")
public record Summary(
        @Schema(description = "Start of the period (inclusive), in the report time zone; null = open.") @Description("Start of the period (inclusive), in the report time zone; null = open.") OffsetDateTime from,
        @Schema(description = "End of the period (exclusive), in the report time zone; null = open.") @Description("End of the period (exclusive), in the report time zone; null = open.") OffsetDateTime to,
        @Schema(description = "The zone in which dates of the filter were read.", examples = "Asia/Shanghai") @Description("The zone in which dates of the filter were read.") String timeZone,
        @Schema(description = "When the figures were computed; overdue is evaluated at this time.") @Description("When the figures were computed; overdue is evaluated at this time.") OffsetDateTime asOf,
        @Description("The unit of the filter, if any; its sub-units are included.") @Id UUID unitId,
        @Description("The district of the filter, if any.") String district,
        @Description("The site type of the filter, if any.") SiteType siteType,
        @Schema(description = "Inspections (visits) started in the period.") @Description("Inspections (visits) started in the period.") @ToScalar(Scalar.Int.class) long inspections,
        @Schema(description = "Sum of the inspector counts of those inspections (人次).") @Description("Sum of the inspector counts of those inspections (人次).") @ToScalar(Scalar.Int.class) long personVisits,
        @Schema(description = "Distinct sites with at least one of those inspections.") @Description("Distinct sites with at least one of those inspections.") @ToScalar(Scalar.Int.class) long sitesInspected,
        @Schema(description = "Active sites of the area: the district filter, else the districts named by the unit "
                + "filter and its sub-units (every site when they name none), else every site; of siteType if given.")
        @Description("Active sites of the area: the district filter, else the districts named by the unit "
                + "filter and its sub-units (every site when they name none), else every site; of siteType if given.") @ToScalar(Scalar.Int.class) long sitesTotal,
        @Schema(description = "Inspected active sites of the area ÷ sitesTotal, 0–1 rounded to 4 places; null when "
                + "sitesTotal is 0.") @Description("Inspected active sites of the area ÷ sitesTotal, 0–1 rounded to 4 places; null when "
                + "sitesTotal is 0.") Double coverage,
        @Schema(description = "Findings found in the period.") @Description("Findings found in the period.") @ToScalar(Scalar.Int.class) long findings,
        @Schema(description = "Of those, RECTIFIED or VERIFIED now.") @Description("Of those, RECTIFIED or VERIFIED now.") @ToScalar(Scalar.Int.class) long rectified,
        @Schema(description = "Of those, fixed while the inspectors were there.") @Description("Of those, fixed while the inspectors were there.") @ToScalar(Scalar.Int.class) long rectifiedOnSite,
        @Schema(description = "Of those, not rectified yet (OPEN, RECTIFYING or ESCALATED); findings = rectified + open.")
        @Description("Of those, not rectified yet (OPEN, RECTIFYING or ESCALATED); findings = rectified + open.") @ToScalar(Scalar.Int.class) long open,
        @Schema(description = "Of the open ones, past their due time at asOf.") @Description("Of the open ones, past their due time at asOf.") @ToScalar(Scalar.Int.class) long overdue,
        @Schema(description = "Of the open ones, ESCALATED.") @Description("Of the open ones, ESCALATED.") @ToScalar(Scalar.Int.class) long escalated,
        @Schema(description = "rectified ÷ findings, 0–1 rounded to 4 places; null without findings.")
        @Description("rectified ÷ findings, 0–1 rounded to 4 places; null without findings.") Double rectificationRate,
        @Schema(description = "Median of the whole days from foundAt to rectifiedAt over the rectified findings "
                + "(0 for a fix on the spot; halves when the count is even); null when none is rectified.")
        @Description("Median of the whole days from foundAt to rectifiedAt over the rectified findings "
                + "(0 for a fix on the spot; halves when the count is even); null when none is rectified.") Double medianDaysToRectify,
        @Schema(description = "Notices issued in the period, by kind (every kind, 0 included).",
                examples = "{\"BULLETIN\": 1, \"SUGGESTION\": 12, \"ACCOUNTABILITY_WARNING\": 0, \"REMINDER\": 0}")
        @Ignore Map<NoticeKind, Long> noticesByKind,
        @Schema(description = "Every finding category, in the order of the enumeration.") @Description("Every finding category, in the order of the enumeration.") List<Breakdown> byCategory,
        @Schema(description = "Site types with sites in the area or any figure.") @Description("Site types with sites in the area or any figure.") List<Breakdown> bySiteType,
        @Schema(description = "Districts with sites in the area or any figure, by name; a district row's area is "
                + "that district.") @Description("Districts with sites in the area or any figure, by name; a district row's area is "
                + "that district.") List<Breakdown> byDistrict,
        @Schema(description = "The filter unit's own work (withSubUnits=false) and each of its child units with "
                + "their sub-units, by code; without a unit filter, each top-level unit.") @Description("The filter unit's own work (withSubUnits=false) and each of its child units with "
                + "their sub-units, by code; without a unit filter, each top-level unit.") List<Breakdown> byUnit,
        @Schema(description = "Of the inspections, those whose check-in was within the radius of the site (VERIFIED, "
                + "docs/evidence.md).") @Description("Of the inspections, those whose check-in was within the radius of the site (VERIFIED).") @ToScalar(Scalar.Int.class) long inspectionsVerified,
        @Schema(description = "Of the inspections, those whose check-in was further from the site (FAR).") @Description("Of the inspections, those whose check-in was further from the site (FAR).") @ToScalar(Scalar.Int.class) long inspectionsFar,
        @Schema(description = "Visits verified on site: inspectionsVerified ÷ inspections, 0–1 rounded to 4 places; "
                + "null without inspections.") @Description("Visits verified on site: inspectionsVerified ÷ inspections, 0–1 rounded to 4 places; null without inspections.") Double verifiedVisitRate) {
}
