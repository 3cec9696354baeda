-- One row per firing of a job's schedule. The server that inserts it runs it; another server
-- sharing the database finds the row and leaves that night alone.
create table scheduled_runs (
    job_name     varchar(64) not null,
    scheduled_at timestamp with time zone not null,
    run_id       varchar(32) not null,
    claimed_by   varchar(300) not null,  -- host and process id
    claimed_at   timestamp with time zone not null,
    outcome      varchar(1000),          -- null while it runs; then the exit status or why it did not run
    constraint scheduled_runs_pk primary key (job_name, scheduled_at)
);

-- The process that runs a job right now, whoever started it (CLI, schedule, web page or API):
-- the runs of one job never overlap.
create table job_leases (
    job_name    varchar(64) not null,
    run_id      varchar(32) not null,
    owner_host  varchar(255) not null,
    owner_pid   bigint not null,
    acquired_at timestamp with time zone not null,
    constraint job_leases_pk primary key (job_name)
);
