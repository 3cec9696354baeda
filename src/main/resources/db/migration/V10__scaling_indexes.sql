-- Found by profiling the end-to-end benchmark (src/test/scripts/bench-e2e.sh with BENCH_PROFILE):
-- looking up a new post's near copies joined each candidate band row to its post row, whose
-- text made every candidate cost a read of the whole post; the bands now carry the fingerprint
-- itself, so candidates are compared without touching posts.
alter table post_fingerprint_bands add column simhash bigint;
update post_fingerprint_bands b set simhash = (select p.simhash from posts p where p.id = b.post_id);
delete from post_fingerprint_bands where simhash is null;
alter table post_fingerprint_bands alter column simhash set not null;

-- The room left under max-pages is the run's count of PAGE rows, taken once per chunk written:
-- without an index it read every row of the run's frontier.
create index frontier_kinds on frontier (job_name, run_id, kind);
