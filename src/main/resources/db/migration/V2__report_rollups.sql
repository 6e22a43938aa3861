-- Report rollups: the summary's figures per unit subtree and UTC period, kept exact by triggers in the writing
-- transaction.
--
-- Why: counting a million findings on every summary is a full scan (~0.5 s with the breakdowns); leadership's
-- dashboard needs tens of milliseconds whatever the size. The summary reads these tables for the UTC days, months
-- and years (or all time) that make up its period, and counts the finding and inspection rows themselves only for
-- the partial days at its edges (docs/reports.md). Buckets are UTC, so the rollups do not depend on the configured
-- report time zone.
--
-- unit_id is every ancestor of the recording unit, and the unit itself: each row counts a unit together with all
-- its sub-units, so a subtree, or the whole city, is read from its own rows. The own_* columns count what the unit
-- recorded itself, so that its own work is known apart from its sub-units'.
--
-- Triggers rather than service code, so that no write can skip them: the services, Flyway's demo data, bulk
-- loads and an operator's SQL all keep them exact, in the same transaction as the change.
-- report_rebuild() recomputes them from the base tables (used below to fill them from existing rows).
--
-- grain: D (a UTC day), M (a UTC month), Y (a UTC year), A (all time); bucket: the first day of that day, month
-- or year (0001-01-01 for A).

create function report_bucket(grain text, at timestamptz) returns date language sql immutable strict as $fn$
select case grain
    when 'D' then (at at time zone 'UTC')::date
    when 'M' then date_trunc('month', at at time zone 'UTC')::date
    when 'Y' then date_trunc('year', at at time zone 'UTC')::date
    else date '0001-01-01'
end
$fn$;

-- Findings by the site's district and type and by category; the period is found_at's.
create table report_finding_rollup (
    unit_id               uuid         not null,
    grain                 text         not null check (grain in ('D', 'M', 'Y', 'A')),
    bucket                date         not null,
    district              varchar(100),
    site_type             varchar(32)  not null,
    category              varchar(32)  not null,
    findings              integer      not null,
    rectified             integer      not null,
    rectified_on_site     integer      not null,
    escalated             integer      not null,
    own_findings          integer      not null,
    own_rectified         integer      not null,
    own_rectified_on_site integer      not null,
    own_escalated         integer      not null,
    constraint report_finding_rollup_key unique nulls not distinct (unit_id, grain, bucket, district, site_type, category)
);

-- Rectified findings (RECTIFIED or VERIFIED) by whole days from found_at to rectified_at, for the median.
create table report_rectify_rollup (
    unit_id   uuid         not null,
    grain     text         not null check (grain in ('D', 'M', 'Y', 'A')),
    bucket    date         not null,
    district  varchar(100),
    site_type varchar(32)  not null,
    days      integer      not null,
    findings  integer      not null,
    constraint report_rectify_rollup_key unique nulls not distinct (unit_id, grain, bucket, district, site_type, days)
);

-- Inspections per site, so that distinct sites can be counted; the period is started_at's. The site's district,
-- type and active flag are copied in (and kept current by the site trigger), so the summary needs no join.
create table report_visit_rollup (
    unit_id             uuid         not null,
    grain               text         not null check (grain in ('D', 'M', 'Y', 'A')),
    bucket              date         not null,
    site_id             uuid         not null,
    district            varchar(100),
    site_type           varchar(32)  not null,
    site_active         boolean      not null,
    inspections         integer      not null,
    person_visits       integer      not null,
    own_inspections     integer      not null,
    own_person_visits   integer      not null,
    constraint report_visit_rollup_key unique (unit_id, grain, bucket, site_id)
);
create index report_visit_rollup_site_idx on report_visit_rollup (site_id);

-- ------------------------------------------------------------------------------------------------ maintenance
-- Each *_delta_sql function returns the statement that adds a signed set of rows to a rollup. The trigger
-- functions run it with EXECUTE themselves, because only they see their transition tables.

