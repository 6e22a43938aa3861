package ducha.report;

import ducha.common.Params;
import ducha.graphql.GraphQLBoundary;
import ducha.notice.NoticeKind;
import ducha.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

@GraphQLApi
@GraphQLBoundary
public class ReportGraphQLApi {

    private final ReportService service;
    private final DailyReportService daily;

    public ReportGraphQLApi(ReportService service, DailyReportService daily) {
        this.service = service;
        this.daily = daily;
    }

    @Query
    @Description("The daily report (督查日报) of a unit with its sub-units for one day of the report time zone, as "
            + "GET /api/v1/reports/daily answers it.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<@NonNull DailyReport> dailyReport(
            @NonNull @Id @Description("The unit; its sub-units are included.") String unitId,
            @NonNull @Description("The day, YYYY-MM-DD in the report time zone, up to today.") String date) {
        return Uni.createFrom().item(() -> Params.uuid("unitId", unitId)).chain(id -> daily.daily(id, date));
    }

    @Query
    @Description("The figures of the filtered work, as GET /api/v1/reports/summary answers them.")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<@NonNull Summary> summary(@Description("What the report covers; everything when omitted.")
            SummaryGraphQLFilter filter) {
        return service.summary(SummaryGraphQLFilter.toFilter(filter));
    }

    @Query
    @Description("The findings of the filtered period by responsible party (责任单位), as GET "
            + "/api/v1/reports/responsible-parties: one row per party (key null: handed to nobody yet).")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public Uni<@NonNull List<@NonNull Breakdown>> findingsByResponsibleParty(
            @Description("What the report covers; everything when omitted.") SummaryGraphQLFilter filter) {
        return service.byResponsibleParty(SummaryGraphQLFilter.toFilter(filter));
    }

    @Description("Notices issued in the period, one entry per kind (0 included).")
    @RolesAllowed({Roles.INSPECTOR, Roles.ADMIN})
    public @NonNull List<@NonNull NoticeCount> noticesByKind(@Source Summary summary) {
        return Arrays.stream(NoticeKind.values())
                .map(kind -> new NoticeCount(kind, summary.noticesByKind().getOrDefault(kind, 0L).intValue()))
                .toList();
    }
}
