-- Idempotency-Key records (IETF draft "The Idempotency-Key HTTP Header Field"), one per (caller, key).
-- A request first claims its key (IN_FLIGHT) in a short transaction of its own; the write then stores its
-- response (DONE) in the write's own transaction, so a response is on record exactly when its write committed.
-- A failed request (4xx) stores its problem the same way. attempt names the claim that may complete the record:
-- an attempt whose claim was taken over after its lease ran out can no longer commit.
create table idempotency_record (
    subject     varchar(255) not null,
    key         varchar(255) not null,
    fingerprint char(64)     not null,
    state       varchar(16)  not null check (state in ('IN_FLIGHT', 'DONE')),
    attempt     uuid         not null,
    claimed_at  timestamptz  not null default now(),
    status      integer,
    headers     jsonb,
    body        bytea,
    created_at  timestamptz  not null default now(),
    constraint idempotency_record_pkey primary key (subject, key),
    constraint idempotency_record_done_has_response check (state <> 'DONE' or status is not null)
);
-- The purge deletes by age.
create index idempotency_record_created_idx on idempotency_record (created_at);