-- delta: select unit_id, district, site_type, category, found_at, status, rectified_on_site, rectified_at, sign
create function report_finding_delta_sql(delta text) returns text language sql immutable as $fn$
select format($sql$
    with recursive delta(unit_id, district, site_type, category, found_at, status, rectified_on_site, rectified_at, sign)
        as (%s),
    up(unit_id, ancestor, depth) as (
        select distinct unit_id, unit_id, 0 from delta
        union all
        select up.unit_id, u.parent_id, up.depth + 1 from up join unit u on u.id = up.ancestor
        where u.parent_id is not null and up.depth < 32
    ),
    changes as (
        select up.ancestor as unit_id, g.grain, report_bucket(g.grain, d.found_at) as bucket, d.district, d.site_type,
               d.category,
               sum(d.sign) as findings,
               coalesce(sum(d.sign) filter (where d.status in ('RECTIFIED', 'VERIFIED')), 0) as rectified,
               coalesce(sum(d.sign) filter (where d.rectified_on_site), 0) as rectified_on_site,
               coalesce(sum(d.sign) filter (where d.status = 'ESCALATED'), 0) as escalated,
               coalesce(sum(d.sign) filter (where up.depth = 0), 0) as own_findings,
               coalesce(sum(d.sign) filter (where up.depth = 0 and d.status in ('RECTIFIED', 'VERIFIED')), 0)
                   as own_rectified,
               coalesce(sum(d.sign) filter (where up.depth = 0 and d.rectified_on_site), 0) as own_rectified_on_site,
               coalesce(sum(d.sign) filter (where up.depth = 0 and d.status = 'ESCALATED'), 0) as own_escalated
        from delta d
        join up on up.unit_id = d.unit_id
        cross join (values ('D'), ('M'), ('Y'), ('A')) as g(grain)
        group by 1, 2, 3, 4, 5, 6
    )
    insert into report_finding_rollup as r (unit_id, grain, bucket, district, site_type, category, findings, rectified,
                                            rectified_on_site, escalated, own_findings, own_rectified,
                                            own_rectified_on_site, own_escalated)
    select unit_id, grain, bucket, district, site_type, category, findings, rectified, rectified_on_site, escalated,
           own_findings, own_rectified, own_rectified_on_site, own_escalated
    from changes
    where findings <> 0 or rectified <> 0 or rectified_on_site <> 0 or escalated <> 0 or own_findings <> 0
       or own_rectified <> 0 or own_rectified_on_site <> 0 or own_escalated <> 0
    -- One order for every writer, so that concurrent writers lock shared rows in the same order (no deadlock).
    order by unit_id, grain, bucket, district, site_type, category
    on conflict on constraint report_finding_rollup_key do update
    set findings = r.findings + excluded.findings,
        rectified = r.rectified + excluded.rectified,
        rectified_on_site = r.rectified_on_site + excluded.rectified_on_site,
        escalated = r.escalated + excluded.escalated,
        own_findings = r.own_findings + excluded.own_findings,
        own_rectified = r.own_rectified + excluded.own_rectified,
        own_rectified_on_site = r.own_rectified_on_site + excluded.own_rectified_on_site,
        own_escalated = r.own_escalated + excluded.own_escalated
$sql$, delta)
$fn$;

