package ducha.report;

import ducha.finding.FindingSql;
import ducha.unit.UnitTreeSql;

/**
 * The statements of the reports. The summary reads the rollups of V2__report_rollups.sql for the whole UTC buckets
 * of its period and the rows themselves for the partial days at its edges. Parameters are positional; each
 * statement's list is documented above it.
 */
final class ReportSql {

    private ReportSql() {
    }

    /**
     * The statements with {unresolved} and {resolved} spelled out from FindingStatus (FindingSql): literals, so that
     * the conditions match the partial indexes on unresolved findings (V1, V2).
     */
    private static String statuses(String sql) {
        return sql.replace("{unresolved}", FindingSql.UNRESOLVED).replace("{resolved}", FindingSql.RESOLVED);
    }

    /**
     * Units the summary reads: the filter unit and its children, or the top-level units. $1 unit (null = none).
     */
    static final String TOPS = """
            select id, code, name from unit
            where case when $1::uuid is null then parent_id is null else id = $1::uuid or parent_id = $1::uuid end
            order by code, id""";

    /**
     * Every unit of the report with the row of byUnit it counts towards ("top"): the subtrees of $1 (top units)
     * and $2 (the filter unit, alone: its own work). The subtrees from unit_closure (V7__unit_subtree.sql).
     */
    private static final String SCOPE = """
            scope(id, top) as (
                select unit_id, ancestor_id from unit_closure where ancestor_id = any($1::uuid[])
                union all
                select $2::uuid, $2::uuid where $2::uuid is not null
            )""";

    /** Districts named by the units of each byUnit row, and of the whole report (both only without $3 district). */
    private static final String AREA = """
            named(top, district) as (
                select distinct s.top, u.district from scope s join unit u on u.id = s.id
                where u.district is not null and $3::text is null
            ),
            summary_area(district) as (select distinct district from named where $2::uuid is not null),
            summary_area_all(yes) as (select not exists (select from summary_area)),
            top_area(top, district) as (select top, district from named where top <> $2::uuid or $2::uuid is null),
            top_area_limited(top) as (select distinct top from top_area)""";

    private static final String PARTS = """
            parts(grain, lo, hi, sign) as (select * from unnest($5::text[], $6::date[], $7::date[], $8::int[]))""";


