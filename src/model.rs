//! The article model shared by every layer: articles, their blocks, entity mentions and claims.
//!
//! Spans are byte ranges into [`Article::text`] (the file's content after UTF-8 decoding), end
//! exclusive. Nothing here knows about terminals, files or the clock.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A byte range `start..end` into an article's text, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// Builds a span from its two ends.
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Number of bytes covered.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True when `other` lies entirely inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Stable identifier of an article: a hash of its content, as 16 hex digits.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(pub String);

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Language of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// German.
    #[default]
    De,
    /// English.
    En,
}

impl Lang {
    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }
}

/// A qualifier that narrows a partial date: part of a month or year, or a season.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePart {
    /// "Anfang", "early".
    Early,
    /// "Mitte", "mid".
    Mid,
    /// "Ende", "late".
    Late,
    /// "Frühjahr", "Frühling", "spring".
    Spring,
    /// "Sommer", "summer".
    Summer,
    /// "Herbst", "autumn", "fall".
    Autumn,
    /// "Winter".
    Winter,
}

impl DatePart {
    /// Lowercase English name, as used in JSON and ISO-like display.
    pub fn name(self) -> &'static str {
        match self {
            DatePart::Early => "early",
            DatePart::Mid => "mid",
            DatePart::Late => "late",
            DatePart::Spring => "spring",
            DatePart::Summer => "summer",
            DatePart::Autumn => "autumn",
            DatePart::Winter => "winter",
        }
    }

    /// An approximate month (1-12) and day used to order partial dates in a timeline.
    pub fn sort_key(self, month: Option<u8>) -> (u8, u8) {
        match (self, month) {
            (DatePart::Early, Some(m)) => (m, 5),
            (DatePart::Mid, Some(m)) => (m, 15),
            (DatePart::Late, Some(m)) => (m, 25),
            (DatePart::Early, None) => (2, 15),
            (DatePart::Mid, None) => (6, 30),
            (DatePart::Late, None) => (11, 15),
            (DatePart::Spring, _) => (4, 15),
            (DatePart::Summer, _) => (7, 15),
            (DatePart::Autumn, _) => (10, 15),
            (DatePart::Winter, _) => (12, 31),
        }
    }
}

/// A calendar date that may be partial: a year, a month of a year, or a full day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PartialDate {
    /// Year, e.g. 2024.
    pub year: i32,
    /// Month 1-12 when known.
    pub month: Option<u8>,
    /// Day 1-31 when known (only with a month).
    pub day: Option<u8>,
    /// Part of the month or year ("Ende Oktober", "Herbst") when given.
    pub part: Option<DatePart>,
}

impl PartialDate {
    /// A full date.
    pub fn ymd(year: i32, month: u8, day: u8) -> Self {
        Self {
            year,
            month: Some(month),
            day: Some(day),
            part: None,
        }
    }

    /// A month of a year.
    pub fn ym(year: i32, month: u8) -> Self {
        Self {
            year,
            month: Some(month),
            day: None,
            part: None,
        }
    }

    /// A year alone.
    pub fn y(year: i32) -> Self {
        Self {
            year,
            month: None,
            day: None,
            part: None,
        }
    }

    /// The same date with a qualifier.
    pub fn with_part(mut self, part: DatePart) -> Self {
        self.part = Some(part);
        self
    }

    /// ISO 8601 with only the known components: `2025-01-17`, `2024-10`, `2024`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => format!("{:04}-{:02}", self.year, m),
            _ => format!("{:04}", self.year),
        }
    }

    /// A key that orders partial dates sensibly: "Ende Oktober 2024" after "3. Oktober 2024".
    pub fn sort_key(&self) -> (i32, u8, u8) {
        match (self.month, self.day, self.part) {
            (Some(m), Some(d), _) => (self.year, m, d),
            (m, _, Some(p)) => {
                let (mm, dd) = p.sort_key(m);
                (self.year, mm, dd)
            }
            (Some(m), None, None) => (self.year, m, 15),
            (None, _, None) => (self.year, 6, 30),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())?;
        if let Some(p) = self.part {
            write!(f, " ({})", p.name())?;
        }
        Ok(())
    }
}

