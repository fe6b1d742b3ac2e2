-- The reader's list of the published corpus: articles in the byte order of their source paths
-- (whatever the database's collation), paged by (source, id) keys.

CREATE INDEX articles_list ON articles ((source COLLATE "C"), id);
