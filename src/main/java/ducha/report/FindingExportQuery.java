package ducha.report;

import ducha.common.Params;
import ducha.finding.FindingCategory;
import ducha.finding.FindingStatus;
import ducha.finding.Severity;
import org.jboss.resteasy.reactive.RestQuery;

/** The finding attributes that narrow a CSV export beyond the report parameters. */
public record FindingExportQuery(@RestQuery String status, @RestQuery String category, @RestQuery String severity,
        @RestQuery String overdue) {

    FindingExportFilter filter(ReportQuery report) {
        return new FindingExportFilter(report.filter(), Params.enumOf(FindingStatus.class, "status", status),
                Params.enumOf(FindingCategory.class, "category", category),
                Params.enumOf(Severity.class, "severity", severity), Params.bool("overdue", overdue));
    }
}
