//! Reflow: lays an article out as screen lines of a given width, with German or English
//! hyphenation, keeping for every piece of every line the byte span of the article it shows so
//! that highlights and positions map between text and screen. No styles, no terminal crates.

use crate::model::{Article, BlockKind, Lang, Span};
use hyphenation::{Language, Load, Standard};
use textwrap::core::Word;
use textwrap::wrap_algorithms::{Penalties, wrap_first_fit, wrap_optimal_fit};
use unicode_width::UnicodeWidthStr;

/// Hyphenation dictionaries for the languages dossier detects.
#[derive(Debug, Clone)]
pub struct Hyphenators {
    de: Option<Standard>,
    en: Option<Standard>,
}

/// Fewest letters left before a hyphenation break.
const MIN_BEFORE: usize = 2;
/// Fewest letters carried after a hyphenation break ("gestell-t" is not allowed).
const MIN_AFTER: usize = 3;

impl Hyphenators {
    /// Loads the embedded German (1996 orthography) and US English dictionaries; without a
    /// dictionary, lines break only at spaces and hyphens.
    pub fn load() -> Self {
        Self {
            de: Standard::from_embedded(Language::German1996).ok(),
            en: Standard::from_embedded(Language::EnglishUS).ok(),
        }
    }

    /// Breaking at spaces and existing hyphens only (fast; for tests that need no dictionary).
    pub fn hyphens_only() -> Self {
        Self { de: None, en: None }
    }

    fn for_lang(&self, lang: Lang) -> Option<&Standard> {
        match lang {
            Lang::De => self.de.as_ref(),
            Lang::En => self.en.as_ref(),
        }
    }

    /// Wraps plain `text` (a name, a table cell) to `width` cells, breaking long words at the
    /// `lang` dictionary's hyphenation points with an added "-"; a word with no point that fits
    /// is broken where it must. At least one line.
    pub fn wrap(&self, text: &str, lang: Lang, width: usize) -> Vec<String> {
        wrap_plain(text, width, self.for_lang(lang))
    }
}

/// Wraps plain `text` to `width` cells at spaces and at the writer's hyphens only (a title in a
/// list); a word wider than the line is broken where it must. At least one line.
pub fn wrap_at_words(text: &str, width: usize) -> Vec<String> {
    wrap_plain(text, width, None)
}

fn wrap_plain(text: &str, width: usize, dict: Option<&Standard>) -> Vec<String> {
    let width = width.max(1);
    let clean = sanitize(text);
    let lines: Vec<String> = wrap_words(&clean, width, dict)
        .into_iter()
        .map(|(frags, hyphen)| {
            let mut line = frags.iter().map(|(_, f)| *f).collect::<Vec<_>>().join(" ");
            if hyphen {
                line.push('-');
            }
            line
        })
        .collect();
    // The added hyphen may not fit beside a fragment as wide as the line: wrap plainly then.
    if lines.iter().any(|l| l.width() > width) {
        return textwrap::wrap(&clean, width)
            .into_iter()
            .map(|l| l.into_owned())
            .collect();
    }
    if lines.is_empty() {
        vec![String::new()]
    } else {
        lines
    }
}

/// Keeps at most `max` of the wrapped `lines` (each at most `width` cells); when some are left
/// out, the last kept line ends at a whole word followed by "…" (a word the cut runs through,
/// or a hyphenated fragment, is dropped; so is punctuation before the "…").
pub fn shorten_lines(mut lines: Vec<String>, width: usize, max: usize) -> Vec<String> {
    if lines.len() <= max {
        return lines;
    }
    if max == 0 {
        return Vec::new();
    }
    lines.truncate(max);
    let Some(last) = lines.pop() else {
        return lines;
    };
    // A hanging indent stays.
    let indent = &last[..last.len() - last.trim_start().len()];
    let mut words: Vec<&str> = last.split(' ').filter(|w| !w.is_empty()).collect();
    // A line that ends inside a word ("Atomwaffen-") loses that fragment.
    if words.last().is_some_and(|w| w.ends_with('-')) {
        words.pop();
    }
    loop {
        let kept = words
            .join(" ")
            .trim_end_matches(|c: char| c.is_ascii_punctuation() || c == '–' || c == '—')
            .to_string();
        let candidate = format!("{indent}{kept}…");
        if !kept.is_empty() && candidate.width() <= width {
            lines.push(candidate);
            return lines;
        }
        if words.len() <= 1 {
            break;
        }
        words.pop();
    }
    // One word wider than the room: cut it.
    let mut cut = String::new();
    for c in last.trim_end_matches('-').chars() {
        if (cut.clone() + &c.to_string()).width() + 1 > width {
            break;
        }
        cut.push(c);
    }
    cut.push('…');
    lines.push(cut);
    lines
}