-- delta: as for report_finding_delta_sql
create function report_rectify_delta_sql(delta text) returns text language sql immutable as $fn$
select format($sql$
    with recursive delta(unit_id, district, site_type, category, found_at, status, rectified_on_site, rectified_at, sign)
        as (%s),
    up(unit_id, ancestor, depth) as (
        select distinct unit_id, unit_id, 0 from delta
        union all
        select up.unit_id, u.parent_id, up.depth + 1 from up join unit u on u.id = up.ancestor
        where u.parent_id is not null and up.depth < 32
    ),
    changes as (
        select up.ancestor as unit_id, g.grain, report_bucket(g.grain, d.found_at) as bucket, d.district, d.site_type,
               greatest(0, floor(extract(epoch from d.rectified_at - d.found_at) / 86400))::integer as days,
               sum(d.sign) as findings
        from delta d
        join up on up.unit_id = d.unit_id
        cross join (values ('D'), ('M'), ('Y'), ('A')) as g(grain)
        where d.status in ('RECTIFIED', 'VERIFIED')
        group by 1, 2, 3, 4, 5, 6
    )
    insert into report_rectify_rollup as r (unit_id, grain, bucket, district, site_type, days, findings)
    select unit_id, grain, bucket, district, site_type, days, findings
    from changes
    where findings <> 0
    order by unit_id, grain, bucket, district, site_type, days
    on conflict on constraint report_rectify_rollup_key do update set findings = r.findings + excluded.findings
$sql$, delta)
$fn$;

-- delta: select unit_id, site_id, district, site_type, site_active, started_at, inspector_count, sign
create function report_visit_delta_sql(delta text) returns text language sql immutable as $fn$
select format($sql$
    with recursive delta(unit_id, site_id, district, site_type, site_active, started_at, inspector_count, sign) as (%s),
    up(unit_id, ancestor, depth) as (
        select distinct unit_id, unit_id, 0 from delta
        union all
        select up.unit_id, u.parent_id, up.depth + 1 from up join unit u on u.id = up.ancestor
        where u.parent_id is not null and up.depth < 32
    ),
    changes as (
        select up.ancestor as unit_id, g.grain, report_bucket(g.grain, d.started_at) as bucket, d.site_id, d.district,
               d.site_type, d.site_active,
               sum(d.sign) as inspections, sum(d.sign * d.inspector_count) as person_visits,
               coalesce(sum(d.sign) filter (where up.depth = 0), 0) as own_inspections,
               coalesce(sum(d.sign * d.inspector_count) filter (where up.depth = 0), 0) as own_person_visits
        from delta d
        join up on up.unit_id = d.unit_id
        cross join (values ('D'), ('M'), ('Y'), ('A')) as g(grain)
        group by 1, 2, 3, 4, 5, 6, 7
    )
    insert into report_visit_rollup as r (unit_id, grain, bucket, site_id, district, site_type, site_active,
                                          inspections, person_visits, own_inspections, own_person_visits)
    select unit_id, grain, bucket, site_id, district, site_type, site_active, inspections, person_visits,
           own_inspections, own_person_visits
    from changes
    where inspections <> 0 or person_visits <> 0 or own_inspections <> 0 or own_person_visits <> 0
    order by unit_id, grain, bucket, site_id
    on conflict on constraint report_visit_rollup_key do update
    set inspections = r.inspections + excluded.inspections,
        person_visits = r.person_visits + excluded.person_visits,
        own_inspections = r.own_inspections + excluded.own_inspections,
        own_person_visits = r.own_person_visits + excluded.own_person_visits
$sql$, delta)
$fn$;

-- The finding columns a rollup needs, with the site's district and type, from a table of finding rows.
create function report_finding_rows_sql(source text, sign integer) returns text language sql immutable as $fn$
select format('select f.unit_id, s.district, s.type, f.category, f.found_at, f.status, f.rectified_on_site, '
              'f.rectified_at, %s from %s f join site s on s.id = f.site_id', sign, source)
$fn$;

-- The inspection columns a rollup needs, with the site's district, type and active flag.
create function report_visit_rows_sql(source text, sign integer) returns text language sql immutable as $fn$
select format('select i.unit_id, i.site_id, s.district, s.type, s.active, i.started_at, i.inspector_count, %s '
              'from %s i join site s on s.id = i.site_id', sign, source)
$fn$;

