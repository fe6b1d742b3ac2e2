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

/// Lays out `article` for `width` columns, every line of it.
pub fn layout_article(article: &Article, width: u16, hyph: &Hyphenators) -> Layout {
    let mut lazy = LazyLayout::plan(article, width, hyph);
    for c in 0..lazy.chunks.len() {
        lazy.wrap_chunk(c, article, hyph);
    }
    Layout {
        width,
        lines: lazy
            .chunks
            .into_iter()
            .flat_map(|c| c.lines.unwrap_or_default())
            .collect(),
    }
}

/// Articles longer than this (in bytes) are laid out lazily by [`LazyLayout::new`]: only the
/// chunks near what is on screen are wrapped.
pub const LAZY_ARTICLE: usize = 512 * 1024;

/// Lines a [`LazyLayout`] wraps above and below the screen, so that a step or a page of
/// scrolling finds its lines ready.
pub const LAZY_MARGIN: usize = 64;

/// Guess of how full a wrapped line is, as a share of the width, for the line counts of chunks
/// not yet wrapped.
const FILL: f64 = 0.9;

/// How one chunk's text is wrapped.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Plan {
    /// The article bytes wrapped.
    span: Span,
    kind: LineKind,
    block: Option<usize>,
    /// Prefix of the chunk's first line (the list bullet, only on a block's first chunk).
    first_prefix: &'static str,
    /// Prefix of the other lines.
    rest_prefix: &'static str,
    /// Blank lines above the text.
    blanks: usize,
    /// Whether words break at dictionary points (not in the pieces of a huge block).
    hyphenate: bool,
}

/// A stretch of the layout wrapped as one: the title and byline, a block, a piece of a huge
/// block, or the references heading.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Chunk {
    /// How to wrap it; `None` for lines made when the layout was planned.
    plan: Option<Plan>,
    /// Its lines once wrapped.
    lines: Option<Vec<VisualLine>>,
    /// Its line count until then.
    estimate: usize,
}

impl Chunk {
    fn len(&self) -> usize {
        self.lines.as_ref().map_or(self.estimate, Vec::len)
    }
}

/// A line not laid out yet (drawn as nothing).
static NOT_LAID_OUT: VisualLine = VisualLine {
    kind: LineKind::Blank,
    block: None,
    text: String::new(),
    pieces: Vec::new(),
};

/// An article laid out for one width a chunk at a time: a block, or a piece of about 16 KiB of
/// a huge block, is wrapped when it comes near the screen ([`LazyLayout::fill`]). Until then
/// its line count is estimated from its length, so line numbers below a chunk not yet wrapped
/// are estimates; wrapping a chunk above the top line moves that line so that it keeps showing
/// the same text. A short article is wrapped whole at once, and its lines are exactly those of
/// [`layout_article`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LazyLayout {
    /// Width in columns the layout was made for.
    pub width: u16,
    chunks: Vec<Chunk>,
    /// First line of each chunk, and the line count last.
    starts: Vec<usize>,
}

impl LazyLayout {
    /// Lays out `article` for `width` columns: whole when it is short, otherwise only planned
    /// (nothing is wrapped until [`LazyLayout::fill`] or [`LazyLayout::reveal`] asks).
    pub fn new(article: &Article, width: u16, hyph: &Hyphenators) -> Self {
        let mut layout = Self::plan(article, width, hyph);
        if article.text.len() <= LAZY_ARTICLE {
            for c in 0..layout.chunks.len() {
                layout.wrap_chunk(c, article, hyph);
            }
            layout.recount(0);
        }
        layout
    }

