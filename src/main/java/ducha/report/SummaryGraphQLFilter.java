package ducha.report;

import ducha.site.SiteType;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("SummaryFilter")
@Description("What a report covers; every field is optional.")
public record SummaryGraphQLFilter(
        @Description("Start of the period (inclusive): a date (2021-08-07, in the report time zone) or a time with "
                + "offset.") String from,
        @Description("End of the period (exclusive): a date or a time with offset.") String to,
        @Id @Description("A unit; the report covers it and all its sub-units.") String unitId,
        @Description("The district of the sites.") String district,
        @Description("The type of the sites.") SiteType siteType) {

    public static SummaryFilter toFilter(SummaryGraphQLFilter filter) {
        return filter == null ? SummaryFilter.all()
                : SummaryFilter.of(filter.from, filter.to, filter.unitId, filter.district, filter.siteType);
    }
}