create function report_finding_changed() returns trigger language plpgsql as $fn$
declare
    delta text := case tg_op
        when 'INSERT' then report_finding_rows_sql('new_rows', 1)
        when 'DELETE' then report_finding_rows_sql('old_rows', -1)
        else report_finding_rows_sql('old_rows', -1) || ' union all ' || report_finding_rows_sql('new_rows', 1)
    end;
begin
    execute report_finding_delta_sql(delta);
    execute report_rectify_delta_sql(delta);
    return null;
end
$fn$;

create trigger report_finding_inserted after insert on finding
    referencing new table as new_rows for each statement execute function report_finding_changed();
create trigger report_finding_updated after update on finding
    referencing old table as old_rows new table as new_rows for each statement execute function report_finding_changed();
create trigger report_finding_deleted after delete on finding
    referencing old table as old_rows for each statement execute function report_finding_changed();

create function report_inspection_changed() returns trigger language plpgsql as $fn$
begin
    execute report_visit_delta_sql(case tg_op
        when 'INSERT' then report_visit_rows_sql('new_rows', 1)
        when 'DELETE' then report_visit_rows_sql('old_rows', -1)
        else report_visit_rows_sql('old_rows', -1) || ' union all ' || report_visit_rows_sql('new_rows', 1)
    end);
    return null;
end
$fn$;

create trigger report_inspection_inserted after insert on inspection
    referencing new table as new_rows for each statement execute function report_inspection_changed();
create trigger report_inspection_updated after update on inspection
    referencing old table as old_rows new table as new_rows for each statement execute function report_inspection_changed();
create trigger report_inspection_deleted after delete on inspection
    referencing old table as old_rows for each statement execute function report_inspection_changed();

-- A site that changes district or type moves its findings to the new key; its visits keep their key and take the
-- new district, type and active flag.
create function report_site_changed() returns trigger language plpgsql as $fn$
declare
    moved text := format(
        'select f.unit_id, %L::varchar, %L::varchar, f.category, f.found_at, f.status, f.rectified_on_site, '
        'f.rectified_at, -1 from finding f where f.site_id = %L '
        'union all '
        'select f.unit_id, %L::varchar, %L::varchar, f.category, f.found_at, f.status, f.rectified_on_site, '
        'f.rectified_at, 1 from finding f where f.site_id = %L',
        old.district, old.type, old.id, new.district, new.type, new.id);
begin
    -- Writers of findings and inspections wait meanwhile, so that none keys a row by the old values after this
    -- moved the others.
    lock table finding, inspection in share mode;
    if old.district is distinct from new.district or old.type is distinct from new.type then
        execute report_finding_delta_sql(moved);
        execute report_rectify_delta_sql(moved);
    end if;
    update report_visit_rollup set district = new.district, site_type = new.type, site_active = new.active
    where site_id = new.id;
    return null;
end
$fn$;

create trigger report_site_changed after update of district, type, active on site
    for each row when (old.district is distinct from new.district or old.type is distinct from new.type
                       or old.active is distinct from new.active)
    execute function report_site_changed();

