package ducha.report;

import ducha.common.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A report period {@code [from, to)}; either end may be open (null). It reads its bounds as dates in the report
 * zone or as instants, and splits itself into what the rollups hold (whole UTC days, months, years, or all time)
 * and the partial days at its edges, which are counted from the rows themselves. A part may count negatively: a
 * Beijing month is cheapest as the UTC month, plus the 8 hours before it, less the 8 hours at its end.
 */
record ReportPeriod(Instant from, Instant to) {

    /** The bucket of the all-time rows (grain A). */
    static final LocalDate ALL_TIME = LocalDate.of(1, 1, 1);
    private static final LocalDate FIRST = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST = LocalDate.of(9999, 12, 31);
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");
    /** Longer than any date or time with offset a client writes; the same cap for REST and GraphQL. */
    private static final int MAX_BOUND_LENGTH = 64;

    /** Rollup rows of one grain whose bucket lies in {@code [from, to)}, counted {@code sign} (+1 or -1) times. */
    record Buckets(String grain, LocalDate from, LocalDate to, int sign) {
    }

    /** Rows counted one by one: those in {@code [from, to)}, counted {@code sign} (+1 or -1) times. */
    record Edge(Instant from, Instant to, int sign) {
    }

    /** At most two edges: the one at the start of the period first. */
    record Parts(List<Buckets> buckets, List<Edge> edges) {
    }

    /** The rollup grains, finest first. */
    private enum Grain {
        DAY("D", ChronoUnit.DAYS), MONTH("M", ChronoUnit.MONTHS), YEAR("Y", ChronoUnit.YEARS);

        final String code;
        final ChronoUnit unit;

        Grain(String code, ChronoUnit unit) {
            this.code = code;
            this.unit = unit;
        }

        Grain coarser() {
            return this == DAY ? MONTH : this == MONTH ? YEAR : null;
        }

        LocalDate floor(LocalDate date) {
            return switch (this) {
                case DAY -> date;
                case MONTH -> date.withDayOfMonth(1);
                case YEAR -> date.withDayOfYear(1);
            };
        }

        LocalDate ceil(LocalDate date) {
            LocalDate floor = floor(date);
            return floor.equals(date) ? date : floor.plus(1, unit);
        }
    }

    /**
     * A bound as a client writes it: a date ({@code 2021-08-07}, its midnight in {@code zone}) or an ISO-8601 time
     * with offset ({@code 2021-08-07T09:00:00+08:00}). The one check of a bound, whichever door it came through.
     */
    static Instant bound(String name, String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_BOUND_LENGTH) {
            throw new InvalidInputException(name, "must be at most " + MAX_BOUND_LENGTH + " characters");
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

    /**
     * Rollup buckets and edges whose signed counts add up to the period exactly: every instant inside is counted
     * once, every instant outside zero times. At each end, the shorter of the two ways to a whole bucket is taken:
     * adding the rest of a bucket, or taking off its first part.
     */
    Parts parts() {
        List<Buckets> buckets = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        if (from == null && to == null) {
            buckets.add(new Buckets("A", ALL_TIME, ALL_TIME.plusDays(1), 1));
            return new Parts(buckets, edges);
        }
        if (from != null && to != null && Duration.between(from, to).compareTo(Duration.ofDays(1)) <= 0) {
            edges.add(new Edge(from, to, 1));
            return new Parts(buckets, edges);
        }
        LocalDate firstDay = null;
        if (from != null) {
            LocalDate down = LocalDate.ofInstant(from, ZoneOffset.UTC);
            LocalDate up = start(down).equals(from) ? down : down.plusDays(1);
            if (up.equals(down)) {
                firstDay = down;
            } else if (Duration.between(from, start(up)).compareTo(Duration.between(start(down), from)) <= 0) {
                edges.add(new Edge(from, start(up), 1));
                firstDay = up;
            } else {
                edges.add(new Edge(start(down), from, -1));
                firstDay = down;
            }
        }
        LocalDate endDay = null;
        if (to != null) {
            LocalDate down = LocalDate.ofInstant(to, ZoneOffset.UTC);
            LocalDate up = start(down).equals(to) ? down : down.plusDays(1);
            if (up.equals(down)) {
                endDay = down;
            } else if (Duration.between(start(down), to).compareTo(Duration.between(to, start(up))) <= 0) {
                edges.add(new Edge(start(down), to, 1));
                endDay = down;
            } else {
                edges.add(new Edge(to, start(up), -1));
                endDay = up;
            }
        }
        split(Grain.DAY, firstDay, endDay, buckets);
        return new Parts(buckets, edges);
    }

    /** Whole buckets {@code [first, end)} of a grain (null = open), in that grain and the coarser ones. */
    private static void split(Grain grain, LocalDate first, LocalDate end, List<Buckets> buckets) {
        if (first != null && end != null && !first.isBefore(end)) {
            return;
        }
        Grain coarser = grain.coarser();
        if (coarser == null) {
            buckets.add(new Buckets(grain.code, first == null ? FIRST : first, end == null ? LAST : end, 1));
            return;
        }
        List<Buckets> ends = new ArrayList<>();
        LocalDate coarseFirst = null;
        if (first != null) {
            LocalDate down = coarser.floor(first);
            LocalDate up = coarser.ceil(first);
            if (down.equals(up)) {
                coarseFirst = first;
            } else if (grain.unit.between(first, up) <= grain.unit.between(down, first)) {
                ends.add(new Buckets(grain.code, first, up, 1));
                coarseFirst = up;
            } else {
                ends.add(new Buckets(grain.code, down, first, -1));
                coarseFirst = down;
            }
        }
        LocalDate coarseEnd = null;
        if (end != null) {
            LocalDate down = coarser.floor(end);
            LocalDate up = coarser.ceil(end);
            if (down.equals(up)) {
                coarseEnd = end;
            } else if (grain.unit.between(down, end) <= grain.unit.between(end, up)) {
                ends.add(new Buckets(grain.code, down, end, 1));
                coarseEnd = down;
            } else {
                ends.add(new Buckets(grain.code, end, up, -1));
                coarseEnd = up;
            }
        }
        long here = first == null || end == null ? Long.MAX_VALUE : grain.unit.between(first, end);
        long atEnds = ends.stream().mapToLong(part -> grain.unit.between(part.from(), part.to())).sum();
        if (coarseFirst != null && coarseEnd != null && !coarseFirst.isBefore(coarseEnd) || here <= atEnds + 1) {
            // No whole coarser bucket, or not worth one: this grain alone.
            buckets.add(new Buckets(grain.code, first, end, 1));
            return;
        }
        buckets.addAll(ends);
        split(coarser, coarseFirst, coarseEnd, buckets);
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
