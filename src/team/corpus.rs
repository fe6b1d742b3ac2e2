//! The shared corpus on the team server: publishing articles with their analyses (keyed by the
//! content-hash article id, so publishing again adds nothing), search with PostgreSQL full text
//! search (German and English configurations) and trigrams over accent-folded titles and
//! entity names, and the aggregations the entity index and sources view need, as SQL.

use super::{TeamError, pg_text};
use crate::model::{Analysis, Article};
use postgres::Client;
use postgres::binary_copy::BinaryCopyInWriter;
use postgres::types::Type;
use serde::Serialize;
use std::collections::BTreeMap;

/// Counts of one published batch.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Published {
    /// Articles the server did not have.
    pub added: usize,
    /// Articles it had already (same id).
    pub present: usize,
    /// Entity rows written.
    pub mentions: usize,
}

impl std::ops::AddAssign for Published {
    fn add_assign(&mut self, o: Published) {
        self.added += o.added;
        self.present += o.present;
        self.mentions += o.mentions;
    }
}

/// Which of `ids` the server holds already.
pub fn present_ids(client: &mut Client, ids: &[String]) -> Result<Vec<String>, TeamError> {
    let rows = client.query("SELECT id FROM articles WHERE id = ANY($1)", &[&ids])?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}

/// Publishes a batch in one transaction: articles the server lacks are added with their
/// analyses and entity counts; the others are left as they are. Safe to repeat.
pub fn publish(
    client: &mut Client,
    user: &str,
    batch: &[(&Article, &Analysis)],
) -> Result<Published, TeamError> {
    let write = |e| TeamError::from_write(e, user);
    let ids: Vec<String> = batch.iter().map(|(a, _)| a.id.0.clone()).collect();
    let present = present_ids(client, &ids)?;
    let mut seen: std::collections::HashSet<&str> = present.iter().map(String::as_str).collect();
    let mut fresh = Vec::new();
    for (a, an) in batch {
        // The same article twice in one batch counts once.
        if seen.insert(a.id.0.as_str()) {
            fresh.push((*a, *an));
        }
    }
    let mut out = Published {
        present: batch.len() - fresh.len(),
        ..Published::default()
    };
    if fresh.is_empty() {
        return Ok(out);
    }
    let mut cols: [Vec<String>; 7] = Default::default();
    let mut outlets: Vec<Option<String>> = Vec::new();
    let mut dates: Vec<Option<String>> = Vec::new();
    let mut m_article = Vec::new();
    let mut m_kind = Vec::new();
    let mut m_name = Vec::new();
    let mut m_count: Vec<i32> = Vec::new();
    let mut claims: Vec<i32> = Vec::new();
    for (a, an) in &fresh {
        let article_json =
            serde_json::to_string(a).map_err(|e| TeamError::Schema(e.to_string()))?;
        let analysis_json =
            serde_json::to_string(an).map_err(|e| TeamError::Schema(e.to_string()))?;
        cols[0].push(a.id.0.clone());
        cols[1].push(pg_text(&a.source));
        cols[2].push(pg_text(&a.title));
        cols[3].push(a.lang.code().to_string());
        cols[4].push(pg_text(&a.text));
        // Stored as JSON text; a \u0000 escape would come back as a NUL, which no text column
        // holds, so it becomes U+FFFD as it does in the body.
        cols[5].push(article_json.replace("\\u0000", "\\ufffd"));
        cols[6].push(analysis_json.replace("\\u0000", "\\ufffd"));
        outlets.push(a.outlet.as_deref().map(pg_text));
        dates.push(a.date.map(|d| d.iso()));
        claims.push(i32::try_from(an.claims.len()).unwrap_or(i32::MAX));
        let mut counts: BTreeMap<(&str, &str), i32> = BTreeMap::new();
        for m in &an.mentions {
            if m.canonical.is_empty() {
                continue;
            }
            *counts.entry((m.kind.name(), &m.canonical)).or_default() += 1;
        }
        for ((kind, name), n) in counts {
            m_article.push(a.id.0.clone());
            m_kind.push(kind.to_string());
            m_name.push(pg_text(name));
            m_count.push(n);
        }
    }
    let mut tx = client.transaction()?;
    // The batch streams in with binary COPY into session tables emptied at commit, then moves
    // over in one statement that skips ids already present (another publisher may have added
    // some since they were looked up).
    tx.batch_execute(
        "CREATE TEMP TABLE IF NOT EXISTS incoming_articles (id text, source text, title text, \
         lang text, body text, article text, analysis text, outlet text, published text, \
         claims int4) \
         ON COMMIT DELETE ROWS; \
         CREATE TEMP TABLE IF NOT EXISTS incoming_mentions (article text, kind text, \
         name text, mentions int4) ON COMMIT DELETE ROWS;",
    )?;
    {
        let sink = tx
            .copy_in("COPY incoming_articles FROM STDIN BINARY")
            .map_err(write)?;
        let types = [
            Type::TEXT,
            Type::TEXT,
            Type::TEXT,
            Type::TEXT,
            Type::TEXT,
            Type::TEXT,
            Type::TEXT,
            Type::TEXT,
            Type::TEXT,
            Type::INT4,
        ];
        let mut writer = BinaryCopyInWriter::new(sink, &types);
        for k in 0..cols[0].len() {
            writer
                .write(&[
                    &cols[0][k],
                    &cols[1][k],
                    &cols[2][k],
                    &cols[3][k],
                    &cols[4][k],
                    &cols[5][k],
                    &cols[6][k],
                    &outlets[k],
                    &dates[k],
                    &claims[k],
                ])
                .map_err(write)?;
        }
        writer.finish().map_err(write)?;
        let sink = tx
            .copy_in("COPY incoming_mentions FROM STDIN BINARY")
            .map_err(write)?;
        let mut writer =
            BinaryCopyInWriter::new(sink, &[Type::TEXT, Type::TEXT, Type::TEXT, Type::INT4]);
        for k in 0..m_article.len() {
            writer
                .write(&[&m_article[k], &m_kind[k], &m_name[k], &m_count[k]])
                .map_err(write)?;
        }
        writer.finish().map_err(write)?;
    }
    // Ids in order, so that two publishers holding some of the same new ids wait for each
    // other instead of deadlocking.
    let rows = tx
        .query(
            "INSERT INTO articles (id, source, title, lang, body, article, analysis, outlet, \
             published, claims, published_by) \
             SELECT id, source, title, lang, body, article, analysis, outlet, published, claims, \
             $1 FROM incoming_articles ORDER BY id \
             ON CONFLICT (id) DO NOTHING RETURNING id",
            &[&user],
        )
        .map_err(write)?;
    let added: Vec<String> = rows.iter().map(|r| r.get(0)).collect();
    if !added.is_empty() {
        out.mentions = add_summaries(&mut tx, &added).map_err(write)?;
    }
    tx.commit().map_err(write)?;
    out.added = added.len();
    out.present += fresh.len() - added.len();
    Ok(out)
}

