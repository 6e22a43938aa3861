package ducha.report;

/** The bucket of a trend: a day, or a week from Monday, in the report time zone. */
public enum TrendInterval {
    DAY("day", 366),
    WEEK("week", 260);

    /** The unit of PostgreSQL's date_trunc and interval. */
    final String sqlUnit;
    /** Most buckets one trend answers (a year of days, five years of weeks). */
    final int maxBuckets;

    TrendInterval(String sqlUnit, int maxBuckets) {
        this.sqlUnit = sqlUnit;
        this.maxBuckets = maxBuckets;
    }
}
