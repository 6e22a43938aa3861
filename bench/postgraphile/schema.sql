-- What bench/run adds to the bench database for PostGraphile (issue 21), applied before PostGraphile starts; the
-- service does not see it. Finding.overdue of Ducha's schema as a computed column, so that both sides select the
-- same fields ("overdue" on PostGraphile's Finding type; PostgreSQL inlines the function into the query).
create or replace function finding_overdue(f finding) returns boolean
    language sql stable parallel safe
    as $$ select f.status in ('OPEN', 'RECTIFYING', 'ESCALATED') and f.due_at is not null and f.due_at < now() $$;
comment on function finding_overdue(finding) is 'Past its due time and not yet rectified (bench only: Ducha''s Finding.overdue).';