    /**
     * Findings, by category, site type, district and byUnit row, with the overdue ones. $1 top units, $2 filter
     * unit, $3 district, $4 site type, $5..$8 rollup buckets (grains, froms, tos, signs), $9..$14 the leading and
     * the trailing edge (from, to, sign; null when there is none), $15 the units whose rollups hold the totals (the
     * filter unit, or the top units), $16 from, $17 to, $18 now. Each bucket and edge row counts with its sign: +1,
     * or -1 for a part taken off a larger bucket (a Beijing month is the UTC month, plus the 8 hours before it, less
     * the 8 hours at its end).
     */
    static final String FINDINGS = statuses("with " + SCOPE + ",\n" + PARTS + """
            ,
            -- Materialized, so that the planner sees how many there are before it joins their sites.
            overdue as materialized (
                select f.unit_id, f.site_id, f.category
                from finding f
                where f.status in {unresolved} and f.due_at < $18::timestamptz
                  and ($16::timestamptz is null or f.found_at >= $16::timestamptz)
                  and ($17::timestamptz is null or f.found_at < $17::timestamptz)
            ),
            raw(top, district, site_type, category, findings, rectified, rectified_on_site, escalated, overdue) as (
                select s.top, st.district, st.type, f.category, e.sign,
                       e.sign * (f.status in {resolved})::int, e.sign * f.rectified_on_site::int,
                       e.sign * (f.status = 'ESCALATED')::int, 0
                from finding f
                join scope s on s.id = f.unit_id
                join site st on st.id = f.site_id
                cross join lateral (select case when f.found_at < $10::timestamptz then $11::int else $14::int end
                                    as sign) e
                where (f.found_at >= $9::timestamptz and f.found_at < $10::timestamptz
                       or f.found_at >= $12::timestamptz and f.found_at < $13::timestamptz)
                  and ($3::text is null or st.district = $3::text) and ($4::text is null or st.type = $4::text)
                union all
                select s.top, st.district, st.type, o.category, 0, 0, 0, 0, 1
                from overdue o
                join site st on st.id = o.site_id
                join scope s on s.id = o.unit_id
                where ($3::text is null or st.district = $3::text) and ($4::text is null or st.type = $4::text)
            ),
            totals(district, site_type, category, findings, rectified, rectified_on_site, escalated, overdue) as (
                select r.district, r.site_type, r.category, p.sign * r.findings, p.sign * r.rectified,
                       p.sign * r.rectified_on_site, p.sign * r.escalated, 0
                from parts p
                join report_finding_rollup r on r.grain = p.grain and r.bucket >= p.lo and r.bucket < p.hi
                where r.unit_id = any($15::uuid[])
                  and ($3::text is null or r.district = $3::text) and ($4::text is null or r.site_type = $4::text)
                union all
                select district, site_type, category, findings, rectified, rectified_on_site, escalated, overdue from raw
            ),
            per_top(top, findings, rectified, rectified_on_site, escalated, overdue) as (
                select r.unit_id, p.sign * r.findings, p.sign * r.rectified, p.sign * r.rectified_on_site,
                       p.sign * r.escalated, 0
                from parts p
                join report_finding_rollup r on r.grain = p.grain and r.bucket >= p.lo and r.bucket < p.hi
                where r.unit_id = any($1::uuid[])
                  and ($3::text is null or r.district = $3::text) and ($4::text is null or r.site_type = $4::text)
                union all
                select r.unit_id, p.sign * r.own_findings, p.sign * r.own_rectified, p.sign * r.own_rectified_on_site,
                       p.sign * r.own_escalated, 0
                from parts p
                join report_finding_rollup r on r.grain = p.grain and r.bucket >= p.lo and r.bucket < p.hi
                where r.unit_id = $2::uuid
                  and ($3::text is null or r.district = $3::text) and ($4::text is null or r.site_type = $4::text)
                union all
                select top, findings, rectified, rectified_on_site, escalated, overdue from raw
            )
            select 'total' as k, grouping(category, site_type, district) as g, null::uuid as top, category, site_type,
                   district, coalesce(sum(findings), 0)::bigint as findings,
                   coalesce(sum(rectified), 0)::bigint as rectified,
                   coalesce(sum(rectified_on_site), 0)::bigint as rectified_on_site,
                   coalesce(sum(escalated), 0)::bigint as escalated, coalesce(sum(overdue), 0)::bigint as overdue
            from totals
            group by grouping sets ((), (category), (site_type), (district))
            union all
            select 'top', 0, top, null, null, null, sum(findings)::bigint, sum(rectified)::bigint,
                   sum(rectified_on_site)::bigint, sum(escalated)::bigint, sum(overdue)::bigint
            from per_top
            group by top""");

