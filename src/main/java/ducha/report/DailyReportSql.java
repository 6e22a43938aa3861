package ducha.report;

import ducha.finding.FindingSql;
import ducha.finding.Severity;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The statements of the daily report. A day is small, so everything is counted from the rows (through the subtree
 * and time indexes), not from the rollups. Parameters, the same for every statement: $1 the unit, $2 the start of
 * the day, $3 its end, and for the findings $4 statusAt (the end of the day, or now while the day is not over).
 */
final class DailyReportSql {

    private DailyReportSql() {
    }

    /** Findings of the "most serious" list, at most. */
    static final int MOST_SERIOUS = 10;

    /**
     * The unit's subtree, each unit with the byUnit row it counts towards ("top"): a child's whole subtree counts
     * towards the child, the unit itself towards its own-work row. From unit_closure (V7__unit_subtree.sql).
     */
    private static final String SCOPE = """
            scope(id, top) as (
                select c.unit_id, u.id from unit u join unit_closure c on c.ancestor_id = u.id
                where u.parent_id = $1::uuid
                union all
                select $1::uuid, $1::uuid
            )""";

    /**
     * Not rectified at $4: never rectified, or rectified later (rectifiedAt is cleared when a finding is reopened).
     * Over the finding alias f.
     */
    private static String openAt(String at) {
        return "f.found_at < " + at + "::timestamptz and (f.rectified_at is null or f.rectified_at >= " + at
                + "::timestamptz)";
    }

    private static final String OPEN_AT_STATUS = openAt("$4");

    /** The unit and its children, the byUnit rows: the unit first (its own work), then the children by code. */
    static final String UNITS = """
            select id, code, name, id = $1::uuid as own from unit
            where id = $1::uuid or parent_id = $1::uuid
            order by id = $1::uuid desc, code, id""";

    /** Inspections, person-visits and distinct sites of the day, in total (top null) and per byUnit row. */
    static final String VISITS = "with " + SCOPE + """

            select grouping(s.top) as g, s.top, count(*) as inspections,
                   coalesce(sum(i.inspector_count), 0) as person_visits, count(distinct i.site_id) as sites
            from inspection i
            join scope s on s.id = i.unit_id
            where i.started_at >= $2::timestamptz and i.started_at < $3::timestamptz
            group by grouping sets ((), (s.top))""";

    /**
     * Finding figures of the day, in total (top null) and per byUnit row: found during the day (and fixed on the
     * spot), rectified during the day, overdue and open at $4, and moved to ESCALATED during the day. Escalations are
     * read from the change log's transitions (the finding's unit from the row the event holds, so that a finding
     * deleted since still counts); a finding escalated twice in the day counts once.
     */
    static final String FINDINGS = statuses("with " + SCOPE + """
            ,
            escalations(id, unit_id) as (
                select distinct e.entity_id, (e.data ->> 'unitId')::uuid
                from change_event e
                where e.entity = 'finding' and e.op = 'TRANSITION' and e.detail ->> 'to' = 'ESCALATED'
                  and e.at >= $2::timestamptz and e.at < $3::timestamptz
            ),
            counted(top, found, on_site, rectified, overdue, open, escalated) as (
                select s.top,
                       (f.found_at >= $2::timestamptz and f.found_at < $3::timestamptz)::int,
                       (f.found_at >= $2::timestamptz and f.found_at < $3::timestamptz and f.rectified_on_site)::int,
                       (f.rectified_at >= $2::timestamptz and f.rectified_at < $3::timestamptz
                        and f.status in {resolved})::int,
                       (""" + OPEN_AT_STATUS + " and f.due_at < $4::timestamptz)::int,\n" + """
                       (""" + OPEN_AT_STATUS + ")::int,\n" + """
                       0
                from finding f
                join scope s on s.id = f.unit_id
                where f.found_at >= $2::timestamptz and f.found_at < $3::timestamptz
                   or f.rectified_at >= $2::timestamptz and f.rectified_at < $3::timestamptz
                   or (""" + OPEN_AT_STATUS + ")\n" + """
                union all
                select s.top, 0, 0, 0, 0, 0, 1
                from escalations x
                join scope s on s.id = x.unit_id
            )
            select grouping(top) as g, top, coalesce(sum(found), 0) as found, coalesce(sum(on_site), 0) as on_site,
                   coalesce(sum(rectified), 0) as rectified, coalesce(sum(overdue), 0) as overdue,
                   coalesce(sum(open), 0) as open, coalesce(sum(escalated), 0) as escalated
            from counted
            group by grouping sets ((), (top))""");

