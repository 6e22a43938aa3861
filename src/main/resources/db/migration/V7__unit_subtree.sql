-- Subtree reads that do not walk the subtree: "the newest findings (inspections) of a unit and every unit below it"
-- is one range of one index, whatever the depth and size of the tree.
--
-- unit_closure holds every (ancestor, unit) pair of the unit tree, each unit being its own ancestor at depth 0: the
-- units of a subtree are the rows of its root (the primary key's prefix), a unit's ancestors are the rows of its
-- unit_id (unit_closure_unit_idx). finding_scope and inspection_scope hold one row per (row, ancestor of its unit,
-- the unit included), keyed in list order, so the newest page of a subtree is read from the end of the root's range
-- of the primary key, backwards (newest first: found_at desc, id desc), and joined back to the row by its id.
-- docs/subtree.md has the design, the alternatives and the EXPLAIN ANALYZE figures at a million findings.
--
-- Triggers keep all three exact in the writing transaction, like the report rollups of V2 (same reasons: no write
-- path can skip them, Flyway's demo data and an operator's SQL included). Their statements are not recursive, so no
-- tree can make them loop; a move that would put a unit below itself is refused here too, not only by UnitService,
-- so two moves racing each other cannot make a cycle either. subtree_rebuild() recomputes the three tables from the
-- base tables: it fills them below, and bench/generate.sql calls it after a load with the triggers off.

create table unit_closure (
    ancestor_id uuid    not null,
    unit_id     uuid    not null,
    depth       integer not null check (depth >= 0),
    primary key (ancestor_id, unit_id)
);
create index unit_closure_unit_idx on unit_closure (unit_id);

-- The primary keys are ascending (PostgreSQL's constraints take no sort order); read backwards, they give the lists'
-- order found_at desc, id desc within an ancestor.
create table finding_scope (
    ancestor_id uuid        not null,
    found_at    timestamptz not null,
    finding_id  uuid        not null,
    primary key (ancestor_id, found_at, finding_id)
);

create table inspection_scope (
    ancestor_id   uuid        not null,
    started_at    timestamptz not null,
    inspection_id uuid        not null,
    primary key (ancestor_id, started_at, inspection_id)
);

-- ------------------------------------------------------------------------------------------------ units
-- New units: each with its parent's ancestors, one level further. Statement-level, so that a parent and its children
-- inserted by one statement are linked whatever the order of its rows; the walk stays within the new rows (the
-- CYCLE clause ends it should they point at each other) and then takes the closure of the first existing ancestor.
create function unit_closure_inserted() returns trigger language plpgsql as $fn$
begin
    insert into unit_closure (ancestor_id, unit_id, depth)
    with recursive up(unit_id, ancestor_id, depth) as (
        select id, id, 0 from new_rows
        union all
        select up.unit_id, n.parent_id, up.depth + 1 from up join new_rows n on n.id = up.ancestor_id
        where n.parent_id is not null
    ) cycle ancestor_id set looped using path
    select c.ancestor_id, up.unit_id, up.depth + c.depth
    from up join unit_closure c on c.unit_id = up.ancestor_id
    where not up.looped and not exists (select from new_rows n where n.id = up.ancestor_id)
    union all
    select up.ancestor_id, up.unit_id, up.depth
    from up
    where not up.looped and exists (select from new_rows n where n.id = up.ancestor_id);
    -- Only new units that point at each other in a ring reach no top-level unit.
    if exists (select from new_rows n
               where not exists (select from unit_closure c join unit t on t.id = c.ancestor_id
                                 where c.unit_id = n.id and t.parent_id is null)) then
        raise exception 'new units point at each other in a cycle'
            using errcode = 'check_violation', constraint = 'unit_not_own_ancestor';
    end if;
    return null;
end
$fn$;

create trigger unit_closure_inserted after insert on unit
    referencing new table as new_rows for each statement execute function unit_closure_inserted();

-- A unit that moves takes its subtree along: the subtree's pairs with the unit's old ancestors are replaced by pairs
-- with the new parent's ancestors, and the scope rows of the subtree's findings and inspections leave the ancestors
-- only the old place had and join those only the new place has (the common ones keep theirs). The moved unit's own
-- scope rows are the subtree's, so they are read instead of the findings themselves.
create function unit_closure_moved() returns trigger language plpgsql as $fn$
declare
    old_up uuid[];
    lost uuid[];
    gained uuid[];
begin
    if old.id is distinct from new.id then
        -- Only a unit nothing refers to can change its id (the foreign keys have no cascade): a leaf with no rows.
        update unit_closure set unit_id = new.id where unit_id = old.id;
        update unit_closure set ancestor_id = new.id where ancestor_id = old.id;
        if old.parent_id is not distinct from new.parent_id then
            return null;
        end if;
    end if;
    -- Writers of findings and inspections wait until this commits, so that none files a row under ancestors this
    -- move has left (the rollup trigger of V2 takes the same lock); moves and new units wait for each other, so that
    -- the check below sees the tree as any other move left it.
    lock table finding, inspection in share mode;
    lock table unit_closure in share row exclusive mode;
    if exists (select from unit_closure where ancestor_id = new.id and unit_id = new.parent_id) then
        raise exception 'unit % cannot move below itself (to %)', new.id, new.parent_id
            using errcode = 'check_violation', constraint = 'unit_not_own_ancestor';
    end if;

    old_up := array(select ancestor_id from unit_closure where unit_id = new.id and depth > 0);
    lost := array(select unnest(old_up) except select ancestor_id from unit_closure where unit_id = new.parent_id);
    gained := array(select ancestor_id from unit_closure where unit_id = new.parent_id except select unnest(old_up));

    delete from finding_scope s using finding_scope m
    where m.ancestor_id = new.id and s.ancestor_id = any(lost) and s.found_at = m.found_at
      and s.finding_id = m.finding_id;
    insert into finding_scope (ancestor_id, found_at, finding_id)
    select a.id, m.found_at, m.finding_id from finding_scope m cross join unnest(gained) as a(id)
    where m.ancestor_id = new.id;

    delete from inspection_scope s using inspection_scope m
    where m.ancestor_id = new.id and s.ancestor_id = any(lost) and s.started_at = m.started_at
      and s.inspection_id = m.inspection_id;
    insert into inspection_scope (ancestor_id, started_at, inspection_id)
    select a.id, m.started_at, m.inspection_id from inspection_scope m cross join unnest(gained) as a(id)
    where m.ancestor_id = new.id;

    delete from unit_closure c using unit_closure s
    where s.ancestor_id = new.id and c.unit_id = s.unit_id and c.ancestor_id = any(old_up);
    insert into unit_closure (ancestor_id, unit_id, depth)
    select p.ancestor_id, s.unit_id, p.depth + s.depth + 1
    from unit_closure p cross join unit_closure s
    where p.unit_id = new.parent_id and s.ancestor_id = new.id;
    return null;
end
$fn$;

create trigger unit_closure_moved after update of id, parent_id on unit
    for each row when (old.parent_id is distinct from new.parent_id or old.id is distinct from new.id)
    execute function unit_closure_moved();

-- A unit can go only when nothing refers to it, sub-units included (foreign keys), so it has no scope rows.
create function unit_closure_deleted() returns trigger language plpgsql as $fn$
begin
    delete from unit_closure c using old_rows o where c.unit_id = o.id;
    return null;
end
$fn$;

create trigger unit_closure_deleted after delete on unit
    referencing old table as old_rows for each statement execute function unit_closure_deleted();

-- ------------------------------------------------------------------------------------------------ findings
create function finding_scope_inserted() returns trigger language plpgsql as $fn$
begin
    insert into finding_scope (ancestor_id, found_at, finding_id)
    select c.ancestor_id, n.found_at, n.id from new_rows n join unit_closure c on c.unit_id = n.unit_id;
    return null;
end
$fn$;

create trigger finding_scope_inserted after insert on finding
    referencing new table as new_rows for each statement execute function finding_scope_inserted();

create function finding_scope_deleted() returns trigger language plpgsql as $fn$
begin
    delete from finding_scope s using old_rows o join unit_closure c on c.unit_id = o.unit_id
    where s.ancestor_id = c.ancestor_id and s.found_at = o.found_at and s.finding_id = o.id;
    return null;
end
$fn$;

create trigger finding_scope_deleted after delete on finding
    referencing old table as old_rows for each statement execute function finding_scope_deleted();

-- Row by row, and only when the unit or the time changes: most updates (transitions, corrections) change neither,
-- and then the trigger is not even called.
create function finding_scope_updated() returns trigger language plpgsql as $fn$
begin
    delete from finding_scope s using unit_closure c
    where c.unit_id = old.unit_id and s.ancestor_id = c.ancestor_id and s.found_at = old.found_at
      and s.finding_id = old.id;
    insert into finding_scope (ancestor_id, found_at, finding_id)
    select c.ancestor_id, new.found_at, new.id from unit_closure c where c.unit_id = new.unit_id;
    return null;
end
$fn$;

create trigger finding_scope_updated after update of id, unit_id, found_at on finding
    for each row when (old.unit_id is distinct from new.unit_id or old.found_at is distinct from new.found_at
                       or old.id is distinct from new.id)
    execute function finding_scope_updated();

-- ------------------------------------------------------------------------------------------------ inspections
create function inspection_scope_inserted() returns trigger language plpgsql as $fn$
begin
    insert into inspection_scope (ancestor_id, started_at, inspection_id)
    select c.ancestor_id, n.started_at, n.id from new_rows n join unit_closure c on c.unit_id = n.unit_id;
    return null;
end
$fn$;

create trigger inspection_scope_inserted after insert on inspection
    referencing new table as new_rows for each statement execute function inspection_scope_inserted();

create function inspection_scope_deleted() returns trigger language plpgsql as $fn$
begin
    delete from inspection_scope s using old_rows o join unit_closure c on c.unit_id = o.unit_id
    where s.ancestor_id = c.ancestor_id and s.started_at = o.started_at and s.inspection_id = o.id;
    return null;
end
$fn$;

create trigger inspection_scope_deleted after delete on inspection
    referencing old table as old_rows for each statement execute function inspection_scope_deleted();

create function inspection_scope_updated() returns trigger language plpgsql as $fn$
begin
    delete from inspection_scope s using unit_closure c
    where c.unit_id = old.unit_id and s.ancestor_id = c.ancestor_id and s.started_at = old.started_at
      and s.inspection_id = old.id;
    insert into inspection_scope (ancestor_id, started_at, inspection_id)
    select c.ancestor_id, new.started_at, new.id from unit_closure c where c.unit_id = new.unit_id;
    return null;
end
$fn$;

create trigger inspection_scope_updated after update of id, unit_id, started_at on inspection
    for each row when (old.unit_id is distinct from new.unit_id or old.started_at is distinct from new.started_at
                       or old.id is distinct from new.id)
    execute function inspection_scope_updated();

-- ------------------------------------------------------------------------------------------------ truncation
-- TRUNCATE fires no row or statement triggers of its own kind above; these empty the derived tables with it.
create function subtree_truncated() returns trigger language plpgsql as $fn$
begin
    case tg_table_name
        when 'unit' then truncate unit_closure;
        when 'finding' then truncate finding_scope;
        else truncate inspection_scope;
    end case;
    return null;
end
$fn$;

create trigger unit_closure_truncated after truncate on unit
    for each statement execute function subtree_truncated();
create trigger finding_scope_truncated after truncate on finding
    for each statement execute function subtree_truncated();
create trigger inspection_scope_truncated after truncate on inspection
    for each statement execute function subtree_truncated();

-- ------------------------------------------------------------------------------------------------ rebuild
-- Recomputes the three tables from unit, finding and inspection. Refuses a tree with a cycle, which has no closure
-- (UnitService and the trigger above refuse to make one).
create function subtree_rebuild() returns void language plpgsql as $fn$
begin
    lock table unit, finding, inspection in share mode;
    lock table unit_closure in share row exclusive mode;
    truncate unit_closure, finding_scope, inspection_scope;
    insert into unit_closure (ancestor_id, unit_id, depth)
    with recursive up(unit_id, ancestor_id, depth) as (
        select id, id, 0 from unit
        union all
        select up.unit_id, u.parent_id, up.depth + 1 from up join unit u on u.id = up.ancestor_id
        where u.parent_id is not null
    ) cycle ancestor_id set looped using path
    select ancestor_id, unit_id, depth from up where not looped;
    if exists (select from unit u where not exists (select from unit_closure c join unit t on t.id = c.ancestor_id
                                                     where c.unit_id = u.id and t.parent_id is null)) then
        raise exception 'the unit tree has a cycle: correct parent_id first'
            using errcode = 'check_violation', constraint = 'unit_not_own_ancestor';
    end if;
    -- In key order, so that the primary keys grow at their right edge.
    insert into finding_scope (ancestor_id, found_at, finding_id)
    select c.ancestor_id, f.found_at, f.id from finding f join unit_closure c on c.unit_id = f.unit_id
    order by 1, 2, 3;
    insert into inspection_scope (ancestor_id, started_at, inspection_id)
    select c.ancestor_id, i.started_at, i.id from inspection i join unit_closure c on c.unit_id = i.unit_id
    order by 1, 2, 3;
    analyze unit_closure;
    analyze finding_scope;
    analyze inspection_scope;
end
$fn$;

do $$ begin perform subtree_rebuild(); end $$;
