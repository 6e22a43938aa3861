package ducha.campaign;

import ducha.common.Cursors;
import ducha.common.InvalidInputException;
import ducha.common.Page;
import ducha.common.PageRequest;
import ducha.common.SqlFilter;
import ducha.report.ReportSettings;
import ducha.site.SiteType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Coverage of a campaign, read from the campaign rollups of V15 (per target, per taking-part unit and per day; kept
 * exact by the writing transactions, including a site retired or revived), so the answer is exact whatever is written
 * meanwhile and after a site is added, retired or re-typed, and costs one row per target whatever the number of
 * visits and findings. One statement per answer, so its figures come from one snapshot and agree with each other.
 */
@ApplicationScoped
public class CampaignCoverageService {

    /**
     * One row per part of the answer: the totals (T), each unit of byUnit (U), each day of byDay (D). $1 campaign,
     * $2 the report zone (the zone of campaign_activity's days: CampaignActivityZone keeps them the same).
     */
    private static final String COVERAGE = """
            with c as materialized (
                select id, unit_id, starts_at, ends_at from campaign where id = $1
            ), s as materialized (
                select active, inspections, findings, resolved, first_day from campaign_site_activity
                where campaign_id = $1
            ), days as (
                select d::date as day from c, generate_series((c.starts_at at time zone $2)::date,
                    ((c.ends_at - interval '1 microsecond') at time zone $2)::date, interval '1 day') d
            ), tops as (
                select c.unit_id as top, 0 as below from c
                union all
                select ch.id, 1 from c join unit ch on ch.parent_id = c.unit_id
            )
            select 'T' as kind, null::uuid as unit_id, null::date as day, null::text as code, null::text as name,
                   count(*) filter (where active) as a, count(*) filter (where active and inspections > 0) as b,
                   coalesce(sum(inspections) filter (where active), 0) as c,
                   coalesce(sum(findings) filter (where active), 0) as d,
                   coalesce(sum(resolved) filter (where active), 0) as e, count(*) filter (where not active) as g
            from s
            union all
            select 'U', u.id, null, u.code, u.name, coalesce(x.visited, 0), coalesce(x.inspections, 0),
                   coalesce(x.findings, 0), coalesce(x.resolved, 0), tops.below, 0
            from tops join unit u on u.id = tops.top
            left join campaign_top_activity x on x.campaign_id = $1 and x.top_id = tops.top
            union all
            select 'D', null, days.day, null, null, coalesce(x.inspections, 0), coalesce(x.visited, 0),
                   coalesce(fv.n, 0), coalesce(x.findings, 0), coalesce(x.resolved, 0), 0
            from days
            left join campaign_day_activity x on x.campaign_id = $1 and x.day = days.day
            left join (select first_day, count(*) as n from s where active and inspections > 0 group by first_day) fv
                on fv.first_day = days.day
            """;

    private static final String TARGETS = """
            select s.id, s.code, s.name, s.type, s.district, s.township, s.active, ct.added_how, ct.rule_site_type,
                   ct.rule_district, ct.added_at, ct.added_by, fv.first
            from campaign c join campaign_target ct on ct.campaign_id = c.id join site s on s.id = ct.site_id
            cross join lateral (select min(i.started_at) as first from inspection i
                where i.site_id = ct.site_id and i.started_at >= c.starts_at and i.started_at < c.ends_at
                  and exists (select 1 from unit_closure u where u.ancestor_id = c.unit_id and u.unit_id = i.unit_id)) fv
            where c.id = $1 and %s
            order by ct.added_at desc, s.code
            limit $2""";

    private final CampaignService campaigns;
    private final ReportSettings settings;
    private final Pool pool;

    public CampaignCoverageService(CampaignService campaigns, ReportSettings settings, Pool pool) {
        this.campaigns = campaigns;
        this.settings = settings;
        this.pool = pool;
    }

    public Uni<CampaignCoverage> coverage(UUID campaignId) {
        return campaigns.get(campaignId).chain(campaign -> coverage(campaign));
    }

