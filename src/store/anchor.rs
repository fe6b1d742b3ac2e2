//! Text-quote anchors: where a bookmark points in an article, and how to find that place again
//! after the article's file has changed.
//!
//! An [`Anchor`] stores the quoted text with a little context on each side (in the style of the
//! W3C text-quote selector) plus the block index and byte offsets at creation, which are only
//! hints. [`resolve`] tries, in order: the old offsets, the exact quote elsewhere (disambiguated
//! by its context and by closeness to the old block), and a bounded fuzzy search within body
//! blocks. Pure functions: no IO, no clock. Must not import UI crates or `directories`.

use crate::model::{Article, Span};
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;
use std::collections::HashMap;

/// Characters of context kept on each side of the quote.
pub const CONTEXT_CHARS: usize = 32;

/// Lowest similarity (1 − edit distance / quote length, in characters) accepted as a fuzzy match.
///
/// 0.7 tolerates a changed word or two in a sentence and light rewording of a paragraph while
/// rejecting unrelated text, which typically scores below 0.5.
pub const FUZZY_THRESHOLD: f64 = 0.7;

/// Quotes longer than this many characters are matched fuzzily by word overlap only, to bound
/// the cost of the character-level comparison.
pub const MAX_FUZZY_QUOTE_CHARS: usize = 4000;

/// How many candidate windows (the best per block by word overlap) get the character-level
/// comparison.
const MAX_CANDIDATES: usize = 4;

/// Where a bookmark points: the quoted text, its context, and position hints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// Index of the body block at creation (a hint).
    pub block: usize,
    /// First byte of the quote in the article text at creation (a hint).
    pub start: usize,
    /// One past the last byte of the quote at creation (a hint).
    pub end: usize,
    /// The quoted text.
    pub quote: String,
    /// Up to [`CONTEXT_CHARS`] characters before the quote.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] characters after the quote.
    pub suffix: String,
}

/// Where an anchor points in the current version of an article.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum Resolution {
    /// The quote is still at its old offsets.
    Exact(Span),
    /// The exact quote was found at another place.
    Moved(Span),
    /// Text similar to the quote was found; `score` is its similarity in `0.0..=1.0`.
    Fuzzy {
        /// The matched text.
        span: Span,
        /// Similarity, at least [`FUZZY_THRESHOLD`].
        score: f64,
    },
    /// Nothing close enough to the quote is left in the article.
    Orphaned,
}

impl Resolution {
    /// The span the anchor resolves to, if any.
    pub fn span(&self) -> Option<Span> {
        match *self {
            Resolution::Exact(s) | Resolution::Moved(s) => Some(s),
            Resolution::Fuzzy { span, .. } => Some(span),
            Resolution::Orphaned => None,
        }
    }

    /// True when the anchor could not be placed.
    pub fn is_orphaned(&self) -> bool {
        matches!(self, Resolution::Orphaned)
    }

    /// Lowercase name of the variant, as used in JSON.
    pub fn name(&self) -> &'static str {
        match self {
            Resolution::Exact(_) => "exact",
            Resolution::Moved(_) => "moved",
            Resolution::Fuzzy { .. } => "fuzzy",
            Resolution::Orphaned => "orphaned",
        }
    }
}

/// Builds an anchor for `span` (a byte range into the article's text) in body block `block`.
///
/// The span is clamped to the text and to character boundaries.
pub fn make_anchor(article: &Article, block: usize, span: Span) -> Anchor {
    let text = article.text.as_str();
    let end = text.ceil_char_boundary(span.end.min(text.len()));
    let start = text.floor_char_boundary(span.start.min(end));
    Anchor {
        block,
        start,
        end,
        quote: text[start..end].to_string(),
        prefix: tail_chars(&text[..start], CONTEXT_CHARS).to_string(),
        suffix: head_chars(&text[end..], CONTEXT_CHARS).to_string(),
    }
}

/// Finds where `anchor` points in the current version of `article`.
pub fn resolve(article: &Article, anchor: &Anchor) -> Resolution {
    let text = article.text.as_str();
    if anchor.quote.is_empty() {
        return if anchor.end == anchor.start && text.is_char_boundary(anchor.start) {
            Resolution::Exact(Span::new(anchor.start, anchor.end))
        } else {
            Resolution::Orphaned
        };
    }
    if let Some(r) = resolve_exact_quote(article, anchor) {
        return r;
    }
    resolve_fuzzy(article, anchor)
}