/// Stores the entity rows of the articles `added` (just inserted by this transaction, so no
/// one else writes them) and adds them to the summaries: the entity index, the outlets and the
/// article total. The summary rows are written last and in one order (entities by kind and
/// name, outlets by name, then the total), so that concurrent publishers queue rather than
/// deadlock and hold those rows only until they commit. Returns the entity rows stored.
fn add_summaries(
    tx: &mut postgres::Transaction<'_>,
    added: &[String],
) -> Result<usize, postgres::Error> {
    let mentions: i64 = tx
        .query_one(
            "WITH stored AS ( \
                 INSERT INTO mentions (article, kind, name, mentions) \
                 SELECT article, kind, name, mentions FROM incoming_mentions \
                 WHERE article = ANY($1) \
                 ON CONFLICT DO NOTHING RETURNING kind, name, mentions), \
             counted AS ( \
                 INSERT INTO entity_counts AS e (kind, name, articles, mentions) \
                 SELECT kind, name, count(*), sum(mentions) FROM stored \
                 GROUP BY kind, name ORDER BY kind, name \
                 ON CONFLICT (kind, name) DO UPDATE \
                 SET articles = e.articles + excluded.articles, \
                     mentions = e.mentions + excluded.mentions) \
             SELECT count(*) FROM stored",
            &[&added],
        )?
        .get(0);
    tx.execute(
        "INSERT INTO source_counts AS s (outlet, articles, first, last) \
         SELECT coalesce(outlet, ''), count(*), min(published), max(published) \
         FROM incoming_articles WHERE id = ANY($1) GROUP BY 1 ORDER BY 1 \
         ON CONFLICT (outlet) DO UPDATE \
         SET articles = s.articles + excluded.articles, \
             first = least(s.first, excluded.first), \
             last = greatest(s.last, excluded.last)",
        &[&added],
    )?;
    let n = i64::try_from(added.len()).unwrap_or(i64::MAX);
    tx.execute("UPDATE corpus_totals SET articles = articles + $1", &[&n])?;
    Ok(usize::try_from(mentions).unwrap_or(0))
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Article id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Source path.
    pub source: String,
    /// Full text rank plus title similarity.
    pub score: f64,
    /// A short excerpt around the match (`ts_headline`, without markup).
    pub excerpt: String,
}

