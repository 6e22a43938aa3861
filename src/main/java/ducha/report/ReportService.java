package ducha.report;

import ducha.common.AuditedEntity;
import ducha.common.Cursors;
import ducha.common.InvalidInputException;
import ducha.common.Page;
import ducha.common.PageRequest;
import ducha.finding.FindingCategory;
import ducha.finding.FindingStatus;
import ducha.finding.Severity;
import ducha.notice.NoticeKind;
import ducha.site.SiteType;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The report rules: what each figure counts (docs/reports.md), the period in the configured zone, and the SQL
 * aggregates that compute them. Every figure is counted by PostgreSQL; this class only names and divides them.
 */
@ApplicationScoped
public class ReportService {

    /** The first key of the overdue list, before any real one: (due_at, id) ascending. */
    private static final Cursors.TimeKey FIRST_KEY = new Cursors.TimeKey(Instant.parse("0001-01-01T00:00:00Z"),
            new UUID(0, 0));
    /** Rows fetched from the export's cursor at a time. */
    private static final int EXPORT_FETCH = 500;

    /** One consistent snapshot for every statement of a report, without the planner's detours for small queries. */
    private static final String READ_ONLY_SNAPSHOT = "set transaction isolation level repeatable read, read only; "
            + "set local jit = off; set local plan_cache_mode = force_custom_plan; set local work_mem = '32MB'";

    private final Pool pool;
    private final ReportSettings settings;

    public ReportService(Pool pool, ReportSettings settings) {
        this.pool = pool;
        this.settings = settings;
    }

    /** The summary of the filtered work; see {@link Summary} for what each figure counts. */
    public Uni<Summary> summary(SummaryFilter filter) {
        return Uni.createFrom().item(() -> resolve(filter)).chain(scope -> {
            Instant now = AuditedEntity.now();
            return readOnly(connection -> connection.preparedQuery(ReportSql.TOPS)
                    .execute(Tuple.of(scope.unitId()))
                    .chain(units -> summary(connection, scope, now, Tops.of(units, scope.unitId()))));
        });
    }

    private Uni<Summary> summary(SqlConnection connection, Scope scope, Instant now, Tops tops) {
        ReportPeriod.Parts parts = scope.period().parts();
        Tuple common = Tuple.tuple()
                .addArrayOfUUID(tops.topIds())
                .addUUID(tops.own() == null ? null : tops.own().id())
                .addString(scope.district())
                .addString(scope.siteType() == null ? null : scope.siteType().name())
                .addArrayOfString(parts.buckets().stream().map(ReportPeriod.Buckets::grain).toArray(String[]::new))
                .addArrayOfLocalDate(parts.buckets().stream().map(ReportPeriod.Buckets::from)
                        .toArray(LocalDate[]::new))
                .addArrayOfLocalDate(parts.buckets().stream().map(ReportPeriod.Buckets::to).toArray(LocalDate[]::new))
                .addArrayOfInteger(parts.buckets().stream().map(ReportPeriod.Buckets::sign)
                        .toArray(Integer[]::new));
        for (int edge = 0; edge < 2; edge++) {
            ReportPeriod.Edge part = edge < parts.edges().size() ? parts.edges().get(edge) : null;
            common.addOffsetDateTime(part == null ? null : utc(part.from()))
                    .addOffsetDateTime(part == null ? null : utc(part.to()))
                    .addInteger(part == null ? null : part.sign());
        }
        common.addArrayOfUUID(tops.totalIds());
        Tuple findings = copy(common).addOffsetDateTime(utc(scope.period().from()))
                .addOffsetDateTime(utc(scope.period().to())).addOffsetDateTime(utc(now));
        Tuple sites = Tuple.of(common.getValue(0), common.getValue(1), common.getValue(2), common.getValue(3));
        Tuple notices = copy(sites).addOffsetDateTime(utc(scope.period().from()))
                .addOffsetDateTime(utc(scope.period().to()));
        // Each site appears once per unit when one bucket of one unit's rows is read, and no edge rows are added.
        boolean distinctRows = parts.buckets().size() == 1 && parts.buckets().get(0).sign() == 1
                && parts.edges().isEmpty() && tops.totalIds().length == 1;
        // Several top-level units and no filter unit: add up their rows rather than read them twice. (One top-level
        // unit reads its own rows, which are per site already.)
        boolean totalsAreTops = tops.own() == null && tops.units().size() > 1;
        return Uni.combine().all().unis(
                        connection.preparedQuery(ReportSql.FINDINGS).execute(findings),
                        connection.preparedQuery(ReportSql.visits(distinctRows, totalsAreTops)).execute(common),
                        connection.preparedQuery(ReportSql.SITES).execute(sites),
                        connection.preparedQuery(ReportSql.MEDIAN).execute(common),
                        connection.preparedQuery(ReportSql.NOTICES).execute(notices),
                        connection.preparedQuery(ReportSql.PRESENCE).execute(Tuple.tuple()
                                .addArrayOfUUID(tops.totalIds()).addString(scope.district())
                                .addString(scope.siteType() == null ? null : scope.siteType().name())
                                .addOffsetDateTime(utc(scope.period().from()))
                                .addOffsetDateTime(utc(scope.period().to()))))
                .with((findingRows, visitRows, siteRows, medianRows, noticeRows, presenceRows) -> withPresence(
                        assemble(scope, now, tops, findingRows, visitRows, siteRows, medianRows, noticeRows),
                        presenceRows.iterator().next()));
    }

