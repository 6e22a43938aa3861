package ducha.report;

import ducha.finding.FindingCategory;
import ducha.finding.FindingStatus;
import ducha.finding.Severity;
import ducha.notice.NoticeKind;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The daily report as a printable page: one A4 sheet, charts as inline SVG, no script and nothing fetched from
 * elsewhere (docs/reports.md#daily-report). Everything the template shows is computed here from the
 * {@link DailyReport} the JSON answers — figures, bar lengths, labels — so the template only places it, and its
 * type-safe expressions are checked at build time (and need no reflection in the native image).
 */
public final class DailyReportHtml {

    static final String MEDIA_TYPE = "text/html; charset=UTF-8";

    /** Rows of the byUnit table that fit on the page; further units are added up in one last row. */
    static final int UNIT_ROWS = 12;
    /** Campaigns that fit on the page; the JSON and the CSV list them all. */
    static final int CAMPAIGN_ROWS = 4;
    /** Width in SVG units of the longest bar of a chart. */
    private static final int BAR = 100;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private DailyReportHtml() {
    }

    @CheckedTemplate(basePath = "reports")
    static class Templates {
        public static native TemplateInstance daily(Page page);
    }

    /** Labels in Chinese and English, as the report's readers use them. */
    static final Map<Severity, String> SEVERITY = new EnumMap<>(Map.of(Severity.LOW, "低 Low", Severity.MEDIUM,
            "中 Medium", Severity.HIGH, "高 High", Severity.CRITICAL, "严重 Critical"));
    static final Map<NoticeKind, String> NOTICE_KIND = new EnumMap<>(Map.of(NoticeKind.BULLETIN, "督查通报 Bulletins",
            NoticeKind.SUGGESTION, "工作建议 Suggestions", NoticeKind.ACCOUNTABILITY_WARNING, "问责预警 Warnings",
            NoticeKind.REMINDER, "提醒告诫书 Reminders"));
    static final Map<FindingStatus, String> STATUS = new EnumMap<>(Map.of(FindingStatus.OPEN, "待整改 Open",
            FindingStatus.RECTIFYING, "整改中 Rectifying", FindingStatus.RECTIFIED, "已整改 Rectified",
            FindingStatus.VERIFIED, "已核实 Verified", FindingStatus.ESCALATED, "已升级 Escalated"));
    static final Map<FindingCategory, String> CATEGORY = new EnumMap<>(Map.of(FindingCategory.DISINFECTION,
            "消杀 Disinfection", FindingCategory.DUTY_ROSTER, "值守 Duty roster", FindingCategory.CROWD_CONTROL,
            "人员聚集 Crowd control", FindingCategory.TESTING_PROCEDURE, "检测流程 Testing", FindingCategory.SUPPLIES,
            "物资 Supplies", FindingCategory.PRICING, "价格 Pricing", FindingCategory.FOOD_SAFETY,
            "食品安全 Food safety", FindingCategory.RECORD_KEEPING, "台账 Records", FindingCategory.OTHER,
            "其他 Other"));

    /** The page, as the template shows it. */
    @TemplateData
    public record Page(String unitName, String unitCode, String date, String timeZone, String from, String to,
            String statusAt, String asOf, boolean dayOver, List<Tile> tiles, Chart findingsChart,
            Chart noticesChart, List<UnitRow> units, List<CampaignRow> campaigns, String campaignsNote,
            List<FindingRow> findings) {
    }

    /** A headline figure. {@code figure} is its JSON name (the tests read the page by it). */
    @TemplateData
    public record Tile(String figure, String zh, String en, int value) {
    }

    /** A horizontal bar chart, 260 units wide: labels end at 120, bars start at 124, one bar per row 14 apart. */
    @TemplateData
    public record Chart(int height, List<Bar> bars) {
    }

    @TemplateData
    public record Bar(String key, String label, int value, int y, int width, String color) {

        public int rectY() {
            return y + 2;
        }

        public int textY() {
            return y + 10;
        }

        public int valueX() {
            return 128 + width;
        }
    }

    @TemplateData
    public record UnitRow(String code, String name, boolean own, boolean others, int inspections, int inspectionsBar,
            int personVisits, int sitesVisited, int newFindings, int findingsBar, int rectifiedOnSite, int rectified,
            int overdue, int escalated, int openFindings, int notices) {
    }

    @TemplateData
    public record CampaignRow(String name, int targets, int targetsVisited, int targetsVisitedToday, String percent,
            int fill) {
    }

    @TemplateData
    public record FindingRow(String id, String severity, String severityClass, String unit, String site, String category,
            String foundAt, String dueAt, boolean overdue, int daysOpen, String status, String description) {
    }

    static String render(DailyReport report) {
        return Templates.daily(page(report)).render();
    }

    static Page page(DailyReport r) {
        List<Tile> tiles = List.of(
                new Tile("inspections", "检查", "Inspections", r.inspections()),
                new Tile("personVisits", "人次", "Person-visits", r.personVisits()),
                new Tile("sitesVisited", "点位", "Sites visited", r.sitesVisited()),
                new Tile("newFindings", "新发现问题", "New findings", r.newFindings()),
                new Tile("rectifiedOnSite", "现场整改", "Fixed on site", r.rectifiedOnSite()),
                new Tile("rectified", "当日整改", "Rectified", r.rectified()),
                new Tile("overdue", "逾期", "Overdue", r.overdue()),
                new Tile("escalated", "升级", "Escalated", r.escalated()),
                new Tile("openFindings", "未整改", "Open", r.openFindings()),
                new Tile("notices", "通报建议", "Notices", r.notices()));
        Chart findings = chart(List.of(
                new Bar("newFindings", "新发现 New", r.newFindings(), 0, 0, "#3b6fb6"),
                new Bar("rectified", "整改 Rectified", r.rectified(), 0, 0, "#2e8b57"),
                new Bar("overdue", "逾期 Overdue", r.overdue(), 0, 0, "#c0392b"),
                new Bar("escalated", "升级 Escalated", r.escalated(), 0, 0, "#8e44ad"),
                new Bar("openFindings", "未整改 Open", r.openFindings(), 0, 0, "#d68910")));
        List<Bar> kinds = new ArrayList<>();
        for (NoticeCount count : r.noticesByKind()) {
            kinds.add(new Bar(count.kind().name(), NOTICE_KIND.get(count.kind()), count.count(), 0, 0, "#5d6d7e"));
        }
        return new Page(r.unitName(), r.unitCode(), r.date().toString(), r.timeZone(), TIME.format(r.from()),
                TIME.format(r.to()), TIME.format(r.statusAt()), TIME.format(r.asOf()),
                r.statusAt().isEqual(r.to()), tiles, findings, chart(kinds), units(r.byUnit()),
                campaigns(r.campaigns()), campaignsNote(r.campaigns()), findings(r.mostSerious()));
    }

    private static Chart chart(List<Bar> bars) {
        int max = Math.max(1, bars.stream().mapToInt(Bar::value).max().orElse(0));
        List<Bar> placed = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            placed.add(new Bar(bar.key(), bar.label(), bar.value(), i * 14, scaled(bar.value(), max), bar.color()));
        }
        return new Chart(bars.size() * 14, placed);
    }

    /** A bar's length for {@code value} when {@code max} fills {@link #BAR}; a non-zero value is always visible. */
    private static int scaled(int value, int max) {
        if (value == 0 || max == 0) {
            return 0;
        }
        return Math.max(1, (int) Math.round((double) value * BAR / max));
    }

    /**
     * The byUnit rows that fit on the page: the unit's own work, then its children by code; beyond
     * {@link #UNIT_ROWS} rows the rest are added up in an "others" row, so that the rows still add up to the totals.
     */
    private static List<UnitRow> units(List<DailyUnit> units) {
        List<DailyUnit> shown = units.size() <= UNIT_ROWS ? units : units.subList(0, UNIT_ROWS - 1);
        List<DailyUnit> rest = units.size() <= UNIT_ROWS ? List.of() : units.subList(UNIT_ROWS - 1, units.size());
        int maxInspections = Math.max(1, units.stream().mapToInt(DailyUnit::inspections).max().orElse(0));
        int maxFindings = Math.max(1, units.stream().mapToInt(DailyUnit::newFindings).max().orElse(0));
        List<UnitRow> rows = new ArrayList<>();
        for (DailyUnit u : shown) {
            rows.add(new UnitRow(u.code(), u.withSubUnits() ? u.name() : u.name() + "（本级 own work）",
                    !u.withSubUnits(), false, u.inspections(), scaled(u.inspections(), maxInspections) * 6 / 10,
                    u.personVisits(), u.sitesVisited(), u.newFindings(), scaled(u.newFindings(), maxFindings) * 6 / 10,
                    u.rectifiedOnSite(), u.rectified(), u.overdue(), u.escalated(), u.openFindings(), u.notices()));
        }
        if (!rest.isEmpty()) {
            // Distinct sites cannot be added up across units: the others' row leaves them out.
            rows.add(new UnitRow("", "其他 " + rest.size() + " 个单位 " + rest.size() + " other units", false, true,
                    sum(rest, DailyUnit::inspections), 0, sum(rest, DailyUnit::personVisits), 0,
                    sum(rest, DailyUnit::newFindings), 0, sum(rest, DailyUnit::rectifiedOnSite),
                    sum(rest, DailyUnit::rectified), sum(rest, DailyUnit::overdue), sum(rest, DailyUnit::escalated),
                    sum(rest, DailyUnit::openFindings), sum(rest, DailyUnit::notices)));
        }
        return rows;
    }

    private static int sum(List<DailyUnit> units, java.util.function.ToIntFunction<DailyUnit> figure) {
        return units.stream().mapToInt(figure).sum();
    }

    private static List<CampaignRow> campaigns(List<DailyCampaign> campaigns) {
        List<CampaignRow> rows = new ArrayList<>();
        for (DailyCampaign c : campaigns.subList(0, Math.min(CAMPAIGN_ROWS, campaigns.size()))) {
            double coverage = c.coverage() == null ? 0 : c.coverage();
            rows.add(new CampaignRow(c.name(), c.targets(), c.targetsVisited(), c.targetsVisitedToday(),
                    c.coverage() == null ? "—" : String.format("%.1f%%", coverage * 100),
                    (int) Math.round(Math.min(1, coverage) * 200)));
        }
        return rows;
    }

    private static String campaignsNote(List<DailyCampaign> campaigns) {
        if (campaigns.isEmpty()) {
            return "本日无进行中的专项行动 No campaign was active on this day.";
        }
        if (campaigns.size() > CAMPAIGN_ROWS) {
            return "另有 " + (campaigns.size() - CAMPAIGN_ROWS) + " 项（见 JSON/CSV） " + (campaigns.size() - CAMPAIGN_ROWS)
                    + " more in the JSON and CSV.";
        }
        return null;
    }

    private static List<FindingRow> findings(List<DailyFinding> findings) {
        List<FindingRow> rows = new ArrayList<>();
        for (DailyFinding f : findings) {
            rows.add(new FindingRow(f.id().toString(), SEVERITY.get(f.severity()),
                    "sev-" + f.severity().name().toLowerCase(java.util.Locale.ROOT), f.unitName(), f.siteName(),
                    CATEGORY.get(f.category()), DAY.format(f.foundAt()), f.dueAt() == null ? "—" : DAY.format(f.dueAt()),
                    f.overdue(), f.daysOpen(), STATUS.get(f.status()), f.description()));
        }
        return rows;
    }
}
