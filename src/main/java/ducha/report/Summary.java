package ducha.report;

import ducha.notice.NoticeKind;
import ducha.site.SiteType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The figures leadership reads, for one filter. Definitions: docs/reports.md. */
@Schema(name = "Summary", description = "Figures of the filtered work. The period [from, to) applies to inspections by "
        + "startedAt, to findings by foundAt and to notices by issuedAt; unitId includes its sub-units; district and "
        + "siteType are those of the site.")
@org.eclipse.microprofile.graphql.Type("Summary")
@org.eclipse.microprofile.graphql.Description("The figures leadership reads for one filter; definitions in docs/reports.md.")
public record Summary(
        @Schema(description = "Start of the period (inclusive), in the report time zone; null = open.") @org.eclipse.microprofile.graphql.Description("Start of the period (inclusive), in the report time zone; null = open.") OffsetDateTime from,
        @Schema(description = "End of the period (exclusive), in the report time zone; null = open.") @org.eclipse.microprofile.graphql.Description("End of the period (exclusive), in the report time zone; null = open.") OffsetDateTime to,
        @Schema(description = "The zone in which dates of the filter were read.", examples = "Asia/Shanghai") @org.eclipse.microprofile.graphql.Description("The zone in which dates of the filter were read.") String timeZone,
        @Schema(description = "When the figures were computed; overdue is evaluated at this time.") @org.eclipse.microprofile.graphql.Description("When the figures were computed; overdue is evaluated at this time.") OffsetDateTime asOf,
        @org.eclipse.microprofile.graphql.Description("The unit of the filter, if any; its sub-units are included.") @org.eclipse.microprofile.graphql.Id UUID unitId,
        @org.eclipse.microprofile.graphql.Description("The district of the filter, if any.") String district,
        @org.eclipse.microprofile.graphql.Description("The site type of the filter, if any.") SiteType siteType,
        @Schema(description = "Inspections (visits) started in the period.") @org.eclipse.microprofile.graphql.Description("Inspections (visits) started in the period.") @io.smallrye.graphql.api.ToScalar(io.smallrye.graphql.api.Scalar.Int.class) long inspections,
        @Schema(description = "Sum of the inspector counts of those inspections (人次).") @org.eclipse.microprofile.graphql.Description("Sum of the inspector counts of those inspections (人次).") @io.smallrye.graphql.api.ToScalar(io.smallrye.graphql.api.Scalar.Int.class) long personVisits,
        @Schema(description = "Distinct sites with at least one of those inspections.") @org.eclipse.microprofile.graphql.Description("Distinct sites with at least one of those inspections.") @io.smallrye.graphql.api.ToScalar(io.smallrye.graphql.api.Scalar.Int.class) long sitesInspected,
        @Schema(description = "Active sites of the area: the district filter, else the districts named by the unit "
                + "filter and its sub-units (every site when they name none), else every site; of siteType if given.")
        @org.eclipse.microprofile.graphql.Description("Active sites of the area: the district filter, else the districts named by the unit "
                + "filter and its sub-units (every site when they name none), else every site; of siteType if given.") @io.smallrye.graphql.api.ToScalar(io.smallrye.graphql.api.Scalar.Int.class) long sitesTotal,
        @Schema(description = "Inspected active sites of the area ÷ sitesTotal, 0–1 rounded to 4 places; null when "
                + "sitesTotal is 0.") @org.eclipse.microprofile.graphql.Description("Inspected active sites of the area ÷ sitesTotal, 0–1 rounded to 4 places; null when "
                + "sitesTotal is 0.") Double coverage,
        @Schema(description = "Findings found in the period.") @org.eclipse.microprofile.graphql.Description("Findings found in the period.") @io.smallrye.graphql.api.ToScalar(io.smallrye.graphql.api.Scalar.Int.class) long findings,
        @Schema(description = "Of those, RECTIFIED or VERIFIED now.") @org.eclipse.microprofile.graphql.Description("Of those, RECTIFIED or VERIFIED now.") @io.smallrye.graphql.api.ToScalar(io.smallrye.graphql.api.Scalar.Int.class) long rectified,
        @Schema(description = "Of those, fixed while the inspectors were there.") @org.eclipse.microprofile.graphql.Description("Of those, fixed while the inspectors were there.") @io.smallrye.graphql.api.ToScalar(io.smallrye.graphql.api.Scalar.Int.class) long rectifiedOnSite,
        @Schema(description = "Of those, not rectified yet (OPEN, RECTIFYING or ESCALATED); findings = rectified + open.")
        @org.eclipse.microprofile.graphql.Description("Of those, not rectified yet (OPEN, RECTIFYING or ESCALATED); findings = rectified + open.") @io.smallrye.graphql.api.ToScalar(io.smallrye.graphql.api.Scalar.Int.class) long open,
        @Schema(description = "Of the open ones, past their due time at asOf.") @org.eclipse.microprofile.graphql.Description("Of the open ones, past their due time at asOf.") @io.smallrye.graphql.api.ToScalar(io.smallrye.graphql.api.Scalar.Int.class) long overdue,
        @Schema(description = "Of the open ones, ESCALATED.") @org.eclipse.microprofile.graphql.Description("Of the open ones, ESCALATED.") @io.smallrye.graphql.api.ToScalar(io.smallrye.graphql.api.Scalar.Int.class) long escalated,
        @Schema(description = "rectified ÷ findings, 0–1 rounded to 4 places; null without findings.")
        @org.eclipse.microprofile.graphql.Description("rectified ÷ findings, 0–1 rounded to 4 places; null without findings.") Double rectificationRate,
        @Schema(description = "Median of the whole days from foundAt to rectifiedAt over the rectified findings "
                + "(0 for a fix on the spot; halves when the count is even); null when none is rectified.")
        @org.eclipse.microprofile.graphql.Description("Median of the whole days from foundAt to rectifiedAt over the rectified findings "
                + "(0 for a fix on the spot; halves when the count is even); null when none is rectified.") Double medianDaysToRectify,
        @Schema(description = "Notices issued in the period, by kind (every kind, 0 included).",
                examples = "{\"BULLETIN\": 1, \"SUGGESTION\": 12, \"ACCOUNTABILITY_WARNING\": 0, \"REMINDER\": 0}")
        @org.eclipse.microprofile.graphql.Ignore Map<NoticeKind, Long> noticesByKind,
        @Schema(description = "Every finding category, in the order of the enumeration.") @org.eclipse.microprofile.graphql.Description("Every finding category, in the order of the enumeration.") List<Breakdown> byCategory,
        @Schema(description = "Site types with sites in the area or any figure.") @org.eclipse.microprofile.graphql.Description("Site types with sites in the area or any figure.") List<Breakdown> bySiteType,
        @Schema(description = "Districts with sites in the area or any figure, by name; a district row's area is "
                + "that district.") @org.eclipse.microprofile.graphql.Description("Districts with sites in the area or any figure, by name; a district row's area is "
                + "that district.") List<Breakdown> byDistrict,
        @Schema(description = "The filter unit's own work (withSubUnits=false) and each of its child units with "
                + "their sub-units, by code; without a unit filter, each top-level unit.") @org.eclipse.microprofile.graphql.Description("The filter unit's own work (withSubUnits=false) and each of its child units with "
                + "their sub-units, by code; without a unit filter, each top-level unit.") List<Breakdown> byUnit,
        @Schema(description = "Of the inspections, those whose check-in was within the radius of the site (VERIFIED, "
                + "docs/evidence.md).") @org.eclipse.microprofile.graphql.Description("Of the inspections, those whose check-in was within the radius of the site (VERIFIED).") @io.smallrye.graphql.api.ToScalar(io.smallrye.graphql.api.Scalar.Int.class) long inspectionsVerified,
        @Schema(description = "Of the inspections, those whose check-in was further from the site (FAR).") @org.eclipse.microprofile.graphql.Description("Of the inspections, those whose check-in was further from the site (FAR).") @io.smallrye.graphql.api.ToScalar(io.smallrye.graphql.api.Scalar.Int.class) long inspectionsFar,
        @Schema(description = "Visits verified on site: inspectionsVerified ÷ inspections, 0–1 rounded to 4 places; "
                + "null without inspections.") @org.eclipse.microprofile.graphql.Description("Visits verified on site: inspectionsVerified ÷ inspections, 0–1 rounded to 4 places; null without inspections.") Double verifiedVisitRate) {
}
