-- Core schema: units (a tree), sites, inspections, findings, notices and the change log.
-- Enumerations are text with CHECK constraints so that a new value is one migration, not a type rewrite.

create table unit (
    id          uuid primary key,
    code        varchar(64)  not null,
    name        varchar(200) not null,
    kind        varchar(32)  not null check (kind in ('COMMISSION', 'SUPERVISION_GROUP', 'STATIONED_TEAM',
                    'ACCOUNTABILITY_GROUP', 'COORDINATION_GROUP', 'PUBLICITY_GROUP', 'LOGISTICS_GROUP', 'OTHER')),
    parent_id   uuid references unit (id),
    district    varchar(100),
    leader      varchar(100),
    active      boolean      not null default true,
    version     bigint       not null default 0,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    constraint unit_code_unique unique (code),
    constraint unit_not_own_parent check (parent_id is null or parent_id <> id)
);
create index unit_parent_idx on unit (parent_id, code);
create index unit_district_idx on unit (district, code);

create table site (
    id          uuid primary key,
    code        varchar(64)  not null,
    name        varchar(200) not null,
    type        varchar(32)  not null check (type in ('CHECKPOINT', 'TESTING_POINT', 'HOSPITAL', 'CLINIC', 'CDC',
                    'MARKET', 'SUPERMARKET', 'PHARMACY', 'QUARANTINE_SITE', 'SCHOOL', 'CONSTRUCTION_SITE',
                    'ENTERPRISE', 'ELDERLY_CARE', 'GOVERNMENT_OFFICE', 'COMMUNITY_OFFICE', 'OTHER')),
    district    varchar(100),
    township    varchar(100),
    address     varchar(500),
    latitude    double precision check (latitude between -90 and 90),
    longitude   double precision check (longitude between -180 and 180),
    active      boolean      not null default true,
    version     bigint       not null default 0,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    constraint site_code_unique unique (code)
);
create index site_type_idx on site (type, code);
create index site_district_idx on site (district, township, code);

create table inspection (
    id              uuid primary key,
    unit_id         uuid         not null references unit (id),
    site_id         uuid         not null references site (id),
    started_at      timestamptz  not null,
    inspector_count integer      not null check (inspector_count between 1 and 10000),
    method          varchar(16)  not null check (method in ('UNANNOUNCED', 'SCHEDULED', 'FOLLOW_UP')),
    notes           text,
    created_by      varchar(255) not null,
    version         bigint       not null default 0,
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now()
);
-- Keyset order of inspection lists is (started_at desc, id desc), alone or within a unit or a site.
create index inspection_started_idx on inspection (started_at desc, id desc);
create index inspection_unit_idx on inspection (unit_id, started_at desc, id desc);
create index inspection_site_idx on inspection (site_id, started_at desc, id desc);

create table finding (
    id                 uuid primary key,
    unit_id            uuid         not null references unit (id),
    site_id            uuid         not null references site (id),
    inspection_id      uuid references inspection (id),
    category           varchar(32)  not null check (category in ('DISINFECTION', 'DUTY_ROSTER', 'CROWD_CONTROL',
                           'TESTING_PROCEDURE', 'SUPPLIES', 'PRICING', 'FOOD_SAFETY', 'RECORD_KEEPING', 'OTHER')),
    severity           varchar(16)  not null check (severity in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    description        text         not null,
    found_at           timestamptz  not null,
    due_at             timestamptz,
    status             varchar(16)  not null check (status in ('OPEN', 'RECTIFYING', 'RECTIFIED', 'VERIFIED', 'ESCALATED')),
    rectified_on_site  boolean      not null default false,
    rectified_at       timestamptz,
    rectification_note text,
    reported_by        varchar(255) not null,
    version            bigint       not null default 0,
    created_at         timestamptz  not null default now(),
    updated_at         timestamptz  not null default now(),
    constraint finding_rectified_has_time check (status not in ('RECTIFIED', 'VERIFIED') or rectified_at is not null)
);
-- Keyset order of finding lists is (found_at desc, id desc); each common filter leads an index of that order.
create index finding_found_idx on finding (found_at desc, id desc);
create index finding_unit_idx on finding (unit_id, found_at desc, id desc);
create index finding_site_idx on finding (site_id, found_at desc, id desc);
create index finding_status_idx on finding (status, found_at desc, id desc);
create index finding_inspection_idx on finding (inspection_id);
create index finding_overdue_idx on finding (due_at) where status in ('OPEN', 'RECTIFYING', 'ESCALATED');

create table notice (
    id         uuid primary key,
    unit_id    uuid         not null references unit (id),
    site_id    uuid references site (id),
    kind       varchar(32)  not null check (kind in ('BULLETIN', 'SUGGESTION', 'ACCOUNTABILITY_WARNING', 'REMINDER')),
    title      varchar(300) not null,
    body       text,
    issued_at  timestamptz  not null,
    issued_by  varchar(255) not null,
    version    bigint       not null default 0,
    created_at timestamptz  not null default now(),
    updated_at timestamptz  not null default now()
);
create index notice_issued_idx on notice (issued_at desc, id desc);
create index notice_unit_idx on notice (unit_id, issued_at desc, id desc);
create index notice_kind_idx on notice (kind, issued_at desc, id desc);

create table notice_finding (
    notice_id  uuid not null references notice (id) on delete cascade,
    finding_id uuid not null references finding (id),
    primary key (notice_id, finding_id)
);
create index notice_finding_finding_idx on notice_finding (finding_id);

-- One row per committed change, written in the writing transaction. tx is the writing transaction's id:
-- readers page by commit order with a transaction-id watermark, so a late commit is never skipped.
create table change_event (
    seq       bigint generated always as identity primary key,
    tx        xid8         not null default pg_current_xact_id(),
    at        timestamptz  not null default now(),
    actor     varchar(255) not null,
    entity    varchar(32)  not null,
    entity_id uuid         not null,
    op        varchar(16)  not null check (op in ('CREATE', 'UPDATE', 'TRANSITION', 'DELETE')),
    version   bigint,
    data      jsonb,
    detail    jsonb
);
create index change_event_entity_idx on change_event (entity, entity_id, seq);
