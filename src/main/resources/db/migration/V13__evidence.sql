-- Evidence you can trust (issue 18, docs/evidence.md): where the inspector was at arrival, what the photos say about
-- themselves, and which role a file plays for its finding.

-- Check-in: the device's position at arrival, all four values or none. distance_m and presence are computed by the
-- service when the check-in is recorded (against the site's coordinates of that moment) and kept: a later change
-- of the site's coordinates does not rewrite what was verified then.
alter table inspection
    add column check_in_latitude  double precision,
    add column check_in_longitude double precision,
    add column check_in_accuracy  double precision,
    add column check_in_at        timestamptz,
    add column check_in_distance  integer,
    add column presence           varchar(16) not null default 'UNKNOWN',
    add constraint inspection_presence_check check (presence in ('VERIFIED', 'FAR', 'UNKNOWN')),
    add constraint inspection_check_in_whole check (
        (check_in_latitude is null) = (check_in_longitude is null)
        and (check_in_latitude is null) = (check_in_accuracy is null)
        and (check_in_latitude is null) = (check_in_at is null)),
    add constraint inspection_check_in_range check (
        check_in_latitude between -90 and 90 and check_in_longitude between -180 and 180 and check_in_accuracy > 0),
    add constraint inspection_presence_needs_position check (presence = 'UNKNOWN' or check_in_distance is not null);
-- The summary counts verified and far visits of a period from the rows (docs/reports.md): only those with a class.
create index inspection_presence_idx on inspection (started_at, presence) where presence <> 'UNKNOWN';

-- The role of a file for its finding, and what the photo says of itself (EXIF), read at upload.
alter table attachment
    add column role         varchar(16) not null default 'EVIDENCE',
    add column taken_at     timestamptz,
    add column latitude     double precision,
    add column longitude    double precision,
    add column distance_m   integer,
    add column flags        varchar(200) not null default '',
    add column gps_stripped boolean not null default false,
    add constraint attachment_role_check check (role in ('EVIDENCE', 'AFTER', 'DOCUMENT')),
    add constraint attachment_position_whole check ((latitude is null) = (longitude is null));
create index attachment_after_idx on attachment (finding_id) where role = 'AFTER';

-- A finding fixed on the spot whose severity needs an AFTER photo: by when the photo must be there, or the sweep
-- reopens it (once: the sweep clears it).
alter table finding add column after_photo_due_at timestamptz;
create index finding_after_photo_due_idx on finding (after_photo_due_at) where after_photo_due_at is not null;