    /**
     * Counts per day or week of the zone over [from, to), without gaps. Without a period: the last 30 days, or the
     * last 12 weeks, up to the end of today.
     */
    public Uni<Trend> trend(SummaryFilter filter, TrendInterval interval) {
        return Uni.createFrom().item(() -> trendScope(filter, interval)).chain(scope -> {
            Instant now = AuditedEntity.now();
            ZoneId zone = settings.timeZone();
            Tuple args = Tuple.tuple().addUUID(scope.unitId()).addString(scope.district())
                    .addString(scope.siteType() == null ? null : scope.siteType().name())
                    .addOffsetDateTime(utc(scope.period().from())).addOffsetDateTime(utc(scope.period().to()))
                    .addString(interval.sqlUnit).addString(zone.getId()).addOffsetDateTime(utc(now));
            return readOnly(connection -> requireUnit(connection, scope.unitId())
                    .chain(() -> connection.preparedQuery(ReportSql.TREND).execute(args)))
                    .map(rows -> {
                        List<TrendPoint> points = new ArrayList<>();
                        for (Row row : rows) {
                            long findings = row.getLong("findings");
                            long rectified = row.getLong("rectified");
                            points.add(new TrendPoint(row.getLocalDate("start"), row.getLong("inspections"),
                                    row.getLong("person_visits"), row.getLong("sites"), findings, rectified,
                                    row.getLong("rectified_on_site"), findings - rectified, row.getLong("overdue"),
                                    row.getLong("escalated"), row.getLong("notices")));
                        }
                        return new Trend(interval, local(scope.period().from(), zone), local(scope.period().to(), zone),
                                zone.getId(), local(now, zone), scope.unitId(), scope.district(), scope.siteType(),
                                points);
                    });
        });
    }

    /** Unresolved findings past due now, oldest due first, with their unit and site; keyset-paginated. */
    public Uni<Page<OverdueFinding>> overdue(SummaryFilter filter, PageRequest page) {
        return Uni.createFrom().item(() -> resolve(filter)).chain(scope -> {
            Cursors.TimeKey after = page.cursor() == null ? FIRST_KEY : Cursors.timeKey(page.cursor());
            Instant now = AuditedEntity.now();
            ZoneId zone = settings.timeZone();
            Tuple args = Tuple.tuple().addUUID(scope.unitId()).addString(scope.district())
                    .addString(scope.siteType() == null ? null : scope.siteType().name())
                    .addOffsetDateTime(utc(scope.period().from())).addOffsetDateTime(utc(scope.period().to()))
                    .addOffsetDateTime(utc(now)).addOffsetDateTime(utc(after.at())).addUUID(after.id())
                    .addInteger(page.limit() + 1);
            return readOnly(connection -> requireUnit(connection, scope.unitId())
                    .chain(() -> connection.preparedQuery(ReportSql.OVERDUE).execute(args)))
                    .map(rows -> {
                        List<OverdueFinding> found = new ArrayList<>();
                        for (Row row : rows) {
                            Instant due = row.getOffsetDateTime("due_at").toInstant();
                            found.add(new OverdueFinding(row.getUUID("id"), row.getUUID("unit_id"),
                                    row.getString("unit_code"), row.getString("unit_name"), row.getUUID("site_id"),
                                    row.getString("site_code"), row.getString("site_name"),
                                    SiteType.valueOf(row.getString("site_type")), row.getString("district"),
                                    FindingCategory.valueOf(row.getString("category")),
                                    Severity.valueOf(row.getString("severity")), row.getString("description"),
                                    FindingStatus.valueOf(row.getString("status")),
                                    local(row.getOffsetDateTime("found_at").toInstant(), zone), local(due, zone),
                                    Duration.between(due, now).toDays()));
                        }
                        return Page.of(found, page.limit(),
                                item -> Cursors.ofTime(item.dueAt().toInstant(), item.id()));
                    });
        });
    }

