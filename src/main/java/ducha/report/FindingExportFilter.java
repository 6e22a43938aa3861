package ducha.report;

import ducha.finding.FindingCategory;
import ducha.finding.FindingStatus;
import ducha.finding.Severity;

/** The findings of a CSV export: the report filter (period by foundAt) and, optionally, finding attributes. */
public record FindingExportFilter(SummaryFilter filter, FindingStatus status, FindingCategory category,
        Severity severity, Boolean overdue) {
}
