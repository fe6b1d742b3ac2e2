//! Fuzzy search over palette candidates (articles, headings, entities, claims, bookmarks): query
//! parsing, German-aware folding, filtering, skim scoring and ranking into a list of [`Hit`]s.
//!
//! This module owns the "jump to anything" palette's engine and `dossier find`. It must not
//! import `ratatui`, `crossterm` or `directories`; it knows nothing of files or the clock (a
//! bookmark's recency is passed in with its [`Candidate`]).
//!
//! # Query syntax
//!
//! Leading whitespace is ignored. The first character may narrow the search:
//!
//! | prefix | searches |
//! | --- | --- |
//! | `~` | articles (titles) |
//! | `%` | section headings |
//! | `@` | entities |
//! | `#` | claims |
//! | `*` | bookmarks |
//! | `/` | full text of the corpus: the engine only reports [`QueryMode::FullText`] with the rest of the query; the caller searches |
//!
//! The rest is split at spaces into terms, and a candidate must match **every** term (AND), as in
//! fzf:
//!
//! | term | matches labels that |
//! | --- | --- |
//! | `word` | contain the letters of `word` in order (fuzzy) |
//! | `'word` | contain `word` (exact substring) |
//! | `^word` | start with `word` |
//! | `word$` | end with `word` |
//! | `^word$` | are exactly `word` |
//! | `!word` | do not contain `word` |
//! | `!^word`, `!word$` | do not start / end with `word` |
//!
//! A term that is only operators (a lone `!`, `'`, `^` or `$`) is ignored, so a half-typed term
//! never empties the list. Smart case: a term containing an uppercase letter matches case
//! sensitively, any other term ignores case. Only the label is searched; [`Candidate::detail`] is
//! shown but never matched, so a hit's highlighted characters are always in the line the user
//! reads.
//!
//! Labels and terms are both passed through [`fold`], so umlauts, `ß` and accents need not be
//! typed: "pjongjang" finds "Pjöngjang", "strasse" finds "Straße", "kyjiw" finds "Kyjiw", and
//! "pjoengjang" or "Mueller" work too, because `ae`, `oe` and `ue` are shortened to `a`, `o`, `u`
//! on both sides.
//!
//! # Ranking
//!
//! Each fuzzy term is scored with fuzzy-matcher's skim scorer ([`SkimMatcherV2`]) on the folded
//! label; exact-style terms add the skim score of their text. Hits are ordered by: the label equal
//! to the query (positive terms joined by one space, ignoring case) first, then labels starting
//! with it, then higher score, then kind ([`CandidateKind`] order), then higher recency, then
//! shorter label, then original order. A query without positive terms lists candidates by kind,
//! then recency, then original order.
//!
//! # Incremental search
//!
//! [`SearchIndex::refine`] takes the previous [`QueryResult`] and, when the new query can only
//! narrow it (another character typed, another term added), re-scores only the previous matches;
//! otherwise it falls back to [`SearchIndex::query`]. Scoring runs on all cores with rayon.
//!
//! # Ranking in steps
//!
//! [`SearchIndex::rank_in_steps`] answers the same query a chunk of candidates at a time, for a
//! caller that ranks off its UI thread: a shared cancel flag is checked between chunks (a newer
//! query stops an older one within a chunk's time), and when a ranking runs long, the best hits
//! among the candidates scanned so far are handed out as they stand. Candidates are scanned by
//! kind, then shortest label first, so these early hits are mostly the final ones.

mod skim;
mod stored;

pub use stored::fold_fingerprint;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;
use std::cmp::Ordering;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

/// What a palette candidate points at; the order is the tie-break order (articles first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CandidateKind {
    /// An article, labelled by its title.
    Article,
    /// A section heading inside an article.
    Heading,
    /// A named entity.
    Entity,
    /// A claim sentence.
    Claim,
    /// A bookmark, labelled by its quote or note.
    Bookmark,
}

impl CandidateKind {
    /// Every kind, in tie-break order.
    pub const ALL: [CandidateKind; 5] = [
        CandidateKind::Article,
        CandidateKind::Heading,
        CandidateKind::Entity,
        CandidateKind::Claim,
        CandidateKind::Bookmark,
    ];

    /// The short lowercase name ("article", "heading", "entity", "claim", "bookmark").
    pub fn name(self) -> &'static str {
        match self {
            CandidateKind::Article => "article",
            CandidateKind::Heading => "heading",
            CandidateKind::Entity => "entity",
            CandidateKind::Claim => "claim",
            CandidateKind::Bookmark => "bookmark",
        }
    }

    /// The kind with the given short name, if any (for `--kind KIND`).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The query prefix character that narrows a search to this kind.
    pub fn prefix(self) -> char {
        match self {
            CandidateKind::Article => '~',
            CandidateKind::Heading => '%',
            CandidateKind::Entity => '@',
            CandidateKind::Claim => '#',
            CandidateKind::Bookmark => '*',
        }
    }

    /// The kind whose query prefix is `c`, if any.
    pub fn from_prefix(c: char) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.prefix() == c)
    }
}

/// One jump target offered by the palette.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// What the target is.
    pub kind: CandidateKind,
    /// The searched and highlighted text.
    pub label: String,
    /// Context shown dimmed after the label (article title, claim source...); not searched.
    pub detail: String,
    /// Index of the article the target lies in.
    pub article: usize,
    /// Byte offset in that article's text to jump to.
    pub offset: usize,
    /// Larger is more recent: bookmarks use their update time, other candidates 0.
    pub recency: u64,
}

/// How a query is to be answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryMode {
    /// Palette search over every kind.
    All,
    /// Palette search narrowed to one kind by a prefix character.
    Kind(CandidateKind),
    /// Full-text search of the corpus (the query began with `/`); the string is the rest of the
    /// query. The engine returns no hits: the caller does the search.
    FullText(String),
}

/// One ranked match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index of the candidate in the list given to [`SearchIndex::new`].
    pub candidate: usize,
    /// Sum of the skim scores of the positive terms (0 for a query without them).
    pub score: i64,
    /// Matched characters, as sorted char indices into the original label.
    pub positions: Vec<usize>,
}

/// The answer to one query: its mode, the best hits and how many candidates matched in all.
#[derive(Debug, Clone)]
pub struct QueryResult {
    /// How the query was interpreted.
    pub mode: QueryMode,
    /// The best matches, best first, at most `limit` of them.
    pub hits: Vec<Hit>,
    /// Number of candidates that matched, including those beyond the limit.
    pub total_matched: usize,
    /// The parsed query, kept so that [`SearchIndex::refine`] can tell whether it may narrow.
    parsed: Option<ParsedQuery>,
    /// Every matched candidate, in the order scanned, for [`SearchIndex::refine`].
    matched: Vec<u32>,
    /// Number of candidates in the index that answered, to refuse a result from another index.
    index_len: usize,
    /// False for the early answer of a ranking still under way ([`SearchIndex::rank_in_steps`]):
    /// its hits come from part of the candidates, and it cannot be refined.
    complete: bool,
}

impl QueryResult {
    /// True when every candidate was considered; false for an early, partial answer.
    pub fn is_complete(&self) -> bool {
        self.complete
    }

    /// The answer to a query given in full-text mode (it begins with `/`), which needs no
    /// index: the caller searches the text of the corpus for the rest of the query. `None` for
    /// a palette query.
    pub fn full_text(query: &str) -> Option<QueryResult> {
        let (mode, _) = parse_query(query);
        matches!(mode, QueryMode::FullText(_)).then(|| QueryResult {
            mode,
            hits: Vec::new(),
            total_matched: 0,
            parsed: None,
            matched: Vec::new(),
            index_len: 0,
            complete: true,
        })
    }
}

/// Folds `s` for matching: ä/ö/ü become a/o/u, ß becomes ss, accents and combining marks are
/// removed, and an `e` directly after a/o/u (any case) is dropped, so "Mueller" and "Müller" both
/// fold to "Muller". Case is kept (smart case needs it).
///
/// Returns the folded text and, for each of its chars, the char index in `s` it came from (both
/// chars of "ss" point at the ß), so matches in the folded text can be highlighted in `s`.
pub fn fold(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len());
    fold_each(s, |i, c| {
        out.push(c);
        map.push(i);
    });
    (out, map)
}

/// The text of [`fold`] without the char map, for labels that are only matched. Runs of ASCII
/// are copied whole; only other chars are decoded and folded one by one.
pub fn fold_text(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    // Start of the ASCII run not yet copied; whether the previous char is one of a/o/u/A/O/U.
    let (mut run, mut after_vowel, mut i) = (0, false, 0);
    while i < b.len() {
        let c = b[i];
        if c.is_ascii() {
            if matches!(c, b'e' | b'E') && after_vowel {
                out.push_str(&s[run..i]);
                run = i + 1;
            }
            after_vowel = matches!(c, b'a' | b'o' | b'u' | b'A' | b'O' | b'U');
            i += 1;
            continue;
        }
        out.push_str(&s[run..i]);
        let Some(ch) = s[i..].chars().next() else {
            break;
        };
        match fold_char(ch) {
            Folded::Drop => {}
            Folded::One(f) => out.push(f),
            Folded::Two(f, g) => {
                out.push(f);
                out.push(g);
            }
        }
        after_vowel = false;
        i += ch.len_utf8();
        run = i;
    }
    out.push_str(&s[run..]);
    out
}

