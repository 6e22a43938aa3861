package ducha.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ducha.common.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** How a period is read and split into rollup buckets and edge rows. */
class ReportPeriodTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aDateIsMidnightOfTheZoneAndATimeKeepsItsOffset() {
        assertThat(ReportPeriod.bound("from", "2021-08-07", SHANGHAI)).isEqualTo("2021-08-06T16:00:00Z");
        assertThat(ReportPeriod.bound("from", "2021-08-07", ZoneId.of("UTC"))).isEqualTo("2021-08-07T00:00:00Z");
        assertThat(ReportPeriod.bound("from", "2021-08-07T23:30:00+08:00", ZoneId.of("UTC")))
                .isEqualTo("2021-08-07T15:30:00Z");
        assertThat(ReportPeriod.bound("from", " ", SHANGHAI)).isNull();
        assertThatThrownBy(() -> ReportPeriod.bound("to", "2021-08-07T10:00", SHANGHAI))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("to: must be a date");
        assertThatThrownBy(() -> ReportPeriod.bound("from", "2021-08-07".repeat(7), SHANGHAI))
                .isInstanceOf(InvalidInputException.class).hasMessage("from: must be at most 64 characters");
    }

    @Test
    void aPeriodOfADayIsCountedFromRows() {
        Instant from = Instant.parse("2021-08-06T16:00:00Z");
        Instant to = Instant.parse("2021-08-07T16:00:00Z");
        assertThat(ReportPeriod.of(from, to).parts()).isEqualTo(new ReportPeriod.Parts(List.of(),
                List.of(new ReportPeriod.Edge(from, to, 1))));
    }

    @Test
    void aBeijingMonthIsTheUtcMonthPlusAndLessEightHours() {
        Instant from = ReportPeriod.bound("from", "2026-08-01", SHANGHAI);
        Instant to = ReportPeriod.bound("to", "2026-09-01", SHANGHAI);
        assertThat(ReportPeriod.of(from, to).parts()).isEqualTo(new ReportPeriod.Parts(
                List.of(new ReportPeriod.Buckets("M", date("2026-08-01"), date("2026-09-01"), 1)),
                List.of(new ReportPeriod.Edge(from, Instant.parse("2026-08-01T00:00:00Z"), 1),
                        new ReportPeriod.Edge(to, Instant.parse("2026-09-01T00:00:00Z"), -1))));
    }

    @Test
    void aLongPeriodIsEdgesDaysMonthsAndYears() {
        Instant from = Instant.parse("2020-01-03T00:00:00Z");
        Instant to = Instant.parse("2022-11-30T00:00:00Z");
        assertThat(ReportPeriod.of(from, to).parts()).isEqualTo(new ReportPeriod.Parts(
                List.of(new ReportPeriod.Buckets("D", date("2020-01-01"), date("2020-01-03"), -1),
                        new ReportPeriod.Buckets("D", date("2022-11-30"), date("2022-12-01"), -1),
                        new ReportPeriod.Buckets("M", date("2022-12-01"), date("2023-01-01"), -1),
                        new ReportPeriod.Buckets("Y", date("2020-01-01"), date("2023-01-01"), 1)),
                List.of()));
        // A day in the middle of a month stays a day.
        assertThat(ReportPeriod.of(Instant.parse("2021-08-16T00:00:00Z"), Instant.parse("2021-08-18T00:00:00Z"))
                .parts().buckets()).containsExactly(new ReportPeriod.Buckets("D", date("2021-08-16"),
                date("2021-08-18"), 1));
        assertThat(ReportPeriod.of(null, null).parts().buckets())
                .containsExactly(new ReportPeriod.Buckets("A", ReportPeriod.ALL_TIME, date("0001-01-02"), 1));
    }

    /** Whatever the bounds, every instant of the period is counted once (signs added up), and none outside. */
    @Test
    void thePartsCoverThePeriodExactlyOnce() {
        Random random = new Random(20210809);
        Instant base = Instant.parse("2019-06-01T00:00:00Z");
        for (int i = 0; i < 3000; i++) {
            Instant from = random.nextInt(10) == 0 ? null : base.plusSeconds(random.nextInt(3 * 365 * 86400));
            Instant to = random.nextInt(10) == 0 ? null
                    : (from == null ? base : from).plusSeconds(1 + random.nextInt(random.nextBoolean() ? 5 * 86400
                            : 2 * 365 * 86400));
            ReportPeriod.Parts parts = ReportPeriod.of(from, to).parts();
            assertThat(parts.edges()).hasSizeLessThanOrEqualTo(2);
            if (parts.edges().size() == 2) {
                assertThat(parts.edges().get(0).to()).isBeforeOrEqualTo(parts.edges().get(1).from());
            }
            for (int probe = 0; probe < 50; probe++) {
                Instant at = base.minus(400, ChronoUnit.DAYS).plusSeconds(random.nextInt(6 * 365 * 86400));
                boolean inside = (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
                assertThat(covering(parts, at)).as("%s in [%s, %s): %s", at, from, to, parts).isEqualTo(inside ? 1 : 0);
            }
            // Near the bounds, where the edges are.
            for (Instant bound : new Instant[] {from, to}) {
                if (bound != null) {
                    for (long offset : new long[] {-1, 0, 1, -3600, 3600}) {
                        Instant at = bound.plusSeconds(offset);
                        boolean inside = (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
                        assertThat(covering(parts, at)).as("%s in [%s, %s)", at, from, to).isEqualTo(inside ? 1 : 0);
                    }
                }
            }
        }
    }

    private static int covering(ReportPeriod.Parts parts, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        int count = 0;
        for (ReportPeriod.Buckets buckets : parts.buckets()) {
            LocalDate bucket = switch (buckets.grain()) {
                case "D" -> day;
                case "M" -> day.withDayOfMonth(1);
                case "Y" -> day.withDayOfYear(1);
                default -> ReportPeriod.ALL_TIME;
            };
            if (!bucket.isBefore(buckets.from()) && bucket.isBefore(buckets.to())) {
                count += buckets.sign();
            }
        }
        for (ReportPeriod.Edge edge : parts.edges()) {
            if (!at.isBefore(edge.from()) && at.isBefore(edge.to())) {
                count += edge.sign();
            }
        }
        return count;
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }
}
