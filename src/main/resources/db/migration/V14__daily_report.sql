-- The daily report counts the findings moved to ESCALATED during a day from the change log's transitions
-- (DailyReportSql.FINDINGS). The log grows with every write and has no index by time, so without this each daily
-- report would read all of it; escalations are a small part of it, and this partial index holds only them.
create index change_event_escalated_idx on change_event (at)
    where entity = 'finding' and op = 'TRANSITION' and detail ->> 'to' = 'ESCALATED';
