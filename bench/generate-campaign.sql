-- Bench campaign (issue 16): a drive of district 03's commission over the 2,000 sites of its district, over a quarter
-- of the bench year, for the campaign-coverage workload. Separate from bench/generate.sql (and not in bench/run's
-- fingerprint), so that a loaded data set gets it without a reload; idempotent (fixed ids, on conflict do nothing).
-- The 5% inactive sites among the 2,000 are targets too: they are the retired ones that leave the denominator.
--
--   psql -f bench/generate-campaign.sql      (into a database loaded by bench/generate.sql and migrated to V11)
\set ON_ERROR_STOP on
insert into campaign (id, code, name, description, unit_id, starts_at, ends_at, created_by)
values (md5('bench:campaign:D03')::uuid, 'BENCH-CAMPAIGN-D03', '第03区点位全覆盖督查', '基准专项督查: 全区2000个点位',
        md5('bench:unit:3')::uuid, timestamptz '2026-05-01 00:00+08', timestamptz '2026-08-01 00:00+08', 'bench')
on conflict (id) do nothing;
-- Site n lies in district 1 + (n - 1) % 10: district 03's sites are n = 3, 13, 23, … (2,000 of them). Three quarters
-- by rule (as the service would resolve it), a quarter by list.
insert into campaign_target (campaign_id, site_id, added_how, rule_site_type, rule_district, added_at, added_by)
select md5('bench:campaign:D03')::uuid, md5('bench:site:' || n)::uuid,
       case when k % 4 = 0 then 'LIST' else 'RULE' end,
       case when k % 4 = 0 then null else 'CHECKPOINT' end, case when k % 4 = 0 then null else '第03区' end,
       timestamptz '2026-04-30 12:00+08' + (k % 4) * interval '1 hour', 'bench'
from generate_series(0, 1999) k, lateral (select 3 + 10 * k as n) s
on conflict do nothing;
-- Index-only scans need the visibility map of a freshly loaded table.
vacuum analyze campaign_target;
select count(*) as targets from campaign_target where campaign_id = md5('bench:campaign:D03')::uuid;
