package ducha.report;

import ducha.common.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * A report period {@code [from, to)}; either end may be open (null). It reads its bounds as dates in the report
 * zone or as instants, and splits itself into what the rollups hold (whole UTC days, months, years, or all time)
 * and the partial days at its edges, which are counted from the rows themselves.
 */
record ReportPeriod(Instant from, Instant to) {

    /** The bucket of the all-time rows (grain A). */
    static final LocalDate ALL_TIME = LocalDate.of(1, 1, 1);
    private static final LocalDate FIRST = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST = LocalDate.of(9999, 12, 31);
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

    /** Rollup rows of one grain whose bucket lies in {@code [from, to)}. */
    record Buckets(String grain, LocalDate from, LocalDate to) {
    }

    /** Rows counted one by one: those in {@code [from, to)}. */
    record Edge(Instant from, Instant to) {
    }

    record Parts(List<Buckets> buckets, List<Edge> edges) {
    }

    /**
     * A bound as a client writes it: a date ({@code 2021-08-07}, its midnight in {@code zone}) or an ISO-8601 time
     * with offset ({@code 2021-08-07T09:00:00+08:00}).
     */
    static Instant bound(String name, String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        Instant bound;
        try {
            bound = value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(zone).toInstant()
                    // A '+' of an offset that was not percent-encoded arrives as a space.
                    : OffsetDateTime.parse(value.replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "must be a date (YYYY-MM-DD, read in " + zone
                    + ") or an ISO-8601 time with offset, e.g. 2021-08-07T09:00:00+08:00");
        }
        if (bound.isBefore(EARLIEST) || !bound.isBefore(LATEST)) {
            throw new InvalidInputException(name, "must lie in the years 1900 to 9998");
        }
        return bound;
    }

    static ReportPeriod of(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInputException("to", "must be after from (the period is [from, to))");
        }
        return new ReportPeriod(from, to);
    }

    /** The rollup buckets and the edges that together cover the period exactly once. */
    Parts parts() {
        List<Buckets> buckets = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        if (from == null && to == null) {
            buckets.add(new Buckets("A", ALL_TIME, ALL_TIME.plusDays(1)));
            return new Parts(buckets, edges);
        }
        LocalDate firstDay = from == null ? null : ceilDay(from);
        LocalDate endDay = to == null ? null : floorDay(to);
        if (firstDay != null && endDay != null && !firstDay.isBefore(endDay)) {
            edges.add(new Edge(from, to));
            return new Parts(buckets, edges);
        }
        if (from != null && from.isBefore(start(firstDay))) {
            edges.add(new Edge(from, start(firstDay)));
        }
        if (to != null && start(endDay).isBefore(to)) {
            edges.add(new Edge(start(endDay), to));
        }
        splitDays(firstDay, endDay, buckets);
        return new Parts(buckets, edges);
    }

    /** Whole UTC days {@code [first, end)} (null = open) as days, months and years. */
    private static void splitDays(LocalDate first, LocalDate end, List<Buckets> buckets) {
        LocalDate firstMonth = first == null ? null : ceil(first, first.withDayOfMonth(1), first.withDayOfMonth(1).plusMonths(1));
        LocalDate endMonth = end == null ? null : end.withDayOfMonth(1);
        if (firstMonth != null && endMonth != null && !firstMonth.isBefore(endMonth)) {
            buckets.add(new Buckets("D", first, end));
            return;
        }
        if (first != null && first.isBefore(firstMonth)) {
            buckets.add(new Buckets("D", first, firstMonth));
        }
        if (end != null && endMonth.isBefore(end)) {
            buckets.add(new Buckets("D", endMonth, end));
        }
        LocalDate firstYear = firstMonth == null ? null
                : ceil(firstMonth, firstMonth.with(TemporalAdjusters.firstDayOfYear()),
                        firstMonth.with(TemporalAdjusters.firstDayOfNextYear()));
        LocalDate endYear = endMonth == null ? null : endMonth.with(TemporalAdjusters.firstDayOfYear());
        if (firstYear != null && endYear != null && !firstYear.isBefore(endYear)) {
            buckets.add(new Buckets("M", firstMonth, endMonth));
            return;
        }
        if (firstMonth != null && firstMonth.isBefore(firstYear)) {
            buckets.add(new Buckets("M", firstMonth, firstYear));
        }
        if (endMonth != null && endYear.isBefore(endMonth)) {
            buckets.add(new Buckets("M", endYear, endMonth));
        }
        buckets.add(new Buckets("Y", firstYear == null ? FIRST : firstYear, endYear == null ? LAST : endYear));
    }

    private static LocalDate ceil(LocalDate date, LocalDate floor, LocalDate next) {
        return date.equals(floor) ? floor : next;
    }

    private static LocalDate ceilDay(Instant instant) {
        LocalDate day = floorDay(instant);
        return start(day).equals(instant) ? day : day.plusDays(1);
    }

    private static LocalDate floorDay(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
