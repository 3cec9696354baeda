-- Parallel crawling. A run's frontier is split into lanes, one per host (or a few per host when a
-- job allows more than one connection per host); each lane is read by one partition of the crawl
-- step, so a host is only ever fetched by as many threads or workers as it has lanes.
alter table frontier add column lane integer default 0 not null;

-- One row per crawl run: how its frontier is split (fixed when the run starts, so a restart splits
-- it the same way), and the row every writer locks so that caps and inserts stay exact.
create table crawl_runs (
    job_name       varchar(64)  not null,
    run_id         varchar(32)  not null,
    lanes          integer      default 1 not null,
    lanes_per_host integer      default 1 not null,
    constraint crawl_runs_pk primary key (job_name, run_id)
);

-- Why a run's partitions were told to stop (one of them failed): a row of its own, so that telling
-- never waits for the writers' lock on crawl_runs.
create table crawl_aborts (
    job_name varchar(64)   not null,
    run_id   varchar(32)   not null,
    reason   varchar(1000) not null,
    constraint crawl_aborts_pk primary key (job_name, run_id)
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
