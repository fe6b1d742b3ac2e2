-- Summaries kept up to date by `dossier publish`, so that the reader's article count, the
-- entity index and the sources view read a few rows of an index instead of scanning the corpus.
--
-- Publishing adds to them in the same transaction as the articles it inserts (only those
-- actually inserted, so publishing again adds nothing), in a fixed order (entities by kind and
-- name, then outlets by name, then the total), so that concurrent publishers queue on a row
-- rather than deadlock. The tables are filled here from what the server already holds, with
-- the corpus locked against writes meanwhile.

LOCK TABLE articles, mentions IN SHARE MODE;

CREATE TABLE corpus_totals (
    only_row  boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    articles  bigint NOT NULL
);

INSERT INTO corpus_totals (articles) SELECT count(*) FROM articles;

CREATE TABLE entity_counts (
    kind      text NOT NULL,
    name      text NOT NULL,
    articles  bigint NOT NULL,
    mentions  bigint NOT NULL,
    PRIMARY KEY (kind, name)
);

INSERT INTO entity_counts (kind, name, articles, mentions)
SELECT kind, name, count(*), sum(mentions) FROM mentions GROUP BY kind, name;

CREATE INDEX entity_counts_rank ON entity_counts (articles DESC, name);
CREATE INDEX entity_counts_kind_rank ON entity_counts (kind, articles DESC, name);
CREATE INDEX entity_counts_name_trgm ON entity_counts USING gin (dossier_fold(name) gin_trgm_ops);

CREATE TABLE source_counts (
    outlet    text PRIMARY KEY,
    articles  bigint NOT NULL,
    first     text,
    last      text
);

INSERT INTO source_counts (outlet, articles, first, last)
SELECT coalesce(outlet, ''), count(*), min(published), max(published) FROM articles GROUP BY 1;

CREATE INDEX source_counts_rank ON source_counts (articles DESC, outlet);
