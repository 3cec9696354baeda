-- Paragraphs and captions learned as a site's furniture (found on many of its posts): they are
-- removed from every post of that site, stored or still to come. Learned texts are never forgotten.
create table site_furniture (
    job_name     varchar(64)   not null,
    site         varchar(255)  not null,  -- the host of the posts' canonical URLs
    text_sha256  char(64)      not null,
    text         text          not null,
    posts        integer       not null,  -- the posts it was found on when learned
    site_posts   integer       not null,  -- the posts the site had then
    learned_run  varchar(32)   not null,
    learned_at   timestamp with time zone not null,
    constraint site_furniture_per_site unique (job_name, site, text_sha256)
);
