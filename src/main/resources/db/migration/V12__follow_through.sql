-- Follow-through (issue 16, items 3 and 4): the party answerable for rectifying a finding (责任单位), and the
-- reminders and escalations that chase a finding's due time (docs/follow-through.md).

-- The responsible party: an organisation's name and an optional contact; both null until someone names it.
alter table finding
    add column responsible_party   varchar(200),
    add column responsible_contact varchar(200),
    add constraint finding_contact_needs_party check (responsible_contact is null or responsible_party is not null);
-- The finding list filtered by party, newest first (the keyset order of finding lists).
create index finding_responsible_idx on finding (responsible_party, found_at desc, id desc)
    where responsible_party is not null;

-- A reminder is a change event of the finding (actor 'system'); the log must accept its op.
alter table change_event drop constraint change_event_op_check;
alter table change_event add constraint change_event_op_check
    check (op in ('CREATE', 'UPDATE', 'TRANSITION', 'DELETE', 'REMINDER'));

-- One row per reminder or escalation ever sent. The key is what makes each happen exactly once, whichever replica
-- sweeps and however often: the row is inserted in the transaction that writes the change event (and, for an
-- escalation, the status change), with ON CONFLICT DO NOTHING, so a second sweeper's insert finds the row and writes
-- nothing. A new due time is a new key, so a finding whose due time moves is reminded again for the new one.
create table finding_reminder (
    finding_id       uuid        not null references finding (id) on delete cascade,
    kind             varchar(16) not null check (kind in ('DUE_SOON', 'OVERDUE', 'ESCALATED')),
    due_at           timestamptz not null,
    -- The change event it wrote (the history entry, and the feed's keyset order: newest first).
    seq              bigint      not null,
    sent_at          timestamptz not null,
    -- The finding's unit; and whom it is addressed to: the finding's unit, or for an escalation the parent unit
    -- (the unit itself when it has none).
    unit_id          uuid        not null references unit (id),
    audience_unit_id uuid        not null references unit (id),
    severity         varchar(16) not null,
    primary key (finding_id, kind, due_at)
);
create index finding_reminder_feed_idx on finding_reminder (seq desc);
create index finding_reminder_audience_idx on finding_reminder (audience_unit_id, seq desc);
