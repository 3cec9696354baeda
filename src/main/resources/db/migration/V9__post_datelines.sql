-- The dateline news articles print before their first sentence ("LONDON (Reuters)"), moved out of
-- the body into its own field. Posts stored before this version have none until crawled again.
alter table posts add column dateline varchar(200);