    /** Notices issued during the day, per byUnit row and kind. */
    static final String NOTICES = "with " + SCOPE + """

            select s.top, n.kind, count(*) as notices
            from notice n
            join scope s on s.id = n.unit_id
            where n.issued_at >= $2::timestamptz and n.issued_at < $3::timestamptz
            group by s.top, n.kind""";

    /**
     * Campaigns the unit takes part in — owned by it, by a unit below it, or by a unit above it (whose subtree it is
     * part of) — whose period [starts_at, ends_at) meets the day, with their target coverage as docs/campaigns.md
     * defines it: active target sites, and those inspected inside the period by a unit of the owner's subtree, here
     * up to statusAt ("by the end of the day") and during the day. Each target is a range of
     * inspection_site_unit_idx (V11). Oldest start first, then code.
     */
    static final String CAMPAIGNS = """
            with active(id, code, name, unit_id, starts_at, ends_at) as (
                select c.id, c.code, c.name, c.unit_id, c.starts_at, c.ends_at
                from campaign c
                where c.starts_at < $3::timestamptz and c.ends_at > $2::timestamptz
                  and exists (select 1 from unit_closure x
                              where x.ancestor_id = $1::uuid and x.unit_id = c.unit_id
                                 or x.ancestor_id = c.unit_id and x.unit_id = $1::uuid)
            ),
            targets(campaign_id, visited, visited_today) as (
                select a.id,
                       exists (select 1 from inspection i
                               join unit_closure u on u.unit_id = i.unit_id and u.ancestor_id = a.unit_id
                               where i.site_id = t.site_id and i.started_at >= a.starts_at
                                 and i.started_at < least(a.ends_at, $4::timestamptz)),
                       exists (select 1 from inspection i
                               join unit_closure u on u.unit_id = i.unit_id and u.ancestor_id = a.unit_id
                               where i.site_id = t.site_id and i.started_at >= greatest(a.starts_at, $2::timestamptz)
                                 and i.started_at < least(a.ends_at, $3::timestamptz))
                from active a
                join campaign_target t on t.campaign_id = a.id
                join site s on s.id = t.site_id and s.active
            )
            select a.id, a.name, count(t.campaign_id) as targets, count(*) filter (where t.visited) as visited,
                   count(*) filter (where t.visited_today) as visited_today
            from active a
            left join targets t on t.campaign_id = a.id
            group by a.id, a.code, a.name, a.starts_at
            order by a.starts_at, a.code""";

    /** Severity as a rank, most serious first, from the enumeration's order (LOW … CRITICAL). */
    private static final String SEVERITY_RANK = Arrays.stream(Severity.values())
            .map(severity -> "when '" + severity.name() + "' then " + (Severity.values().length - severity.ordinal()))
            .collect(Collectors.joining(" ", "case f.severity ", " end"));

    /**
     * The most serious findings of the subtree open at statusAt: by severity, then the oldest first. Parameters of
     * its own: $1 the unit, $2 statusAt, $3 how many.
     */
    static final String MOST_SERIOUS_OPEN = """
            select f.id, f.unit_id, u.code as unit_code, u.name as unit_name, f.site_id, st.code as site_code,
                   st.name as site_name, st.type as site_type, st.district, f.category, f.severity, f.status,
                   f.description, f.found_at, f.due_at
            from finding f
            join unit_closure c on c.unit_id = f.unit_id and c.ancestor_id = $1::uuid
            join unit u on u.id = f.unit_id
            join site st on st.id = f.site_id
            where\s""" + openAt("$2") + """

            order by\s""" + SEVERITY_RANK + """
            , f.found_at, f.id
            limit $3""";

    /** The statement with {resolved} spelled out from FindingStatus (FindingSql), as ReportSql does. */
    private static String statuses(String sql) {
        return sql.replace("{unresolved}", FindingSql.UNRESOLVED).replace("{resolved}", FindingSql.RESOLVED);
    }
}