/// Byte offsets inside `word` where a line may break with an added hyphen: dictionary breaks in
/// the word's letters, keeping at least [`MIN_BEFORE`] letters before and [`MIN_AFTER`] after,
/// never next to punctuation.
fn hyphenation_points(word: &str, dict: &Standard) -> Vec<usize> {
    use hyphenation::Hyphenator;
    let lead = word.len()
        - word
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    let core = word[lead..].trim_end_matches(|c: char| !c.is_alphanumeric());
    if core.chars().count() < MIN_BEFORE + MIN_AFTER || !core.chars().all(char::is_alphabetic) {
        return Vec::new();
    }
    let letters: Vec<usize> = core.char_indices().map(|(i, _)| i).collect();
    dict.hyphenate(core)
        .breaks
        .into_iter()
        .filter(|&b| {
            let before = letters.iter().take_while(|&&i| i < b).count();
            before >= MIN_BEFORE && letters.len() - before >= MIN_AFTER
        })
        .map(|b| lead + b)
        .collect()
}

/// What a screen line shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// The article title.
    Title,
    /// Byline, outlet, date, DOI.
    Meta,
    /// An empty separator line.
    Blank,
    /// A section heading.
    Heading,
    /// Body text.
    Paragraph,
    /// A bulleted list item.
    ListItem,
    /// The heading above the references.
    ReferencesHeading,
    /// A footnote or reference.
    Reference,
}

/// A run of a screen line that shows a span of the article text, character for character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    /// Byte offset of the run in [`VisualLine::text`].
    pub at: usize,
    /// The article bytes it shows.
    pub span: Span,
}

/// One screen line of the laid-out article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualLine {
    /// What the line shows.
    pub kind: LineKind,
    /// Index of the body block (or `body.len() + i` for reference `i`) the line belongs to.
    pub block: Option<usize>,
    /// The text to draw, control characters already replaced.
    pub text: String,
    /// Runs of `text` that show article text.
    pub pieces: Vec<Piece>,
}

impl VisualLine {
    fn blank() -> Self {
        Self {
            kind: LineKind::Blank,
            block: None,
            text: String::new(),
            pieces: Vec::new(),
        }
    }

    /// First article byte shown on this line, if any.
    pub fn start(&self) -> Option<usize> {
        self.pieces.first().map(|p| p.span.start)
    }
}

/// An article laid out for one width.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Layout {
    /// Width in columns the layout was made for.
    pub width: u16,
    /// The lines, top to bottom.
    pub lines: Vec<VisualLine>,
}

impl Layout {
    /// The first line showing article text at or after `offset` (the line to put on top to keep a
    /// reading position across a change of width).
    pub fn line_at_offset(&self, offset: usize) -> usize {
        let mut best = 0;
        for (i, line) in self.lines.iter().enumerate() {
            if let Some(last) = line.pieces.last() {
                if last.span.end > offset {
                    return i;
                }
                best = i;
            }
        }
        best
    }

    /// The article offset shown at `line`, or at the nearest line below it that shows text.
    pub fn offset_at_line(&self, line: usize) -> usize {
        self.lines
            .iter()
            .skip(line)
            .find_map(VisualLine::start)
            .or_else(|| {
                self.lines
                    .iter()
                    .take(line)
                    .rev()
                    .find_map(VisualLine::start)
            })
            .unwrap_or(0)
    }
}

pub use crate::sanitize::{sanitize, sanitize_char};

