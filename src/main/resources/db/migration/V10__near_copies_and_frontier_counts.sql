-- Found by profiling the end-to-end benchmark (src/test/scripts/bench-e2e.sh with BENCH_PROFILE):
-- looking up a new post's near copies joined each candidate band row to its post row, whose
-- text made every candidate cost a read of the whole post; the bands now carry the fingerprint
-- itself, so candidates are compared without touching posts.
alter table post_fingerprint_bands add column simhash bigint;
update post_fingerprint_bands b set simhash = (select p.simhash from posts p where p.id = b.post_id);
delete from post_fingerprint_bands where simhash is null;
alter table post_fingerprint_bands alter column simhash set not null;

-- The run's frontier counted as it grows, for the caps checked as links are queued (max-pages,
-- max-per-pattern, the sitemap and feed cap): counting the frontier's rows for each link made a
-- crawl's time grow with the square of its size. One row per run and counted thing: 'kind:PAGE',
-- 'kind:SITEMAP', 'kind:FEED', or 'shape:' and the URL shape. Runs under way when this version is
-- installed get their counts from their frontier.
create table frontier_counts (
    job_name  varchar(64)   not null,
    run_id    varchar(32)   not null,
    counted   varchar(2100) not null,
    urls      integer       not null,
    constraint frontier_counts_pk primary key (job_name, run_id, counted)
);
insert into frontier_counts (job_name, run_id, counted, urls)
    select job_name, run_id, 'kind:' || kind, count(*) from frontier group by job_name, run_id, kind;
insert into frontier_counts (job_name, run_id, counted, urls)
    select job_name, run_id, 'shape:' || shape, count(*) from frontier where shape is not null
    group by job_name, run_id, shape;