/// Candidates ranked for one search, from each of its three sources: articles whose title
/// matches, articles whose text matches, and titles similar to the query. A word found in more
/// articles than this is ranked over the first this many the index yields, so that a search
/// costs the same over a thousand articles or a million.
pub const SEARCH_CANDIDATES: i64 = 400;

/// Fuzzy title candidates ranked for one search.
pub const FUZZY_CANDIDATES: i64 = 200;

/// Longest a search may run on the server before it is cancelled there.
pub const SEARCH_TIMEOUT_MS: u32 = 5_000;

/// Articles matching `query`: full text search in German and English (web-search syntax:
/// quotes, `or`, `-word`), or titles similar to it after folding case and accents.
///
/// Every article whose title matches is a candidate, then a bounded sample of those whose text
/// does and of fuzzily similar titles ([`SEARCH_CANDIDATES`], [`FUZZY_CANDIDATES`]); the
/// candidates are ranked (`ts_rank` plus title similarity) and only the `limit` best get an
/// excerpt, cut by `ts_headline` from a window of the text around the first place a word of
/// the query or its stem occurs (so the server parses a few hundred letters a hit, not the
/// article).
pub fn search(client: &mut Client, query: &str, limit: i64) -> Result<Vec<Hit>, TeamError> {
    let mut tx = client.transaction()?;
    // Every branch has an index; a sequential scan stopped early by LIMIT looks cheap to the
    // planner but reads the table when the words are rare.
    tx.batch_execute(&format!(
        "SET LOCAL enable_seqscan = off; SET LOCAL statement_timeout = {SEARCH_TIMEOUT_MS}"
    ))?;
    let rows = tx.query(
        "WITH q AS MATERIALIZED ( \
             SELECT websearch_to_tsquery('german', $1) || websearch_to_tsquery('english', $1) \
                        AS ts, \
                    dossier_fold($1) AS folded, \
                    array(SELECT unnest(tsvector_to_array( \
                                     to_tsvector('german', $1) || to_tsvector('english', $1))) \
                          UNION SELECT w FROM regexp_split_to_table(lower($1), '[^[:alnum:]]+') w \
                                WHERE length(w) > 2) AS words), \
         candidates AS ( \
             (SELECT a.id FROM articles a, q WHERE a.title_tsv @@ q.ts LIMIT $3) \
             UNION \
             (SELECT a.id FROM articles a, q WHERE a.tsv @@ q.ts LIMIT $3) \
             UNION \
             (SELECT a.id FROM articles a, q WHERE q.folded <% dossier_fold(a.title) LIMIT $4)), \
         best AS ( \
             SELECT a.id, a.title, a.source, a.lang, a.body, \
                    (ts_rank(a.tsv, q.ts) \
                     + word_similarity(q.folded, dossier_fold(a.title)))::float8 AS score \
             FROM candidates JOIN articles a USING (id), q \
             ORDER BY score DESC, a.id LIMIT $2) \
         SELECT best.id, best.title, best.source, best.score, \
                ts_headline(dossier_ts_config(best.lang), \
                    substr(best.body, greatest(1, coalesce(at.first, 1) - 200), 600), q.ts, \
                    'StartSel=\"\",StopSel=\"\",MaxWords=18,MinWords=8') \
         FROM best, q, \
              LATERAL (SELECT lower(left(best.body, 20000)) AS text OFFSET 0) lowered, \
              LATERAL (SELECT min(p) AS first FROM unnest(q.words) w, \
                           strpos(lowered.text, w) p WHERE p > 0) at \
         ORDER BY best.score DESC, best.id",
        &[&query, &limit, &SEARCH_CANDIDATES, &FUZZY_CANDIDATES],
    )?;
    tx.commit()?;
    Ok(rows
        .iter()
        .map(|r| Hit {
            id: r.get(0),
            title: r.get(1),
            source: r.get(2),
            score: r.get(3),
            excerpt: r.get::<_, String>(4).replace('\n', " "),
        })
        .collect())
}

