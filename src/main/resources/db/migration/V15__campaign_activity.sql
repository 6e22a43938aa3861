-- Campaign coverage rollup (issue 16): what counts toward each campaign, kept exact by triggers in the writing
-- transaction, like the report rollups of V2 and for the same reasons (no write path can skip them; Flyway's demo
-- data, bulk loads and an operator's SQL included).
--
-- Why: counting coverage from inspection and finding rows reads every visit and finding of every target in the
-- period (2,000 targets at a million findings: ~70 ms for one client, 660 ms median under 16 concurrent ones).
-- Read from here it is one row per target, per taking-part unit and per day (docs/campaigns.md has the figures).
--
-- campaign_activity (campaign, site, top, day) counts the inspections and findings at a target site, recorded by a
-- unit of the campaign's subtree inside the period, whose time falls on that day; top is the campaign's unit when the
-- work is its own, else the child of the campaign's unit above the recording unit (the byUnit breakdown). From it,
-- per campaign: campaign_site_activity (one row per target: active, totals, first day visited),
-- campaign_top_activity (per top: totals and targets visited) and campaign_day_activity (per day: totals and targets
-- visited that day), the last two over active targets only. Days are local days of the report time zone kept in
-- campaign_activity_zone; the service sets it at start from its configuration and recounts when it differs
-- (CampaignActivityZone).
--
-- Row changes of inspection and finding are applied as deltas to campaign_activity (statement-level, from transition
-- tables); then each target they touch is locked and recounted, and its unit's and day's rows get increments
-- (campaign_activity_count), so two writers of one target take turns and the later one counts the earlier one's
-- rows. Changes of what counts (targets added or removed, the period or the unit of a campaign changed, a unit moved)
-- recompute the campaign from the base tables; a site retired or revived recomputes its campaigns' units and days.
-- Every recount first takes finding and inspection in share mode (here, or V2's and V7's triggers for a site retired
-- or a unit moved, which fire before these): it waits for the writes under way and holds back new ones until it
-- commits, so a recount's snapshot holds every write, and no write waits for a row lock of a recount while holding
-- one the recount needs. Writers lock the targets' rows in key order, then per-unit and per-day rows in key order, so
-- they do not deadlock each other.

create table campaign_activity_zone (
    zone text not null
);
insert into campaign_activity_zone values ('Asia/Shanghai');

create table campaign_activity (
    campaign_id uuid    not null references campaign (id) on delete cascade,
    site_id     uuid    not null,
    top_id      uuid    not null,
    day         date    not null,
    inspections integer not null,
    findings    integer not null,
    resolved    integer not null,
    primary key (campaign_id, site_id, top_id, day)
);
create index campaign_activity_top_idx on campaign_activity (campaign_id, top_id);
create index campaign_activity_day_idx on campaign_activity (campaign_id, day);

create table campaign_site_activity (
    campaign_id uuid    not null references campaign (id) on delete cascade,
    site_id     uuid    not null,
    active      boolean not null,
    inspections integer not null,
    findings    integer not null,
    resolved    integer not null,
    first_day   date,
    primary key (campaign_id, site_id)
);
create index campaign_site_activity_site_idx on campaign_site_activity (site_id);

create table campaign_top_activity (
    campaign_id uuid    not null references campaign (id) on delete cascade,
    top_id      uuid    not null,
    inspections integer not null,
    findings    integer not null,
    resolved    integer not null,
    visited     integer not null,
    primary key (campaign_id, top_id)
);

create table campaign_day_activity (
    campaign_id uuid    not null references campaign (id) on delete cascade,
    day         date    not null,
    inspections integer not null,
    findings    integer not null,
    resolved    integer not null,
    visited     integer not null,
    primary key (campaign_id, day)
);

-- The rows of one campaign computed from the base tables (campaign_id, site_id, top_id, day, inspections, findings,
-- resolved): the definition of what counts, used by every recomputation.
create function campaign_activity_rows(of_campaign uuid)
    returns table (campaign_id uuid, site_id uuid, top_id uuid, day date, inspections bigint, findings bigint,
                   resolved bigint)
    language sql stable as $fn$
with c as (
    select id, unit_id, starts_at, ends_at from campaign where id = of_campaign
), top as (
    select c.unit_id, c.unit_id as top from c
    union all
    select cl.unit_id, ch.id from c join unit ch on ch.parent_id = c.unit_id
    join unit_closure cl on cl.ancestor_id = ch.id
), z as (
    select zone from campaign_activity_zone limit 1
), work as (
    select x.site_id, tp.top, (x.started_at at time zone z.zone)::date as day, 1 as inspection, 0 as finding,
           0 as resolved
    from c join campaign_target ct on ct.campaign_id = c.id
    join inspection x on x.site_id = ct.site_id and x.started_at >= c.starts_at and x.started_at < c.ends_at
    join top tp on tp.unit_id = x.unit_id cross join z
    union all
    select y.site_id, tp.top, (y.found_at at time zone z.zone)::date, 0, 1,
           case when y.status in ('RECTIFIED', 'VERIFIED') then 1 else 0 end
    from c join campaign_target ct on ct.campaign_id = c.id
    join finding y on y.site_id = ct.site_id and y.found_at >= c.starts_at and y.found_at < c.ends_at
    join top tp on tp.unit_id = y.unit_id cross join z
)
select of_campaign, site_id, top, day, sum(inspection), sum(finding), sum(resolved)
from work group by site_id, top, day
$fn$;

-- The derived rows of the given keys (the i-th campaign with the i-th site, top and day; nulls skip), recomputed from
-- campaign_activity: locked first (in key order), then each recomputed by its own statement, which sees what the
-- writers before it committed.
create function campaign_activity_derive(cs uuid[], ss uuid[], ts uuid[], ds date[])
    returns void language plpgsql as $fn$
begin
    perform 1 from campaign_site_activity x
    where (x.campaign_id, x.site_id) in (select k.c, k.s from unnest(cs, ss) k(c, s))
    order by x.campaign_id, x.site_id for update;
    insert into campaign_top_activity as x (campaign_id, top_id, inspections, findings, resolved, visited)
    select distinct k.c, k.t, 0, 0, 0, 0 from unnest(cs, ts) k(c, t) where k.t is not null order by 1, 2
    on conflict (campaign_id, top_id) do update set visited = x.visited;
    insert into campaign_day_activity as x (campaign_id, day, inspections, findings, resolved, visited)
    select distinct k.c, k.d, 0, 0, 0, 0 from unnest(cs, ds) k(c, d) where k.d is not null order by 1, 2
    on conflict (campaign_id, day) do update set visited = x.visited;

    update campaign_site_activity x
    set inspections = n.inspections, findings = n.findings, resolved = n.resolved, first_day = n.first_day
    from (select distinct k.c, k.s from unnest(cs, ss) k(c, s)) k
    cross join lateral (
        select coalesce(sum(a.inspections), 0) as inspections, coalesce(sum(a.findings), 0) as findings,
               coalesce(sum(a.resolved), 0) as resolved, min(a.day) filter (where a.inspections > 0) as first_day
        from campaign_activity a where a.campaign_id = k.c and a.site_id = k.s) n
    where x.campaign_id = k.c and x.site_id = k.s;
    update campaign_top_activity x
    set inspections = n.inspections, findings = n.findings, resolved = n.resolved, visited = n.visited
    from (select distinct k.c, k.t from unnest(cs, ts) k(c, t) where k.t is not null) k
    cross join lateral (
        select coalesce(sum(a.inspections), 0) as inspections, coalesce(sum(a.findings), 0) as findings,
               coalesce(sum(a.resolved), 0) as resolved,
               count(distinct a.site_id) filter (where a.inspections > 0) as visited
        from campaign_activity a join campaign_site_activity s
            on s.campaign_id = a.campaign_id and s.site_id = a.site_id and s.active
        where a.campaign_id = k.c and a.top_id = k.t) n
    where x.campaign_id = k.c and x.top_id = k.t;
    update campaign_day_activity x
    set inspections = n.inspections, findings = n.findings, resolved = n.resolved, visited = n.visited
    from (select distinct k.c, k.d from unnest(cs, ds) k(c, d) where k.d is not null) k
    cross join lateral (
        select coalesce(sum(a.inspections), 0) as inspections, coalesce(sum(a.findings), 0) as findings,
               coalesce(sum(a.resolved), 0) as resolved,
               count(distinct a.site_id) filter (where a.inspections > 0) as visited
        from campaign_activity a join campaign_site_activity s
            on s.campaign_id = a.campaign_id and s.site_id = a.site_id and s.active
        where a.campaign_id = k.c and a.day = k.d) n
    where x.campaign_id = k.c and x.day = k.d;
end
$fn$;

-- Recompute one campaign from the base tables. The caller holds finding and inspection in share mode, so that these
-- statements' snapshots hold every write that was under way and none runs beside them.
create function campaign_activity_recompute(of_campaign uuid) returns void language plpgsql as $fn$
begin
    delete from campaign_activity a where a.campaign_id = of_campaign;
    delete from campaign_site_activity a where a.campaign_id = of_campaign;
    delete from campaign_top_activity a where a.campaign_id = of_campaign;
    delete from campaign_day_activity a where a.campaign_id = of_campaign;
    insert into campaign_activity (campaign_id, site_id, top_id, day, inspections, findings, resolved)
    select * from campaign_activity_rows(of_campaign);
    insert into campaign_site_activity (campaign_id, site_id, active, inspections, findings, resolved, first_day)
    select ct.campaign_id, ct.site_id, s.active, 0, 0, 0, null
    from campaign_target ct join site s on s.id = ct.site_id where ct.campaign_id = of_campaign;
    perform campaign_activity_derive(array_agg(of_campaign), array_agg(k.site_id), array_agg(k.top_id),
                                     array_agg(k.day))
    from (select site_id, null::uuid as top_id, null::date as day from campaign_site_activity
          where campaign_id = of_campaign
          union all
          select null, u.id, null from campaign c join unit u on u.id = c.unit_id or u.parent_id = c.unit_id
          where c.id = of_campaign
          union all
          select null, null, d::date from campaign c, campaign_activity_zone z,
              generate_series((c.starts_at at time zone z.zone)::date,
                              ((c.ends_at - interval '1 microsecond') at time zone z.zone)::date, interval '1 day') d
          where c.id = of_campaign) k;
end
$fn$;

create function campaign_activity_rebuild() returns void language plpgsql as $fn$
declare
    c uuid;
begin
    lock table finding, inspection in share mode;
    perform 1 from campaign order by id for update;
    for c in select id from campaign order by id loop
        perform campaign_activity_recompute(c);
    end loop;
end
$fn$;

-- A delta's effect on the derived rows: (campaign, site, top, day) keys with the change of inspections, findings and
-- resolved at each. The targets' rows are locked first (key order), so that writers of one target take turns; then
-- each target's totals are recounted from campaign_activity (a handful of rows), and the per-unit and per-day rows get
-- increments: the sums, and +1 / -1 where a target's inspections by that unit (on that day) went from none to some or
-- back, read from campaign_activity after the lock (so an earlier writer's rows are seen). Retired targets add nothing.
create function campaign_activity_count(cs uuid[], ss uuid[], ts uuid[], ds date[], dis integer[], dfs integer[],
                                        drs integer[]) returns void language plpgsql as $fn$
begin
    perform 1 from campaign_site_activity x
    where (x.campaign_id, x.site_id) in (select k.c, k.s from unnest(cs, ss) k(c, s))
    order by x.campaign_id, x.site_id for update;
    update campaign_site_activity x
    set inspections = n.inspections, findings = n.findings, resolved = n.resolved, first_day = n.first_day
    from (select distinct k.c, k.s from unnest(cs, ss) k(c, s)) k
    cross join lateral (
        select coalesce(sum(a.inspections), 0) as inspections, coalesce(sum(a.findings), 0) as findings,
               coalesce(sum(a.resolved), 0) as resolved, min(a.day) filter (where a.inspections > 0) as first_day
        from campaign_activity a where a.campaign_id = k.c and a.site_id = k.s) n
    where x.campaign_id = k.c and x.site_id = k.s;

    with k as (
        select k.* from unnest(cs, ss, ts, ds, dis, dfs, drs) k(c, s, t, d, di, df, dr)
        join campaign_site_activity x on x.campaign_id = k.c and x.site_id = k.s and x.active
    ), crossed as (
        select k.c, k.t, k.s, sum(k.di) as di,
               (select coalesce(sum(a.inspections), 0) from campaign_activity a
                where a.campaign_id = k.c and a.site_id = k.s and a.top_id = k.t) as after
        from k group by k.c, k.t, k.s
    ), delta as (
        select k.c, k.t, sum(k.di) as di, sum(k.df) as df, sum(k.dr) as dr,
               (select coalesce(sum(sign(x.after) - sign(x.after - x.di)), 0) from crossed x
                where x.c = k.c and x.t = k.t) as dv
        from k group by k.c, k.t
    )
    insert into campaign_top_activity as x (campaign_id, top_id, inspections, findings, resolved, visited)
    select c, t, di, df, dr, dv from delta order by 1, 2
    on conflict (campaign_id, top_id) do update
        set inspections = x.inspections + excluded.inspections, findings = x.findings + excluded.findings,
            resolved = x.resolved + excluded.resolved, visited = x.visited + excluded.visited;

    with k as (
        select k.* from unnest(cs, ss, ts, ds, dis, dfs, drs) k(c, s, t, d, di, df, dr)
        join campaign_site_activity x on x.campaign_id = k.c and x.site_id = k.s and x.active
    ), crossed as (
        select k.c, k.d, k.s, sum(k.di) as di,
               (select coalesce(sum(a.inspections), 0) from campaign_activity a
                where a.campaign_id = k.c and a.site_id = k.s and a.day = k.d) as after
        from k group by k.c, k.d, k.s
    ), delta as (
        select k.c, k.d, sum(k.di) as di, sum(k.df) as df, sum(k.dr) as dr,
               (select coalesce(sum(sign(x.after) - sign(x.after - x.di)), 0) from crossed x
                where x.c = k.c and x.d = k.d) as dv
        from k group by k.c, k.d
    )
    insert into campaign_day_activity as x (campaign_id, day, inspections, findings, resolved, visited)
    select c, d, di, df, dr, dv from delta order by 1, 2
    on conflict (campaign_id, day) do update
        set inspections = x.inspections + excluded.inspections, findings = x.findings + excluded.findings,
            resolved = x.resolved + excluded.resolved, visited = x.visited + excluded.visited;
end
$fn$;

-- ------------------------------------------------------------------------------------------------ deltas
-- One delta of inspection or finding rows, each as (site, unit, at, inspection, finding, resolved, sign), given as
-- arrays (the trigger functions collect them from their transition tables, which only they can see). Static SQL
-- throughout, so the plans are cached per connection. A recount never runs beside a write (it takes finding and
-- inspection in share mode), so which campaigns count what is read without locks; then the derived rows
-- (campaign_activity_count).
create function campaign_activity_apply(sites uuid[], units uuid[], ats timestamptz[], inspections integer[],
                                        findings integer[], resolveds integer[], signs integer[])
    returns void language plpgsql as $fn$
declare
    cs uuid[];
    ss uuid[];
    ts uuid[];
    ds date[];
    dis integer[];
    dfs integer[];
    drs integer[];
begin
    if not exists (select 1 from campaign_target where site_id = any(sites)) then
        return;
    end if;
    with d as (
        select * from unnest(sites, units, ats, inspections, findings, resolveds, signs)
            as d(site_id, unit_id, at, inspection, finding, resolved, sign)
    ), k as materialized (
        select c.id as campaign_id, d.site_id, tp.top as top_id, (d.at at time zone z.zone)::date as day,
               sum(d.inspection * d.sign) as di, sum(d.finding * d.sign) as df, sum(d.resolved * d.sign) as dr
        from d
        join campaign_target ct on ct.site_id = d.site_id
        join campaign c on c.id = ct.campaign_id and d.at >= c.starts_at and d.at < c.ends_at
        cross join lateral (
            select c.unit_id as top where d.unit_id = c.unit_id
            union all
            select ch.id from unit_closure cl join unit ch on ch.id = cl.ancestor_id
            where cl.unit_id = d.unit_id and ch.parent_id = c.unit_id
        ) tp
        cross join (select zone from campaign_activity_zone limit 1) z
        group by 1, 2, 3, 4
        having sum(d.inspection * d.sign) <> 0 or sum(d.finding * d.sign) <> 0 or sum(d.resolved * d.sign) <> 0
    ), applied as (
        insert into campaign_activity as a (campaign_id, site_id, top_id, day, inspections, findings, resolved)
        select * from k order by 1, 2, 3, 4
        on conflict (campaign_id, site_id, top_id, day) do update
            set inspections = a.inspections + excluded.inspections, findings = a.findings + excluded.findings,
                resolved = a.resolved + excluded.resolved
    )
    select array_agg(campaign_id), array_agg(site_id), array_agg(top_id), array_agg(day), array_agg(di::integer),
           array_agg(df::integer), array_agg(dr::integer)
    into cs, ss, ts, ds, dis, dfs, drs from k;
    if cs is not null then
        perform campaign_activity_count(cs, ss, ts, ds, dis, dfs, drs);
    end if;
end
$fn$;

-- Updates count only where the site, the unit or the time changed (for findings also whether resolved): a transition
-- between open states, or a corrected description, takes no lock and writes nothing here.
create function campaign_activity_inspections() returns trigger language plpgsql as $fn$
declare
    sites uuid[];
    units uuid[];
    ats timestamptz[];
    signs integer[];
begin
    if tg_op = 'INSERT' then
        select array_agg(site_id), array_agg(unit_id), array_agg(started_at), array_agg(1)
        into sites, units, ats, signs from new_rows;
    elsif tg_op = 'DELETE' then
        select array_agg(site_id), array_agg(unit_id), array_agg(started_at), array_agg(-1)
        into sites, units, ats, signs from old_rows;
    else
        select array_agg(d.site_id), array_agg(d.unit_id), array_agg(d.started_at), array_agg(d.sign)
        into sites, units, ats, signs
        from new_rows n join old_rows o on o.id = n.id
        cross join lateral (values (n.site_id, n.unit_id, n.started_at, 1), (o.site_id, o.unit_id, o.started_at, -1))
            d(site_id, unit_id, started_at, sign)
        where (n.site_id, n.unit_id, n.started_at) is distinct from (o.site_id, o.unit_id, o.started_at);
    end if;
    if sites is not null then
        perform campaign_activity_apply(sites, units, ats, array_fill(1, array[cardinality(sites)]),
                                        array_fill(0, array[cardinality(sites)]),
                                        array_fill(0, array[cardinality(sites)]), signs);
    end if;
    return null;
end
$fn$;

create trigger campaign_activity_inspection_inserted after insert on inspection
    referencing new table as new_rows for each statement execute function campaign_activity_inspections();
create trigger campaign_activity_inspection_updated after update on inspection
    referencing old table as old_rows new table as new_rows for each statement
    execute function campaign_activity_inspections();
create trigger campaign_activity_inspection_deleted after delete on inspection
    referencing old table as old_rows for each statement execute function campaign_activity_inspections();

create function campaign_activity_findings() returns trigger language plpgsql as $fn$
declare
    sites uuid[];
    units uuid[];
    ats timestamptz[];
    resolveds integer[];
    signs integer[];
begin
    if tg_op = 'INSERT' then
        select array_agg(site_id), array_agg(unit_id), array_agg(found_at),
               array_agg(case when status in ('RECTIFIED', 'VERIFIED') then 1 else 0 end), array_agg(1)
        into sites, units, ats, resolveds, signs from new_rows;
    elsif tg_op = 'DELETE' then
        select array_agg(site_id), array_agg(unit_id), array_agg(found_at),
               array_agg(case when status in ('RECTIFIED', 'VERIFIED') then 1 else 0 end), array_agg(-1)
        into sites, units, ats, resolveds, signs from old_rows;
    else
        select array_agg(d.site_id), array_agg(d.unit_id), array_agg(d.found_at), array_agg(d.resolved),
               array_agg(d.sign)
        into sites, units, ats, resolveds, signs
        from new_rows n join old_rows o on o.id = n.id
        cross join lateral (values
            (n.site_id, n.unit_id, n.found_at, case when n.status in ('RECTIFIED', 'VERIFIED') then 1 else 0 end, 1),
            (o.site_id, o.unit_id, o.found_at, case when o.status in ('RECTIFIED', 'VERIFIED') then 1 else 0 end, -1))
            d(site_id, unit_id, found_at, resolved, sign)
        where (n.site_id, n.unit_id, n.found_at, n.status in ('RECTIFIED', 'VERIFIED'))
              is distinct from (o.site_id, o.unit_id, o.found_at, o.status in ('RECTIFIED', 'VERIFIED'));
    end if;
    if sites is not null then
        perform campaign_activity_apply(sites, units, ats, array_fill(0, array[cardinality(sites)]),
                                        array_fill(1, array[cardinality(sites)]), resolveds, signs);
    end if;
    return null;
end
$fn$;

create trigger campaign_activity_finding_inserted after insert on finding
    referencing new table as new_rows for each statement execute function campaign_activity_findings();
create trigger campaign_activity_finding_updated after update on finding
    referencing old table as old_rows new table as new_rows for each statement
    execute function campaign_activity_findings();
create trigger campaign_activity_finding_deleted after delete on finding
    referencing old table as old_rows for each statement execute function campaign_activity_findings();

-- ------------------------------------------------------------------------------------------------ what counts
-- New targets: recount their campaigns, once the writes under way have finished (later ones wait, then see them).
create function campaign_activity_targets_added() returns trigger language plpgsql as $fn$
declare
    c uuid;
begin
    lock table finding, inspection in share mode;
    perform 1 from campaign where id in (select campaign_id from new_rows) order by id for update;
    for c in select distinct campaign_id from new_rows order by 1 loop
        perform campaign_activity_recompute(c);
    end loop;
    return null;
end
$fn$;

create trigger campaign_activity_targets_added after insert on campaign_target
    referencing new table as new_rows for each statement execute function campaign_activity_targets_added();

create function campaign_activity_targets_removed() returns trigger language plpgsql as $fn$
declare
    c uuid;
begin
    lock table finding, inspection in share mode;
    perform 1 from campaign where id in (select campaign_id from old_rows) order by id for update;
    for c in select distinct o.campaign_id from old_rows o join campaign k on k.id = o.campaign_id order by 1 loop
        perform campaign_activity_recompute(c);
    end loop;
    return null;
end
$fn$;

create trigger campaign_activity_targets_removed after delete on campaign_target
    referencing old table as old_rows for each statement execute function campaign_activity_targets_removed();

create function campaign_activity_campaign_changed() returns trigger language plpgsql as $fn$
begin
    perform campaign_activity_recompute(new.id);
    return null;
end
$fn$;

-- Before a campaign is updated or deleted (which may recount it), the writes under way finish and new ones wait until
-- it commits: a writer reads the campaign's period and unit without a lock, so the recount must see every write made
-- under the old ones, and every later write the new ones.
create function campaign_activity_writes_paused() returns trigger language plpgsql as $fn$
begin
    lock table finding, inspection in share mode;
    return null;
end
$fn$;

create trigger campaign_activity_writes_paused before update or delete on campaign
    for each statement execute function campaign_activity_writes_paused();

create trigger campaign_activity_campaign_changed after update of unit_id, starts_at, ends_at on campaign
    for each row when (old.unit_id is distinct from new.unit_id or old.starts_at is distinct from new.starts_at
                       or old.ends_at is distinct from new.ends_at)
    execute function campaign_activity_campaign_changed();

-- A site retired or revived: its targets' active flag, then the tops and days its work counts for in each campaign.
create function campaign_activity_site_changed() returns trigger language plpgsql as $fn$
declare
    cs uuid[];
    ss uuid[];
    ts uuid[];
    ds date[];
begin
    perform 1 from campaign where id in (select campaign_id from campaign_site_activity where site_id = new.id)
    order by id for share;
    update campaign_site_activity set active = new.active where site_id = new.id;
    select array_agg(a.campaign_id), array_agg(a.site_id), array_agg(a.top_id), array_agg(a.day)
    into cs, ss, ts, ds
    from campaign_site_activity x join campaign_activity a on a.campaign_id = x.campaign_id and a.site_id = x.site_id
    where x.site_id = new.id;
    if cs is not null then
        perform campaign_activity_derive(cs, ss, ts, ds);
    end if;
    return null;
end
$fn$;

-- Named to fire after report_site_changed (V2), which first takes finding and inspection in share mode: no writer of
-- those is under way once this one takes rows that writers lock too.
create trigger site_changed_campaign_activity after update of active on site
    for each row when (old.active is distinct from new.active) execute function campaign_activity_site_changed();

-- A moved unit changes which subtree its work counts for and under which child: every campaign is recomputed. Named
-- to fire after unit_closure_moved (triggers of one event fire in name order), so the closure is already moved; by
-- then report_unit_moved (V2, before the update) has taken finding and inspection in share mode, so no writer that
-- holds a campaign's share lock is under way.
create function campaign_activity_unit_moved() returns trigger language plpgsql as $fn$
begin
    if exists (select 1 from old_rows o join new_rows n on n.id = o.id
               where n.parent_id is distinct from o.parent_id) then
        perform campaign_activity_rebuild();
    end if;
    return null;
end
$fn$;

create trigger unit_moved_campaign_activity after update on unit
    referencing old table as old_rows new table as new_rows for each statement
    execute function campaign_activity_unit_moved();

-- Existing campaigns (the demo's are inserted again by R__demo_data, through the triggers above).
select campaign_activity_rebuild();
