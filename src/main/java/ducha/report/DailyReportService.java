package ducha.report;

import ducha.common.AuditedEntity;
import ducha.common.InvalidInputException;
import ducha.finding.FindingCategory;
import ducha.finding.FindingStatus;
import ducha.finding.Severity;
import ducha.notice.NoticeKind;
import ducha.site.SiteType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The daily report (督查日报): the rules of what each figure counts (docs/reports.md#daily-report), the day in the
 * report zone, and one read-only snapshot for all its statements, so that its figures are of one moment.
 */
@ApplicationScoped
public class DailyReportService {

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private final ReportService reports;
    private final ReportSettings settings;

    public DailyReportService(ReportService reports, ReportSettings settings) {
        this.reports = reports;
        this.settings = settings;
    }

    /** The report of {@code unitId} with its sub-units for {@code date} (YYYY-MM-DD in the report zone). */
    public Uni<DailyReport> daily(UUID unitId, String date) {
        ZoneId zone = settings.timeZone();
        return Uni.createFrom().item(() -> day(unitId, date, zone)).chain(day -> {
            Instant now = AuditedEntity.now();
            Instant from = day.atStartOfDay(zone).toInstant();
            Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
            // While the day is not over, "at the end of the day" can only mean "now": the report does not guess.
            Instant statusAt = now.isBefore(to) ? now : to;
            Tuple day3 = Tuple.of(unitId, ReportService.utc(from), ReportService.utc(to));
            Tuple args = Tuple.of(unitId, ReportService.utc(from), ReportService.utc(to),
                    ReportService.utc(statusAt));
            Tuple serious = Tuple.of(unitId, ReportService.utc(statusAt), DailyReportSql.MOST_SERIOUS);
            return reports.readOnly(connection -> connection.preparedQuery(DailyReportSql.UNITS)
                    .execute(Tuple.of(unitId))
                    .chain(units -> {
                        if (units.size() == 0) {
                            throw new InvalidInputException("unitId", "names no unit");
                        }
                        return Uni.combine().all().unis(
                                        connection.preparedQuery(DailyReportSql.VISITS).execute(day3),
                                        connection.preparedQuery(DailyReportSql.FINDINGS).execute(args),
                                        connection.preparedQuery(DailyReportSql.NOTICES).execute(day3),
                                        connection.preparedQuery(DailyReportSql.MOST_SERIOUS_OPEN).execute(serious),
                                        connection.preparedQuery(DailyReportSql.CAMPAIGNS).execute(args))
                                .with((visits, findings, notices, open, campaigns) -> assemble(day, zone, now, from,
                                        to, statusAt, unitId, units, visits, findings, notices, open, campaigns));
                    }));
        });
    }

    /** Checks the parameters: a unit, and a day of the report zone from 1900 up to today. */
    private static LocalDate day(UUID unitId, String date, ZoneId zone) {
        List<InvalidInputException> problems = new ArrayList<>();
        if (unitId == null) {
            problems.add(new InvalidInputException("unitId", "is required"));
        }
        LocalDate day = null;
        if (date == null || date.isBlank()) {
            problems.add(new InvalidInputException("date", "is required (YYYY-MM-DD, a day in " + zone + ")"));
        } else {
            try {
                day = LocalDate.parse(date.strip());
                if (day.isBefore(EARLIEST)) {
                    problems.add(new InvalidInputException("date", "must not be before 1900-01-01"));
                } else if (day.isAfter(LocalDate.now(zone))) {
                    problems.add(new InvalidInputException("date", "must not be after today (" + LocalDate.now(zone)
                            + " in " + zone + ")"));
                }
            } catch (DateTimeParseException e) {
                problems.add(new InvalidInputException("date", "must be a date YYYY-MM-DD (a day in " + zone + ")"));
            }
        }
        if (problems.size() == 1) {
            throw problems.get(0);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream().flatMap(p -> p.errors().stream()).toList());
        }
        return day;
    }

    /** One byUnit row's counts, or the totals (key null). */
    private static final class Counts {
        int inspections;
        int personVisits;
        int sitesVisited;
        int newFindings;
        int rectifiedOnSite;
        int rectified;
        int overdue;
        int escalated;
        int openFindings;
        final Map<NoticeKind, Integer> notices = new EnumMap<>(NoticeKind.class);

        int noticeTotal() {
            return notices.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private DailyReport assemble(LocalDate day, ZoneId zone, Instant now, Instant from, Instant to, Instant statusAt,
            UUID unitId, RowSet<Row> units, RowSet<Row> visits, RowSet<Row> findings, RowSet<Row> notices,
            RowSet<Row> open, RowSet<Row> campaignRows) {
        Counts total = new Counts();
        Map<UUID, Counts> byTop = new HashMap<>();
        for (Row row : visits) {
            Counts counts = row.getInteger("g") == 1 ? total : byTop.computeIfAbsent(row.getUUID("top"), k -> new Counts());
            counts.inspections = row.getLong("inspections").intValue();
            counts.personVisits = row.getLong("person_visits").intValue();
            counts.sitesVisited = row.getLong("sites").intValue();
        }
        for (Row row : findings) {
            Counts counts = row.getInteger("g") == 1 ? total : byTop.computeIfAbsent(row.getUUID("top"), k -> new Counts());
            counts.newFindings = row.getLong("found").intValue();
            counts.rectifiedOnSite = row.getLong("on_site").intValue();
            counts.rectified = row.getLong("rectified").intValue();
            counts.overdue = row.getLong("overdue").intValue();
            counts.openFindings = row.getLong("open").intValue();
            counts.escalated = row.getLong("escalated").intValue();
        }
        for (Row row : notices) {
            NoticeKind kind = NoticeKind.valueOf(row.getString("kind"));
            int count = row.getLong("notices").intValue();
            byTop.computeIfAbsent(row.getUUID("top"), k -> new Counts()).notices.merge(kind, count, Integer::sum);
            total.notices.merge(kind, count, Integer::sum);
        }
        String unitCode = null;
        String unitName = null;
        List<DailyUnit> byUnit = new ArrayList<>();
        for (Row row : units) {
            UUID id = row.getUUID("id");
            boolean own = row.getBoolean("own");
            if (own) {
                unitCode = row.getString("code");
                unitName = row.getString("name");
            }
            Counts c = byTop.getOrDefault(id, new Counts());
            byUnit.add(new DailyUnit(id, row.getString("code"), row.getString("name"), !own, c.inspections,
                    c.personVisits, c.sitesVisited, c.newFindings, c.rectifiedOnSite, c.rectified, c.overdue,
                    c.escalated, c.openFindings, c.noticeTotal()));
        }
        List<NoticeCount> noticesByKind = new ArrayList<>();
        for (NoticeKind kind : NoticeKind.values()) {
            noticesByKind.add(new NoticeCount(kind, total.notices.getOrDefault(kind, 0)));
        }
        List<DailyFinding> mostSerious = new ArrayList<>();
        for (Row row : open) {
            Instant found = row.getOffsetDateTime("found_at").toInstant();
            Instant due = row.getOffsetDateTime("due_at") == null ? null : row.getOffsetDateTime("due_at").toInstant();
            mostSerious.add(new DailyFinding(row.getUUID("id"), row.getUUID("unit_id"), row.getString("unit_code"),
                    row.getString("unit_name"), row.getUUID("site_id"), row.getString("site_code"),
                    row.getString("site_name"), SiteType.valueOf(row.getString("site_type")),
                    row.getString("district"), FindingCategory.valueOf(row.getString("category")),
                    Severity.valueOf(row.getString("severity")), FindingStatus.valueOf(row.getString("status")),
                    row.getString("description"), ReportService.local(found, zone), ReportService.local(due, zone),
                    due != null && due.isBefore(statusAt), (int) Duration.between(found, statusAt).toDays()));
        }
        List<DailyCampaign> campaigns = new ArrayList<>();
        for (Row row : campaignRows) {
            long targets = row.getLong("targets");
            long visited = row.getLong("visited");
            campaigns.add(new DailyCampaign(row.getUUID("id"), row.getString("name"), (int) targets, (int) visited,
                    row.getLong("visited_today").intValue(), ReportService.ratio(visited, targets)));
        }
        return new DailyReport(day, zone.getId(), ReportService.local(from, zone), ReportService.local(to, zone),
                ReportService.local(now, zone), ReportService.local(statusAt, zone), unitId, unitCode, unitName,
                total.inspections, total.personVisits, total.sitesVisited, total.newFindings, total.rectifiedOnSite,
                total.rectified, total.overdue, total.escalated, total.openFindings, total.noticeTotal(),
                noticesByKind, byUnit, campaigns, mostSerious);
    }
}
