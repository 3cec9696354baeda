-- Incremental archives. A post's changed_at is when its text was first stored or last changed
-- (a re-crawl that finds the same text leaves it alone); an incremental export takes the posts
-- changed within its window.
alter table posts add column changed_at timestamp with time zone;
update posts set changed_at = last_seen;
alter table posts alter column changed_at set not null;
create index posts_by_change on posts (job_name, changed_at);

-- One row per exported run: its mode and window, fixed when the export first starts (so a restart
-- exports the same posts), and when its archive was published. The next incremental export of
-- the job starts where the last published one ended.
create table exports (
    job_name     varchar(64) not null,
    run_id       varchar(32) not null,
    mode         varchar(16) not null,  -- SNAPSHOT, INCREMENTAL
    window_from  timestamp with time zone,  -- null: from the beginning
    window_to    timestamp with time zone not null,
    published_at timestamp with time zone,
    constraint exports_pk primary key (job_name, run_id)
);