    /**
     * The findings of the period by responsible party: one breakdown row per party (key = its name; null for those
     * handed to nobody yet), most findings first. Figures as byCategory's.
     */
    public Uni<List<Breakdown>> byResponsibleParty(SummaryFilter filter) {
        return Uni.createFrom().item(() -> resolve(filter)).chain(scope -> {
            Instant now = AuditedEntity.now();
            Tuple args = Tuple.tuple().addUUID(scope.unitId()).addString(scope.district())
                    .addString(scope.siteType() == null ? null : scope.siteType().name())
                    .addOffsetDateTime(utc(scope.period().from())).addOffsetDateTime(utc(scope.period().to()))
                    .addOffsetDateTime(utc(now));
            return readOnly(connection -> requireUnit(connection, scope.unitId())
                    .chain(() -> connection.preparedQuery(ReportSql.BY_RESPONSIBLE_PARTY).execute(args)))
                    .map(rows -> {
                        List<Breakdown> parties = new ArrayList<>();
                        for (Row row : rows) {
                            Figures figures = new Figures();
                            figures.findings = row.getLong("findings");
                            figures.rectified = row.getLong("rectified");
                            figures.rectifiedOnSite = row.getLong("rectified_on_site");
                            figures.overdue = row.getLong("overdue");
                            figures.escalated = row.getLong("escalated");
                            parties.add(figures.findingsOnly(row.getString("party")));
                        }
                        return parties;
                    });
        });
    }

    /**
     * The findings of an export, newest first, streamed from a database cursor (never all in memory). The filter is
     * checked before anything is sent: the returned Uni fails with a 400 problem, the stream does not.
     */
    public Uni<FindingExport> exportFindings(FindingExportFilter export) {
        return Uni.createFrom().item(() -> resolve(export.filter())).chain(scope -> {
            Instant now = AuditedEntity.now();
            Tuple args = Tuple.tuple().addUUID(scope.unitId()).addString(scope.district())
                    .addString(scope.siteType() == null ? null : scope.siteType().name())
                    .addOffsetDateTime(utc(scope.period().from())).addOffsetDateTime(utc(scope.period().to()))
                    .addOffsetDateTime(utc(now))
                    .addString(export.status() == null ? null : export.status().name())
                    .addString(export.category() == null ? null : export.category().name())
                    .addString(export.severity() == null ? null : export.severity().name())
                    .addBoolean(export.overdue());
            return readOnly(connection -> requireUnit(connection, scope.unitId()))
                    .map(checked -> new FindingExport(stream(args)));
        });
    }

    /** A checked export, ready to stream its rows. */
    public record FindingExport(Multi<ExportedFinding> rows) {
    }

    private Multi<ExportedFinding> stream(Tuple args) {
        ZoneId zone = settings.timeZone();
        return Multi.createFrom().resourceFromUni(
                        () -> pool.getConnection()
                                .call(connection -> connection.query("begin; " + READ_ONLY_SNAPSHOT).execute()),
                        connection -> connection.prepare(ReportSql.EXPORT).onItem()
                                .transformToMulti(statement -> statement.createStream(EXPORT_FETCH, args).toMulti()))
                .withFinalizer((SqlConnection connection) -> close(connection))
                .map(row -> new ExportedFinding(row.getUUID("id"),
                        local(row.getOffsetDateTime("found_at").toInstant(), zone),
                        row.getString("unit_code"), row.getString("unit_name"), row.getString("site_code"),
                        row.getString("site_name"), SiteType.valueOf(row.getString("site_type")),
                        row.getString("district"), row.getString("township"),
                        FindingCategory.valueOf(row.getString("category")), Severity.valueOf(row.getString("severity")),
                        FindingStatus.valueOf(row.getString("status")), row.getBoolean("rectified_on_site"),
                        local(instant(row.getOffsetDateTime("rectified_at")), zone),
                        local(instant(row.getOffsetDateTime("due_at")), zone), row.getBoolean("overdue"),
                        row.getString("description"), row.getString("rectification_note")));
    }