    /// Splits the article into chunks and lays out the title, byline and references heading.
    fn plan(article: &Article, width: u16, hyph: &Hyphenators) -> Self {
        let w = usize::from(width.max(8));
        let dict = hyph.for_lang(article.lang);
        let mut chunks = Vec::new();
        let mut head = Vec::new();
        wrap_literal(&mut head, LineKind::Title, &article.title, w, dict);
        let meta = meta_line(article);
        if !meta.is_empty() {
            wrap_literal(&mut head, LineKind::Meta, &meta, w, dict);
        }
        chunks.push(Chunk::fixed(head));
        for (i, block) in article.body.iter().enumerate() {
            let (kind, first, rest) = match block.kind {
                BlockKind::Heading => (LineKind::Heading, "", ""),
                BlockKind::ListItem => (LineKind::ListItem, "• ", "  "),
                BlockKind::Paragraph | BlockKind::Reference => (LineKind::Paragraph, "", ""),
            };
            plan_block(
                &mut chunks,
                article,
                block.span,
                kind,
                Some(i),
                (first, rest),
                w,
            );
        }
        if !article.references.is_empty() {
            let mut heading = vec![VisualLine::blank(), VisualLine::blank()];
            wrap_literal(
                &mut heading,
                LineKind::ReferencesHeading,
                "References",
                w,
                dict,
            );
            chunks.push(Chunk::fixed(heading));
            let base = article.body.len();
            for (i, block) in article.references.iter().enumerate() {
                plan_block(
                    &mut chunks,
                    article,
                    block.span,
                    LineKind::Reference,
                    Some(base + i),
                    ("", ""),
                    w,
                );
            }
        }
        let mut layout = Self {
            width,
            starts: vec![0; chunks.len() + 1],
            chunks,
        };
        layout.recount(0);
        layout
    }

    /// Recomputes the first lines of the chunks from chunk `from` on.
    fn recount(&mut self, from: usize) {
        let mut at = self.starts.get(from).copied().unwrap_or(0);
        for (c, chunk) in self.chunks.iter().enumerate().skip(from) {
            self.starts[c] = at;
            at += chunk.len();
        }
        if let Some(last) = self.starts.last_mut() {
            *last = at;
        }
    }

    /// Wraps chunk `c` if it is not wrapped yet (without recounting the lines after it).
    fn wrap_chunk(&mut self, c: usize, article: &Article, hyph: &Hyphenators) {
        let w = usize::from(self.width.max(8));
        let Some(chunk) = self.chunks.get_mut(c) else {
            return;
        };
        if chunk.lines.is_some() {
            return;
        }
        let Some(plan) = &chunk.plan else {
            chunk.lines = Some(Vec::new());
            return;
        };
        let dict = hyph.for_lang(article.lang).filter(|_| plan.hyphenate);
        chunk.lines = Some(wrap_plan(article, plan, w, dict));
    }

    /// Wraps chunk `c` and keeps `top` on the text it showed: moved by the change of line count
    /// when the chunk lies above it, kept at the same share of the chunk when inside it.
    fn wrap_keeping(&mut self, c: usize, top: &mut usize, article: &Article, hyph: &Hyphenators) {
        let (start, old) = (self.starts[c], self.chunks[c].len());
        self.wrap_chunk(c, article, hyph);
        let new = self.chunks[c].len();
        self.recount(c);
        if new == old {
            return;
        }
        if start + old <= *top {
            *top = *top + new - old;
        } else if start <= *top {
            let within = (*top - start) * new / old.max(1);
            *top = start + within.min(new.saturating_sub(1));
        }
    }

    /// Number of lines (estimated for the chunks not wrapped yet).
    pub fn len(&self) -> usize {
        self.starts.last().copied().unwrap_or(0)
    }

    /// True when nothing is laid out (no article).
    pub fn is_empty(&self) -> bool {
        self.chunks.is_empty()
    }

    /// Number of lines wrapped so far (the work done; at most the screen and its margins for
    /// a long article that was only looked at).
    pub fn wrapped_lines(&self) -> usize {
        self.chunks
            .iter()
            .filter(|c| c.plan.is_some())
            .filter_map(|c| c.lines.as_ref())
            .map(Vec::len)
            .sum()
    }

    /// The chunk holding line `line` (the last chunk past the end).
    fn chunk_of_line(&self, line: usize) -> usize {
        self.starts
            .get(1..)
            .map_or(0, |s| s.partition_point(|&s| s <= line))
            .min(self.chunks.len().saturating_sub(1))
    }

    /// Line `i`; a line not wrapped yet (or past the end) is drawn empty.
    pub fn line(&self, i: usize) -> &VisualLine {
        if i >= self.len() {
            return &NOT_LAID_OUT;
        }
        let c = self.chunk_of_line(i);
        self.chunks[c]
            .lines
            .as_ref()
            .and_then(|lines| lines.get(i - self.starts[c]))
            .unwrap_or(&NOT_LAID_OUT)
    }