/// Calls `emit(i, c)` for each char `c` of the folded text, `i` being the index of the char of
/// `s` it came from.
#[inline]
fn fold_each(s: &str, mut emit: impl FnMut(usize, char)) {
    let mut prev: Option<char> = None;
    for (i, c) in s.chars().enumerate() {
        let after_vowel = matches!(prev, Some('a' | 'o' | 'u' | 'A' | 'O' | 'U'));
        prev = Some(c);
        if matches!(c, 'e' | 'E') && after_vowel {
            continue;
        }
        match fold_char(c) {
            Folded::Drop => {}
            Folded::One(f) => emit(i, f),
            Folded::Two(f, g) => {
                emit(i, f);
                emit(i, g);
            }
        }
    }
}

/// What one char folds to.
enum Folded {
    Drop,
    One(char),
    Two(char, char),
}

/// Base letters of U+0100..=U+017F (Latin Extended-A), one per code point; Ĳ/ĳ and Œ/œ are
/// handled before the lookup.
const LATIN_EXT_A: &str = "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

fn fold_char(c: char) -> Folded {
    use Folded::{Drop, One, Two};
    if c.is_ascii() {
        return One(c);
    }
    match c {
        // Combining diacritical marks (NFD input) and their supplements.
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}' => Drop,
        'À'..='Å' => One('A'),
        'Æ' => Two('A', 'E'),
        'Ç' => One('C'),
        'È'..='Ë' => One('E'),
        'Ì'..='Ï' => One('I'),
        'Ð' => One('D'),
        'Ñ' => One('N'),
        'Ò'..='Ö' | 'Ø' => One('O'),
        'Ù'..='Ü' => One('U'),
        'Ý' => One('Y'),
        'Þ' => Two('T', 'H'),
        'ß' => Two('s', 's'),
        'ẞ' => Two('S', 'S'),
        'à'..='å' => One('a'),
        'æ' => Two('a', 'e'),
        'ç' => One('c'),
        'è'..='ë' => One('e'),
        'ì'..='ï' => One('i'),
        'ð' => One('d'),
        'ñ' => One('n'),
        'ò'..='ö' | 'ø' => One('o'),
        'ù'..='ü' => One('u'),
        'ý' | 'ÿ' => One('y'),
        'þ' => Two('t', 'h'),
        'Ĳ' => Two('I', 'J'),
        'ĳ' => Two('i', 'j'),
        'Œ' => Two('O', 'E'),
        'œ' => Two('o', 'e'),
        '\u{0100}'..='\u{017F}' => {
            let i = c as usize - 0x100;
            LATIN_EXT_A
                .as_bytes()
                .get(i)
                .map_or(One(c), |&b| One(b as char))
        }
        'Ș' => One('S'),
        'ș' => One('s'),
        'Ț' => One('T'),
        'ț' => One('t'),
        _ => One(c),
    }
}

/// Lowercases one char to one char, so that the lowered text stays aligned char for char.
fn lower1(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

fn lower_str(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.chars().map(lower1).collect()
    }
}

/// [`lower_str`] and [`char_mask`] of `folded` in one pass, and whether it has non-ASCII
/// uppercase (see [`Entry::fuzzy_on_lower`]).
fn lower_and_mask(folded: &str) -> (String, u64, bool) {
    if folded.is_ascii() {
        let lower = folded.to_ascii_lowercase();
        let mask = lower.bytes().fold(0, |m, b| m | char_bit(char::from(b)));
        return (lower, mask, false);
    }
    let mut lower = String::with_capacity(folded.len());
    let (mut mask, mut upper) = (0, false);
    for c in folded.chars() {
        upper |= !c.is_ascii() && c.is_uppercase();
        let l = lower1(c);
        mask |= char_bit(l);
        lower.push(l);
    }
    (lower, mask, upper)
}

/// A 64-bit set of the char classes in a (lowercased) text: a bit per ASCII letter and digit,
/// and hashed bits for other chars. A candidate lacking a bit of a term cannot match it.
fn char_mask(s: &str) -> u64 {
    if s.is_ascii() {
        s.bytes().fold(0, |m, b| m | char_bit(char::from(b)))
    } else {
        s.chars().fold(0, |m, c| m | char_bit(c))
    }
}

fn char_bit(c: char) -> u64 {
    let bit = match c {
        'a'..='z' => c as u32 - 'a' as u32,
        '0'..='9' => 26 + (c as u32 - '0' as u32),
        _ if c.is_ascii() => 36 + (c as u32 % 12),
        _ => 48 + (c as u32 % 16),
    };
    1 << bit
}

/// How a term is matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TermKind {
    Fuzzy,
    Exact,
    Prefix,
    Suffix,
    Equal,
}

/// One parsed query term.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Term {
    kind: TermKind,
    negated: bool,
    case_sensitive: bool,
    /// Folded text; lowercased with [`lower1`] unless case sensitive.
    text: String,
    /// Folded and lowercased text, for the mask and for tiers.
    lower: String,
}

impl Term {
    /// True when every label matching `self` also matches `older`, so a search for `self` may
    /// start from the matches of `older`.
    fn is_narrower_than(&self, older: &Term) -> bool {
        if self.negated != older.negated
            || (self.negated && self.case_sensitive != older.case_sensitive)
        {
            return false;
        }
        let text = if older.case_sensitive {
            if !self.case_sensitive {
                return false;
            }
            &self.text
        } else {
            &self.lower
        };
        if self.negated {
            // Excluding a shorter text excludes more.
            return self.kind == older.kind
                && match self.kind {
                    TermKind::Exact => older.text.contains(text.as_str()),
                    _ => *text == older.text,
                };
        }
        use TermKind::{Equal, Exact, Fuzzy, Prefix, Suffix};
        match older.kind {
            Fuzzy => is_subsequence(&older.text, text),
            Exact => self.kind != Fuzzy && text.contains(older.text.as_str()),
            Prefix => matches!(self.kind, Prefix | Equal) && text.starts_with(older.text.as_str()),
            Suffix => matches!(self.kind, Suffix | Equal) && text.ends_with(older.text.as_str()),
            Equal => self.kind == Equal && *text == older.text,
        }
    }
}

/// True when the chars of `needle` occur in `hay` in order.
fn is_subsequence(needle: &str, hay: &str) -> bool {
    if needle.is_ascii() {
        // An ASCII byte of UTF-8 text is always a whole char.
        let mut at = 0;
        return needle
            .bytes()
            .all(|n| match memchr::memchr(n, &hay.as_bytes()[at..]) {
                Some(i) => {
                    at += i + 1;
                    true
                }
                None => false,
            });
    }
    let mut hay = hay.chars();
    needle.chars().all(|n| hay.any(|h| h == n))
}

/// Like [`is_subsequence`], comparing ASCII letters without case, as the skim scorer does.
fn is_subsequence_ascii_nocase(needle: &str, hay: &str) -> bool {
    if needle.is_ascii() {
        let mut at = 0;
        return needle.bytes().all(|n| {
            let rest = &hay.as_bytes()[at..];
            let found = if n.is_ascii_alphabetic() {
                memchr::memchr2(n.to_ascii_lowercase(), n.to_ascii_uppercase(), rest)
            } else {
                memchr::memchr(n, rest)
            };
            match found {
                Some(i) => {
                    at += i + 1;
                    true
                }
                None => false,
            }
        });
    }
    let mut hay = hay.chars();
    needle
        .chars()
        .all(|n| hay.any(|h| h.eq_ignore_ascii_case(&n)))
}

/// A parsed palette query.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ParsedQuery {
    kind: Option<CandidateKind>,
    /// Positive terms: exact-style first (cheap to reject), fuzzy last.
    positive: Vec<Term>,
    negative: Vec<Term>,
    /// Union of the positive terms' masks.
    mask: u64,
    /// Positive terms' lowered texts joined by one space, in query order, for the tiers.
    joined: String,
}

fn parse_term(token: &str) -> Option<Term> {
    let mut rest = token;
    let negated = rest.starts_with('!');
    if negated {
        rest = &rest[1..];
    }
    let mut kind = TermKind::Fuzzy;
    if let Some(r) = rest.strip_prefix('^') {
        kind = TermKind::Prefix;
        rest = r;
    } else if let Some(r) = rest.strip_prefix('\'') {
        kind = TermKind::Exact;
        rest = r;
    }
    if let Some(r) = rest.strip_suffix('$') {
        kind = if kind == TermKind::Prefix {
            TermKind::Equal
        } else {
            TermKind::Suffix
        };
        rest = r;
    }
    if negated && kind == TermKind::Fuzzy {
        // As in fzf, a negated term is matched exactly.
        kind = TermKind::Exact;
    }
    let case_sensitive = rest.chars().any(char::is_uppercase);
    let folded = fold(rest).0;
    if folded.is_empty() {
        return None;
    }
    let lower = lower_str(&folded);
    let text = if case_sensitive {
        folded
    } else {
        lower.clone()
    };
    Some(Term {
        kind,
        negated,
        case_sensitive,
        text,
        lower,
    })
}

/// Splits a query into its mode and, for palette modes, its parsed terms.
fn parse_query(query: &str) -> (QueryMode, Option<ParsedQuery>) {
    let query = query.trim_start();
    let mut chars = query.chars();
    let first = chars.next();
    if first == Some('/') {
        return (QueryMode::FullText(chars.as_str().to_string()), None);
    }
    let kind = first.and_then(CandidateKind::from_prefix);
    let rest = if kind.is_some() {
        chars.as_str()
    } else {
        query
    };
    let mut positive = Vec::new();
    let mut negative = Vec::new();
    for term in rest.split_whitespace().filter_map(parse_term) {
        if term.negated {
            negative.push(term);
        } else {
            positive.push(term);
        }
    }
    let joined = positive
        .iter()
        .map(|t| t.lower.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let mask = positive.iter().fold(0, |m, t| m | char_mask(&t.lower));
    // Stable: keeps query order within each group.
    positive.sort_by_key(|t| t.kind == TermKind::Fuzzy);
    let mode = kind.map_or(QueryMode::All, QueryMode::Kind);
    let parsed = ParsedQuery {
        kind,
        positive,
        negative,
        mask,
        joined,
    };
    (mode, Some(parsed))
}

impl ParsedQuery {
    /// True when every candidate matching `self` also matches `older`.
    fn is_narrower_than(&self, older: &ParsedQuery) -> bool {
        self.kind == older.kind
            && older.positive.iter().chain(&older.negative).all(|o| {
                self.positive
                    .iter()
                    .chain(&self.negative)
                    .any(|n| n.is_narrower_than(o))
            })
    }
}

/// Where a text lies in the index's arena: its block, and start and length in bytes there.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    block: u32,
    start: u32,
    len: u32,
}