    /** Ends the export's read-only transaction and gives the connection back, however the stream ended. */
    private static Uni<Void> close(SqlConnection connection) {
        return connection.query("commit").execute().replaceWithVoid()
                .onFailure().recoverWithNull()
                .eventually(connection::close);
    }

    private static Uni<Void> requireUnit(SqlConnection connection, UUID unitId) {
        if (unitId == null) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(ReportSql.UNIT_EXISTS).execute(Tuple.of(unitId)).invoke(rows -> {
            if (!rows.iterator().next().getBoolean("found")) {
                throw new InvalidInputException("unitId", "names no unit");
            }
        }).replaceWithVoid();
    }

    /** A trend's period: the filter's, completed by the defaults, at most {@code maxBuckets} buckets long. */
    private Scope trendScope(SummaryFilter filter, TrendInterval interval) {
        Scope scope = resolve(filter);
        ZoneId zone = settings.timeZone();
        Instant from = scope.period().from();
        Instant to = scope.period().to();
        LocalDate today = LocalDate.now(zone);
        if (to == null) {
            LocalDate end = interval == TrendInterval.DAY ? today.plusDays(1)
                    : today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            to = from == null ? end.atStartOfDay(zone).toInstant()
                    : from.atZone(zone).plus(defaultLength(interval)).toInstant();
        }
        if (from == null) {
            from = to.atZone(zone).minus(defaultLength(interval)).toInstant();
        }
        LocalDate firstBucket = truncate(LocalDate.ofInstant(from, zone), interval);
        LocalDate lastBucket = truncate(LocalDate.ofInstant(to.minusNanos(1000), zone), interval);
        long buckets = (interval == TrendInterval.DAY ? ChronoUnit.DAYS : ChronoUnit.WEEKS)
                .between(firstBucket, lastBucket) + 1;
        if (buckets > interval.maxBuckets) {
            throw new InvalidInputException("to", "makes " + buckets + " buckets; a trend by "
                    + interval.name().toLowerCase() + " has at most " + interval.maxBuckets);
        }
        return new Scope(ReportPeriod.of(from, to), scope.unitId(), scope.district(), scope.siteType());
    }

    private static Period defaultLength(TrendInterval interval) {
        return interval == TrendInterval.DAY ? Period.ofDays(30) : Period.ofWeeks(12);
    }

