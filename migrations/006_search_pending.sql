-- Searching a corpus that is being published.
--
-- A GIN index takes new rows into a pending list that every search reads from end to end
-- until the list is merged into the index (by vacuum, or by the insert that fills it). At the
-- default limit of 4 MB a search read about 950 pages of pending lists besides the index
-- itself; a limit of 256 kB bounds that at about 100.
--
-- The trigram index over entity names in `mentions` served the entity index's name filter,
-- which now reads `entity_counts` and its own index; it only slowed publishing.

ALTER INDEX articles_tsv SET (gin_pending_list_limit = 256);
ALTER INDEX articles_title_tsv SET (gin_pending_list_limit = 256);
ALTER INDEX articles_title_trgm SET (gin_pending_list_limit = 256);

DROP INDEX mentions_name_trgm;
