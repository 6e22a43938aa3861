-- The change log is the audit trail and the feed of delta sync: rows are appended, never changed or removed.
-- No code path of the service updates or deletes them; this trigger makes that a rule of the database, so that
-- neither a bug nor an injected statement can rewrite history. Archiving old events would be a deliberate
-- migration that drops the trigger for its own transaction.
create function change_event_append_only() returns trigger
    language plpgsql as $$
begin
    raise exception 'change_event is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger change_event_append_only
    before update or delete or truncate on change_event
    for each statement execute function change_event_append_only();
