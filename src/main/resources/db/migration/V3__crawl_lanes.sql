-- Parallel crawling. A run's frontier is split into lanes, one per host (or a few per host when a
-- job allows more than one connection per host); each lane is read by one partition of the crawl
-- step, so a host is only ever fetched by as many threads or workers as it has lanes.
alter table frontier add column lane integer default 0 not null;

-- One row per crawl run: how its frontier is split (fixed when the run starts, so a restart splits
-- it the same way), the row every writer locks so that caps and inserts stay exact, and why the
-- run's lanes were told to stop when one of them failed.
create table crawl_runs (
    job_name       varchar(64)  not null,
    run_id         varchar(32)  not null,
    lanes          integer      default 1 not null,
    lanes_per_host integer      default 1 not null,
    aborted        varchar(1000),
    constraint crawl_runs_pk primary key (job_name, run_id)
);
insert into crawl_runs (job_name, run_id) select distinct job_name, run_id from frontier;

-- The hosts of a run in the order they were first seen: a host's lanes follow from its ordinal.
create table crawl_hosts (
    job_name varchar(64)  not null,
    run_id   varchar(32)  not null,
    host     varchar(300) not null,
    ordinal  integer      not null,
    constraint crawl_hosts_pk primary key (job_name, run_id, host)
);