    private static LocalDate truncate(LocalDate date, TrendInterval interval) {
        return interval == TrendInterval.DAY ? date : date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private Summary assemble(Scope scope, Instant now, Tops tops, RowSet<Row> findingRows, RowSet<Row> visitRows,
            RowSet<Row> siteRows, RowSet<Row> medianRows, RowSet<Row> noticeRows) {
        Figures total = new Figures();
        Map<String, Figures> byCategory = new HashMap<>();
        Map<String, Figures> bySiteType = new HashMap<>();
        Map<String, Figures> byDistrict = new HashMap<>();
        Map<UUID, Figures> byUnit = new HashMap<>();
        // Grouping bits: category 4, site type 2, district 1 (1 = not grouped by it).
        for (Row row : findingRows) {
            Figures figures = switch (row.getString("k") + row.getInteger("g")) {
                case "total7" -> total;
                case "total3" -> figuresOf(byCategory, row.getString("category"));
                case "total5" -> figuresOf(bySiteType, row.getString("site_type"));
                case "total6" -> figuresOf(byDistrict, row.getString("district"));
                default -> figuresOf(byUnit, row.getUUID("top"));
            };
            figures.findings = row.getLong("findings");
            figures.rectified = row.getLong("rectified");
            figures.rectifiedOnSite = row.getLong("rectified_on_site");
            figures.escalated = row.getLong("escalated");
            figures.overdue = row.getLong("overdue");
        }
        // Grouping bits: site type 2, district 1.
        for (Row row : visitRows) {
            String group = row.getString("k") + row.getInteger("g");
            Figures figures = switch (group) {
                case "total3" -> total;
                case "total1" -> figuresOf(bySiteType, row.getString("site_type"));
                case "total2" -> figuresOf(byDistrict, row.getString("district"));
                default -> figuresOf(byUnit, row.getUUID("top"));
            };
            figures.inspections = row.getLong("inspections");
            figures.personVisits = row.getLong("person_visits");
            figures.sitesInspected = row.getLong("sites");
            // A district row's area is the district itself: every active site of it counts.
            figures.sitesCovered = group.equals("total2") ? row.getLong("active_sites") : row.getLong("covered");
        }
        for (Row row : siteRows) {
            String group = row.getString("k") + row.getInteger("g");
            switch (group) {
                case "total3" -> total.sitesTotal = row.getLong("in_area");
                case "total1" -> {
                    long inArea = row.getLong("in_area");
                    if (inArea > 0) {
                        figuresOf(bySiteType, row.getString("site_type")).sitesTotal = inArea;
                    }
                }
                case "total2" -> {
                    Figures district = byDistrict.get(row.getString("district"));
                    if (district != null || row.getLong("in_area") > 0) {
                        figuresOf(byDistrict, row.getString("district")).sitesTotal = row.getLong("sites");
                    }
                }
                default -> figuresOf(byUnit, row.getUUID("top")).sitesTotal = row.getLong("in_area");
            }
        }
        Map<NoticeKind, Long> notices = new EnumMap<>(NoticeKind.class);
        for (NoticeKind kind : NoticeKind.values()) {
            notices.put(kind, 0L);
        }
        for (Row row : noticeRows) {
            notices.put(NoticeKind.valueOf(row.getString("kind")), row.getLong("notices"));
        }
        Double median = medianRows.iterator().next().getDouble("median");

        List<Breakdown> categories = new ArrayList<>();
        for (FindingCategory category : FindingCategory.values()) {
            Figures figures = byCategory.getOrDefault(category.name(), new Figures());
            categories.add(figures.findingsOnly(category.name()));
        }
        List<Breakdown> siteTypes = new ArrayList<>();
        for (SiteType type : SiteType.values()) {
            Figures figures = bySiteType.get(type.name());
            if (figures != null) {
                siteTypes.add(figures.breakdown(type.name(), null, null, null, true));
            }
        }
        List<Breakdown> districts = new ArrayList<>();
        TreeSet<String> districtNames = new TreeSet<>(Comparator.nullsLast(Comparator.naturalOrder()));
        districtNames.addAll(byDistrict.keySet());
        for (String district : districtNames) {
            districts.add(byDistrict.get(district).breakdown(district, district, null, null, true));
        }
        List<Breakdown> units = new ArrayList<>();
        if (tops.own() != null) {
            Unit own = tops.own();
            units.add(byUnit.getOrDefault(own.id(), new Figures()).breakdown(own.code(), own.name(), own.id(), false,
                    false));
        }
        for (Unit unit : tops.units()) {
            units.add(byUnit.getOrDefault(unit.id(), new Figures()).breakdown(unit.code(), unit.name(), unit.id(), true,
                    true));
        }
        ZoneId zone = settings.timeZone();
        return new Summary(local(scope.period().from(), zone), local(scope.period().to(), zone), zone.getId(),
                local(now, zone), scope.unitId(), scope.district(), scope.siteType(), total.inspections,
                total.personVisits, total.sitesInspected, total.sitesTotal,
                ratio(total.sitesCovered, total.sitesTotal), total.findings, total.rectified, total.rectifiedOnSite,
                total.open(), total.overdue, total.escalated, ratio(total.rectified, total.findings), median, notices,
                categories, siteTypes, districts, units, 0, 0, null);
    }

    /** The summary with its check-in figures (docs/evidence.md). */
    private static Summary withPresence(Summary s, Row presence) {
        long verified = presence.getLong("verified");
        return new Summary(s.from(), s.to(), s.timeZone(), s.asOf(), s.unitId(), s.district(), s.siteType(),
                s.inspections(), s.personVisits(), s.sitesInspected(), s.sitesTotal(), s.coverage(), s.findings(),
                s.rectified(), s.rectifiedOnSite(), s.open(), s.overdue(), s.escalated(), s.rectificationRate(),
                s.medianDaysToRectify(), s.noticesByKind(), s.byCategory(), s.bySiteType(), s.byDistrict(),
                s.byUnit(), verified, presence.getLong("far"), ratio(verified, s.inspections()));
    }

    /** Reads a filter's period in the report zone (the rest of the filter was checked as it was made). */
    Scope resolve(SummaryFilter filter) {
        ZoneId zone = settings.timeZone();
        List<InvalidInputException> problems = new ArrayList<>();
        Instant from = collect(problems, () -> ReportPeriod.bound("from", filter.from(), zone));
        Instant to = collect(problems, () -> ReportPeriod.bound("to", filter.to(), zone));
        if (!problems.isEmpty()) {
            throw merge(problems);
        }
        return new Scope(ReportPeriod.of(from, to), filter.unitId(), filter.district(), filter.siteType());
    }

    /** Runs {@code work} in one read-only transaction: all its statements see the same committed state. */
    <T> Uni<T> readOnly(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(connection -> connection.query(READ_ONLY_SNAPSHOT).execute()
                .chain(() -> work.apply(connection)));
    }

    /** A checked filter: the period and what the report is restricted to. */
    record Scope(ReportPeriod period, UUID unitId, String district, SiteType siteType) {
    }

    record Unit(UUID id, String code, String name) {
    }

    /**
     * The units a summary reads: the byUnit rows (the filter unit's children, or the top-level units), the filter
     * unit itself (its own work), and those whose rollups hold the totals (the filter unit, or the top-level units).
     */
    record Tops(List<Unit> units, Unit own) {

        static Tops of(RowSet<Row> rows, UUID unitId) {
            List<Unit> units = new ArrayList<>();
            Unit own = null;
            for (Row row : rows) {
                Unit unit = new Unit(row.getUUID("id"), row.getString("code"), row.getString("name"));
                if (unit.id().equals(unitId)) {
                    own = unit;
                } else {
                    units.add(unit);
                }
            }
            if (unitId != null && own == null) {
                throw new InvalidInputException("unitId", "names no unit");
            }
            return new Tops(units, own);
        }

        UUID[] topIds() {
            return units.stream().map(Unit::id).toArray(UUID[]::new);
        }

        UUID[] totalIds() {
            return own != null ? new UUID[] {own.id()} : topIds();
        }
    }

    /** Figures of one row as PostgreSQL counted them. */
    private static final class Figures {
        long inspections;
        long personVisits;
        long sitesInspected;
        long sitesCovered;
        long sitesTotal;
        long findings;
        long rectified;
        long rectifiedOnSite;
        long escalated;
        long overdue;

        long open() {
            return findings - rectified;
        }

        Breakdown findingsOnly(String key) {
            return new Breakdown(key, null, null, null, null, null, null, null, null, findings, rectified,
                    rectifiedOnSite, open(), overdue, escalated, ratio(rectified, findings));
        }

        Breakdown breakdown(String key, String name, UUID unitId, Boolean withSubUnits, boolean hasArea) {
            return new Breakdown(key, name, unitId, withSubUnits, inspections, personVisits, sitesInspected,
                    hasArea ? sitesTotal : null, hasArea ? ratio(sitesCovered, sitesTotal) : null, findings, rectified,
                    rectifiedOnSite, open(), overdue, escalated, ratio(rectified, findings));
        }
    }

    private static <K> Figures figuresOf(Map<K, Figures> map, K key) {
        return map.computeIfAbsent(key, k -> new Figures());
    }

    /** {@code part ÷ whole} rounded to 4 places; null when there is no whole. */
    static Double ratio(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP).doubleValue();
    }

    private static Tuple copy(Tuple tuple) {
        Tuple copy = Tuple.tuple();
        for (int i = 0; i < tuple.size(); i++) {
            copy.addValue(tuple.getValue(i));
        }
        return copy;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static OffsetDateTime local(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    private static <T> T collect(List<InvalidInputException> problems, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            problems.add(e);
            return null;
        }
    }

    private static InvalidInputException merge(List<InvalidInputException> problems) {
        return problems.size() == 1 ? problems.get(0)
                : new InvalidInputException(problems.stream().flatMap(p -> p.errors().stream()).toList());
    }
}