    /**
     * Inspections, person-visits and distinct sites, by site type, district and byUnit row, with the inspected
     * sites that are active and lie in the area. Parameters $1..$15 of {@link #FINDINGS}.
     * With {@code distinctRows} the caller knows that each site appears once per unit (one bucket, no edges, one
     * totals unit), so the rows need no regrouping by site. With {@code totalsAreTops} (no filter unit and several
     * top-level units, whose rows hold the totals) the per-site totals are added up from the byUnit rows rather than
     * read again.
     */
    static String visits(boolean distinctRows, boolean totalsAreTops) {
        String perTopSite = distinctRows
                ? "select top, site_id, district, site_type, site_active, inspections, person_visits from per_top "
                        + "where inspections > 0"
                : "select top, site_id, district, site_type, site_active, sum(inspections) as inspections, "
                        + "sum(person_visits) as person_visits from per_top "
                        + "group by top, site_id, district, site_type, site_active having sum(inspections) > 0";
        // The byUnit rows split the totals: without a filter unit, the per-site totals are their sum.
        String perSite = totalsAreTops
                ? "select site_id, district, site_type, site_active, sum(inspections) as inspections, "
                        + "sum(person_visits) as person_visits from per_top_site "
                        + "group by site_id, district, site_type, site_active"
                : distinctRows
                ? "select site_id, district, site_type, site_active, inspections, person_visits from totals "
                        + "where inspections > 0"
                : "select site_id, district, site_type, site_active, sum(inspections) as inspections, "
                        + "sum(person_visits) as person_visits from totals "
                        + "group by site_id, district, site_type, site_active having sum(inspections) > 0";
        // "recursive" lets per_site read per_top_site, which is declared after it; nothing else recurses.
        return "with recursive " + SCOPE + ",\n" + AREA + ",\n" + PARTS + """
                ,
                raw(top, site_id, district, site_type, site_active, inspections, person_visits) as (
                    select s.top, i.site_id, st.district, st.type, st.active, e.sign, e.sign * i.inspector_count
                    from inspection i
                    join scope s on s.id = i.unit_id
                    join site st on st.id = i.site_id
                    cross join lateral (select case when i.started_at < $10::timestamptz then $11::int else $14::int end
                                        as sign) e
                    where (i.started_at >= $9::timestamptz and i.started_at < $10::timestamptz
                           or i.started_at >= $12::timestamptz and i.started_at < $13::timestamptz)
                      and ($3::text is null or st.district = $3::text) and ($4::text is null or st.type = $4::text)
                ),
                totals(site_id, district, site_type, site_active, inspections, person_visits) as (
                    select r.site_id, r.district, r.site_type, r.site_active, p.sign * r.inspections,
                           p.sign * r.person_visits
                    from parts p
                    join report_visit_rollup r on r.grain = p.grain and r.bucket >= p.lo and r.bucket < p.hi
                    where r.unit_id = any($15::uuid[])
                      and ($3::text is null or r.district = $3::text) and ($4::text is null or r.site_type = $4::text)
                    union all
                    select site_id, district, site_type, site_active, inspections, person_visits from raw
                ),
                per_top(top, site_id, district, site_type, site_active, inspections, person_visits) as (
                    select r.unit_id, r.site_id, r.district, r.site_type, r.site_active, p.sign * r.inspections,
                           p.sign * r.person_visits
                    from parts p
                    join report_visit_rollup r on r.grain = p.grain and r.bucket >= p.lo and r.bucket < p.hi
                    where r.unit_id = any($1::uuid[])
                      and ($3::text is null or r.district = $3::text) and ($4::text is null or r.site_type = $4::text)
                    union all
                    select r.unit_id, r.site_id, r.district, r.site_type, r.site_active, p.sign * r.own_inspections,
                           p.sign * r.own_person_visits
                    from parts p
                    join report_visit_rollup r on r.grain = p.grain and r.bucket >= p.lo and r.bucket < p.hi
                    where r.unit_id = $2::uuid
                      and ($3::text is null or r.district = $3::text) and ($4::text is null or r.site_type = $4::text)
                    union all
                    select top, site_id, district, site_type, site_active, inspections, person_visits from raw
                ),
                """ + "per_site as (" + perSite + "),\nper_top_site as (" + perTopSite + ")\n" + """
                select 'total' as k, grouping(v.site_type, v.district) as g, null::uuid as top, v.site_type, v.district,
                       coalesce(sum(v.inspections), 0)::bigint as inspections,
                       coalesce(sum(v.person_visits), 0)::bigint as person_visits,
                       count(*) as sites,
                       count(*) filter (where v.site_active
                                        and ((select yes from summary_area_all) or a.district is not null)) as covered,
                       count(*) filter (where v.site_active) as active_sites
                from per_site v
                left join summary_area a on a.district = v.district
                group by grouping sets ((), (v.site_type), (v.district))
                union all
                select 'top', 0, v.top, null, null, sum(v.inspections)::bigint, sum(v.person_visits)::bigint, count(*),
                       count(*) filter (where v.site_active and (l.top is null or a.top is not null)),
                       count(*) filter (where v.site_active)
                from per_top_site v
                left join top_area a on a.top = v.top and a.district = v.district
                left join top_area_limited l on l.top = v.top
                group by v.top""";
    }

