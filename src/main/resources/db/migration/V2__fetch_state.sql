-- What the last fetch of each URL of a job returned, for conditional requests on the next run:
-- an unchanged page answers 304 and costs no download and no extraction.
create table fetch_state (
    job_name      varchar(64)   not null,
    url           varchar(2048) not null,
    etag          varchar(500),
    last_modified varchar(100),
    fetched_at    timestamp with time zone not null,
    links         text,  -- JSON: the links followed from the page, queued again when it answers 304
    constraint fetch_state_url_per_job primary key (job_name, url)
);
