package ducha.report;

import ducha.graphql.GraphQLBoundary;
import ducha.notice.NoticeKind;
import ducha.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

@GraphQLApi
@GraphQLBoundary
public class ReportGraphQLApi {

    private final ReportService service;

    public ReportGraphQLApi(ReportService service) {
        this.service = service;
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