/// Orders occurrences of a quote: most context agreement, closest block, closest offset.
type OccurrenceRank = (Reverse<usize>, usize, usize);

/// Looks for the exact quote; the old offsets win unless another occurrence has better context.
fn resolve_exact_quote(article: &Article, anchor: &Anchor) -> Option<Resolution> {
    let text = article.text.as_str();
    // Most context agreement first, then the closest block, then the closest offset.
    let mut best: Option<(OccurrenceRank, usize)> = None;
    let mut at_old_offsets: Option<usize> = None;
    for (start, _) in text.match_indices(anchor.quote.as_str()) {
        let end = start + anchor.quote.len();
        let ctx = context_score(text, start, end, &anchor.prefix, &anchor.suffix);
        if start == anchor.start {
            at_old_offsets = Some(ctx);
        }
        let key = (
            Reverse(ctx),
            block_distance(article, start, anchor.block),
            start.abs_diff(anchor.start),
        );
        if best.as_ref().is_none_or(|(k, _)| key < *k) {
            best = Some((key, start));
        }
    }
    let ((Reverse(best_ctx), _, _), start) = best?;
    let end = start + anchor.quote.len();
    Some(match at_old_offsets {
        // The quote itself says where it ends: a stored `end` that disagrees with it (a file
        // edited by hand or damaged) must not give a span past the quote or the text.
        Some(ctx) if ctx >= best_ctx => {
            Resolution::Exact(Span::new(anchor.start, anchor.start + anchor.quote.len()))
        }
        _ => Resolution::Moved(Span::new(start, end)),
    })
}

/// Number of characters of stored context that agree with the text around `start..end`.
fn context_score(text: &str, start: usize, end: usize, prefix: &str, suffix: &str) -> usize {
    let before = text[..start]
        .chars()
        .rev()
        .zip(prefix.chars().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let after = text[end..]
        .chars()
        .zip(suffix.chars())
        .take_while(|(a, b)| a == b)
        .count();
    before + after
}

/// Index of the body block containing byte `pos`, if any.
fn block_at(article: &Article, pos: usize) -> Option<usize> {
    let i = article.body.partition_point(|b| b.span.end <= pos);
    article
        .body
        .get(i)
        .filter(|b| b.span.start <= pos && pos < b.span.end)
        .map(|_| i)
}

/// How many blocks away from `old` the byte `pos` lies (outside the body counts as far).
fn block_distance(article: &Article, pos: usize, old: usize) -> usize {
    block_at(article, pos).map_or(usize::MAX / 2, |b| b.abs_diff(old))
}

/// A word of text: its byte range and lowercase form.
struct Word {
    start: usize,
    end: usize,
    key: String,
}

fn words(text: &str, base: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let mut cur: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), cur) {
            (true, None) => cur = Some(i),
            (false, Some(s)) => {
                out.push(Word {
                    start: base + s,
                    end: base + i,
                    key: text[s..i].to_lowercase(),
                });
                cur = None;
            }
            _ => {}
        }
    }
    if let Some(s) = cur {
        out.push(Word {
            start: base + s,
            end: base + text.len(),
            key: text[s..].to_lowercase(),
        });
    }
    out
}

/// A window of a block that shares many words with the quote.
struct Candidate {
    overlap: usize,
    distance: usize,
    block: Span,
    window: Span,
}

