-- The nested read of bench/run's graphql-sites workload as one statement that returns the whole JSON answer:
-- 50 sites of a district in code order, each with its 10 newest findings (found_at desc, id desc) and the
-- finding's unit name. bench/run runs it under pgbench (-M prepared, the same clients and duration as wrk; the
-- pgbench variable "district" is bound as a parameter, -D district=...) as "pgbench-nested", and checks once per
-- run that it gives the same data as Ducha's answer to the same query.
--
-- Written by hand until the read planner can log its own statement (issue 21); replace this file with the
-- planner's exact text (a pgbench script of one statement, with the variable "district"; no colon before a letter
-- anywhere else, not even in a literal or a comment: pgbench would take it for a variable) and bench/run
-- measures that.
select json_build_object('data', json_build_object('sites', json_build_object('edges', coalesce(
           json_agg(json_build_object('node', json_build_object(
               'code', s.code, 'name', s.name, 'findings', json_build_object('edges', f.edges))) order by s.code),
           '[]'::json))))
from (select id, code, name from site where district = :district order by code limit 50) s
cross join lateral (
    select coalesce(json_agg(json_build_object('node', json_build_object(
               'id', f.id, 'description', f.description, 'status', f.status,
               'foundAt', f.found_at,
               'unit', json_build_object('name', u.name))) order by f.found_at desc, f.id desc), '[]'::json) as edges
    from (select id, description, status, found_at, unit_id from finding where site_id = s.id
          order by found_at desc, id desc limit 10) f
    join unit u on u.id = f.unit_id
) f;
