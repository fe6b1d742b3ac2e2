//! Highlighting without styles: splits a laid-out line into runs tagged with what covers them
//! (an entity of some kind, a claim, the selected claim, the cursor, a search match, a bookmark).
//! The view maps tags to styles; this module never imports the terminal crates.

use crate::model::{EntityKind, Span, StyledSpan, TextStyle};
use crate::reflow::VisualLine;
use std::ops::Range;

/// What covers a run of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tags {
    /// An entity mention of this kind.
    pub entity: Option<EntityKind>,
    /// Where that mention starts: two mentions side by side ("Pjöngjang Moskau") are two, and
    /// the space between them carries neither.
    pub mention: Option<usize>,
    /// Part of a claim sentence.
    pub claim: bool,
    /// Part of the selected claim.
    pub selected_claim: bool,
    /// Under the reading cursor.
    pub cursor: bool,
    /// A search match.
    pub matched: bool,
    /// Inside a bookmarked passage.
    pub bookmark: bool,
    /// The author's markup over the run.
    pub style: StyleSet,
}

/// A set of [`TextStyle`]s (the author's markup can nest: a link inside emphasis in a quote).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct StyleSet(u8);

impl StyleSet {
    fn bit(style: TextStyle) -> u8 {
        match style {
            TextStyle::Emphasis => 1,
            TextStyle::Strong => 2,
            TextStyle::Strikethrough => 4,
            TextStyle::Code => 8,
            TextStyle::Link => 16,
            TextStyle::Quote => 32,
            TextStyle::FootnoteMarker => 64,
        }
    }

    /// True when `style` is in the set.
    pub fn has(self, style: TextStyle) -> bool {
        self.0 & Self::bit(style) != 0
    }

    /// The set with `style` added.
    pub fn with(self, style: TextStyle) -> Self {
        Self(self.0 | Self::bit(style))
    }

    /// True when the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// The author's styles as one layer: overlapping styles are cut into runs, each run carrying
/// every style over it.
pub fn style_layer(styles: &[StyledSpan]) -> MarkLayer {
    let mut bounds: Vec<usize> = styles
        .iter()
        .flat_map(|s| [s.span.start, s.span.end])
        .collect();
    bounds.sort_unstable();
    bounds.dedup();
    let mut marks = Vec::new();
    for w in bounds.windows(2) {
        let run = Span::new(w[0], w[1]);
        let set = styles
            .iter()
            .filter(|s| s.span.start <= run.start && run.end <= s.span.end)
            .fold(StyleSet::default(), |set, s| set.with(s.style));
        if !set.is_empty() {
            marks.push((run, Mark::Style(set)));
        }
    }
    MarkLayer::new(marks)
}

impl Tags {
    fn common(self, other: Tags) -> Tags {
        Tags {
            entity: if self.entity == other.entity && self.mention == other.mention {
                self.entity
            } else {
                None
            },
            mention: if self.mention == other.mention {
                self.mention
            } else {
                None
            },
            claim: self.claim && other.claim,
            selected_claim: self.selected_claim && other.selected_claim,
            cursor: self.cursor && other.cursor,
            matched: self.matched && other.matched,
            bookmark: self.bookmark && other.bookmark,
            style: StyleSet(self.style.0 & other.style.0),
        }
    }
}

/// One kind of mark laid over the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// An entity mention.
    Entity(EntityKind),
    /// A claim sentence.
    Claim,
    /// The selected claim.
    SelectedClaim,
    /// The reading cursor.
    Cursor,
    /// A search match.
    Match,
    /// A bookmarked passage.
    Bookmark,
    /// The author's markup.
    Style(StyleSet),
}

impl Mark {
    fn apply(self, tags: &mut Tags) {
        match self {
            Mark::Entity(kind) => tags.entity = Some(kind),
            Mark::Claim => tags.claim = true,
            Mark::SelectedClaim => tags.selected_claim = true,
            Mark::Cursor => tags.cursor = true,
            Mark::Match => tags.matched = true,
            Mark::Bookmark => tags.bookmark = true,
            Mark::Style(set) => tags.style = StyleSet(tags.style.0 | set.0),
        }
    }
}

/// A list of marks sorted by start, each list non-overlapping within itself (several lists may
/// overlap each other: an entity inside a claim).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MarkLayer {
    marks: Vec<(Span, Mark)>,
}

