-- The shared corpus: articles with their analyses, searchable with full text search in the
-- article's language and with trigrams over accent-folded titles and entity names.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only stable (its dictionary could change); indexes need an immutable wrapper
-- that names the dictionary explicitly.
CREATE FUNCTION dossier_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT lower(unaccent('unaccent'::regdictionary, $1)) $$;

CREATE FUNCTION dossier_ts_config(text) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT CASE WHEN $1 = 'de' THEN 'german'::regconfig ELSE 'english'::regconfig END $$;

CREATE TABLE articles (
    id           text PRIMARY KEY,
    source       text NOT NULL,
    title        text NOT NULL,
    lang         text NOT NULL,
    outlet       text,
    published    text,
    body         text NOT NULL,
    article      jsonb NOT NULL,
    analysis     jsonb NOT NULL,
    published_by text NOT NULL,
    received     timestamptz NOT NULL DEFAULT now(),
    tsv          tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector(dossier_ts_config(lang), title), 'A')
        || setweight(to_tsvector(dossier_ts_config(lang), left(body, 500000)), 'B')
    ) STORED
);

CREATE INDEX articles_tsv ON articles USING gin (tsv);
CREATE INDEX articles_title_trgm ON articles USING gin (dossier_fold(title) gin_trgm_ops);

CREATE TABLE mentions (
    article    text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind       text NOT NULL,
    name       text NOT NULL,
    mentions   integer NOT NULL,
    PRIMARY KEY (article, kind, name)
);

CREATE INDEX mentions_name ON mentions (kind, name);
CREATE INDEX mentions_name_trgm ON mentions USING gin (dossier_fold(name) gin_trgm_ops);
