package ducha.report;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reports as CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte order mark first, so that
 * spreadsheet programs read Chinese names as UTF-8.
 */
final class ReportCsv {

    static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    static final String BOM = "\uFEFF";

    static final List<String> SUMMARY_COLUMNS = List.of("section", "key", "name", "inspections", "personVisits",
            "sitesInspected", "sitesTotal", "coverage", "findings", "rectified", "rectifiedOnSite", "open", "overdue",
            "escalated", "rectificationRate", "medianDaysToRectify", "notices");

    static final List<String> FINDING_COLUMNS = List.of("id", "foundAt", "unitCode", "unitName", "siteCode",
            "siteName", "siteType", "district", "township", "category", "severity", "status", "rectifiedOnSite",
            "rectifiedAt", "dueAt", "overdue", "description", "rectificationNote");

    static final List<String> DAILY_COLUMNS = List.of("section", "key", "name", "inspections", "personVisits",
            "sitesVisited", "newFindings", "rectifiedOnSite", "rectified", "overdue", "escalated", "openFindings",
            "notices", "targets", "targetsVisited", "targetsVisitedToday", "coverage", "severity", "status",
            "category", "site", "foundAt", "dueAt", "daysOpen", "description");

    private ReportCsv() {
    }

    /**
     * The summary as one table: a "total" row, then one row per breakdown key ("byCategory", "bySiteType",
     * "byDistrict", "byUnit") and per notice kind ("noticesByKind", in the notices column). Cells that do not
     * apply are empty.
     */
    static String summary(Summary summary) {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, SUMMARY_COLUMNS);
        long notices = summary.noticesByKind().values().stream().mapToLong(Long::longValue).sum();
        line(csv, cells("total", null, null, summary.inspections(), summary.personVisits(), summary.sitesInspected(),
                summary.sitesTotal(), summary.coverage(), summary.findings(), summary.rectified(),
                summary.rectifiedOnSite(), summary.open(), summary.overdue(), summary.escalated(),
                summary.rectificationRate(), summary.medianDaysToRectify(), notices));
        breakdowns(csv, "byCategory", summary.byCategory());
        breakdowns(csv, "bySiteType", summary.bySiteType());
        breakdowns(csv, "byDistrict", summary.byDistrict());
        breakdowns(csv, "byUnit", summary.byUnit());
        for (Map.Entry<?, Long> kind : summary.noticesByKind().entrySet()) {
            line(csv, cells("noticesByKind", kind.getKey(), null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, kind.getValue()));
        }
        return csv.toString();
    }

    /**
     * The daily report as one table: a "total" row (key = the date, name = the unit), the unit's "ownWork" and one
     * "byUnit" row per child, one "noticesByKind" row per kind, one "campaign" row per active campaign, then the
     * "mostSerious" open findings in order (each counts 1 in openFindings, and 1 in overdue when it is). Cells that do
     * not apply are empty.
     */
    static String daily(DailyReport r) {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, DAILY_COLUMNS);
        line(csv, cells("total", r.date(), r.unitName(), r.inspections(), r.personVisits(), r.sitesVisited(),
                r.newFindings(), r.rectifiedOnSite(), r.rectified(), r.overdue(), r.escalated(), r.openFindings(),
                r.notices(), null, null, null, null, null, null, null, null, null, null, null, null));
        for (DailyUnit u : r.byUnit()) {
            line(csv, cells(u.withSubUnits() ? "byUnit" : "ownWork", u.code(), u.name(), u.inspections(),
                    u.personVisits(), u.sitesVisited(), u.newFindings(), u.rectifiedOnSite(), u.rectified(),
                    u.overdue(), u.escalated(), u.openFindings(), u.notices(), null, null, null, null, null, null, null,
                    null, null, null, null, null));
        }
        for (NoticeCount kind : r.noticesByKind()) {
            line(csv, cells("noticesByKind", kind.kind(), null, null, null, null, null, null, null, null, null, null,
                    kind.count(), null, null, null, null, null, null, null, null, null, null, null, null));
        }
        for (DailyCampaign c : r.campaigns()) {
            line(csv, cells("campaign", c.campaignId(), c.name(), null, null, null, null, null, null, null, null,
                    null, null, c.targets(), c.targetsVisited(), c.targetsVisitedToday(), c.coverage(), null, null,
                    null, null, null, null, null, null));
        }
        for (DailyFinding f : r.mostSerious()) {
            line(csv, cells("mostSerious", f.id(), f.unitName(), null, null, null, null, null, null,
                    f.overdue() ? 1 : 0, null, 1, null, null, null, null, null, f.severity(), f.status(),
                    f.category(), f.siteName(), f.foundAt(), f.dueAt(), f.daysOpen(), f.description()));
        }
        return csv.toString();
    }

    static String findingsHeader() {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, FINDING_COLUMNS);
        return csv.toString();
    }

    /** Several findings as lines, so that a stream sends them in chunks rather than a chunk per row. */
    static String findings(List<ExportedFinding> findings) {
        StringBuilder csv = new StringBuilder();
        for (ExportedFinding f : findings) {
            line(csv, cells(f.id(), f.foundAt(), f.unitCode(), f.unitName(), f.siteCode(), f.siteName(), f.siteType(),
                    f.district(), f.township(), f.category(), f.severity(), f.status(), f.rectifiedOnSite(),
                    f.rectifiedAt(), f.dueAt(), f.overdue(), f.description(), f.rectificationNote()));
        }
        return csv.toString();
    }

    private static void breakdowns(StringBuilder csv, String section, List<Breakdown> rows) {
        for (Breakdown b : rows) {
            line(csv, cells(section, b.key(), b.name(), b.inspections(), b.personVisits(), b.sitesInspected(),
                    b.sitesTotal(), b.coverage(), b.findings(), b.rectified(), b.rectifiedOnSite(), b.open(),
                    b.overdue(), b.escalated(), b.rectificationRate(), null, null));
        }
    }

    private static List<String> cells(Object... values) {
        List<String> cells = new ArrayList<>(values.length);
        for (Object value : values) {
            cells.add(value == null ? ""
                    : value instanceof OffsetDateTime time ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time)
                    : value.toString());
        }
        return cells;
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quote(cells.get(i)));
        }
        csv.append("\r\n");
    }

    /**
     * Quotes a cell that needs it (RFC 4180); a cell starting with a formula character gets a leading apostrophe
     * so that a spreadsheet shows it instead of evaluating it.
     */
    static String quote(String cell) {
        String value = cell;
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !isNumber(value)) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private static boolean isNumber(String value) {
        try {
            Double.parseDouble(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