-- A unit that moves to another parent takes its subtree's totals (the rows of its unit_id) from its old ancestors to
-- its new ones. Before the row changes, so that the tree still has the old ancestors.
create function report_unit_moved() returns trigger language plpgsql as $fn$
begin
    -- Writers wait meanwhile, so that none counts a finding or visit under ancestors this move has already left.
    lock table finding, inspection in share mode;
    create temporary table report_unit_moves (ancestor uuid, sign integer) on commit drop;
    with recursive old_up(id, depth) as (
        select old.parent_id, 1 where old.parent_id is not null
        union all
        select u.parent_id, o.depth + 1 from old_up o join unit u on u.id = o.id
        where u.parent_id is not null and o.depth < 32
    ),
    new_up(id, depth) as (
        select new.parent_id, 1 where new.parent_id is not null
        union all
        select u.parent_id, n.depth + 1 from new_up n join unit u on u.id = n.id
        where u.parent_id is not null and n.depth < 32
    )
    -- The common ancestors of the old and the new place keep their counts.
    insert into report_unit_moves
    select id, sum(sign) from (select id, -1 as sign from old_up union all select id, 1 from new_up) as moves
    group by id having sum(sign) <> 0;

    insert into report_finding_rollup as r (unit_id, grain, bucket, district, site_type, category, findings, rectified,
                                            rectified_on_site, escalated, own_findings, own_rectified,
                                            own_rectified_on_site, own_escalated)
    select m.ancestor, s.grain, s.bucket, s.district, s.site_type, s.category, m.sign * s.findings,
           m.sign * s.rectified, m.sign * s.rectified_on_site, m.sign * s.escalated, 0, 0, 0, 0
    from report_finding_rollup s cross join report_unit_moves m
    where s.unit_id = old.id
    order by 1, 2, 3, 4, 5, 6
    on conflict on constraint report_finding_rollup_key do update
    set findings = r.findings + excluded.findings,
        rectified = r.rectified + excluded.rectified,
        rectified_on_site = r.rectified_on_site + excluded.rectified_on_site,
        escalated = r.escalated + excluded.escalated;

    insert into report_rectify_rollup as r (unit_id, grain, bucket, district, site_type, days, findings)
    select m.ancestor, s.grain, s.bucket, s.district, s.site_type, s.days, m.sign * s.findings
    from report_rectify_rollup s cross join report_unit_moves m
    where s.unit_id = old.id
    order by 1, 2, 3, 4, 5, 6
    on conflict on constraint report_rectify_rollup_key do update set findings = r.findings + excluded.findings;

    insert into report_visit_rollup as r (unit_id, grain, bucket, site_id, district, site_type, site_active,
                                          inspections, person_visits, own_inspections, own_person_visits)
    select m.ancestor, s.grain, s.bucket, s.site_id, s.district, s.site_type, s.site_active,
           m.sign * s.inspections, m.sign * s.person_visits, 0, 0
    from report_visit_rollup s cross join report_unit_moves m
    where s.unit_id = old.id
    order by 1, 2, 3, 4
    on conflict on constraint report_visit_rollup_key do update
    set inspections = r.inspections + excluded.inspections,
        person_visits = r.person_visits + excluded.person_visits;

    drop table report_unit_moves;
    return new;
end
$fn$;

create trigger report_unit_moved before update of parent_id on unit
    for each row when (old.parent_id is distinct from new.parent_id)
    execute function report_unit_moved();

-- Recomputes every rollup from the base tables, with the statements the triggers run, over all rows.
create function report_rebuild() returns void language plpgsql as $fn$
begin
    lock table finding, inspection, site, unit in share mode;
    truncate report_finding_rollup, report_rectify_rollup, report_visit_rollup;
    execute report_finding_delta_sql(report_finding_rows_sql('finding', 1));
    execute report_rectify_delta_sql(report_finding_rows_sql('finding', 1));
    execute report_visit_delta_sql(report_visit_rows_sql('inspection', 1));
end
$fn$;

do $$ begin perform report_rebuild(); end $$;

-- ------------------------------------------------------------------------------------------------ indexes
-- Unresolved findings past due, oldest due first (the overdue list and figure); covering, so that counting them
-- reads the index only. Replaces V1's finding_overdue_idx (due_at alone).
create index finding_unresolved_due_idx on finding (due_at, id) include (unit_id, site_id, category, found_at)
    where status in ('OPEN', 'RECTIFYING', 'ESCALATED');
drop index finding_overdue_idx;

-- The active sites of an area by district and type (sitesTotal), from the index only.
create index site_area_idx on site (district, type) include (id) where active;

-- Notices of a period across all units (city-wide notice counts), from the index only.
create index notice_issued_kind_idx on notice (issued_at) include (kind, unit_id, site_id);