impl MarkLayer {
    /// Builds a layer; sorts by start and drops marks that overlap an earlier one.
    pub fn new(mut marks: Vec<(Span, Mark)>) -> Self {
        marks.sort_by_key(|(s, _)| (s.start, s.end));
        let mut out: Vec<(Span, Mark)> = Vec::with_capacity(marks.len());
        for (span, mark) in marks {
            if span.is_empty() || out.last().is_some_and(|(last, _)| last.end > span.start) {
                continue;
            }
            out.push((span, mark));
        }
        Self { marks: out }
    }

    /// Marks overlapping `range`.
    fn overlapping(&self, range: Span) -> &[(Span, Mark)] {
        // Ends are sorted too, since the marks do not overlap.
        let from = self.marks.partition_point(|(s, _)| s.end <= range.start);
        let to = from + self.marks[from..].partition_point(|(s, _)| s.start < range.end);
        &self.marks[from..to]
    }

    /// True when there are no marks.
    pub fn is_empty(&self) -> bool {
        self.marks.is_empty()
    }
}

fn tags_at(layers: &[&MarkLayer], range: Span) -> Tags {
    let mut tags = Tags::default();
    for layer in layers {
        for (span, mark) in layer.overlapping(range) {
            if span.start <= range.start && range.end <= span.end {
                mark.apply(&mut tags);
                if let Mark::Entity(_) = mark {
                    tags.mention = Some(span.start);
                }
            }
        }
    }
    tags
}

/// Byte offset in `line_text` (starting at `at`) of the `n`th character of the piece.
fn line_offset(line_text: &str, at: usize, chars: usize) -> usize {
    line_text
        .get(at..)
        .and_then(|rest| rest.char_indices().nth(chars).map(|(i, _)| at + i))
        .unwrap_or(line_text.len())
}

