-- The same article at several URLs (print and AMP pages, copies syndicated to other sites, a
-- lightly corrected re-edit) is stored once: each post keeps the 64-bit SimHash of its body
-- (ArticleFingerprint; null when the body is too short to have one, and for posts stored before
-- this version until their text changes) and the other URLs at which it was read.
alter table posts add column simhash bigint;
alter table posts add column aliases text default '[]' not null;  -- JSON array of URLs, sorted, at most Aliases.MAX

-- The lookup keys of each fingerprint: its 64 bits cut in 8 bands of 8 bits, each stored as
-- band number * 256 + the band's value. Two fingerprints within 7 bits share a key, so the posts
-- near a new one are found through this index, never by reading every post.
create table post_fingerprint_bands (
    job_name  varchar(64) not null,
    band_key  integer     not null,
    post_id   bigint      not null,
    constraint post_fingerprint_bands_pk primary key (job_name, band_key, post_id),
    constraint post_fingerprint_bands_post foreign key (post_id) references posts (id)
);
create index post_fingerprint_bands_by_post on post_fingerprint_bands (post_id);