/// Bounded fuzzy search: the best window per body block by word overlap (linear in the text),
/// then a character-level approximate match on the few best windows only.
fn resolve_fuzzy(article: &Article, anchor: &Anchor) -> Resolution {
    let quote_words = words(&anchor.quote, 0);
    if quote_words.is_empty() {
        return Resolution::Orphaned;
    }
    let mut wanted: HashMap<&str, usize> = HashMap::new();
    for w in &quote_words {
        *wanted.entry(w.key.as_str()).or_default() += 1;
    }
    let len = quote_words.len();
    let min_overlap = len.div_ceil(4).max(1);

    let mut candidates = Vec::new();
    for (bi, block) in article.body.iter().enumerate() {
        let ws = words(article.block_text(block), block.span.start);
        if ws.is_empty() {
            continue;
        }
        let win = len.min(ws.len());
        let mut counts: HashMap<&str, usize> = HashMap::new();
        let mut overlap = 0usize;
        let mut best = (0usize, 0usize);
        for (i, w) in ws.iter().enumerate() {
            if let Some(&want) = wanted.get(w.key.as_str()) {
                let c = counts.entry(w.key.as_str()).or_default();
                if *c < want {
                    overlap += 1;
                }
                *c += 1;
            }
            if i >= win {
                let gone = &ws[i - win];
                if let Some(&want) = wanted.get(gone.key.as_str()) {
                    let c = counts.entry(gone.key.as_str()).or_default();
                    *c = c.saturating_sub(1);
                    if *c < want {
                        overlap = overlap.saturating_sub(1);
                    }
                }
            }
            if i + 1 >= win && overlap > best.0 {
                best = (overlap, i + 1 - win);
            }
        }
        if best.0 >= min_overlap {
            let first = &ws[best.1];
            let last = &ws[best.1 + win - 1];
            candidates.push(Candidate {
                overlap: best.0,
                distance: bi.abs_diff(anchor.block),
                block: block.span,
                window: Span::new(first.start, last.end),
            });
        }
    }
    candidates.sort_by(|a, b| b.overlap.cmp(&a.overlap).then(a.distance.cmp(&b.distance)));
    candidates.truncate(MAX_CANDIDATES);

    let quote: Vec<char> = anchor.quote.chars().collect();
    let mut best: Option<(f64, usize, Span)> = None;
    for c in &candidates {
        let (score, span) = if quote.len() > MAX_FUZZY_QUOTE_CHARS {
            (c.overlap as f64 / len as f64, c.window)
        } else {
            let margin = (quote.len() / 4).max(16);
            let region = widen(&article.text, c.window, c.block, margin);
            approximate_match(&quote, &article.text, region)
        };
        let better = match best {
            None => true,
            Some((s, d, _)) => score > s || (score == s && c.distance < d),
        };
        if better {
            best = Some((score, c.distance, span));
        }
    }
    match best {
        Some((score, _, span)) if score >= FUZZY_THRESHOLD => Resolution::Fuzzy { span, score },
        _ => Resolution::Orphaned,
    }
}

/// `window` extended by `margin` characters on each side, kept inside `limit`.
fn widen(text: &str, window: Span, limit: Span, margin: usize) -> Span {
    let before = &text[limit.start..window.start];
    let start = before
        .char_indices()
        .rev()
        .nth(margin.saturating_sub(1))
        .map_or(limit.start, |(i, _)| limit.start + i);
    let after = &text[window.end..limit.end];
    let end = after
        .char_indices()
        .nth(margin)
        .map_or(limit.end, |(i, _)| window.end + i);
    Span::new(start, end)
}

/// Best approximate occurrence of `pattern` inside `text[region]` (Sellers' algorithm: edit
/// distance with a free start and end in the text), as (similarity, span).
fn approximate_match(pattern: &[char], text: &str, region: Span) -> (f64, Span) {
    let hay: Vec<(usize, char)> = text[region.start..region.end]
        .char_indices()
        .map(|(i, c)| (region.start + i, c))
        .collect();
    let n = hay.len();
    let m = pattern.len();
    let offset = |j: usize| hay.get(j).map_or(region.end, |&(i, _)| i);
    // Row i holds the cost of matching pattern[..i] ending at text position j, and where that
    // match started.
    let mut prev: Vec<usize> = vec![0; n + 1];
    let mut prev_start: Vec<usize> = (0..=n).collect();
    let mut cur = vec![0usize; n + 1];
    let mut cur_start = vec![0usize; n + 1];
    for (i, &pc) in pattern.iter().enumerate() {
        cur[0] = i + 1;
        cur_start[0] = 0;
        for j in 1..=n {
            let diag = prev[j - 1] + usize::from(hay[j - 1].1 != pc);
            let up = prev[j] + 1;
            let left = cur[j - 1] + 1;
            let (cost, start) = if diag <= up && diag <= left {
                (diag, prev_start[j - 1])
            } else if up <= left {
                (up, prev_start[j])
            } else {
                (left, cur_start[j - 1])
            };
            cur[j] = cost;
            cur_start[j] = start;
        }
        std::mem::swap(&mut prev, &mut cur);
        std::mem::swap(&mut prev_start, &mut cur_start);
    }
    let mut best_j = 0;
    for j in 0..=n {
        if prev[j] < prev[best_j] {
            best_j = j;
        }
    }
    let distance = prev[best_j];
    let score = 1.0 - distance as f64 / m.max(1) as f64;
    (
        score.max(0.0),
        Span::new(offset(prev_start[best_j]), offset(best_j)),
    )
}