/// Bytes of text in one block of the arena (a longer text gets a block of its own). Blocks
/// never move once written, so the arena grows without copying what it holds.
const ARENA_BLOCK: usize = 4 << 20;

/// The texts of an index's candidates, in blocks of [`ARENA_BLOCK`] bytes.
#[derive(Debug, Default)]
struct Arena {
    blocks: Vec<String>,
}

impl Arena {
    fn put(&mut self, text: &str) -> Slot {
        let fits = self
            .blocks
            .last()
            .is_some_and(|b| b.len() + text.len() <= b.capacity());
        if !fits {
            self.blocks
                .push(String::with_capacity(ARENA_BLOCK.max(text.len())));
        }
        let block = self.blocks.len() - 1;
        let start = self.blocks[block].len();
        self.blocks[block].push_str(text);
        Slot {
            block: u32::try_from(block).unwrap_or(u32::MAX),
            start: u32::try_from(start).unwrap_or(u32::MAX),
            len: u32::try_from(text.len()).unwrap_or(u32::MAX),
        }
    }

    fn get(&self, slot: Slot) -> &str {
        let start = slot.start as usize;
        self.blocks
            .get(slot.block as usize)
            .and_then(|b| b.get(start..start + slot.len as usize))
            .unwrap_or("")
    }
}

/// Where a detail is cut in two for storing: before the first " — " (a claim's kind, stance and
/// source, shared by the claims of one source) and from there on (" — " and the article's
/// title, shared by the article's claims). Either part may be empty.
fn split_detail(detail: &str) -> (&str, &str) {
    detail
        .find(" — ")
        .map_or((detail, ""), |at| detail.split_at(at))
}

/// The distinct details of an index. Each is stored as two interned pieces ([`split_detail`]),
/// so that a claim's detail costs two ids rather than a copy of its source and its article's
/// title.
#[derive(Debug, Default)]
struct Details {
    /// The pieces' texts.
    arena: Arena,
    /// Each piece's place in `arena`.
    pieces: Vec<Slot>,
    /// Each detail as its head and tail piece, in order of first use.
    pairs: Vec<[u32; 2]>,
    /// Each distinct piece and its id, while details are added.
    piece_ids: std::collections::HashMap<Box<str>, u32>,
    /// Each distinct pair and its detail id, while details are added.
    pair_ids: std::collections::HashMap<[u32; 2], u32>,
}

impl Details {
    /// The id of `detail`, added if it is new.
    fn intern(&mut self, detail: &str) -> u32 {
        let pair = self.pair(detail);
        let next = u32::try_from(self.pairs.len()).unwrap_or(u32::MAX);
        let id = *self.pair_ids.entry(pair).or_insert(next);
        if id == next {
            self.pairs.push(pair);
        }
        id
    }

    /// Adds `detail` as the next id even when it is there already (a stored index's list).
    fn push(&mut self, detail: &str) {
        let pair = self.pair(detail);
        let next = u32::try_from(self.pairs.len()).unwrap_or(u32::MAX);
        self.pair_ids.entry(pair).or_insert(next);
        self.pairs.push(pair);
    }

    fn pair(&mut self, detail: &str) -> [u32; 2] {
        let (head, tail) = split_detail(detail);
        [self.piece(head), self.piece(tail)]
    }

    fn piece(&mut self, text: &str) -> u32 {
        if let Some(&id) = self.piece_ids.get(text) {
            return id;
        }
        let id = u32::try_from(self.pieces.len()).unwrap_or(u32::MAX);
        self.pieces.push(self.arena.put(text));
        self.piece_ids.insert(Box::from(text), id);
        id
    }

    /// Drops the lookup tables, which only adding needs.
    fn seal(&mut self) {
        self.piece_ids = Default::default();
        self.pair_ids = Default::default();
        self.pieces.shrink_to_fit();
        self.pairs.shrink_to_fit();
    }

    /// Builds the lookup tables again, to add more.
    fn unseal(&mut self) {
        let arena = &self.arena;
        self.piece_ids = self
            .pieces
            .iter()
            .enumerate()
            .map(|(id, &slot)| {
                (
                    Box::from(arena.get(slot)),
                    u32::try_from(id).unwrap_or(u32::MAX),
                )
            })
            .collect();
        let mut pair_ids = std::collections::HashMap::with_capacity(self.pairs.len());
        for (id, &pair) in self.pairs.iter().enumerate() {
            pair_ids
                .entry(pair)
                .or_insert(u32::try_from(id).unwrap_or(u32::MAX));
        }
        self.pair_ids = pair_ids;
    }

    fn len(&self) -> usize {
        self.pairs.len()
    }

    /// The detail with this id (empty when there is none).
    fn get(&self, id: u32) -> Detail<'_> {
        let piece = |p: u32| {
            self.pieces
                .get(p as usize)
                .map_or("", |&s| self.arena.get(s))
        };
        self.pairs
            .get(id as usize)
            .map_or_else(Detail::default, |&[head, tail]| Detail {
                head: piece(head),
                tail: piece(tail),
            })
    }
}

/// A candidate's detail as the index holds it: two parts shown one after the other.
#[derive(Debug, Clone, Copy, Default)]
pub struct Detail<'a> {
    head: &'a str,
    tail: &'a str,
}

impl Detail<'_> {
    /// True when the detail has no text.
    pub fn is_empty(&self) -> bool {
        self.head.is_empty() && self.tail.is_empty()
    }
}

impl PartialEq for Detail<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.head.len() + self.tail.len() == other.head.len() + other.tail.len()
            && self
                .head
                .bytes()
                .chain(self.tail.bytes())
                .eq(other.head.bytes().chain(other.tail.bytes()))
    }
}

impl Eq for Detail<'_> {}

impl std::fmt::Display for Detail<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.head)?;
        f.write_str(self.tail)
    }
}

/// What [`IndexBuilder::extend`] computes of a label before storing it.
struct Forms {
    /// The folded label, when it differs from the label.
    folded: Option<String>,
    /// The lowered folded label, when it differs from its ASCII lowering.
    lower: Option<String>,
    mask: u64,
    fuzzy_on_lower: bool,
    label_chars: u32,
}

/// Builds a [`SearchIndex`] from candidates handed over a batch at a time, so that only one
/// batch of owned candidates is held beside the index being built.
#[derive(Debug, Default)]
pub struct IndexBuilder {
    entries: Vec<Entry>,
    arena: Arena,
    /// Each distinct detail.
    details: Details,
}

impl IndexBuilder {
    /// An empty builder.
    pub fn new() -> IndexBuilder {
        IndexBuilder::default()
    }

    /// Adds `batch` after the candidates added before, folding the labels in parallel.
    pub fn extend(&mut self, batch: Vec<Candidate>) {
        // Folded and lowered forms; `None` where equal to what is stored anyway (the label,
        // the ASCII lowering of the folded label).
        let forms: Vec<Forms> = batch
            .par_iter()
            .with_min_len(1024)
            .map(|c| {
                let folded = fold_text(&c.label);
                let (lower, mask, fuzzy_on_lower) = lower_and_mask(&folded);
                let ascii_lower = lower.len() == folded.len()
                    && lower
                        .bytes()
                        .zip(folded.bytes())
                        .all(|(l, f)| l == f.to_ascii_lowercase());
                let lower = (fuzzy_on_lower || !ascii_lower).then_some(lower);
                let folded = (folded != c.label).then_some(folded);
                let label_chars = u32::try_from(c.label.chars().count()).unwrap_or(u32::MAX);
                Forms {
                    folded,
                    lower,
                    mask,
                    fuzzy_on_lower,
                    label_chars,
                }
            })
            .collect();
        self.entries.reserve(batch.len());
        for (c, forms) in batch.into_iter().zip(forms) {
            let Forms {
                folded,
                lower,
                mask,
                fuzzy_on_lower,
                label_chars,
            } = forms;
            let label = self.arena.put(&c.label);
            let folded = folded.map_or(label, |f| self.arena.put(&f));
            let lower = lower.map(|l| self.arena.put(&l));
            let detail = self.details.intern(&c.detail);
            self.entries.push(Entry {
                mask,
                recency: c.recency,
                label,
                folded,
                lower,
                detail,
                article: u32::try_from(c.article).unwrap_or(u32::MAX),
                offset: u32::try_from(c.offset).unwrap_or(u32::MAX),
                label_chars,
                kind: c.kind,
                fuzzy_on_lower,
            });
        }
    }

    /// The index of every candidate added, in the order added.
    pub fn finish(self) -> SearchIndex {
        let IndexBuilder {
            mut entries,
            arena,
            mut details,
        } = self;
        entries.shrink_to_fit();
        details.seal();
        let n = u32::try_from(entries.len()).unwrap_or(u32::MAX);
        let mut scan_order: Vec<u32> = (0..n).collect();
        scan_order.par_sort_by_key(|&id| {
            let e = &entries[id as usize];
            (e.kind, e.label_chars)
        });
        SearchIndex {
            entries,
            arena,
            details,
            scan_order,
            matcher: SkimMatcherV2::default(),
        }
    }
}