/// Splits a line into runs of equal tags covering the whole of `line.text`. `text` is the
/// article text the line's pieces point into.
pub fn segments(line: &VisualLine, text: &str, layers: &[&MarkLayer]) -> Vec<(Range<usize>, Tags)> {
    let mut out: Vec<(Range<usize>, Tags)> = Vec::new();
    let mut push = |range: Range<usize>, tags: Tags| {
        if range.is_empty() {
            return;
        }
        match out.last_mut() {
            Some((last, t)) if *t == tags && last.end == range.start => last.end = range.end,
            _ => out.push((range, tags)),
        }
    };
    let mut pos = 0;
    let mut prev_end_tags: Option<Tags> = None;
    for piece in &line.pieces {
        let Some(piece_text) = text.get(piece.span.start..piece.span.end) else {
            continue;
        };
        let mut bounds = vec![piece.span.start, piece.span.end];
        for layer in layers {
            for (span, _) in layer.overlapping(piece.span) {
                bounds.extend(
                    [span.start, span.end]
                        .into_iter()
                        .filter(|b| piece.span.start < *b && *b < piece.span.end),
                );
            }
        }
        bounds.sort_unstable();
        bounds.dedup();
        let first_tags = tags_at(
            layers,
            Span::new(bounds[0], bounds[1.min(bounds.len() - 1)]),
        );
        // The gap before the piece (a space, or the list bullet) carries what both sides share.
        let gap_tags = prev_end_tags.map_or(Tags::default(), |t| t.common(first_tags));
        push(pos..piece.at, gap_tags);
        let mut last_tags = first_tags;
        for w in bounds.windows(2) {
            let (a, b) = (w[0], w[1]);
            let tags = tags_at(layers, Span::new(a, b));
            let ca = text
                .get(piece.span.start..a)
                .map_or(0, |s| s.chars().count());
            let cb = ca + text.get(a..b).map_or(0, |s| s.chars().count());
            let la = line_offset(&line.text, piece.at, ca);
            let lb = line_offset(&line.text, piece.at, cb);
            push(la..lb, tags);
            last_tags = tags;
        }
        pos = line_offset(&line.text, piece.at, piece_text.chars().count());
        prev_end_tags = Some(last_tags);
    }
    push(pos..line.text.len(), Tags::default());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reflow::{LineKind, Piece};

    fn line(text: &str, words: &[(usize, usize, usize)]) -> VisualLine {
        VisualLine {
            kind: LineKind::Paragraph,
            block: Some(0),
            text: text.to_string(),
            pieces: words
                .iter()
                .map(|&(at, s, e)| Piece {
                    at,
                    span: Span::new(s, e),
                })
                .collect(),
        }
    }

    #[test]
    fn entity_runs_map_to_line_offsets_and_spaces_inside_names_are_covered() {
        let text = "Heute sagte Kim Jong Un etwas.";
        // Line shows "sagte Kim Jong Un" from byte 6.
        let l = line(
            "sagte Kim Jong Un",
            &[(0, 6, 11), (6, 12, 15), (10, 16, 20), (15, 21, 23)],
        );
        let ents = MarkLayer::new(vec![(Span::new(12, 23), Mark::Entity(EntityKind::Person))]);
        let segs = segments(&l, text, &[&ents]);
        let person: Vec<&str> = segs
            .iter()
            .filter(|(_, t)| t.entity == Some(EntityKind::Person))
            .map(|(r, _)| &l.text[r.clone()])
            .collect();
        assert_eq!(person, ["Kim Jong Un"]);
        assert_eq!(segs.first().map(|(r, _)| r.clone()), Some(0..6));
    }

    #[test]
    fn overlapping_layers_combine_and_partial_words_split() {
        let text = "Nordkoreas Truppen";
        let l = line("• Nordkoreas Truppen", &[(4, 0, 11), (16, 12, 18)]);
        let ents = MarkLayer::new(vec![(Span::new(0, 9), Mark::Entity(EntityKind::Place))]);
        let claims = MarkLayer::new(vec![(Span::new(0, 18), Mark::Claim)]);
        let segs = segments(&l, text, &[&ents, &claims]);
        let covered: usize = segs.iter().map(|(r, _)| r.len()).sum();
        assert_eq!(covered, l.text.len());
        let place: Vec<&str> = segs
            .iter()
            .filter(|(_, t)| t.entity.is_some())
            .map(|(r, _)| &l.text[r.clone()])
            .collect();
        assert_eq!(place, ["Nordkorea"]);
        assert!(
            segs.iter()
                .filter(|(r, _)| r.start >= 4)
                .all(|(_, t)| t.claim)
        );
        assert!(!segs[0].1.claim, "the bullet is not part of the claim");
    }

    #[test]
    fn replaced_control_characters_keep_positions_aligned() {
        let text = "a\u{1b}b Berlin";
        let l = line("a\u{FFFD}b Berlin", &[(0, 0, 3), (6, 4, 10)]);
        let ents = MarkLayer::new(vec![(Span::new(4, 10), Mark::Entity(EntityKind::Place))]);
        let segs = segments(&l, text, &[&ents]);
        let place: Vec<&str> = segs
            .iter()
            .filter(|(_, t)| t.entity.is_some())
            .map(|(r, _)| &l.text[r.clone()])
            .collect();
        assert_eq!(place, ["Berlin"]);
    }

    #[test]
    fn two_mentions_side_by_side_stay_two_runs_with_an_unstyled_space() {
        let text = "Pjöngjang Moskau";
        let l = line("Pjöngjang Moskau", &[(0, 0, 10), (11, 11, 17)]);
        let ents = MarkLayer::new(vec![
            (Span::new(0, 10), Mark::Entity(EntityKind::Place)),
            (Span::new(11, 17), Mark::Entity(EntityKind::Place)),
        ]);
        let segs = segments(&l, text, &[&ents]);
        let runs: Vec<(&str, bool)> = segs
            .iter()
            .map(|(r, t)| (&l.text[r.clone()], t.entity.is_some()))
            .collect();
        assert_eq!(runs, [("Pjöngjang", true), (" ", false), ("Moskau", true)]);
    }

    #[test]
    fn nested_author_styles_are_cut_into_runs_carrying_all_of_them() {
        let styled = |start, end, style| StyledSpan {
            span: Span::new(start, end),
            style,
            url: None,
        };
        // "ab cd ef": a quote over all, emphasis over "cd ef", a link over "cd".
        let layer = style_layer(&[
            styled(0, 8, TextStyle::Quote),
            styled(3, 8, TextStyle::Emphasis),
            styled(3, 5, TextStyle::Link),
        ]);
        let text = "ab cd ef";
        let l = line(text, &[(0, 0, 2), (3, 3, 5), (6, 6, 8)]);
        let segs = segments(&l, text, &[&layer]);
        let at = |i: usize| {
            segs.iter()
                .find(|(r, _)| r.contains(&i))
                .map(|(_, t)| t.style)
                .unwrap_or_default()
        };
        assert!(at(0).has(TextStyle::Quote) && !at(0).has(TextStyle::Emphasis));
        assert!(
            at(3).has(TextStyle::Quote)
                && at(3).has(TextStyle::Emphasis)
                && at(3).has(TextStyle::Link)
        );
        assert!(at(6).has(TextStyle::Emphasis) && !at(6).has(TextStyle::Link));
    }
}