/// Lays out `article` for `width` columns.
pub fn layout_article(article: &Article, width: u16, hyph: &Hyphenators) -> Layout {
    let w = usize::from(width.max(8));
    let dict = hyph.for_lang(article.lang);
    let mut lines = Vec::new();
    wrap_literal(&mut lines, LineKind::Title, &article.title, w, dict);
    let meta = meta_line(article);
    if !meta.is_empty() {
        wrap_literal(&mut lines, LineKind::Meta, &meta, w, dict);
    }
    for (i, block) in article.body.iter().enumerate() {
        lines.push(VisualLine::blank());
        let (kind, first, rest) = match block.kind {
            BlockKind::Heading => (LineKind::Heading, "", ""),
            BlockKind::ListItem => (LineKind::ListItem, "• ", "  "),
            BlockKind::Paragraph | BlockKind::Reference => (LineKind::Paragraph, "", ""),
        };
        wrap_span(
            &mut lines,
            article,
            block.span,
            kind,
            Some(i),
            (first, rest),
            w,
            dict,
        );
    }
    if !article.references.is_empty() {
        lines.push(VisualLine::blank());
        lines.push(VisualLine::blank());
        wrap_literal(
            &mut lines,
            LineKind::ReferencesHeading,
            "References",
            w,
            dict,
        );
        let base = article.body.len();
        for (i, block) in article.references.iter().enumerate() {
            lines.push(VisualLine::blank());
            wrap_span(
                &mut lines,
                article,
                block.span,
                LineKind::Reference,
                Some(base + i),
                ("", ""),
                w,
                dict,
            );
        }
    }
    Layout { width, lines }
}

fn meta_line(article: &Article) -> String {
    let mut parts = Vec::new();
    if !article.authors.is_empty() {
        parts.push(article.authors.join(", "));
    }
    if let Some(outlet) = &article.outlet {
        parts.push(outlet.clone());
    }
    if let Some(date) = &article.date {
        parts.push(date.iso());
    }
    if let Some(doi) = &article.doi {
        parts.push(format!("doi:{doi}"));
    } else if let Some(url) = &article.url {
        parts.push(url.clone());
    }
    parts.join(" · ")
}

/// Splits `text` at whitespace into words that carry their byte offset in `text`.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// Splits a word after each hyphen that joins two alphabetic parts ("russisch-ukrainischen"),
/// so that a line breaks at the writer's hyphen before the dictionary hyphenates inside a part.
/// Hyphens next to a digit stay unbroken: "2025-06-25" and "F-16" are one token.
fn hyphen_parts(word: &str) -> Vec<Word<'_>> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (idx, _) in word.match_indices('-') {
        let prev = word[..idx].chars().next_back();
        let next = word[idx + 1..].chars().next();
        if prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic) {
            let part = &word[start..=idx];
            parts.push(Word {
                word: part,
                whitespace: "",
                penalty: "",
                width: part.width(),
            });
            start = idx + 1;
        }
    }
    let last = &word[start..];
    parts.push(Word {
        word: last,
        whitespace: " ",
        penalty: "",
        width: last.width(),
    });
    parts
}

/// Splits a word at its hyphenation points into fragments that carry a "-" penalty.
fn split_word<'a>(w: Word<'a>, dict: Option<&Standard>) -> Vec<Word<'a>> {
    let points = dict
        .map(|d| hyphenation_points(w.word, d))
        .unwrap_or_default();
    if points.is_empty() {
        return vec![w];
    }
    let mut out = Vec::with_capacity(points.len() + 1);
    let mut prev = 0;
    for p in points {
        let part = &w.word[prev..p];
        out.push(Word {
            word: part,
            whitespace: "",
            penalty: "-",
            width: part.width(),
        });
        prev = p;
    }
    let last = &w.word[prev..];
    out.push(Word {
        word: last,
        whitespace: w.whitespace,
        penalty: w.penalty,
        width: last.width(),
    });
    out
}