/// One candidate as the index stores it: its location, its kind and the slots of its texts in
/// the arena (one allocation for every label of the index instead of three per candidate).
#[derive(Debug, Clone)]
struct Entry {
    mask: u64,
    /// Larger is more recent ([`Candidate::recency`]).
    recency: u64,
    /// The label as given.
    label: Slot,
    /// The folded label, case kept (the label's own slot when folding changed nothing).
    folded: Slot,
    /// `folded` lowered char by char (same char count), stored only when that differs from
    /// lowering its ASCII letters, which matching then does on the fly.
    lower: Option<Slot>,
    /// Index of the detail in the index's list of distinct details.
    detail: u32,
    article: u32,
    offset: u32,
    /// Chars in the label.
    label_chars: u32,
    kind: CandidateKind,
    /// True when `folded` has non-ASCII uppercase, which the skim scorer compares with case:
    /// case-insensitive fuzzy terms then score `lower` instead.
    fuzzy_on_lower: bool,
}

/// The texts of one candidate that matching reads, borrowed from the index.
#[derive(Debug, Clone, Copy)]
struct Hay<'a> {
    folded: &'a str,
    /// `folded` lowered, when it is not its ASCII lowering.
    lower: Option<&'a str>,
    mask: u64,
    kind: CandidateKind,
    fuzzy_on_lower: bool,
}

impl Hay<'_> {
    /// True when the lowered label equals `lower` (a lowered query).
    fn lower_eq(&self, lower: &str) -> bool {
        match self.lower {
            Some(l) => l == lower,
            None => self.folded.eq_ignore_ascii_case(lower),
        }
    }

    /// True when the lowered label starts with `lower`.
    fn lower_starts_with(&self, lower: &str) -> bool {
        match self.lower {
            Some(l) => l.starts_with(lower),
            None => self
                .folded
                .as_bytes()
                .get(..lower.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(lower.as_bytes())),
        }
    }
}

/// One candidate borrowed from a [`SearchIndex`]: the fields of [`Candidate`], its texts
/// pointing into the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CandidateRef<'a> {
    /// What the target is.
    pub kind: CandidateKind,
    /// The searched and highlighted text.
    pub label: &'a str,
    /// Context shown dimmed after the label; not searched.
    pub detail: Detail<'a>,
    /// Index of the article the target lies in.
    pub article: usize,
    /// Byte offset in that article's text to jump to.
    pub offset: usize,
    /// Larger is more recent.
    pub recency: u64,
}

impl CandidateRef<'_> {
    /// An owned copy.
    pub fn to_candidate(&self) -> Candidate {
        Candidate {
            kind: self.kind,
            label: self.label.to_string(),
            detail: self.detail.to_string(),
            article: self.article,
            offset: self.offset,
            recency: self.recency,
        }
    }
}

/// A scored match before ranking.
#[derive(Debug, Clone, Copy)]
struct Scored {
    id: u32,
    /// 0: the label equals the query; 1: it starts with it; 2: anything else.
    tier: u8,
    score: i64,
}

/// The palette's search index: the candidates with their folded labels and char masks. Every
/// label, folded label and (where it is needed) lowered label lies in one arena, and each
/// distinct detail is stored once.
pub struct SearchIndex {
    entries: Vec<Entry>,
    /// The texts the entries' slots point into.
    arena: Arena,
    /// Distinct details, in order of first use.
    details: Details,
    /// Candidate ids by kind, then label length: the order of a ranking in steps.
    scan_order: Vec<u32>,
    matcher: SkimMatcherV2,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("candidates", &self.entries.len())
            .finish()
    }
}

/// Candidates scanned between two looks at the cancel flag in [`SearchIndex::rank_in_steps`]
/// (well under a millisecond of work).
const SCAN_CHUNK: usize = 16_384;

/// How long a ranking in steps runs before it hands out the best hits found so far, and again
/// after each early answer.
pub const PARTIAL_EVERY: Duration = Duration::from_millis(25);

/// Candidates folded at a time by [`SearchIndex::new`].
const BUILD_BATCH: usize = 16_384;

/// Below this many candidates scoring stays on the calling thread.
const PARALLEL_MIN: usize = 4096;

/// From this many members on, a tier that has more than enough to fill the hits is scored in
/// decreasing order of an upper bound, only as far as needed.
const PRUNE_MIN: usize = 256;

impl SearchIndex {
    /// Builds the index, folding every label and computing its char mask (in parallel); see
    /// [`IndexBuilder`] to hand the candidates over in batches.
    pub fn new(candidates: Vec<Candidate>) -> SearchIndex {
        let mut builder = IndexBuilder::new();
        let mut rest = candidates.into_iter();
        loop {
            let batch: Vec<Candidate> = rest.by_ref().take(BUILD_BATCH).collect();
            if batch.is_empty() {
                break;
            }
            builder.extend(batch);
        }
        builder.finish()
    }

    /// The text in `slot`.
    fn text(&self, slot: Slot) -> &str {
        self.arena.get(slot)
    }

