-- Faster publishing and searching at scale.
--
-- Articles and analyses are stored as the JSON text the client sends (nothing on the server
-- looks inside them but a claim count, now a column of its own), so the server no longer
-- parses them into jsonb on every insert; where the server supports it (PostgreSQL 14 and
-- later, built with lz4) the large columns are compressed with lz4 rather than pglz.
--
-- Titles get a full text vector and index of their own, so that a search ranks every article
-- whose title matches and only a bounded sample of those that merely mention the words.

ALTER TABLE articles ADD COLUMN claims integer NOT NULL DEFAULT 0;
UPDATE articles SET claims = coalesce(jsonb_array_length(analysis -> 'claims'), 0);

ALTER TABLE articles
    ALTER COLUMN article TYPE text USING article::text,
    ALTER COLUMN analysis TYPE text USING analysis::text,
    ADD COLUMN title_tsv tsvector GENERATED ALWAYS AS (
        to_tsvector(dossier_ts_config(lang), title)
    ) STORED;

CREATE INDEX articles_title_tsv ON articles USING gin (title_tsv);

DO $$
BEGIN
    IF current_setting('server_version_num')::int >= 140000 THEN
        EXECUTE 'ALTER TABLE articles ALTER COLUMN body SET COMPRESSION lz4, '
             || 'ALTER COLUMN article SET COMPRESSION lz4, '
             || 'ALTER COLUMN analysis SET COMPRESSION lz4';
    END IF;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value OR syntax_error THEN
    -- A server built without lz4 keeps its default compression.
    NULL;
END
$$;
