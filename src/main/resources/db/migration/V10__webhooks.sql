-- Webhooks (issue 17): endpoints an admin registers, and their delivery state. Events come from change_event, the
-- transactional outbox every write already appends to in its own transaction: nothing is sent for a rolled-back
-- write, and each endpoint follows the log in commit order with the transaction-id watermark of delta sync
-- (docs/sync.md, docs/webhooks.md).

create table webhook_endpoint (
    id                       uuid primary key,
    url                      varchar(2048) not null,
    description              varchar(500),
    -- Comma-separated event types, e.g. finding.reported,notice.issued.
    event_types              varchar(500)  not null,
    -- Optional scope: only events of this unit and the units below it (unit_closure).
    unit_id                  uuid references unit (id),
    enabled                  boolean       not null default true,
    disabled_reason          varchar(500),
    secret                   varchar(200)  not null,
    previous_secret          varchar(200),
    previous_secret_until    timestamptz,
    version                  bigint        not null default 0,
    created_at               timestamptz   not null default now(),
    updated_at               timestamptz   not null default now()
);

-- Where the endpoint's stream stands; written by the dispatcher only, so an admin's edit of the endpoint (an entity
-- with an optimistic version) never overwrites it. A replica works on an endpoint while it holds the lease, taken
-- with FOR UPDATE SKIP LOCKED: one sender per endpoint at a time, so its events leave in order.
create table webhook_stream (
    endpoint_id    uuid primary key references webhook_endpoint (id) on delete cascade,
    -- Every change event at or before (cursor_tx, cursor_seq) has been turned into a message (or left out).
    cursor_tx      xid8        not null,
    cursor_seq     bigint      not null default 0,
    lease_token    uuid,
    lease_until    timestamptz,
    -- When a replica last worked on the stream: the least recently served endpoints are taken first.
    last_run_at    timestamptz not null default '-infinity',
    -- The head message is not due before this (backoff).
    retry_at       timestamptz,
    -- Set at the first failure of a run of failures, cleared by a success.
    failing_since  timestamptz
);

-- The per-endpoint queue, in stream order (id). A message's webhook_id is stable: the same event to the same
-- endpoint always carries the same id, redeliveries included, so receivers can de-duplicate.
create table webhook_message (
    id              bigint generated always as identity primary key,
    endpoint_id     uuid         not null references webhook_endpoint (id) on delete cascade,
    webhook_id      varchar(64)  not null,
    event_type      varchar(64)  not null,
    change_seq      bigint,
    payload         text         not null,
    status          varchar(16)  not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null default now(),
    created_at      timestamptz  not null default now(),
    event_at        timestamptz  not null default now(),
    delivered_at    timestamptz
);
create index webhook_message_pending_idx on webhook_message (endpoint_id, id) where status = 'PENDING';
create index webhook_message_endpoint_idx on webhook_message (endpoint_id, id);

create table webhook_attempt (
    id               bigint generated always as identity primary key,
    message_id       bigint       not null references webhook_message (id) on delete cascade,
    endpoint_id      uuid         not null references webhook_endpoint (id) on delete cascade,
    attempt          integer      not null,
    at               timestamptz  not null default now(),
    status_code      integer,
    latency_ms       integer      not null,
    error            varchar(500),
    response_excerpt varchar(500),
    next_attempt_at  timestamptz
);
create index webhook_attempt_endpoint_idx on webhook_attempt (endpoint_id, id);