/// Wraps words into lines; returns, per line, the fragments with their byte offsets in `text`
/// and whether the line ends in an inserted hyphen.
fn wrap_words<'a>(
    text: &'a str,
    width: usize,
    dict: Option<&Standard>,
) -> Vec<(Vec<(usize, &'a str)>, bool)> {
    let base = text.as_ptr() as usize;
    let ws: Vec<Word<'a>> = words(text)
        .into_iter()
        .flat_map(|(_, w)| hyphen_parts(w))
        .collect();
    let split: Vec<Word<'a>> = ws
        .into_iter()
        .flat_map(|w| split_word(w, dict))
        .flat_map(|w| {
            let pieces: Vec<Word<'a>> = if w.width > width {
                w.break_apart(width).collect()
            } else {
                vec![w]
            };
            pieces
        })
        .collect();
    let widths = [width as f64];
    let wrapped = match wrap_optimal_fit(&split, &widths, &Penalties::new()) {
        Ok(lines) => lines,
        Err(_) => wrap_first_fit(&split, &widths),
    };
    wrapped
        .into_iter()
        .map(|line| {
            let hyphen = line.last().is_some_and(|w| !w.penalty.is_empty());
            let mut frags: Vec<(usize, &'a str)> = Vec::new();
            let mut joined_prev = false;
            for w in line {
                let off = w.word.as_ptr() as usize - base;
                // Fragments of one word (split by hyphenation) are drawn without a space between.
                match frags.last_mut() {
                    Some((s, prev)) if joined_prev && *s + prev.len() == off => {
                        *prev = &text[*s..off + w.word.len()];
                    }
                    _ => frags.push((off, w.word)),
                }
                joined_prev = w.whitespace.is_empty();
            }
            (frags, hyphen)
        })
        .collect()
}

/// Blocks longer than this (in bytes) are wrapped a piece at a time ([`huge_block_pieces`]).
const HUGE_BLOCK: usize = 256 * 1024;

/// Splits a huge block into pieces of about 16 KiB that end at a space (or, with no space for
/// long, at a character boundary), each with its byte offset in `text`.
fn huge_block_pieces(text: &str) -> Vec<(usize, &str)> {
    const PIECE: usize = 16 * 1024;
    let mut out = Vec::with_capacity(text.len() / PIECE + 1);
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + PIECE).min(text.len());
        if end < text.len() {
            let window = &text.as_bytes()[end..(end + PIECE).min(text.len())];
            match window.iter().position(|&b| b == b' ') {
                Some(p) => end += p + 1,
                None => {
                    while !text.is_char_boundary(end) {
                        end += 1;
                    }
                }
            }
        }
        out.push((start, &text[start..end]));
        start = end;
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn wrap_span(
    lines: &mut Vec<VisualLine>,
    article: &Article,
    span: Span,
    kind: LineKind,
    block: Option<usize>,
    (first_prefix, rest_prefix): (&str, &str),
    width: usize,
    dict: Option<&Standard>,
) {
    let text = article.slice(span);
    let inner = width
        .saturating_sub(first_prefix.width().max(rest_prefix.width()))
        .max(4);
    // A huge block (a whole book in one paragraph) is wrapped a piece at a time, without
    // hyphenation, so that time and memory grow with its length alone and a resize stays quick.
    let (pieces, dict) = if text.len() > HUGE_BLOCK {
        (huge_block_pieces(text), None)
    } else {
        (vec![(0, text)], dict)
    };
    let wrapped = pieces.into_iter().flat_map(|(at, piece)| {
        wrap_words(piece, inner, dict)
            .into_iter()
            .map(move |(frags, hyphen)| {
                let frags: Vec<(usize, &str)> =
                    frags.into_iter().map(|(off, f)| (at + off, f)).collect();
                (frags, hyphen)
            })
    });
    for (n, (frags, hyphen)) in wrapped.enumerate() {
        let mut line = VisualLine {
            kind,
            block,
            text: if n == 0 {
                first_prefix.to_string()
            } else {
                rest_prefix.to_string()
            },
            pieces: Vec::new(),
        };
        for (i, (off, frag)) in frags.into_iter().enumerate() {
            if i > 0 {
                line.text.push(' ');
            }
            line.pieces.push(Piece {
                at: line.text.len(),
                span: Span::new(span.start + off, span.start + off + frag.len()),
            });
            line.text.extend(frag.chars().map(sanitize_char));
        }
        if hyphen {
            line.text.push('-');
        }
        lines.push(line);
    }
}

fn wrap_literal(
    lines: &mut Vec<VisualLine>,
    kind: LineKind,
    text: &str,
    width: usize,
    dict: Option<&Standard>,
) {
    for (frags, hyphen) in wrap_words(text, width, dict) {
        let mut s = frags
            .iter()
            .map(|(_, f)| sanitize(f))
            .collect::<Vec<_>>()
            .join(" ");
        if hyphen {
            s.push('-');
        }
        lines.push(VisualLine {
            kind,
            block: None,
            text: s,
            pieces: Vec::new(),
        });
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn plain_text_wraps_with_hyphens_at_dictionary_points() {
        let h = Hyphenators::load();
        let lines = h.wrap("Atomwaffensperrvertrag", Lang::De, 18);
        assert!(lines.len() == 2, "{lines:?}");
        assert!(lines[0].ends_with('-'), "{lines:?}");
        assert_eq!(lines.concat().replace('-', ""), "Atomwaffensperrvertrag");
        assert!(lines.iter().all(|l| l.width() <= 18), "{lines:?}");
        // Short text stays on one line; narrow columns never overflow.
        assert_eq!(h.wrap("Kim Jong-un", Lang::De, 20), ["Kim Jong-un"]);
        for w in 1..12 {
            let lines = h.wrap("Nordatlantikvertrags-Organisation", Lang::De, w);
            assert!(lines.iter().all(|l| l.width() <= w), "{w}: {lines:?}");
        }
    }

    #[test]
    fn titles_wrap_at_spaces_and_the_writers_hyphens_only() {
        let lines = wrap_at_words("Russland und Nordkorea schmieden eine neue Allianz", 25);
        assert_eq!(
            lines,
            ["Russland und Nordkorea", "schmieden eine neue", "Allianz"]
        );
        let lines = wrap_at_words("USA warnen Nordkorea-Söldner", 18);
        assert_eq!(lines, ["USA warnen", "Nordkorea-Söldner"]);
        let lines = wrap_at_words("Atomwaffensperrvertrag", 10);
        assert!(lines.iter().all(|l| l.width() <= 10), "{lines:?}");
        assert_eq!(lines.concat(), "Atomwaffensperrvertrag");
    }

    #[test]
    fn shortened_lines_end_at_a_whole_word_with_an_ellipsis() {
        let lines: Vec<String> = [
            "Berichte über",
            "nordkoreanische",
            "Soldaten, die in",
            "Russland",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(shorten_lines(lines.clone(), 16, 4), lines);
        assert_eq!(
            shorten_lines(lines.clone(), 16, 3),
            ["Berichte über", "nordkoreanische", "Soldaten, die…"]
        );
        // A full line loses its last word; a trailing comma goes with the cut.
        assert_eq!(shorten_lines(lines.clone(), 13, 1), ["Berichte…"]);
        let hyphenated: Vec<String> = ["Der Atom-", "waffensperrvertrag"]
            .map(String::from)
            .to_vec();
        assert_eq!(shorten_lines(hyphenated, 12, 1), ["Der…"]);
        let comma: Vec<String> = ["Soldaten, die", "x"].map(String::from).to_vec();
        assert_eq!(shorten_lines(comma, 9, 1), ["Soldaten…"]);
        let long: Vec<String> = ["Donaudampfschiff", "x"].map(String::from).to_vec();
        assert_eq!(shorten_lines(long, 8, 1), ["Donauda…"]);
        let hanging: Vec<String> = ["Soldaten", "  die in Russland", "x"]
            .map(String::from)
            .to_vec();
        assert_eq!(shorten_lines(hanging, 16, 2), ["Soldaten", "  die in…"]);
        let fragment: Vec<String> = ["Atom-", "waffen"].map(String::from).to_vec();
        assert_eq!(shorten_lines(fragment, 12, 1), ["Atom…"]);
    }

    #[test]
    fn dates_and_designations_are_not_split_at_their_hyphens() {
        let words = |w: &str| -> Vec<String> {
            hyphen_parts(w).iter().map(|p| p.word.to_string()).collect()
        };
        assert_eq!(words("2025-06-25"), ["2025-06-25"]);
        assert_eq!(words("F-16"), ["F-16"]);
        assert_eq!(
            words("russisch-ukrainischen"),
            ["russisch-", "ukrainischen"]
        );
    }

    use super::*;
    use crate::model::{ArticleId, Block};

    #[test]
    fn controls_and_bidi_overrides_never_pass_but_right_to_left_text_does() {
        let hostile = "a\x1b]0;x\x07b\u{202E}gnp.exe\u{2066}c\u{2069}\u{9b}d\te";
        let clean = sanitize(hostile);
        assert_eq!(clean.chars().count(), hostile.chars().count());
        assert!(
            !clean.chars().any(|c| c.is_control()
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        );
        assert!(clean.starts_with("a\u{FFFD}]0;x\u{FFFD}b\u{200B}gnp.exe"));
        assert!(clean.ends_with("d e"));
        // Arabic and Hebrew letters, and the plain direction marks, are text.
        let rtl = "سلام עולם \u{200F}x\u{200E}";
        assert_eq!(sanitize(rtl), rtl);
    }

    fn article(paragraphs: &[&str]) -> Article {
        let text = paragraphs.join("\n\n");
        let mut body = Vec::new();
        let mut at = 0;
        for p in paragraphs {
            body.push(Block {
                kind: BlockKind::Paragraph,
                span: Span::new(at, at + p.len()),
            });
            at += p.len() + 2;
        }
        Article {
            id: ArticleId("0".into()),
            source: "t".into(),
            title: "Titel".into(),
            authors: vec!["Anna Muster".into()],
            outlet: None,
            date: None,
            lang: Lang::De,
            doi: None,
            url: None,
            text,
            body,
            references: Vec::new(),
            styles: Vec::new(),
        }
    }

    #[test]
    fn a_huge_paragraph_is_wrapped_piece_by_piece_and_every_word_is_shown_once() {
        let sentence = "Die Regierung in Berlin erklärte am Montag, der Haushalt werde steigen. ";
        let text = sentence.repeat(2 * HUGE_BLOCK / sentence.len());
        let a = article(&[&text]);
        let hyph = Hyphenators::load();
        for width in [100, 61] {
            let layout = layout_article(&a, width, &hyph);
            let w = usize::from(layout.width);
            assert!(layout.lines.iter().all(|l| l.text.width() <= w));
            // The pieces tile the paragraph's words, in order, each once.
            let mut at = 0;
            let mut words = text.split_whitespace();
            for piece in layout.lines.iter().flat_map(|l| &l.pieces) {
                assert!(piece.span.start >= at);
                at = piece.span.end;
                assert_eq!(
                    &a.text[piece.span.start..piece.span.end],
                    words.next().unwrap()
                );
            }
            assert!(words.next().is_none());
        }
    }

    #[test]
    fn lines_fit_the_width_and_pieces_point_at_the_text() {
        let a = article(&[
            "Die Sicherheitslage in Nordostasien verändert sich grundlegend, seit Nordkorea Truppen entsandt hat.",
        ]);
        let layout = layout_article(&a, 24, &Hyphenators::load());
        for line in &layout.lines {
            assert!(line.text.width() <= 24, "{:?}", line.text);
            for p in &line.pieces {
                let shown: String = line.text[p.at..]
                    .chars()
                    .take(a.slice(p.span).chars().count())
                    .collect();
                assert_eq!(shown, a.slice(p.span));
            }
        }
        assert!(
            layout.lines.iter().any(|l| l.text.ends_with('-')),
            "expected a hyphenated line"
        );
    }

    #[test]
    fn compounds_break_at_their_own_hyphen_first() {
        let a = article(&["Die Phase des russisch-ukrainischen Krieges"]);
        let hyph = Hyphenators::load();
        for width in 16..40 {
            let layout = layout_article(&a, width, &hyph);
            let texts: Vec<&str> = layout.lines.iter().map(|l| l.text.as_str()).collect();
            assert!(!texts.iter().any(|t| t.ends_with("russi-")), "{texts:?}");
            assert!(!texts.iter().any(|t| t.starts_with("sch-")), "{texts:?}");
        }
    }

    #[test]
    fn reading_position_survives_a_change_of_width() {
        let a = article(&[
            "Erster Absatz mit einigen Wörtern darin.",
            "Zweiter Absatz, der länger ist und umbrochen werden muss, weil er so lang ist.",
        ]);
        let hyph = Hyphenators::hyphens_only();
        let wide = layout_article(&a, 60, &hyph);
        let narrow = layout_article(&a, 20, &hyph);
        let second = a.body[1].span.start;
        let top_wide = wide.line_at_offset(second);
        assert_eq!(wide.offset_at_line(top_wide), second);
        let top_narrow = narrow.line_at_offset(wide.offset_at_line(top_wide));
        assert_eq!(narrow.offset_at_line(top_narrow), second);
    }

    #[test]
    fn control_characters_never_reach_the_screen() {
        let a =
            article(&["Text \u{1b}]52;c;ZXZpbA==\u{7} mit \u{1b}[2J Escapes und \u{9b}31m C1."]);
        let layout = layout_article(&a, 40, &Hyphenators::hyphens_only());
        for line in &layout.lines {
            assert!(!line.text.chars().any(char::is_control), "{:?}", line.text);
        }
    }

    #[test]
    fn wide_characters_are_measured_in_cells() {
        let a =
            article(&["北朝鮮の兵士がロシアに派遣された 北朝鮮の兵士がロシアに派遣された 😀😀😀"]);
        let layout = layout_article(&a, 20, &Hyphenators::hyphens_only());
        assert!(layout.lines.iter().all(|l| l.text.width() <= 20));
    }
}
