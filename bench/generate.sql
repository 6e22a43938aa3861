-- Bench data: a large city with a year of supervision work, sized by the number of findings.
--
--   psql -v findings=1000000 -f bench/generate.sql      (into an empty, migrated Ducha database)
--
-- The city is fixed whatever the size: 1 city commission, 10 district commissions, 15 groups per district,
-- 4 teams per group (761 units, a tree four levels deep) and 20,000 sites (2,000 per district, 16 types,
-- 5% inactive). What grows with :findings is the work done there over one year (2025-11-27 to 2026-11-27,
-- Asia/Shanghai): :findings / 2 inspections, :findings findings, :findings / 100 notices. So the 100k and the
-- 1M data sets are the same city in a quiet and in a busy year, and every scope of the summary (the city, a
-- district, a unit's subtree) holds ten times the rows at 1M.
--
-- Deterministic (setseed), so two loads of the same size hold the same rows.
\set ON_ERROR_STOP on
\timing on
-- Room for the one-pass rollup rebuild at the end (this session only).
set work_mem = '256MB';

select setseed(0.20210809);

-- The rollup triggers are off during the load, and report_rebuild() fills the rollups in one pass at the end (the
-- same statements the triggers run, over all rows) rather than once per insert statement; subtree_rebuild() does the
-- same for the subtree tables of V7 (finding_scope, inspection_scope).
alter table finding disable trigger user;
alter table inspection disable trigger user;

-- ---------------------------------------------------------------------------------------- units
insert into unit (id, code, name, kind, parent_id, district)
values (md5('bench:unit:CITY')::uuid, 'BENCH-CITY', '基准市纪委监委', 'COMMISSION', null, '市直');

insert into unit (id, code, name, kind, parent_id, district)
select md5('bench:unit:' || d)::uuid, 'BENCH-D' || lpad(d::text, 2, '0'), '第' || lpad(d::text, 2, '0') || '区纪委监委',
       'COMMISSION', md5('bench:unit:CITY')::uuid, '第' || lpad(d::text, 2, '0') || '区'
from generate_series(1, 10) d;

insert into unit (id, code, name, kind, parent_id, district)
select md5('bench:unit:' || d || ':' || g)::uuid, 'BENCH-D' || lpad(d::text, 2, '0') || '-G' || lpad(g::text, 2, '0'),
       '第' || lpad(d::text, 2, '0') || '区第' || g || '督导组', 'SUPERVISION_GROUP', md5('bench:unit:' || d)::uuid,
       '第' || lpad(d::text, 2, '0') || '区'
from generate_series(1, 10) d, generate_series(1, 15) g;

insert into unit (id, code, name, kind, parent_id, district)
select md5('bench:unit:' || d || ':' || g || ':' || t)::uuid,
       'BENCH-D' || lpad(d::text, 2, '0') || '-G' || lpad(g::text, 2, '0') || '-T' || t,
       '第' || lpad(d::text, 2, '0') || '区第' || g || '督导组第' || t || '小组', 'OTHER', md5('bench:unit:' || d || ':' || g)::uuid,
       '第' || lpad(d::text, 2, '0') || '区'
from generate_series(1, 10) d, generate_series(1, 15) g, generate_series(1, 4) t;

-- ---------------------------------------------------------------------------------------- sites
-- Site n lies in district 1 + (n - 1) % 10; checkpoints, testing points and community offices are the most common.
insert into site (id, code, name, type, district, township, active)
select md5('bench:site:' || n)::uuid, 'BENCH-S' || lpad(n::text, 5, '0'), '基准点位' || n,
       (array['CHECKPOINT', 'CHECKPOINT', 'CHECKPOINT', 'TESTING_POINT', 'TESTING_POINT', 'TESTING_POINT',
              'COMMUNITY_OFFICE', 'COMMUNITY_OFFICE', 'HOSPITAL', 'CLINIC', 'CDC', 'MARKET', 'SUPERMARKET',
              'PHARMACY', 'QUARANTINE_SITE', 'SCHOOL', 'CONSTRUCTION_SITE', 'ENTERPRISE', 'ELDERLY_CARE',
              'GOVERNMENT_OFFICE', 'OTHER'])[1 + ((n - 1) / 10) % 21],
       '第' || lpad((1 + (n - 1) % 10)::text, 2, '0') || '区', '第' || (1 + (n / 10) % 12) || '街道', n % 20 <> 0
from generate_series(1, 20000) n;

-- ---------------------------------------------------------------------------------------- inspections
-- By a team (80%), a group (18%) or a district commission (2%), at a site of its own district (95%) or any site.
create temporary table bench_inspection as
select n, md5('bench:inspection:' || n)::uuid as id, d, g, t, pick, anywhere, site_k, at_seconds, people
from (
    select n, 1 + floor(random() * 10)::int as d, 1 + floor(random() * 15)::int as g, 1 + floor(random() * 4)::int as t,
           random() as pick, random() < 0.05 as anywhere, floor(random() * 2000)::int as site_k,
           floor(random() * 365 * 86400)::int as at_seconds, 1 + floor(random() * 6)::int as people
    from generate_series(1, (:findings) / 2) n
) r;

create temporary table bench_visit as
select i.n, i.id,
       case when i.pick < 0.80 then md5('bench:unit:' || i.d || ':' || i.g || ':' || i.t)::uuid
            when i.pick < 0.98 then md5('bench:unit:' || i.d || ':' || i.g)::uuid
            else md5('bench:unit:' || i.d)::uuid end as unit_id,
       md5('bench:site:' || case when i.anywhere then 1 + (i.site_k * 10 + i.t * 3 + i.g) % 20000
                                  else i.d + 10 * i.site_k end)::uuid as site_id,
       timestamptz '2025-11-27 00:00+08' + make_interval(secs => i.at_seconds) as started_at,
       i.people
from bench_inspection i;
create index on bench_visit (n);

insert into inspection (id, unit_id, site_id, started_at, inspector_count, method, created_by)
select id, unit_id, site_id, started_at, people,
       (array['UNANNOUNCED', 'SCHEDULED', 'FOLLOW_UP'])[1 + n % 3], 'bench'
from bench_visit;

-- ---------------------------------------------------------------------------------------- findings
-- Each finding belongs to a random visit (so a visit has 0..n, two on average). 60% are fixed on the spot;
-- the rest are followed up with a due time 3 days on; those found in the last two weeks are partly still open,
-- and 1% are stuck (open, rectifying or escalated) whenever they were found.
insert into finding (id, unit_id, site_id, inspection_id, category, severity, description, found_at, due_at, status,
                     rectified_on_site, rectified_at, reported_by)
select md5('bench:finding:' || f.n)::uuid, v.unit_id, v.site_id, v.id,
       (array['DISINFECTION', 'DUTY_ROSTER', 'CROWD_CONTROL', 'TESTING_PROCEDURE', 'SUPPLIES', 'PRICING',
              'FOOD_SAFETY', 'RECORD_KEEPING', 'OTHER'])[1 + f.n % 9],
       (array['LOW', 'MEDIUM', 'MEDIUM', 'HIGH', 'CRITICAL'])[1 + f.n % 5],
       '基准问题' || f.n, f.found_at,
       case when not f.on_site then f.found_at + interval '3 days' end,
       case when f.on_site then 'RECTIFIED'
            when f.stuck then (array['OPEN', 'RECTIFYING', 'ESCALATED'])[1 + f.n % 3]
            when f.found_at + f.fix_after > timestamptz '2026-11-27 00:00+08' then (array['OPEN', 'RECTIFYING'])[1 + f.n % 2]
            when f.n % 2 = 0 then 'VERIFIED' else 'RECTIFIED' end,
       f.on_site,
       case when f.on_site then f.found_at
            when f.stuck or f.found_at + f.fix_after > timestamptz '2026-11-27 00:00+08' then null
            else f.found_at + f.fix_after end,
       'bench'
from (
    select n, 1 + floor(random() * ((:findings) / 2))::int as visit, random() < 0.60 as on_site,
           random() < 0.01 as stuck, make_interval(secs => 43200 + floor(random() * 14 * 86400)::int) as fix_after,
           make_interval(secs => floor(random() * 3600)::int) as after_start
    from generate_series(1, :findings) n
) r
cross join lateral (select r.n, r.on_site, r.stuck and not r.on_site as stuck, r.fix_after) f0(n, on_site, stuck, fix_after)
join bench_visit v on v.n = r.visit
cross join lateral (select f0.n, f0.on_site, f0.stuck, f0.fix_after, v.started_at + r.after_start as found_at) f;

-- ---------------------------------------------------------------------------------------- notices
-- Issued by district commissions and groups; a third name a site of their district.
insert into notice (id, unit_id, site_id, kind, title, issued_at, issued_by)
select md5('bench:notice:' || n)::uuid,
       case when n % 4 = 0 then md5('bench:unit:' || d)::uuid else md5('bench:unit:' || d || ':' || g)::uuid end,
       case when n % 3 = 0 then md5('bench:site:' || (d + 10 * k))::uuid end,
       (array['BULLETIN', 'SUGGESTION', 'SUGGESTION', 'ACCOUNTABILITY_WARNING', 'REMINDER', 'REMINDER'])[1 + n % 6],
       '基准通报' || n, timestamptz '2025-11-27 00:00+08' + make_interval(secs => s), 'bench'
from (
    select n, 1 + floor(random() * 10)::int as d, 1 + floor(random() * 15)::int as g, floor(random() * 2000)::int as k,
           floor(random() * 365 * 86400)::int as s
    from generate_series(1, (:findings) / 100) n
) r;

drop table bench_visit;
drop table bench_inspection;

alter table finding enable trigger user;
alter table inspection enable trigger user;
select report_rebuild();
select subtree_rebuild();

vacuum analyze unit;
vacuum analyze site;
vacuum analyze inspection;
vacuum analyze finding;
vacuum analyze notice;
vacuum analyze report_finding_rollup;
vacuum analyze report_rectify_rollup;
vacuum analyze report_visit_rollup;
vacuum analyze unit_closure;
vacuum analyze finding_scope;
vacuum analyze inspection_scope;