    /** The coverage of a campaign already read (GraphQL's Campaign.coverage). */
    public Uni<CampaignCoverage> coverage(CampaignView campaign) {
        String zone = settings.timeZone().getId();
        return pool.preparedQuery(COVERAGE).execute(Tuple.of(campaign.id(), zone)).map(rows -> {
            long targets = 0, visited = 0, inspections = 0, findings = 0, resolved = 0, retired = 0;
            List<CampaignCoverage.Unit> units = new ArrayList<>();
            List<CampaignCoverage.Day> days = new ArrayList<>();
            for (Row row : rows) {
                switch (row.getString("kind")) {
                    case "T" -> {
                        targets = row.getLong("a");
                        visited = row.getLong("b");
                        inspections = row.getLong("c");
                        findings = row.getLong("d");
                        resolved = row.getLong("e");
                        retired = row.getLong("g");
                    }
                    case "U" -> units.add(new CampaignCoverage.Unit(row.getUUID("unit_id"), row.getString("code"),
                            row.getString("name"), row.getLong("e") == 1, row.getLong("a"), row.getLong("b"),
                            row.getLong("c"), row.getLong("d"), row.getLong("c") - row.getLong("d")));
                    default -> days.add(new CampaignCoverage.Day(row.getLocalDate("day"), row.getLong("a"),
                            row.getLong("b"), row.getLong("c"), 0, row.getLong("d"), row.getLong("e"),
                            row.getLong("d") - row.getLong("e")));
                }
            }
            // The owning unit's own work first, then its children by code.
            units.sort(Comparator.comparing(CampaignCoverage.Unit::withSubUnits).thenComparing(CampaignCoverage.Unit::code));
            days.sort(Comparator.comparing(CampaignCoverage.Day::day));
            List<CampaignCoverage.Day> cumulative = new ArrayList<>();
            long sum = 0;
            for (CampaignCoverage.Day day : days) {
                sum += day.newlyVisited();
                cumulative.add(new CampaignCoverage.Day(day.day(), day.inspections(), day.targetsVisited(),
                        day.newlyVisited(), sum, day.findings(), day.resolved(), day.open()));
            }
            Double coverage = targets == 0 ? null
                    : BigDecimal.valueOf(visited).divide(BigDecimal.valueOf(targets), 4, RoundingMode.HALF_UP).doubleValue();
            return new CampaignCoverage(campaign.id(), campaign.startsAt(), campaign.endsAt(), zone, targets, visited,
                    targets - visited, coverage, targets > 0 && visited == targets, retired, inspections, findings,
                    resolved, findings - resolved, List.copyOf(units), List.copyOf(cumulative));
        });
    }

    /**
     * Target sites newest addition first, then by site code (one addition adds many sites at one time): a stable order
     * in which paging loses or repeats nothing. {@code unvisitedOnly}: the active targets without a visit that counts.
     */
    public Uni<Page<CampaignTarget>> targets(UUID campaignId, boolean unvisitedOnly, PageRequest page) {
        return campaigns.get(campaignId).chain(campaign -> targets(campaign, unvisitedOnly, page));
    }

    public Uni<Page<CampaignTarget>> targets(CampaignView campaign, boolean unvisitedOnly, PageRequest page) {
        SqlFilter sql = new SqlFilter();
        sql.param(campaign.id());
        sql.param(page.limit() + 1);
        if (unvisitedOnly) {
            sql.where("s.active and fv.first is null");
        }
        if (page.cursor() != null) {
            String[] key = Cursors.textKey(page.cursor()).split("\\|", 2);
            Instant at;
            try {
                at = key.length == 2 ? Instant.parse(key[0]) : null;
            } catch (DateTimeParseException e) {
                at = null;
            }
            if (at == null) {
                throw new InvalidInputException("cursor", "is not a cursor of this list; start again without one");
            }
            String time = sql.param(at.atOffset(ZoneOffset.UTC));
            String code = sql.param(key[1]);
            sql.where("(ct.added_at < " + time + " or (ct.added_at = " + time + " and s.code > " + code + "))");
        }
        return pool.preparedQuery(TARGETS.formatted(sql.sql())).execute(sql.tuple()).map(rows -> {
            List<CampaignTarget> found = new ArrayList<>();
            for (Row row : rows) {
                String ruleType = row.getString("rule_site_type");
                found.add(new CampaignTarget(row.getUUID("id"), row.getString("code"), row.getString("name"),
                        SiteType.valueOf(row.getString("type")), row.getString("district"), row.getString("township"),
                        row.getBoolean("active"), row.getString("added_how"),
                        ruleType == null ? null : SiteType.valueOf(ruleType), row.getString("rule_district"),
                        CampaignService.utc(row.getOffsetDateTime("added_at")), row.getString("added_by"),
                        CampaignService.utc(row.getOffsetDateTime("first"))));
            }
            return Page.of(found, page.limit(), CampaignCoverageService::cursor);
        });
    }

    static String cursor(CampaignTarget target) {
        return Cursors.ofText(target.addedAt().toInstant() + "|" + target.code());
    }

}
