-- V8's text forms, rewritten so that PostgreSQL inlines them into the planner's statements. A SQL function declared
-- STRICT whose body cannot be proven strict, or a VARIADIC one, is called through the SQL-function executor for every
-- row (about 15 % of a 50-unit nested read went there); an inlined one is an expression like any other. None of
-- them is ever given a null: found_at, started_at, issued_at, codes and ids are NOT NULL. gql_cursor is STABLE, not
-- IMMUTABLE, because convert_to is: a function claiming more than its body is not inlined either.

-- A DateTime as the GraphQL scalar prints it: ISO-8601 in UTC with "Z", fraction digits only as needed. The dot
-- keeps rtrim from reaching the seconds.
create or replace function gql_time(t timestamptz) returns text language sql stable parallel safe as $$
    select rtrim(rtrim(to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), '0'), '.') || 'Z'
$$;

-- The instant of a keyset cursor as java.time.Instant prints it: fraction in groups of three digits.
create or replace function gql_instant(t timestamptz) returns text language sql stable parallel safe as $$
    select to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
        || case when to_char(t at time zone 'UTC', 'US') = '000000' then ''
                when right(to_char(t at time zone 'UTC', 'US'), 3) = '000' then '.' || to_char(t at time zone 'UTC', 'MS')
                else '.' || to_char(t at time zone 'UTC', 'US') end
        || 'Z'
$$;

-- The opaque cursor of common/Cursors: base64url of "1", US, the parts joined by US; one part (a code) or two (an
-- instant and an id).
drop function gql_cursor(variadic text[]);
create function gql_cursor(part text) returns text language sql stable parallel safe as $$
    select translate(encode(convert_to('1' || chr(31) || part, 'UTF8'), 'base64'), '+/=' || chr(10), '-_')
$$;
create function gql_cursor(first text, second text) returns text language sql stable parallel safe as $$
    select translate(encode(convert_to('1' || chr(31) || first || chr(31) || second, 'UTF8'), 'base64'),
                     '+/=' || chr(10), '-_')
$$;