    /// Up to `n` lines from line `from` on.
    pub fn lines(&self, from: usize, n: usize) -> impl Iterator<Item = &VisualLine> {
        (from..(from.saturating_add(n)).min(self.len())).map(|i| self.line(i))
    }

    /// The first line showing article text at or after `offset` (the line to put on top to keep a
    /// reading position across a change of width); estimated inside a chunk not wrapped yet.
    pub fn line_at_offset(&self, offset: usize) -> usize {
        let mut best = 0;
        for (c, chunk) in self.chunks.iter().enumerate() {
            let start = self.starts[c];
            match (&chunk.lines, &chunk.plan) {
                (Some(lines), _) => {
                    for (i, line) in lines.iter().enumerate() {
                        if let Some(last) = line.pieces.last() {
                            if last.span.end > offset {
                                return start + i;
                            }
                            best = start + i;
                        }
                    }
                }
                (None, Some(plan)) if chunk.estimate > plan.blanks => {
                    let text_lines = chunk.estimate - plan.blanks;
                    if plan.span.end > offset {
                        let into = offset.saturating_sub(plan.span.start);
                        let within = into * text_lines / plan.span.len().max(1);
                        return start + plan.blanks + within.min(text_lines - 1);
                    }
                    best = start + chunk.estimate - 1;
                }
                _ => {}
            }
        }
        best
    }

    /// The article offset shown at `line`, or at the nearest line below it that shows text
    /// (estimated inside a chunk not wrapped yet).
    pub fn offset_at_line(&self, line: usize) -> usize {
        let here = self.chunk_of_line(line);
        let forward = (here..self.chunks.len()).find_map(|c| {
            let from = line.saturating_sub(self.starts[c]);
            self.first_offset(c, from..self.chunks[c].len())
        });
        forward
            .or_else(|| {
                (0..=here).rev().find_map(|c| {
                    let to = (line.saturating_sub(self.starts[c])).min(self.chunks[c].len());
                    self.last_offset(c, 0..to)
                })
            })
            .unwrap_or(0)
    }

    /// The first offset shown on the lines `range` (local to chunk `c`).
    fn first_offset(&self, c: usize, range: std::ops::Range<usize>) -> Option<usize> {
        let chunk = &self.chunks[c];
        match (&chunk.lines, &chunk.plan) {
            (Some(lines), _) => lines.get(range)?.iter().find_map(VisualLine::start),
            (None, Some(plan)) => range
                .clone()
                .find(|&i| i >= plan.blanks)
                .map(|i| estimated_offset(chunk, plan, i)),
            (None, None) => None,
        }
    }

    /// The offset shown on the last line of `range` (local to chunk `c`) that shows text.
    fn last_offset(&self, c: usize, range: std::ops::Range<usize>) -> Option<usize> {
        let chunk = &self.chunks[c];
        match (&chunk.lines, &chunk.plan) {
            (Some(lines), _) => lines.get(range)?.iter().rev().find_map(VisualLine::start),
            (None, Some(plan)) => range
                .rev()
                .find(|&i| i >= plan.blanks)
                .map(|i| estimated_offset(chunk, plan, i)),
            (None, None) => None,
        }
    }

    /// Wraps the chunks that lines `top - LAZY_MARGIN .. top + height + LAZY_MARGIN` fall in,
    /// keeping `top` on the text it shows and within the layout.
    pub fn fill(&mut self, top: &mut usize, height: usize, article: &Article, hyph: &Hyphenators) {
        loop {
            *top = (*top).min(self.len().saturating_sub(height));
            let from = self.chunk_of_line(top.saturating_sub(LAZY_MARGIN));
            let to = self.chunk_of_line(*top + height + LAZY_MARGIN);
            let Some(c) =
                (from..=to).find(|&c| self.chunks.get(c).is_some_and(|c| c.lines.is_none()))
            else {
                return;
            };
            self.wrap_keeping(c, top, article, hyph);
        }
    }

