-- Every committed change event is announced on channel ducha_change. PostgreSQL delivers notifications only
-- after commit and in commit order, to every listening replica, so live subscribers see each change once and
-- in the order it became visible. The payload is small (NOTIFY caps it at 8000 bytes); listeners read the row.
create function change_event_notify() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('ducha_change', json_build_object('seq', new.seq, 'entity', new.entity)::text);
    return null;
end
$$;

create trigger change_event_notify
    after insert on change_event
    for each row execute function change_event_notify();
