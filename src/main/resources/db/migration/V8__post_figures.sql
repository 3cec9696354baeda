-- The images of a post's body, each with its caption, in reading order: what the PDF draws once the
-- images are fetched. Posts stored before this version have none until they are crawled again.
alter table posts add column figures text default '[]' not null;  -- JSON array of {"image", "caption"}
