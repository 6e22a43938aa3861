-- Delta sync reads the change log in commit order: by writing transaction, then by sequence within it.
create index change_event_tx_idx on change_event (tx, seq);

-- Evidence attached to a finding: its metadata here, its bytes in attachment_chunk. A finding with attachments
-- cannot be deleted (the foreign key refuses it): delete its attachments first, each with its change event.
create table attachment (
    id          uuid primary key,
    finding_id  uuid         not null references finding (id),
    file_name   varchar(255),
    media_type  varchar(64)  not null check (media_type in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
    size_bytes  bigint       not null check (size_bytes > 0),
    sha256      char(64)     not null,
    uploaded_by varchar(255) not null,
    version     bigint       not null default 0,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now()
);
create index attachment_finding_idx on attachment (finding_id, created_at, id);

-- The bytes in fixed-size chunks (the last may be shorter): an upload is written and a download (or a range of
-- it) read a chunk at a time, so neither holds a whole file in memory. Photos and PDFs are compressed already:
-- EXTERNAL storage keeps them out of line without trying to compress them again.
create table attachment_chunk (
    attachment_id uuid    not null references attachment (id) on delete cascade,
    n             integer not null check (n >= 0),
    data          bytea   not null,
    primary key (attachment_id, n)
);
alter table attachment_chunk alter column data set storage external;