    /// What matching reads of candidate `id`.
    fn hay(&self, id: usize) -> Option<Hay<'_>> {
        let e = self.entries.get(id)?;
        Some(Hay {
            folded: self.text(e.folded),
            lower: e.lower.map(|l| self.text(l)),
            mask: e.mask,
            kind: e.kind,
            fuzzy_on_lower: e.fuzzy_on_lower,
        })
    }

    fn candidate_ref(&self, e: &Entry) -> CandidateRef<'_> {
        CandidateRef {
            kind: e.kind,
            label: self.text(e.label),
            detail: self.details.get(e.detail),
            article: e.article as usize,
            offset: e.offset as usize,
            recency: e.recency,
        }
    }

    /// The candidates, in the order given to [`SearchIndex::new`].
    pub fn candidates(&self) -> impl ExactSizeIterator<Item = CandidateRef<'_>> {
        self.entries.iter().map(|e| self.candidate_ref(e))
    }

    /// Moves each candidate to the article at `moved[article]` (articles that arrived after the
    /// candidates were gathered move the others). Returns false, changing nothing, when a
    /// candidate's article is not in `moved`.
    pub fn move_articles(&mut self, moved: &[usize]) -> bool {
        let to = |e: &Entry| {
            moved
                .get(e.article as usize)
                .and_then(|&to| u32::try_from(to).ok())
        };
        if self.entries.iter().any(|e| to(e).is_none()) {
            return false;
        }
        for e in &mut self.entries {
            if let Some(to) = to(e) {
                e.article = to;
            }
        }
        true
    }

    /// Keeps only the candidates of `kind`, in their order: the index
    /// [`SearchIndex::new`] builds from the candidates of that kind alone.
    pub fn retain_kind(&mut self, kind: CandidateKind) {
        let mut new_id = vec![u32::MAX; self.entries.len()];
        let mut next = 0;
        for (id, e) in self.entries.iter().enumerate() {
            if e.kind == kind {
                new_id[id] = next;
                next += 1;
            }
        }
        self.entries.retain(|e| e.kind == kind);
        self.scan_order = self
            .scan_order
            .iter()
            .filter_map(|&id| new_id.get(id as usize).copied().filter(|&n| n != u32::MAX))
            .collect();
    }

    /// The index of the candidates held followed by `batch`: what [`SearchIndex::new`] builds
    /// from both lists, without folding the labels held again.
    pub fn append(self, batch: Vec<Candidate>) -> SearchIndex {
        if batch.is_empty() {
            return self;
        }
        let SearchIndex {
            entries,
            arena,
            mut details,
            ..
        } = self;
        details.unseal();
        let mut builder = IndexBuilder {
            entries,
            arena,
            details,
        };
        builder.extend(batch);
        builder.finish()
    }

    /// The candidate a [`Hit`] refers to.
    pub fn candidate(&self, index: usize) -> Option<CandidateRef<'_>> {
        self.entries.get(index).map(|e| self.candidate_ref(e))
    }

    /// The largest article index of any candidate (`None` without candidates).
    pub fn max_article(&self) -> Option<usize> {
        self.entries.iter().map(|e| e.article as usize).max()
    }

    /// Number of candidates.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the index holds no candidates.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Answers `query` over every candidate, keeping the best `limit` hits.
    pub fn query(&self, query: &str, limit: usize) -> QueryResult {
        let (mode, parsed) = parse_query(query);
        match parsed {
            None => self.empty_result(mode),
            Some(parsed) => {
                let scored = self.scan(&parsed, None);
                self.finish(mode, parsed, scored, limit)
            }
        }
    }

    /// Answers `query`, re-scoring only the matches of `previous` when `query` can only narrow
    /// it (a character appended to a term, a term added); otherwise the same as
    /// [`SearchIndex::query`]. `previous` must come from this index.
    pub fn refine(&self, previous: &QueryResult, query: &str, limit: usize) -> QueryResult {
        let (mode, parsed) = parse_query(query);
        let Some(parsed) = parsed else {
            return self.empty_result(mode);
        };
        let narrows = previous.complete
            && previous.index_len == self.len()
            && previous
                .parsed
                .as_ref()
                .is_some_and(|old| parsed.is_narrower_than(old));
        let scored = if narrows {
            self.scan(&parsed, Some(&previous.matched))
        } else {
            self.scan(&parsed, None)
        };
        self.finish(mode, parsed, scored, limit)
    }

    fn empty_result(&self, mode: QueryMode) -> QueryResult {
        QueryResult {
            mode,
            hits: Vec::new(),
            total_matched: 0,
            parsed: None,
            matched: Vec::new(),
            index_len: self.len(),
            complete: true,
        }
    }

    /// Answers `query` like [`SearchIndex::refine`] from `previous` (or [`SearchIndex::query`]
    /// without it) with the same result, scanning a chunk of candidates at a time. Between
    /// chunks it checks `cancel` and returns `None` once it is set. When the ranking has run for
    /// `every` (the palette uses [`PARTIAL_EVERY`]), `partial` receives the best hits among the
    /// candidates scanned so far ([`QueryResult::is_complete`] false); the wait before the next
    /// early answer doubles each time, so that on a slow machine early answers do not crowd out
    /// the complete one.
    pub fn rank_in_steps(
        &self,
        previous: Option<&QueryResult>,
        query: &str,
        limit: usize,
        cancel: &AtomicBool,
        every: Duration,
        mut partial: impl FnMut(QueryResult),
    ) -> Option<QueryResult> {
        let is_cancelled = || cancel.load(std::sync::atomic::Ordering::Relaxed);
        let (mode, parsed) = parse_query(query);
        let Some(parsed) = parsed else {
            return Some(self.empty_result(mode));
        };
        let narrowed = previous.filter(|p| {
            p.complete
                && p.index_len == self.len()
                && p.parsed
                    .as_ref()
                    .is_some_and(|old| parsed.is_narrower_than(old))
        });
        let ids: &[u32] = narrowed.map_or(&self.scan_order, |p| &p.matched);
        let mut matches: Vec<Scored> = Vec::new();
        let mut since = Instant::now();
        let mut every = every;
        let mut chunks = ids.chunks(SCAN_CHUNK).peekable();
        while let Some(chunk) = chunks.next() {
            if is_cancelled() {
                return None;
            }
            matches.extend(self.scan(&parsed, Some(chunk)));
            if chunks.peek().is_some() && since.elapsed() >= every {
                let mut early = self.finish(mode.clone(), parsed.clone(), matches.clone(), limit);
                early.complete = false;
                early.matched = Vec::new();
                if is_cancelled() {
                    return None;
                }
                partial(early);
                since = Instant::now();
                every = every.saturating_mul(2);
            }
        }
        if is_cancelled() {
            return None;
        }
        Some(self.finish(mode, parsed, matches, limit))
    }

    /// Matches the candidates `ids` (all when `None`) against `q`, in index order, with their
    /// tiers; scores are filled in later, and only for the tiers that reach the limit.
    fn scan(&self, q: &ParsedQuery, ids: Option<&[u32]>) -> Vec<Scored> {
        let score = |id: u32| {
            let hay = self.hay(id as usize)?;
            let tier = Self::match_tier(hay, q)?;
            Some(Scored { id, tier, score: 0 })
        };
        match ids {
            Some(ids) if ids.len() >= PARALLEL_MIN => ids
                .par_iter()
                .with_min_len(512)
                .filter_map(|&id| score(id))
                .collect(),
            Some(ids) => ids.iter().filter_map(|&id| score(id)).collect(),
            None => {
                let n = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
                if self.entries.len() >= PARALLEL_MIN {
                    (0..n)
                        .into_par_iter()
                        .with_min_len(512)
                        .filter_map(score)
                        .collect()
                } else {
                    (0..n).filter_map(score).collect()
                }
            }
        }
    }

    /// The tier of `entry` for `q`, or `None` when it does not match.
    fn match_tier(entry: Hay<'_>, q: &ParsedQuery) -> Option<u8> {
        if q.kind.is_some_and(|k| k != entry.kind) || entry.mask & q.mask != q.mask {
            return None;
        }
        if q.negative.iter().any(|t| literal_match(entry, t).is_some()) {
            return None;
        }
        if !q.positive.iter().all(|t| Self::is_term_match(entry, t)) {
            return None;
        }
        let tier = if q.positive.is_empty() || entry.lower_eq(&q.joined) {
            0
        } else if entry.lower_starts_with(&q.joined) {
            1
        } else {
            2
        };
        Some(tier)
    }

    /// The text a term is scored against: the folded label, or its lowered form for a
    /// case-insensitive term on a label with non-ASCII uppercase.
    fn scored_text<'a>(entry: Hay<'a>, term: &Term) -> &'a str {
        match entry.lower {
            Some(lower) if !term.case_sensitive && entry.fuzzy_on_lower => lower,
            _ => entry.folded,
        }
    }

    /// Whether `term` matches `entry`. For fuzzy terms this is the in-order check the skim
    /// scorer itself makes first (never stricter), so that only hits need the scorer.
    fn is_term_match(entry: Hay<'_>, term: &Term) -> bool {
        if term.kind == TermKind::Fuzzy {
            let text = Self::scored_text(entry, term);
            if term.case_sensitive {
                is_subsequence(&term.text, text)
            } else {
                is_subsequence_ascii_nocase(&term.text, text)
            }
        } else {
            literal_match(entry, term).is_some()
        }
    }

    /// The skim score of a matching `entry`: the sum over the positive terms.
    fn score(&self, entry: Hay<'_>, q: &ParsedQuery) -> i64 {
        q.positive
            .iter()
            .map(|t| {
                let text = Self::scored_text(entry, t);
                skim::fuzzy_score(text, &t.text).unwrap_or(0)
            })
            .sum()
    }

    /// Scores the matches tier by tier, stopping once `limit` are scored: a lower tier always
    /// ranks first, so later tiers cannot reach the hits and need no scores.
    fn score_by_tier(&self, q: &ParsedQuery, matches: Vec<Scored>, limit: usize) -> Vec<Scored> {
        if q.positive.is_empty() {
            return matches;
        }
        let mut out = Vec::new();
        for tier in 0..=2 {
            if out.len() >= limit {
                break;
            }
            let group: Vec<Scored> = matches.iter().filter(|s| s.tier == tier).copied().collect();
            let score = |s: Scored| {
                let score = self.hay(s.id as usize).map_or(0, |e| self.score(e, q));
                Scored { score, ..s }
            };
            let need = limit - out.len();
            if group.len() >= PRUNE_MIN && group.len() > 4 * need {
                self.score_best(q, group, need, &mut out);
            } else if group.len() >= PARALLEL_MIN {
                out.par_extend(group.into_par_iter().with_min_len(256).map(score));
            } else {
                out.extend(group.into_iter().map(score));
            }
        }
        out
    }

    /// The upper bound of the score of a matching `entry` (see [`skim::score_bound`]).
    fn score_bound(entry: Hay<'_>, q: &ParsedQuery) -> i64 {
        q.positive
            .iter()
            .map(|t| skim::score_bound(Self::scored_text(entry, t), &t.text).unwrap_or(0))
            .sum()
    }

    /// Scores enough of a large tier to be sure of its best `need` members, pushing them (and
    /// any other scored member) to `out`: members are taken in decreasing order of a cheap
    /// upper bound, a chunk at a time, until the next bound is below the `need`-th best score
    /// so far. A member left unscored then scores lower than `need` others and cannot rank
    /// among the best `need`.
    fn score_best(&self, q: &ParsedQuery, group: Vec<Scored>, need: usize, out: &mut Vec<Scored>) {
        // Chunks start small, since the first one often settles the threshold, and double.
        const FIRST_CHUNK: usize = 128;
        const MAX_CHUNK: usize = 4096;
        let mut bounded: Vec<(i64, Scored)> = group
            .into_par_iter()
            .with_min_len(256)
            .map(|s| {
                let bound = self
                    .hay(s.id as usize)
                    .map_or(i64::MAX, |e| Self::score_bound(e, q));
                (bound, s)
            })
            .collect();
        bounded.par_sort_unstable_by(|a, b| b.0.cmp(&a.0));
        let mut scores: Vec<i64> = Vec::new();
        let mut threshold = i64::MIN;
        let mut rest = bounded.as_slice();
        let mut size = FIRST_CHUNK.max(2 * need);
        while !rest.is_empty() {
            let (chunk, after) = rest.split_at(size.min(rest.len()));
            rest = after;
            size = (size * 2).min(MAX_CHUNK);
            let live = chunk.partition_point(|(bound, _)| *bound >= threshold);
            if live == 0 {
                break;
            }
            let scored: Vec<Scored> = chunk[..live]
                .par_iter()
                .with_min_len(128)
                .map(|&(_, s)| Scored {
                    score: self.hay(s.id as usize).map_or(0, |e| self.score(e, q)),
                    ..s
                })
                .collect();
            scores.extend(scored.iter().map(|s| s.score));
            out.extend(scored);
            if scores.len() >= need && need > 0 {
                let (_, kth, _) = scores.select_nth_unstable_by(need - 1, |a, b| b.cmp(a));
                threshold = *kth;
            }
            if live < chunk.len() {
                break;
            }
        }
    }

    /// Ranks `scored`, keeps the best `limit` and computes their highlight positions.
    fn finish(
        &self,
        mode: QueryMode,
        parsed: ParsedQuery,
        matches: Vec<Scored>,
        limit: usize,
    ) -> QueryResult {
        let total_matched = matches.len();
        let matched: Vec<u32> = matches.iter().map(|s| s.id).collect();
        let mut scored = self.score_by_tier(&parsed, matches, limit);
        let by_default_order = parsed.positive.is_empty();
        let cmp = |a: &Scored, b: &Scored| self.rank(a, b, by_default_order);
        if limit == 0 {
            scored.clear();
        } else if scored.len() > limit {
            scored.select_nth_unstable_by(limit - 1, cmp);
            scored.truncate(limit);
        }
        scored.sort_unstable_by(cmp);
        let hits = scored
            .iter()
            .map(|s| Hit {
                candidate: s.id as usize,
                score: s.score,
                positions: self.positions(s.id as usize, &parsed),
            })
            .collect();
        QueryResult {
            mode,
            hits,
            total_matched,
            parsed: Some(parsed),
            matched,
            index_len: self.len(),
            complete: true,
        }
    }

    fn rank(&self, a: &Scored, b: &Scored, by_default_order: bool) -> Ordering {
        let (ca, cb) = (&self.entries[a.id as usize], &self.entries[b.id as usize]);
        let order = a
            .tier
            .cmp(&b.tier)
            .then(b.score.cmp(&a.score))
            .then(ca.kind.cmp(&cb.kind))
            .then(cb.recency.cmp(&ca.recency));
        let order = if by_default_order {
            order
        } else {
            order.then(ca.label_chars.cmp(&cb.label_chars))
        };
        order.then(a.id.cmp(&b.id))
    }

    /// The matched chars of candidate `id` for `q`, as sorted char indices into its label.
    fn positions(&self, id: usize, q: &ParsedQuery) -> Vec<usize> {
        let (Some(entry), Some(candidate)) = (self.hay(id), self.entries.get(id)) else {
            return Vec::new();
        };
        if q.positive.is_empty() {
            return Vec::new();
        }
        let map = fold(self.text(candidate.label)).1;
        let mut out: Vec<usize> = Vec::new();
        for term in &q.positive {
            let folded_positions: Vec<usize> = if term.kind == TermKind::Fuzzy {
                let text = Self::scored_text(entry, term);
                self.matcher
                    .fuzzy_indices(text, &term.text)
                    .map(|(_, p)| p)
                    .unwrap_or_default()
            } else {
                literal_match(entry, term).map_or_else(Vec::new, |r| r.collect())
            };
            out.extend(folded_positions.iter().filter_map(|&p| map.get(p).copied()));
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Where a non-fuzzy term matches `entry`, as a range of char indices into the folded label.
fn literal_match(entry: Hay<'_>, term: &Term) -> Option<std::ops::Range<usize>> {
    // A case-insensitive term is lowered; so is the label, unless lowering its ASCII letters
    // is all that lowering does, which the comparisons below then do as they go.
    let (hay, nocase): (&str, bool) = match (term.case_sensitive, entry.lower) {
        (true, _) => (entry.folded, false),
        (false, Some(lower)) => (lower, false),
        (false, None) => (entry.folded, true),
    };
    let needle = term.text.as_str();
    let same = |a: &[u8], b: &[u8]| {
        if nocase {
            a.eq_ignore_ascii_case(b)
        } else {
            a == b
        }
    };
    let len = needle.chars().count();
    let chars_before = |byte: usize| hay.get(..byte).map_or(0, |s| s.chars().count());
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let start = match term.kind {
        TermKind::Exact => chars_before(find_bytes(h, n, nocase)?),
        TermKind::Prefix => {
            if !h.get(..n.len()).is_some_and(|head| same(head, n)) {
                return None;
            }
            0
        }
        TermKind::Suffix => {
            let at = h.len().checked_sub(n.len())?;
            if !h.get(at..).is_some_and(|tail| same(tail, n)) {
                return None;
            }
            chars_before(at)
        }
        TermKind::Equal => {
            if !same(h, n) {
                return None;
            }
            0
        }
        // Fuzzy terms are never matched literally.
        TermKind::Fuzzy => return None,
    };
    Some(start..start + len)
}

/// The byte offset of the first occurrence of `needle` in `hay`, ignoring the case of ASCII
/// letters in `hay` when `nocase` (`needle` is then lowered). Both are UTF-8, so a match
/// starts on a char boundary.
fn find_bytes(hay: &[u8], needle: &[u8], nocase: bool) -> Option<usize> {
    let Some(&first) = needle.first() else {
        return Some(0);
    };
    if !nocase {
        return memchr::memmem::find(hay, needle);
    }
    let rest = &needle[1..];
    let mut at = 0;
    while at + needle.len() <= hay.len() {
        let window = &hay[at..hay.len() - rest.len()];
        let i = if first.is_ascii_alphabetic() {
            memchr::memchr2(
                first.to_ascii_lowercase(),
                first.to_ascii_uppercase(),
                window,
            )?
        } else {
            memchr::memchr(first, window)?
        };
        let from = at + i + 1;
        if hay[from..from + rest.len()].eq_ignore_ascii_case(rest) {
            return Some(at + i);
        }
        at = from;
    }
    None
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A deterministic xorshift source of numbers below `n`, for randomised tests.
    pub(crate) fn numbers(seed: u64) -> impl FnMut(usize) -> usize {
        let mut state = seed;
        move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        }
    }

    fn cand(kind: CandidateKind, label: &str) -> Candidate {
        Candidate {
            kind,
            label: label.to_string(),
            detail: String::new(),
            article: 0,
            offset: 0,
            recency: 0,
        }
    }

    fn index(labels: &[&str]) -> SearchIndex {
        SearchIndex::new(
            labels
                .iter()
                .map(|l| cand(CandidateKind::Claim, l))
                .collect(),
        )
    }

    /// Labels of the hits, best first.
    fn labels(index: &SearchIndex, query: &str) -> Vec<String> {
        index
            .query(query, 100)
            .hits
            .iter()
            .map(|h| {
                index
                    .candidate(h.candidate)
                    .expect("a hit")
                    .label
                    .to_string()
            })
            .collect()
    }

    fn sorted(mut v: Vec<String>) -> Vec<String> {
        v.sort();
        v
    }

    #[test]
    fn fold_replaces_umlauts_eszett_and_accents() {
        assert_eq!(fold("Pjöngjang").0, "Pjongjang");
        assert_eq!(fold("Straße").0, "Strasse");
        assert_eq!(fold("Straße").1, vec![0, 1, 2, 3, 4, 4, 5]);
        assert_eq!(fold("Élysée Ça Ñandú").0, "Elysee Ca Nandu");
        assert_eq!(fold("Łódź Škoda").0, "Lodz Skoda");
        assert_eq!(fold("ÄÖÜ äöü").0, "AOU aou");
    }

    #[test]
    fn fold_shortens_vowel_e_digraphs() {
        assert_eq!(fold("Mueller").0, fold("Müller").0);
        assert_eq!(fold("Pjoengjang").0, "Pjongjang");
        assert_eq!(fold("Aerzte").0, fold("Ärzte").0);
        assert_eq!(fold("Mueller").1, vec![0, 1, 3, 4, 5, 6]);
    }

    #[test]
    fn subsequence_checks_on_bytes_agree_with_chars() {
        let alphabet: Vec<char> = "puTIn aä–Ü1-".chars().collect();
        let mut next = numbers(0x9e37_79b9_7f4a_7c15);
        for _ in 0..5_000 {
            let hay: String = (0..next(30))
                .map(|_| alphabet[next(alphabet.len())])
                .collect();
            let needle: String = (0..1 + next(4))
                .map(|_| alphabet[next(alphabet.len())])
                .collect();
            let mut h = hay.chars();
            let exact = needle.chars().all(|n| h.any(|c| c == n));
            assert_eq!(is_subsequence(&needle, &hay), exact, "{needle:?} {hay:?}");
            let mut h = hay.chars();
            let nocase = needle
                .chars()
                .all(|n| h.any(|c| c.eq_ignore_ascii_case(&n)));
            assert_eq!(
                is_subsequence_ascii_nocase(&needle, &hay),
                nocase,
                "{needle:?} {hay:?}"
            );
        }
    }

    #[test]
    fn fold_text_is_the_text_of_fold() {
        for s in [
            "",
            "e",
            "ee",
            "aee",
            "Mueller Aerzte OE UE oe",
            "Pjoengjang",
            "Straße Ärzte Äe äe",
            "Pjo\u{308}ngjang",
            "Élysée Ça Ñandú Łódź",
            "UN-Sicherheitsrat, 10.000 Soldaten",
        ] {
            assert_eq!(fold_text(s), fold(s).0, "{s:?}");
        }
    }

    #[test]
    fn fold_drops_combining_marks() {
        // "Pjöngjang" with a decomposed ö.
        let (folded, map) = fold("Pjo\u{308}ngjang");
        assert_eq!(folded, "Pjongjang");
        assert_eq!(map, vec![0, 1, 2, 4, 5, 6, 7, 8, 9]);
    }

    #[test]
    fn latin_extended_a_table_covers_its_block() {
        assert_eq!(LATIN_EXT_A.len(), 0x80);
        assert_eq!(fold("ĀČĐĚĞĦİĶŁŇŐŘŠŤŮŽſ").0, "ACDEGHIKLNORSTUZs");
    }

    #[test]
    fn fuzzy_term_matches_letters_in_order() {
        let idx = index(&["Wladimir Putin", "Pute mit Reis", "Tupin"]);
        assert_eq!(labels(&idx, "ptn"), vec!["Wladimir Putin"]);
    }

    #[test]
    fn exact_term_needs_a_substring() {
        let idx = index(&["Wladimir Putin", "Pflaume unter Tisch"]);
        assert_eq!(
            sorted(labels(&idx, "put")),
            vec!["Pflaume unter Tisch", "Wladimir Putin"]
        );
        assert_eq!(labels(&idx, "'put"), vec!["Wladimir Putin"]);
    }

    #[test]
    fn prefix_and_suffix_terms_anchor_to_the_label() {
        let idx = index(&["Wien wählt", "Das neue Wien"]);
        assert_eq!(labels(&idx, "^wien"), vec!["Wien wählt"]);
        assert_eq!(labels(&idx, "wien$"), vec!["Das neue Wien"]);
        assert_eq!(labels(&idx, "^das neue wien$"), vec!["Das neue Wien"]);
        assert_eq!(labels(&idx, "^neue$"), Vec::<String>::new());
        assert_eq!(labels(&idx, "^das$"), Vec::<String>::new());
    }

    #[test]
    fn all_terms_must_match() {
        let idx = index(&["Regierung in Wien", "Regierung in Berlin", "Wetter in Wien"]);
        assert_eq!(labels(&idx, "regierung wien"), vec!["Regierung in Wien"]);
    }

    #[test]
    fn negated_terms_exclude_exact_matches() {
        let idx = index(&[
            "Regierung in Wien",
            "Regierung in Berlin",
            "Wiener Regierung",
        ]);
        assert_eq!(labels(&idx, "regierung !wien"), vec!["Regierung in Berlin"]);
        assert_eq!(
            sorted(labels(&idx, "regierung !^wien")),
            vec!["Regierung in Berlin", "Regierung in Wien"]
        );
        assert_eq!(
            sorted(labels(&idx, "regierung !wien$")),
            vec!["Regierung in Berlin", "Wiener Regierung"]
        );
        // A negated term is exact, not fuzzy: "wn" is in no label.
        assert_eq!(labels(&idx, "!wn").len(), 3);
    }

    #[test]
    fn smart_case_respects_uppercase_terms_only() {
        let idx = index(&["Grüne Welle", "grüne Wiese"]);
        assert_eq!(labels(&idx, "grune").len(), 2);
        assert_eq!(labels(&idx, "Grune"), vec!["Grüne Welle"]);
        assert_eq!(labels(&idx, "'grune").len(), 2);
        assert_eq!(labels(&idx, "'Grune"), vec!["Grüne Welle"]);
        assert_eq!(labels(&idx, "!W").len(), 0);
        assert_eq!(labels(&idx, "!Welle"), vec!["grüne Wiese"]);
    }

    #[test]
    fn german_folding_matches_both_ways() {
        let idx = index(&[
            "Raketentest in Pjöngjang",
            "Große Straße",
            "Angriff auf Kyjiw",
            "Müller",
        ]);
        assert_eq!(labels(&idx, "pjongjang"), vec!["Raketentest in Pjöngjang"]);
        assert_eq!(labels(&idx, "pjoengjang"), vec!["Raketentest in Pjöngjang"]);
        assert_eq!(labels(&idx, "strasse"), vec!["Große Straße"]);
        assert_eq!(labels(&idx, "straße"), vec!["Große Straße"]);
        assert_eq!(labels(&idx, "kyjiw"), vec!["Angriff auf Kyjiw"]);
        assert_eq!(labels(&idx, "mueller"), vec!["Müller"]);
        assert_eq!(labels(&idx, "'müller"), vec!["Müller"]);
    }

    #[test]
    fn positions_map_back_through_folding() {
        let idx = index(&["Straße"]);
        let hit = &idx.query("strasse", 10).hits[0];
        assert_eq!(hit.positions, vec![0, 1, 2, 3, 4, 5]);
        let hit = &idx.query("'asse", 10).hits[0];
        assert_eq!(hit.positions, vec![3, 4, 5]);
        let idx = index(&["Kim in Pjöngjang"]);
        let hit = &idx.query("pjong", 10).hits[0];
        assert_eq!(hit.positions, vec![7, 8, 9, 10, 11]);
    }

    #[test]
    fn kind_prefixes_narrow_the_search() {
        let idx = SearchIndex::new(
            CandidateKind::ALL
                .iter()
                .map(|&k| cand(k, &format!("Wien {}", k.name())))
                .collect(),
        );
        for kind in CandidateKind::ALL {
            let result = idx.query(&format!("{}wien", kind.prefix()), 10);
            assert_eq!(result.mode, QueryMode::Kind(kind));
            let kinds: Vec<_> = result
                .hits
                .iter()
                .map(|h| idx.candidate(h.candidate).expect("a hit").kind)
                .collect();
            assert_eq!(kinds, vec![kind]);
        }
        let result = idx.query("wien", 10);
        assert_eq!(result.mode, QueryMode::All);
        assert_eq!(result.total_matched, 5);
        assert_eq!(
            idx.query("/Putin in Wien", 10).mode,
            QueryMode::FullText("Putin in Wien".to_string())
        );
        assert!(idx.query("/wien", 10).hits.is_empty());
        assert_eq!(
            CandidateKind::from_name("claim"),
            Some(CandidateKind::Claim)
        );
    }

    #[test]
    fn exact_label_ranks_before_prefix_before_fuzzy() {
        let idx = index(&["Die Rede von Putin", "Putin spricht", "Putin", "P u t i n"]);
        let got = labels(&idx, "putin");
        assert_eq!(got[0], "Putin");
        assert_eq!(got[1], "Putin spricht");
        assert_eq!(got.len(), 4);
    }

    #[test]
    fn ties_break_by_kind_then_recency_then_length() {
        let mut cands = vec![
            cand(CandidateKind::Bookmark, "Putin in Wien"),
            cand(CandidateKind::Claim, "Putin in Wien"),
            cand(CandidateKind::Entity, "Putin in Wien"),
        ];
        let mut old = cand(CandidateKind::Bookmark, "Putin in Wien");
        old.recency = 1;
        let mut new = cand(CandidateKind::Bookmark, "Putin in Wien");
        new.recency = 9;
        cands.push(old);
        cands.push(new);
        let idx = SearchIndex::new(cands);
        let order: Vec<usize> = idx
            .query("wien", 10)
            .hits
            .iter()
            .map(|h| h.candidate)
            .collect();
        assert_eq!(order, vec![2, 1, 4, 3, 0]);

        let idx = index(&["Wien und Umgebung heute", "Wien und Umgebung"]);
        assert_eq!(labels(&idx, "umgebung")[0], "Wien und Umgebung");
    }

    #[test]
    fn empty_query_lists_by_kind_recency_and_original_order() {
        let mut cands = vec![
            cand(CandidateKind::Claim, "c1"),
            cand(CandidateKind::Bookmark, "b-old"),
            cand(CandidateKind::Article, "a1"),
            cand(CandidateKind::Bookmark, "b-new"),
            cand(CandidateKind::Claim, "c2"),
        ];
        cands[1].recency = 5;
        cands[3].recency = 7;
        let idx = SearchIndex::new(cands);
        let result = idx.query("", 4);
        let order: Vec<usize> = result.hits.iter().map(|h| h.candidate).collect();
        assert_eq!(order, vec![2, 0, 4, 3]);
        assert_eq!(result.total_matched, 5);
        assert!(
            result
                .hits
                .iter()
                .all(|h| h.positions.is_empty() && h.score == 0)
        );
        let order: Vec<usize> = idx
            .query("*", 10)
            .hits
            .iter()
            .map(|h| h.candidate)
            .collect();
        assert_eq!(order, vec![3, 1]);
        assert!(idx.query("putin", 0).hits.is_empty());
    }

    #[test]
    fn a_small_limit_gives_the_head_of_the_full_ranking() {
        let idx = index(&[
            "Putin",
            "Putin spricht",
            "Putins Rede",
            "Die Rede von Putin",
            "P u t i n",
            "putin",
            "Pute in Not",
            "Putin in Wien",
            "Wladimir Putin",
        ]);
        let full = idx.query("putin", 100);
        for limit in 1..full.hits.len() {
            let head = idx.query("putin", limit);
            assert_eq!(head.hits[..], full.hits[..limit], "limit {limit}");
            assert_eq!(head.total_matched, full.total_matched);
        }
    }

    #[test]
    fn refine_gives_the_same_answer_as_a_fresh_query() {
        let idx = index(&[
            "Wladimir Putin in Moskau",
            "Putins Rede",
            "Pute mit Reis",
            "Regierung in Wien",
            "Pjöngjang testet Raketen",
        ]);
        let steps = [
            "",
            "p",
            "pu",
            "put",
            "puti",
            "putin",
            "putin ",
            "putin !",
            "putin !r",
            "putin !re",
            "putin",
            "puti",
            "@puti",
            "'p",
            "'pu",
            "^p",
            "^pu",
            "^pu$",
            "Pu",
            "Put",
            "pjoe",
            "pjoen",
        ];
        let mut previous = idx.query("", 10);
        for step in steps {
            let refined = idx.refine(&previous, step, 10);
            let fresh = idx.query(step, 10);
            assert_eq!(refined.hits, fresh.hits, "query {step:?}");
            assert_eq!(refined.total_matched, fresh.total_matched, "query {step:?}");
            previous = refined;
        }
    }

    /// A large index of generated labels, several scan chunks long.
    fn large_index(n: usize) -> SearchIndex {
        const WORDS: [&str; 12] = [
            "Regierung",
            "Wien",
            "Putin",
            "Kanzler",
            "Pjöngjang",
            "Straße",
            "Moskau",
            "Rede",
            "Reform",
            "Grenze",
            "Präsident",
            "Montag",
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let cands = (0..n)
            .map(|i| {
                let words = 1 + i % 7;
                let label: Vec<&str> = (0..words)
                    .map(|_| {
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        WORDS[(state % WORDS.len() as u64) as usize]
                    })
                    .collect();
                let kind = CandidateKind::ALL[i % 4];
                cand(kind, &label.join(" "))
            })
            .collect();
        SearchIndex::new(cands)
    }

    #[test]
    fn ranking_in_steps_gives_the_answer_of_a_fresh_query() {
        let never = AtomicBool::new(false);
        for idx in [sample_index(), large_index(3 * SCAN_CHUNK + 17)] {
            let mut previous: Option<QueryResult> = None;
            for q in [
                "", "p", "pu", "put", "putin", "putin w", "pu", "'wien", "@mos", "Pj",
            ] {
                for every in [Duration::ZERO, Duration::MAX] {
                    let stepped = idx
                        .rank_in_steps(previous.as_ref(), q, 20, &never, every, |_| {})
                        .unwrap_or_else(|| panic!("{q:?} was cancelled"));
                    let fresh = idx.query(q, 20);
                    assert_eq!(stepped.hits, fresh.hits, "query {q:?}");
                    assert_eq!(stepped.total_matched, fresh.total_matched, "query {q:?}");
                    assert!(stepped.is_complete());
                    if every == Duration::MAX {
                        previous = Some(stepped);
                    }
                }
            }
        }
    }

    #[test]
    fn a_long_ranking_hands_out_ranked_partial_answers_first() {
        let idx = large_index(4 * SCAN_CHUNK);
        let never = AtomicBool::new(false);
        let mut partials = Vec::new();
        let done = idx
            .rank_in_steps(None, "putin", 20, &never, Duration::ZERO, |r| {
                partials.push(r)
            })
            .unwrap_or_else(|| panic!("cancelled"));
        assert_eq!(partials.len(), 3, "one after each chunk but the last");
        let mut seen = 0;
        for p in &partials {
            assert!(!p.is_complete());
            assert!(p.total_matched >= seen && p.total_matched < done.total_matched);
            seen = p.total_matched;
            assert_eq!(p.hits.len(), 20);
            // Best first: scores never rise down the list within a tier.
            assert!(p.hits.windows(2).all(|w| {
                w[0].score >= w[1].score
                    || idx
                        .hay(w[0].candidate)
                        .is_some_and(|h| h.lower_starts_with("putin"))
            }));
            // A partial answer is never the base of a narrower query.
            let refined = idx.refine(p, "putin r", 20);
            assert_eq!(
                refined.total_matched,
                idx.query("putin r", 20).total_matched
            );
        }
    }

    #[test]
    fn a_cancelled_ranking_stops_between_chunks() {
        let idx = large_index(4 * SCAN_CHUNK);
        let cancel = AtomicBool::new(true);
        assert!(
            idx.rank_in_steps(None, "putin", 20, &cancel, Duration::MAX, |_| {})
                .is_none()
        );
        let cancel = AtomicBool::new(false);
        let mut partials = 0;
        let stopped = idx.rank_in_steps(None, "putin", 20, &cancel, Duration::ZERO, |_| {
            partials += 1;
            cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        });
        assert!(stopped.is_none());
        assert_eq!(partials, 1);
    }

    #[test]
    fn refine_only_narrows_when_the_query_allows_it() {
        let q = |s: &str| {
            parse_query(s)
                .1
                .unwrap_or_else(|| panic!("no terms in {s:?}"))
        };
        assert!(q("put").is_narrower_than(&q("pu")));
        assert!(q("pu ti").is_narrower_than(&q("pu")));
        assert!(q("'put").is_narrower_than(&q("pt")));
        assert!(q("Pu").is_narrower_than(&q("pu")));
        assert!(!q("pu").is_narrower_than(&q("Pu")));
        assert!(!q("!pu").is_narrower_than(&q("!p")));
        assert!(q("!p").is_narrower_than(&q("!pu")));
        assert!(!q("!P").is_narrower_than(&q("!p")));
        assert!(!q("pu$").is_narrower_than(&q("^p")));
        assert!(!q("@pu").is_narrower_than(&q("p")));
    }

    #[test]
    fn odd_queries_do_not_panic() {
        let idx = index(&[
            "Straße",
            "Pjöngjang 🚀 Start",
            "e\u{301}te\u{301}",
            "",
            "'^$!",
        ]);
        let long = "ä".repeat(5000);
        let queries = [
            "!",
            "'",
            "^",
            "$",
            "!^",
            "!$",
            "^$",
            "'$",
            "!'",
            "$$",
            "^^",
            "''",
            "🚀",
            "🚀$",
            "^🚀",
            "\u{301}",
            "e\u{301}",
            "ete",
            "   ",
            "@",
            "/",
            "*",
            "@@",
            "!!x",
            "'^$!",
            long.as_str(),
        ];
        for q in queries {
            let result = idx.query(q, 10);
            for hit in &result.hits {
                let chars = idx
                    .candidate(hit.candidate)
                    .expect("a hit")
                    .label
                    .chars()
                    .count();
                assert!(hit.positions.iter().all(|&p| p < chars), "query {q:?}");
            }
        }
        assert_eq!(labels(&idx, "🚀"), vec!["Pjöngjang 🚀 Start"]);
        assert_eq!(labels(&idx, "ete"), vec!["e\u{301}te\u{301}"]);
        assert_eq!(labels(&idx, "!").len(), 5);
    }

    #[test]
    fn every_position_is_a_char_index_of_the_label() {
        // Deterministic pseudo-random labels and queries over an alphabet full of folding cases.
        let alphabet: Vec<char> = "aeouäöüßÄÖÜẞéèçñłŁæœĳ \u{301}🚀xyzAEOU'^$!"
            .chars()
            .collect();
        let mut next = numbers(0x9e37_79b9_7f4a_7c15);
        let mut random_text =
            |len: usize| -> String { (0..len).map(|_| alphabet[next(alphabet.len())]).collect() };
        let labels: Vec<String> = (0..300).map(|i| random_text(1 + i % 40)).collect();
        let queries: Vec<String> = (0..300).map(|i| random_text(1 + i % 6)).collect();
        let idx = index(&labels.iter().map(String::as_str).collect::<Vec<_>>());
        for q in &queries {
            for hit in idx.query(q, 1000).hits {
                let chars = idx
                    .candidate(hit.candidate)
                    .expect("a hit")
                    .label
                    .chars()
                    .count();
                assert!(hit.positions.iter().all(|&p| p < chars), "query {q:?}");
                assert!(hit.positions.windows(2).all(|w| w[0] < w[1]));
            }
        }
        for label in &labels {
            let (folded, map) = fold(label);
            assert_eq!(folded.chars().count(), map.len());
            assert!(map.iter().all(|&i| i < label.chars().count()));
        }
    }

    /// The straightforward ranking: every candidate matched, every match scored with a fresh
    /// fuzzy-matcher scorer, the whole list sorted.
    fn reference_query(idx: &SearchIndex, query: &str, limit: usize) -> (Vec<Hit>, usize) {
        let Some(q) = parse_query(query).1 else {
            return (Vec::new(), 0);
        };
        let mut all: Vec<Scored> = (0..idx.len() as u32)
            .filter_map(|id| {
                let entry = idx.hay(id as usize)?;
                let tier = SearchIndex::match_tier(entry, &q)?;
                let score = q
                    .positive
                    .iter()
                    .map(|t| {
                        let text = SearchIndex::scored_text(entry, t);
                        SkimMatcherV2::default()
                            .fuzzy_match(text, &t.text)
                            .unwrap_or(0)
                    })
                    .sum();
                Some(Scored { id, tier, score })
            })
            .collect();
        let total = all.len();
        all.sort_by(|a, b| idx.rank(a, b, q.positive.is_empty()));
        all.truncate(limit);
        let hits = all
            .iter()
            .map(|s| Hit {
                candidate: s.id as usize,
                score: s.score,
                positions: idx.positions(s.id as usize, &q),
            })
            .collect();
        (hits, total)
    }

    /// Labels like the palette's: titles, headings, entity names and claim sentences of the
    /// bundled articles, each of several kinds, plus words of every sentence.
    fn sample_index() -> SearchIndex {
        let mut cands = Vec::new();
        for (i, article) in crate::ingest::bundled().iter().enumerate() {
            let mut push = |kind, label: &str| {
                cands.push(Candidate {
                    kind,
                    label: label.to_string(),
                    detail: String::new(),
                    article: i,
                    offset: 0,
                    recency: 0,
                })
            };
            push(CandidateKind::Article, &article.title);
            for block in &article.body {
                let text = article.block_text(block);
                for sentence in text.split(". ") {
                    push(CandidateKind::Claim, sentence);
                    let words: Vec<&str> = sentence.split_whitespace().collect();
                    if let Some(w) = words.first() {
                        push(CandidateKind::Entity, w);
                    }
                    push(
                        CandidateKind::Heading,
                        &words.iter().take(4).copied().collect::<Vec<_>>().join(" "),
                    );
                }
            }
        }
        SearchIndex::new(cands)
    }

    #[test]
    fn the_fast_ranking_equals_the_straightforward_one() {
        let idx = sample_index();
        assert!(idx.len() > 4 * PRUNE_MIN, "{}", idx.len());
        let queries = [
            "p",
            "pu",
            "put",
            "puti",
            "putin",
            "k",
            "ki",
            "kim",
            "nord",
            "nordkorea",
            "Nord",
            "russ",
            "ukr",
            "a",
            "e",
            "en",
            "der",
            "die reg",
            "'krieg",
            "^die",
            "sch$",
            "!der e",
            "@ru",
            "#sold",
            "%die",
            "soldat ukr",
            "2024",
            "ö",
            "pjöng",
            "trupp 'nord",
            "Kim Jong",
        ];
        for limit in [1, 10, 50] {
            let mut previous = idx.query("", limit);
            for q in queries {
                let (hits, total) = reference_query(&idx, q, limit);
                let fresh = idx.query(q, limit);
                assert_eq!(fresh.hits, hits, "query {q:?} limit {limit}");
                assert_eq!(fresh.total_matched, total, "query {q:?}");
                let refined = idx.refine(&previous, q, limit);
                assert_eq!(refined.hits, hits, "refined {q:?} limit {limit}");
                previous = refined;
            }
        }
    }
}