    /**
     * Active sites of the areas: of the report (by site type and in total), of each district, and of each byUnit
     * row. $1 top units, $2 filter unit, $3 district, $4 site type.
     */
    static final String SITES = "with " + SCOPE + ",\n" + AREA + """
            ,
            counts(district, site_type, sites) as (
                select district, type, count(*) from site
                where active and ($3::text is null or district = $3::text) and ($4::text is null or type = $4::text)
                group by district, type
            )
            select 'total' as k, grouping(c.site_type, c.district) as g, null::uuid as top, c.site_type, c.district,
                   coalesce(sum(c.sites) filter (where (select yes from summary_area_all) or a.district is not null),
                            0)::bigint as in_area,
                   coalesce(sum(c.sites), 0)::bigint as sites
            from counts c
            left join summary_area a on a.district = c.district
            group by grouping sets ((), (c.site_type), (c.district))
            union all
            select 'top', 0, t.id, null, null,
                   coalesce(sum(c.sites) filter (where l.top is null or a.top is not null), 0)::bigint, null
            from unnest($1::uuid[]) as t(id)
            cross join counts c
            left join top_area a on a.top = t.id and a.district = c.district
            left join top_area_limited l on l.top = t.id
            group by t.id""";

    /**
     * The median of whole days to rectify: a histogram of the rollups (and the edges' rows), then its middle.
     * Parameters $1..$15 of {@link #FINDINGS}.
     */
    static final String MEDIAN = statuses("with " + SCOPE + ",\n" + PARTS + """
            ,
            histogram(days, findings) as (
                select r.days, p.sign * r.findings
                from parts p
                join report_rectify_rollup r on r.grain = p.grain and r.bucket >= p.lo and r.bucket < p.hi
                where r.unit_id = any($15::uuid[])
                  and ($3::text is null or r.district = $3::text) and ($4::text is null or r.site_type = $4::text)
                union all
                select greatest(0, floor(extract(epoch from f.rectified_at - f.found_at) / 86400))::integer,
                       case when f.found_at < $10::timestamptz then $11::int else $14::int end
                from finding f
                join scope s on s.id = f.unit_id
                join site st on st.id = f.site_id
                where (f.found_at >= $9::timestamptz and f.found_at < $10::timestamptz
                       or f.found_at >= $12::timestamptz and f.found_at < $13::timestamptz)
                  and f.status in {resolved}
                  and ($3::text is null or st.district = $3::text) and ($4::text is null or st.type = $4::text)
            ),
            per_day(days, findings) as (select days, sum(findings) from histogram group by days having sum(findings) > 0),
            running(days, upto, total) as (
                select days, sum(findings) over (order by days), sum(findings) over () from per_day
            )
            select ((min(days) filter (where upto >= div(total + 1, 2)))
                    + (min(days) filter (where upto >= div(total, 2) + 1))) / 2.0 as median
            from running""");

    /**
     * Notices by kind. A notice's district is its site's, or its unit's when it names no site; under a site type
     * only notices of a site of that type count. $1 top units, $2 filter unit, $3 district, $4 site type, $5 from,
     * $6 to.
     */
    /**
     * Visits with a check-in class (docs/evidence.md): VERIFIED and FAR inspections in the period, counted from the
     * rows (the class is no rollup dimension; the partial index holds only visits with a class). $1 the units whose
     * subtrees the totals cover, $2 district, $3 site type, $4 from, $5 to.
     */
    static final String PRESENCE = """
            select count(*) filter (where i.presence = 'VERIFIED') as verified,
                   count(*) filter (where i.presence = 'FAR') as far
            from inspection i
            join site st on st.id = i.site_id
            where i.presence <> 'UNKNOWN'
              and i.unit_id in (select unit_id from unit_closure where ancestor_id = any($1::uuid[]))
              and ($2::text is null or st.district = $2::text) and ($3::text is null or st.type = $3::text)
              and ($4::timestamptz is null or i.started_at >= $4::timestamptz)
              and ($5::timestamptz is null or i.started_at < $5::timestamptz)""";