/// What a block of the article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// A section heading.
    Heading,
    /// A paragraph of body text.
    Paragraph,
    /// An item of a bulleted list.
    ListItem,
    /// A footnote, citation or bare URL, shown after the body.
    Reference,
}

/// A block of the article: a heading, a paragraph, a list item or a reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Where the block's text lies in [`Article::text`]; `text[span]` is the block's text.
    pub span: Span,
}

/// How a stretch of an article's text was marked up by its author (Markdown articles).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextStyle {
    /// Emphasis (`*text*`).
    Emphasis,
    /// Strong emphasis (`**text**`).
    Strong,
    /// Struck out (`~~text~~`).
    Strikethrough,
    /// Code (`` `text` `` or a code block).
    Code,
    /// A link; its target is in [`StyledSpan::url`].
    Link,
    /// A block quote.
    Quote,
    /// A footnote marker joined to its definition among the references (`[1]`).
    FootnoteMarker,
}

/// A style over a span of an article's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StyledSpan {
    /// Where, in [`Article::text`].
    pub span: Span,
    /// Which style.
    pub style: TextStyle,
    /// The target of a link.
    #[serde(default)]
    pub url: Option<String>,
}

/// One article after ingestion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Content hash.
    pub id: ArticleId,
    /// Where the article came from (a path, or `seeds/NAME` for the bundled corpus).
    pub source: String,
    /// Title from front matter, the heuristics, or the lead.
    pub title: String,
    /// Authors in order.
    pub authors: Vec<String>,
    /// Outlet or publication.
    pub outlet: Option<String>,
    /// Publication date, possibly partial.
    pub date: Option<PartialDate>,
    /// Detected language.
    pub lang: Lang,
    /// DOI without the resolver prefix, e.g. `10.48269/2451-0610-ksm-2024-008`.
    pub doi: Option<String>,
    /// Canonical URL when given.
    pub url: Option<String>,
    /// The full decoded content; every span points into it.
    pub text: String,
    /// Body blocks in reading order (headings, paragraphs, list items).
    pub body: Vec<Block>,
    /// Footnotes and references, shown at the end.
    pub references: Vec<Block>,
    /// The author's markup (emphasis, links, quotes…) over the text, sorted by start; empty for
    /// plain-text articles. (Never skipped when serialising: snapshots are positional.)
    #[serde(default)]
    pub styles: Vec<StyledSpan>,
}

impl Article {
    /// An article of `text` whose body is `body` and of which nothing else is known: no title,
    /// authors, metadata or references, German. The caller sets what it knows after it
    /// (`Article { title, ..Article::untitled(id, text, body) }`).
    pub fn untitled(id: ArticleId, text: String, body: Vec<Block>) -> Article {
        Article {
            id,
            source: String::new(),
            title: String::new(),
            authors: Vec::new(),
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

    /// The text of a span of this article (empty if the span is out of range).
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// The text of a block.
    pub fn block_text(&self, block: &Block) -> &str {
        self.slice(block.span)
    }

    /// Authors joined for display, or the outlet when there are none.
    pub fn byline(&self) -> String {
        if !self.authors.is_empty() {
            self.authors.join(", ")
        } else {
            self.outlet.clone().unwrap_or_default()
        }
    }
}

/// Kind of a named or numeric entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organisation, institution, government body, company or party.
    Organization,
    /// A country, region, city or other place.
    Place,
    /// A date or time expression.
    Date,
    /// A number with or without a unit.
    Quantity,
    /// Weapons and systems, treaties, laws, resolutions, documents.
    Misc,
}

impl EntityKind {
    /// Every kind, in display order.
    pub const ALL: [EntityKind; 6] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Date,
        EntityKind::Quantity,
        EntityKind::Misc,
    ];

    /// Lowercase name as used in JSON.
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Date => "date",
            EntityKind::Quantity => "quantity",
            EntityKind::Misc => "misc",
        }
    }
}

/// One mention of an entity in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Where the mention is.
    pub span: Span,
    /// The surface text, `text[span]`.
    pub text: String,
    /// What it names.
    pub kind: EntityKind,
    /// Canonical name shared by every spelling of the same entity.
    pub canonical: String,
    /// True for adjectives and demonyms derived from the name ("nordkoreanische").
    pub derived: bool,
}

