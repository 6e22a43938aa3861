-- Text forms the GraphQL read planner (graphql/planner) writes into the JSON it has PostgreSQL build, so that a
-- planned answer is the same text the resolvers give.

-- A DateTime as the GraphQL scalar prints it: ISO-8601 in UTC with "Z", fraction digits only as needed.
create function gql_time(t timestamptz) returns text language sql stable strict parallel safe as $$
    select to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
        || coalesce('.' || nullif(rtrim(to_char(t at time zone 'UTC', 'US'), '0'), ''), '') || 'Z'
$$;

-- The instant of a keyset cursor as java.time.Instant prints it: fraction in groups of three digits.
create function gql_instant(t timestamptz) returns text language sql stable strict parallel safe as $$
    select to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
        || case when to_char(t at time zone 'UTC', 'US') = '000000' then ''
                when right(to_char(t at time zone 'UTC', 'US'), 3) = '000' then '.' || to_char(t at time zone 'UTC', 'MS')
                else '.' || to_char(t at time zone 'UTC', 'US') end
        || 'Z'
$$;

-- An opaque cursor as common/Cursors encodes it: URL-safe base64 without padding of "1", US, the key parts.
create function gql_cursor(variadic parts text[]) returns text language sql immutable strict parallel safe as $$
    select translate(encode(convert_to('1' || chr(31) || array_to_string(parts, chr(31)), 'UTF8'), 'base64'),
                     '+/=' || chr(10), '-_')
$$;