    static final String NOTICES = "with " + SCOPE + """

            select n.kind, count(*) as notices
            from notice n
            join scope s on s.id = n.unit_id
            join unit u on u.id = n.unit_id
            left join site st on st.id = n.site_id
            where ($5::timestamptz is null or n.issued_at >= $5::timestamptz)
              and ($6::timestamptz is null or n.issued_at < $6::timestamptz)
              and ($3::text is null or coalesce(st.district, u.district) = $3::text)
              and ($4::text is null or st.type = $4::text)
            group by n.kind""";

    /** The unit and its sub-units (UnitTreeSql), or every unit. $1 unit (null = every unit). */
    private static final String SUBTREE = "subtree(id) as (select id from " + UnitTreeSql.subtreeOf("$1::uuid")
            + " t union all select id from unit where $1::uuid is null)";

    static final String UNIT_EXISTS = "select exists (select 1 from unit where id = $1::uuid) as found";

    /**
     * Counts per day or week in the zone, one row per bucket of [from, to) without gaps (generate_series). Counted
     * from the rows (a trend's period is bounded). $1 unit, $2 district, $3 site type, $4 from, $5 to,
     * $6 'day' or 'week', $7 zone, $8 now.
     */
    static final String TREND = statuses("with " + SUBTREE + """
            ,
            buckets(start) as (
                select b::date from generate_series(date_trunc($6::text, $4::timestamptz at time zone $7::text),
                                                   ($5::timestamptz at time zone $7::text) - interval '1 microsecond',
                                                   ('1 ' || $6::text)::interval) as b
            ),
            visited(start, inspections, person_visits, sites) as (
                select date_trunc($6::text, i.started_at at time zone $7::text)::date, count(*), sum(i.inspector_count),
                       count(distinct i.site_id)
                from inspection i
                join subtree s on s.id = i.unit_id
                join site st on st.id = i.site_id
                where i.started_at >= $4::timestamptz and i.started_at < $5::timestamptz
                  and ($2::text is null or st.district = $2::text) and ($3::text is null or st.type = $3::text)
                group by 1
            ),
            found(start, findings, rectified, rectified_on_site, overdue, escalated) as (
                select date_trunc($6::text, f.found_at at time zone $7::text)::date, count(*),
                       count(*) filter (where f.status in {resolved}),
                       count(*) filter (where f.rectified_on_site),
                       count(*) filter (where f.status in {unresolved}
                                        and f.due_at < $8::timestamptz),
                       count(*) filter (where f.status = 'ESCALATED')
                from finding f
                join subtree s on s.id = f.unit_id
                join site st on st.id = f.site_id
                where f.found_at >= $4::timestamptz and f.found_at < $5::timestamptz
                  and ($2::text is null or st.district = $2::text) and ($3::text is null or st.type = $3::text)
                group by 1
            ),
            issued(start, notices) as (
                select date_trunc($6::text, n.issued_at at time zone $7::text)::date, count(*)
                from notice n
                join subtree s on s.id = n.unit_id
                join unit u on u.id = n.unit_id
                left join site st on st.id = n.site_id
                where n.issued_at >= $4::timestamptz and n.issued_at < $5::timestamptz
                  and ($2::text is null or coalesce(st.district, u.district) = $2::text)
                  and ($3::text is null or st.type = $3::text)
                group by 1
            )
            select b.start, coalesce(v.inspections, 0) as inspections, coalesce(v.person_visits, 0) as person_visits,
                   coalesce(v.sites, 0) as sites, coalesce(f.findings, 0) as findings,
                   coalesce(f.rectified, 0) as rectified, coalesce(f.rectified_on_site, 0) as rectified_on_site,
                   coalesce(f.overdue, 0) as overdue, coalesce(f.escalated, 0) as escalated,
                   coalesce(n.notices, 0) as notices
            from buckets b
            left join visited v on v.start = b.start
            left join found f on f.start = b.start
            left join issued n on n.start = b.start
            order by b.start""");