/// Kind of a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// A figure or count.
    Statistic,
    /// A direct quotation.
    Quote,
    /// A statement attributed to a source.
    Reported,
    /// An event or state of affairs asserted by the article.
    Fact,
    /// The author's judgement or forecast.
    Assessment,
}

impl ClaimKind {
    /// Lowercase name as used in JSON.
    pub fn name(self) -> &'static str {
        match self {
            ClaimKind::Statistic => "statistic",
            ClaimKind::Quote => "quote",
            ClaimKind::Reported => "reported",
            ClaimKind::Fact => "fact",
            ClaimKind::Assessment => "assessment",
        }
    }
}

/// How firmly a claim is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// Asserted by the article itself.
    Asserted,
    /// Attributed to a source.
    Attributed,
    /// Hedged: reported speech, "soll", "angeblich", "könnte", conditionals.
    Uncertain,
}

impl Stance {
    /// Lowercase name as used in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Stance::Asserted => "asserted",
            Stance::Attributed => "attributed",
            Stance::Uncertain => "uncertain",
        }
    }
}

/// Who a claim is attributed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// The source phrase as written ("Pentagon-Sprecher Pat Ryder").
    pub text: String,
    /// Canonical entity of the source when it is one.
    pub canonical: Option<String>,
    /// True for unnamed sources ("Berichten zufolge").
    pub unnamed: bool,
    /// Where the source phrase is written in the text, when it is written in the claim's own
    /// sentence (a resolved or inherited source has the span of the phrase it came from, if any).
    pub span: Option<Span>,
    /// The pronoun or role noun that was resolved to this source ("er", "der Minister").
    pub resolved_from: Option<String>,
}

/// A normalised quantity found in a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// Where it is.
    pub span: Span,
    /// Surface text ("10.000-12.000 Soldaten").
    pub text: String,
    /// Lower bound (equal to `max` for a single figure).
    pub min: f64,
    /// Upper bound.
    pub max: f64,
    /// What is counted ("Soldaten"), when given.
    pub unit: Option<String>,
    /// True for "circa", "etwa", "rund", "mehr als" and the like.
    pub approximate: bool,
}

/// A normalised date found in a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateRef {
    /// Where it is.
    pub span: Span,
    /// Surface text ("Ende Oktober 2024").
    pub text: String,
    /// The date, possibly partial.
    pub date: PartialDate,
}

/// A checkable assertion, quotation or judgement in an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Where it is.
    pub span: Span,
    /// The claim's text.
    pub text: String,
    /// What kind of claim.
    pub kind: ClaimKind,
    /// Who makes it, when attributed.
    pub attribution: Option<Attribution>,
    /// How firmly.
    pub stance: Stance,
    /// Canonical names of the entities involved.
    pub entities: Vec<String>,
    /// Figures in it.
    pub quantities: Vec<Quantity>,
    /// Dates in it.
    pub dates: Vec<DateRef>,
}

/// What extraction found in one article.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Analysis {
    /// Entity mentions in text order.
    pub mentions: Vec<Mention>,
    /// Claims in text order.
    pub claims: Vec<Claim>,
    /// Capitalised words that look like surnames but that the article alone does not resolve
    /// to a person ("Nehammer reiste ..."): the corpus pass makes them mentions of the one
    /// person of the corpus with that last name, if there is exactly one.
    #[serde(default)]
    pub name_candidates: Vec<NameCandidate>,
}

/// A word an article's own evidence allows to be a surname (see [`Analysis::name_candidates`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NameCandidate {
    /// Byte span in the article text.
    pub span: Span,
    /// The word as written.
    pub text: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_print_only_known_parts() {
        assert_eq!(PartialDate::ymd(2025, 1, 17).iso(), "2025-01-17");
        assert_eq!(PartialDate::ym(2024, 10).iso(), "2024-10");
        assert_eq!(
            PartialDate::y(2024).with_part(DatePart::Autumn).to_string(),
            "2024 (autumn)"
        );
    }

    #[test]
    fn late_october_sorts_after_early_days_of_october() {
        let late = PartialDate::ym(2024, 10).with_part(DatePart::Late);
        assert!(PartialDate::ymd(2024, 10, 3).sort_key() < late.sort_key());
        assert!(late.sort_key() < PartialDate::ymd(2024, 11, 1).sort_key());
    }
}
