-- Campaigns (issue 16): a unit's supervision drive over a period [starts_at, ends_at), with target sites. The unit's
-- subtree takes part (unit_closure). Coverage is not stored: it is counted at read time from campaign_target, site
-- and inspection (docs/campaigns.md), so it is exact whatever is written meanwhile, and after a site is added,
-- retired or re-typed, without triggers to keep in step.

create table campaign (
    id          uuid primary key,
    code        varchar(64)  not null,
    name        varchar(200) not null,
    description text,
    unit_id     uuid         not null references unit (id),
    starts_at   timestamptz  not null,
    ends_at     timestamptz  not null,
    created_by  varchar(255) not null,
    version     bigint       not null default 0,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    constraint campaign_code_unique unique (code),
    constraint campaign_period_valid check (ends_at > starts_at)
);
-- Keyset order of the list is (starts_at desc, id desc), alone or within a unit's subtree.
create index campaign_starts_idx on campaign (starts_at desc, id desc);
create index campaign_unit_idx on campaign (unit_id, starts_at desc, id desc);

-- One row per target site. How it was added is kept with it: LIST (named by id) or RULE (site type and/or district,
-- resolved to the sites matching it when it was added; rule_site_type / rule_district say which rule).
create table campaign_target (
    campaign_id    uuid         not null references campaign (id) on delete cascade,
    site_id        uuid         not null references site (id),
    added_how      varchar(8)   not null check (added_how in ('LIST', 'RULE')),
    rule_site_type varchar(32),
    rule_district  varchar(100),
    added_at       timestamptz  not null default now(),
    added_by       varchar(255) not null,
    primary key (campaign_id, site_id),
    constraint campaign_target_rule check (added_how = 'RULE' or (rule_site_type is null and rule_district is null))
);
-- The unvisited list's order: newest addition first, then site code (code is read from site).
create index campaign_target_added_idx on campaign_target (campaign_id, added_at desc, site_id);
-- "Is this site a target of any campaign?" (deleting a site, naming a campaign on an inspection).
create index campaign_target_site_idx on campaign_target (site_id);

-- Inspections and findings may name their campaign. Counting does not depend on it (an inspection of a target by a
-- participating unit inside the period counts either way); naming is checked when written (CampaignService).
alter table inspection add column campaign_id uuid references campaign (id);
alter table finding add column campaign_id uuid references campaign (id);
create index inspection_campaign_idx on inspection (campaign_id) where campaign_id is not null;
create index finding_campaign_idx on finding (campaign_id) where campaign_id is not null;

-- Coverage asks, per target, "a visit of this site in [starts_at, ends_at), by which unit?" and "the findings at this
-- site in the period: unit and status". These indexes answer both from the index alone (index-only scans), one range
-- per target: 2,000 targets at a million findings stay well under the bench target (BENCHMARKS.md).
create index inspection_site_unit_idx on inspection (site_id, started_at) include (unit_id);
create index finding_site_unit_idx on finding (site_id, found_at) include (unit_id, status);