fn tail_chars(s: &str, n: usize) -> &str {
    match s.char_indices().rev().nth(n.saturating_sub(1)) {
        Some((i, _)) if n > 0 => &s[i..],
        _ if n == 0 => "",
        _ => s,
    }
}

fn head_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::parse_raw;

    fn article(text: &str) -> Article {
        parse_raw("test.txt", text)
    }

    fn find(a: &Article, needle: &str) -> Span {
        let s = a.text.find(needle).expect("needle in text");
        Span::new(s, s + needle.len())
    }

    const TEXT: &str = "Erster Absatz über das Wetter in Berlin.\n\n\
        Zweiter Absatz: Die Regierung hat am Montag neue Zahlen vorgelegt. Es sind zehn Prozent mehr.\n\n\
        Dritter Absatz mit einem Schluss.\n";

    #[test]
    fn anchor_keeps_quote_and_context() {
        let a = article(TEXT);
        let span = find(&a, "Es sind zehn Prozent mehr.");
        let anchor = make_anchor(&a, 1, span);
        assert_eq!(anchor.quote, "Es sind zehn Prozent mehr.");
        assert_eq!(anchor.prefix.chars().count(), CONTEXT_CHARS);
        assert!(anchor.prefix.ends_with("vorgelegt. "));
        assert_eq!(anchor.suffix, "\n\nDritter Absatz mit einem Schlu");
        assert_eq!(resolve(&a, &anchor), Resolution::Exact(span));
    }

    #[test]
    fn anchor_clamps_to_char_boundaries() {
        let a = article("Größe über alles.\n");
        let anchor = make_anchor(&a, 0, Span::new(2, 999));
        assert_eq!(anchor.quote, "öße über alles.\n");
        assert_eq!(anchor.prefix, "Gr");
    }

    #[test]
    fn repeated_quote_is_disambiguated_by_context() {
        let a = article("Ja. Nein, sagte er.\n\nJa. Vielleicht, sagte sie.\n");
        let span = Span::new(21, 24);
        assert_eq!(a.slice(span), "Ja.");
        let anchor = make_anchor(&a, 1, span);
        let edited = article("Vorwort.\n\nJa. Nein, sagte er.\n\nJa. Vielleicht, sagte sie.\n");
        let s = find(&edited, "Ja. Vielleicht");
        assert_eq!(
            resolve(&edited, &anchor),
            Resolution::Moved(Span::new(s.start, s.start + 3))
        );
    }

    #[test]
    fn changed_word_in_quote_gives_fuzzy_match() {
        let a = article(TEXT);
        let anchor = make_anchor(&a, 1, find(&a, "Es sind zehn Prozent mehr."));
        let edited = article(&TEXT.replace("zehn Prozent", "elf Prozent"));
        match resolve(&edited, &anchor) {
            Resolution::Fuzzy { span, score } => {
                assert_eq!(edited.slice(span), "Es sind elf Prozent mehr.");
                assert!((FUZZY_THRESHOLD..1.0).contains(&score));
            }
            other => panic!("expected fuzzy, got {other:?}"),
        }
    }

    #[test]
    fn unrelated_text_leaves_anchor_orphaned() {
        let a = article(TEXT);
        let anchor = make_anchor(&a, 1, find(&a, "Es sind zehn Prozent mehr."));
        let edited = article("Ganz anderer Inhalt.\n\nNoch etwas ohne Bezug.\n");
        assert_eq!(resolve(&edited, &anchor), Resolution::Orphaned);
    }

    #[test]
    fn approximate_match_finds_substring() {
        let p: Vec<char> = "hallo welt".chars().collect();
        let text = "xx hallo wlt yy";
        let (score, span) = approximate_match(&p, text, Span::new(0, text.len()));
        assert_eq!(&text[span.start..span.end], "hallo wlt");
        assert!((score - 0.9).abs() < 1e-9);
    }
}