    /// The first line showing article text at or after `offset`, exactly: the chunks it may
    /// lie in are wrapped first (keeping `top` on its text).
    pub fn reveal(
        &mut self,
        offset: usize,
        top: &mut usize,
        article: &Article,
        hyph: &Hyphenators,
    ) -> usize {
        loop {
            let line = self.line_at_offset(offset);
            let c = self.chunk_of_line(line);
            if self.chunks.get(c).is_none_or(|c| c.lines.is_some()) {
                return line;
            }
            self.wrap_keeping(c, top, article, hyph);
        }
    }
}

impl Chunk {
    fn fixed(lines: Vec<VisualLine>) -> Self {
        Self {
            plan: None,
            estimate: lines.len(),
            lines: Some(lines),
        }
    }
}

/// The offset a chunk not wrapped yet is guessed to show at its line `i`: the same share of
/// its text, moved on to the start of a word.
fn estimated_offset(chunk: &Chunk, plan: &Plan, i: usize) -> usize {
    let text_lines = chunk.estimate.saturating_sub(plan.blanks).max(1);
    let into = (i.saturating_sub(plan.blanks)) * plan.span.len() / text_lines;
    plan.span.start + into
}

/// Adds the chunks of one block: the block whole, or a huge block in pieces of about 16 KiB
/// wrapped without hyphenation, so that time and memory grow with its length alone.
#[allow(clippy::too_many_arguments)]
fn plan_block(
    chunks: &mut Vec<Chunk>,
    article: &Article,
    span: Span,
    kind: LineKind,
    block: Option<usize>,
    (first_prefix, rest_prefix): (&'static str, &'static str),
    width: usize,
) {
    let text = article.slice(span);
    let inner = width
        .saturating_sub(first_prefix.width().max(rest_prefix.width()))
        .max(4);
    let plan = |at: usize, piece: &str, first: bool, hyphenate: bool| {
        let plan = Plan {
            span: Span::new(span.start + at, span.start + at + piece.len()),
            kind,
            block,
            first_prefix: if first { first_prefix } else { rest_prefix },
            rest_prefix,
            blanks: usize::from(first),
            hyphenate,
        };
        Chunk {
            estimate: plan.blanks + estimate_lines(piece, inner),
            plan: Some(plan),
            lines: None,
        }
    };
    if text.len() > HUGE_BLOCK {
        for (k, (at, piece)) in huge_block_pieces(text).into_iter().enumerate() {
            chunks.push(plan(at, piece, k == 0, false));
        }
    } else {
        chunks.push(plan(0, text, true, true));
    }
}

/// Guess of the number of lines `text` wraps into at `width` cells.
fn estimate_lines(text: &str, width: usize) -> usize {
    let cells = text.chars().count();
    if text.trim().is_empty() {
        return 0;
    }
    ((cells as f64 / (width as f64 * FILL)).ceil() as usize).max(1)
}