/// An entity with the number of articles naming it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityCount {
    /// person, organization, place, …
    pub kind: String,
    /// Canonical name.
    pub name: String,
    /// Articles that mention it.
    pub articles: i64,
    /// Mentions over all articles.
    pub mentions: i64,
}

/// The entity index: entities by the number of articles naming them, optionally of one kind and
/// fuzzily matching `name` (accent- and case-folded trigrams), read from the counts publishing
/// keeps (an index read, not an aggregation over every mention).
pub fn entities(
    client: &mut Client,
    kind: Option<&str>,
    name: Option<&str>,
    limit: i64,
) -> Result<Vec<EntityCount>, TeamError> {
    let rows = client.query(
        "SELECT kind, name, articles, mentions FROM entity_counts \
         WHERE ($1::text IS NULL OR kind = $1) \
           AND ($2::text IS NULL OR dossier_fold($2) <% dossier_fold(name)) \
         ORDER BY articles DESC, name LIMIT $3",
        &[&kind, &name, &limit],
    )?;
    Ok(rows
        .iter()
        .map(|r| EntityCount {
            kind: r.get(0),
            name: r.get(1),
            articles: r.get(2),
            mentions: r.get(3),
        })
        .collect())
}

/// One outlet of the sources view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceCount {
    /// The outlet, or empty when unknown.
    pub outlet: String,
    /// Articles from it.
    pub articles: i64,
    /// Earliest publication date (ISO, possibly partial).
    pub first: Option<String>,
    /// Latest publication date.
    pub last: Option<String>,
}

/// The sources view: outlets by number of articles, with their date range, read from the counts
/// publishing keeps.
pub fn sources(client: &mut Client, limit: i64) -> Result<Vec<SourceCount>, TeamError> {
    let rows = client.query(
        "SELECT outlet, articles, first, last FROM source_counts \
         ORDER BY articles DESC, outlet LIMIT $1",
        &[&limit],
    )?;
    Ok(rows
        .iter()
        .map(|r| SourceCount {
            outlet: r.get(0),
            articles: r.get(1),
            first: r.get(2),
            last: r.get(3),
        })
        .collect())
}

/// One row of the article list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListRow {
    /// Article id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Outlet, empty when unknown.
    pub outlet: String,
    /// Publication date (ISO, possibly partial).
    pub published: Option<String>,
}

/// A page of the article list in id order, after `after` (keyset paging: every page costs the
/// same however deep it is).
pub fn page(
    client: &mut Client,
    after: Option<&str>,
    limit: i64,
) -> Result<Vec<ListRow>, TeamError> {
    let rows = client.query(
        "SELECT id, title, coalesce(outlet, ''), published FROM articles \
         WHERE $1::text IS NULL OR id > $1 ORDER BY id LIMIT $2",
        &[&after, &limit],
    )?;
    Ok(rows
        .iter()
        .map(|r| ListRow {
            id: r.get(0),
            title: r.get(1),
            outlet: r.get(2),
            published: r.get(3),
        })
        .collect())
}

/// Number of articles on the server, as publishing keeps it (one row read, however large the
/// corpus).
pub fn count(client: &mut Client) -> Result<i64, TeamError> {
    Ok(client
        .query_one(
            "SELECT coalesce((SELECT articles FROM corpus_totals), 0)",
            &[],
        )?
        .get(0))
}

/// One article with its analysis, as published.
pub fn fetch(client: &mut Client, id: &str) -> Result<Option<(Article, Analysis)>, TeamError> {
    let rows = client.query(
        "SELECT article::text, analysis::text FROM articles WHERE id = $1",
        &[&id],
    )?;
    let Some(row) = rows.first() else {
        return Ok(None);
    };
    let article: String = row.get(0);
    let analysis: String = row.get(1);
    let bad = |e: serde_json::Error| TeamError::Schema(format!("article {id}: {e}"));
    Ok(Some((
        serde_json::from_str(&article).map_err(bad)?,
        serde_json::from_str(&analysis).map_err(bad)?,
    )))
}