    /**
     * Unresolved findings past due, oldest due first, after the cursor (due_at, id). $1 unit, $2 district,
     * $3 site type, $4 from, $5 to (of found_at), $6 now, $7..$8 cursor, $9 limit.
     */
    static final String OVERDUE = statuses("with " + SUBTREE + """

            select f.id, f.unit_id, u.code as unit_code, u.name as unit_name, f.site_id, st.code as site_code,
                   st.name as site_name, st.type as site_type, st.district, f.category, f.severity, f.description,
                   f.status, f.found_at, f.due_at
            from finding f
            join unit u on u.id = f.unit_id
            join site st on st.id = f.site_id
            where f.status in {unresolved} and f.due_at < $6::timestamptz
              and (f.due_at, f.id) > ($7::timestamptz, $8::uuid)
              and ($1::uuid is null or f.unit_id in (select id from subtree))
              and ($4::timestamptz is null or f.found_at >= $4::timestamptz)
              and ($5::timestamptz is null or f.found_at < $5::timestamptz)
              and ($2::text is null or st.district = $2::text) and ($3::text is null or st.type = $3::text)
            order by f.due_at, f.id
            limit $9""");

    /**
     * Findings of the period by responsible party (责任单位), counted from the rows (no rollup: a party is free text
     * a hand-over changes). $1 unit, $2 district, $3 site type, $4 from, $5 to (of found_at), $6 now. The party is
     * null for findings handed to nobody yet.
     */
    static final String BY_RESPONSIBLE_PARTY = statuses("with " + SUBTREE + """

            select f.responsible_party as party, count(*) as findings,
                   count(*) filter (where f.status in {resolved}) as rectified,
                   count(*) filter (where f.rectified_on_site) as rectified_on_site,
                   count(*) filter (where f.status in {unresolved} and f.due_at < $6::timestamptz) as overdue,
                   count(*) filter (where f.status = 'ESCALATED') as escalated
            from finding f
            join site st on st.id = f.site_id
            where ($1::uuid is null or f.unit_id in (select id from subtree))
              and ($4::timestamptz is null or f.found_at >= $4::timestamptz)
              and ($5::timestamptz is null or f.found_at < $5::timestamptz)
              and ($2::text is null or st.district = $2::text) and ($3::text is null or st.type = $3::text)
            group by f.responsible_party
            order by count(*) desc, f.responsible_party nulls last""");

    /**
     * Findings of a CSV export, newest first. $1 unit, $2 district, $3 site type, $4 from, $5 to (of found_at),
     * $6 now, $7 status, $8 category, $9 severity, $10 overdue.
     */
    static final String EXPORT = statuses("with " + SUBTREE + """

            select f.id, f.found_at, u.code as unit_code, u.name as unit_name, st.code as site_code,
                   st.name as site_name, st.type as site_type, st.district, st.township, f.category, f.severity,
                   f.status, f.rectified_on_site, f.rectified_at, f.due_at,
                   (f.status in {unresolved} and f.due_at is not null
                    and f.due_at < $6::timestamptz) as overdue,
                   f.description, f.rectification_note
            from finding f
            join unit u on u.id = f.unit_id
            join site st on st.id = f.site_id
            where ($1::uuid is null or f.unit_id in (select id from subtree))
              and ($4::timestamptz is null or f.found_at >= $4::timestamptz)
              and ($5::timestamptz is null or f.found_at < $5::timestamptz)
              and ($2::text is null or st.district = $2::text) and ($3::text is null or st.type = $3::text)
              and ($7::text is null or f.status = $7::text)
              and ($8::text is null or f.category = $8::text)
              and ($9::text is null or f.severity = $9::text)
              and ($10::boolean is null or (f.status in {unresolved} and f.due_at is not null
                                            and f.due_at < $6::timestamptz) = $10::boolean)
            order by f.found_at desc, f.id desc""");
}