/// Wraps the text of one chunk.
fn wrap_plan(
    article: &Article,
    plan: &Plan,
    width: usize,
    dict: Option<&Standard>,
) -> Vec<VisualLine> {
    let mut lines = vec![VisualLine::blank(); plan.blanks];
    let text = article.slice(plan.span);
    let inner = width
        .saturating_sub(plan.first_prefix.width().max(plan.rest_prefix.width()))
        .max(4);
    for (n, (frags, hyphen)) in wrap_words(text, inner, dict).into_iter().enumerate() {
        let mut line = VisualLine {
            kind: plan.kind,
            block: plan.block,
            text: if n == 0 {
                plan.first_prefix.to_string()
            } else {
                plan.rest_prefix.to_string()
            },
            pieces: Vec::new(),
        };
        for (i, (off, frag)) in frags.into_iter().enumerate() {
            if i > 0 {
                line.text.push(' ');
            }
            let at = plan.span.start + off;
            line.pieces.push(Piece {
                at: line.text.len(),
                span: Span::new(at, at + frag.len()),
            });
            line.text.extend(frag.chars().map(sanitize_char));
        }
        if hyphen {
            line.text.push('-');
        }
        lines.push(line);
    }
    lines
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
    let ws: Vec<Word<'a>> = text.split_whitespace().flat_map(hyphen_parts).collect();
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
            source: "t".into(),
            title: "Titel".into(),
            authors: vec!["Anna Muster".into()],
            ..Article::untitled(ArticleId("0".into()), text, body)
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

    /// A German paragraph of `bytes` bytes or a little more, one sentence repeated.
    fn huge_text(bytes: usize) -> String {
        let sentence = "Die Regierung in Berlin erklärte am Montag, der Haushalt werde steigen. ";
        sentence.repeat(bytes / sentence.len() + 1)
    }

    #[test]
    fn a_long_article_is_wrapped_only_around_the_screen() {
        let text = huge_text(4 * 1024 * 1024);
        let a = article(&[&text]);
        let hyph = Hyphenators::hyphens_only();
        let mut lazy = LazyLayout::new(&a, 60, &hyph);
        assert_eq!(lazy.wrapped_lines(), 0);
        let mut top = 0;
        lazy.fill(&mut top, 30, &a, &hyph);
        // One or two 16 KiB pieces: a few hundred lines of the ~80,000.
        assert!(lazy.len() > 50_000, "{}", lazy.len());
        let first = lazy.wrapped_lines();
        assert!(first > 30 && first < 1_000, "{first}");
        let eager = layout_article(&a, 60, &hyph);
        let shown: Vec<&VisualLine> = lazy.lines(0, 30).collect();
        let expected: Vec<&VisualLine> = eager.lines.iter().take(30).collect();
        assert_eq!(shown, expected);
        // The middle of the article: the chunk there is wrapped, and shows the same lines as the
        // whole layout does from the same text on.
        let middle = text.len() / 2;
        let line = lazy.reveal(middle, &mut top, &a, &hyph);
        let mut top = line;
        lazy.fill(&mut top, 30, &a, &hyph);
        assert!(lazy.wrapped_lines() < 3 * first, "{}", lazy.wrapped_lines());
        let at = lazy.line(top).start();
        let eager_top = eager.line_at_offset(at.unwrap());
        for (i, l) in lazy.lines(top, 30).enumerate() {
            assert_eq!(l, &eager.lines[eager_top + i]);
        }
    }

    #[test]
    fn wrapping_a_chunk_above_the_top_line_keeps_that_line_on_its_text() {
        let text = huge_text(1024 * 1024);
        let a = article(&[&text]);
        let hyph = Hyphenators::hyphens_only();
        let mut lazy = LazyLayout::new(&a, 47, &hyph);
        let mut top = 0;
        let line = lazy.reveal(text.len() * 3 / 4, &mut top, &a, &hyph);
        let mut top = line;
        let shown = lazy.line(top).start();
        assert!(shown.is_some());
        // Everything above gets wrapped, chunk by chunk, and the line count changes.
        let before = lazy.len();
        for offset in (0..text.len() * 3 / 4).step_by(8 * 1024).rev() {
            lazy.reveal(offset, &mut top, &a, &hyph);
            assert_eq!(lazy.line(top).start(), shown);
        }
        assert_ne!(lazy.len(), before);
        lazy.fill(&mut top, 20, &a, &hyph);
        assert_eq!(lazy.line(top).start(), shown);
        assert_eq!(lazy.offset_at_line(top), shown.unwrap());
    }

    #[test]
    fn a_short_article_is_laid_out_whole_as_before() {
        let a = article(&[
            "Erster Absatz mit einigen Wörtern darin.",
            "Zweiter Absatz, der länger ist und umbrochen werden muss, weil er so lang ist.",
        ]);
        let hyph = Hyphenators::load();
        let lazy = LazyLayout::new(&a, 24, &hyph);
        let eager = layout_article(&a, 24, &hyph);
        assert_eq!(lazy.len(), eager.lines.len());
        assert_eq!(lazy.wrapped_lines(), eager.lines.len() - 2);
        let all: Vec<&VisualLine> = lazy.lines(0, usize::MAX).collect();
        assert_eq!(all, eager.lines.iter().collect::<Vec<_>>());
        for offset in [0, 10, 45, 60, a.text.len()] {
            assert_eq!(lazy.line_at_offset(offset), eager.line_at_offset(offset));
        }
        for line in 0..eager.lines.len() + 2 {
            assert_eq!(lazy.offset_at_line(line), eager.offset_at_line(line));
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
