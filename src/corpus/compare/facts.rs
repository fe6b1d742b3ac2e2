//! What comparison and the timeline need from one claim: its entities (from the mentions inside
//! the claim, derived adjectives included), dates (completing day-month dates with a year when
//! the article has no publication date), figures with normalised units, and event keywords.
//!
//! Works around three gaps in the extractor's claim output without changing it:
//! - `Claim::entities` leaves out entities named only inside a figure ("Tausende von
//!   nordkoreanischen Soldaten"); here every mention inside the claim span counts.
//! - Dates without a year ("Am 19. Juni") are dropped when the article has no publication date;
//!   here the year is taken from the latest year the article mentions ([`reference_year`]).
//! - A figure whose unit is separated by a possessive ("10.000 bis 12.000 seiner Soldaten") has
//!   no unit; here the next two words are tried against the unit table.

use super::{keywords, units};
use crate::model::{Analysis, Article, Claim, EntityKind, Mention, PartialDate, Span};

/// Seats of government and capitals that newspapers use for their country, mapped to the
/// country's canonical name (as the extractor spells it). Used only to decide whether two claims
/// speak of the same actor.
pub const METONYMS: &[(&str, &str)] = &[
    ("Moskau", "Russland"),
    ("Kreml", "Russland"),
    ("Pjöngjang", "Nordkorea"),
    ("Seoul", "Südkorea"),
    ("Kiew", "Ukraine"),
    ("Washington", "Vereinigte Staaten"),
    ("Weißes Haus", "Vereinigte Staaten"),
    ("Peking", "China"),
    ("Berlin", "Deutschland"),
    ("Paris", "Frankreich"),
    ("London", "Vereinigtes Königreich"),
    ("Teheran", "Iran"),
    ("Tokio", "Japan"),
    ("Minsk", "Belarus"),
    ("Ankara", "Türkei"),
    ("Warschau", "Polen"),
];

/// The actor a canonical name stands for: its country for a capital, else itself.
pub fn actor(canonical: &str) -> &str {
    METONYMS
        .iter()
        .find(|(c, _)| *c == canonical)
        .map(|(_, country)| *country)
        .unwrap_or(canonical)
}

/// A figure with its unit normalised.
#[derive(Debug, Clone, PartialEq)]
pub struct Fig {
    /// Where the figure is.
    pub span: Span,
    /// Lower bound.
    pub min: f64,
    /// Upper bound.
    pub max: f64,
    /// The unit as written ("Soldaten").
    pub unit: String,
    /// Normalised unit ([`units::normalise`]).
    pub key: String,
    /// "etwa", "rund", vague plurals.
    pub approximate: bool,
    /// A vague count ("Tausende", "mehrere hundert"): the bounds give only the order of
    /// magnitude, so the figure neither agrees nor disagrees with others.
    pub vague: bool,
    /// The quantity as written, whitespace collapsed ("Tausende von nordkoreanischen Soldaten").
    pub written: String,
}

/// The comparable facts of one claim.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// Canonical names of the named entities in the claim, in text order, without repeats.
    pub entities: Vec<String>,
    /// Actors (capitals mapped to countries) of persons, organisations and places, with the
    /// span of each mention.
    pub actors: Vec<(String, Span)>,
    /// Dates in the claim, in text order.
    pub dates: Vec<(Span, PartialDate)>,
    /// Figures with a unit that counts something (durations left out).
    pub figures: Vec<Fig>,
    /// Event keywords of the words outside mentions, dates and figures.
    pub keywords: Vec<keywords::Keyword>,
}

impl Facts {
    /// True when the two claims share an actor.
    pub fn shares_actor(&self, other: &Facts) -> bool {
        self.actors
            .iter()
            .any(|(a, _)| other.actors.iter().any(|(b, _)| a == b))
    }

    /// True when one claim names the actor nearest to the other's figure (`mine` and `theirs`
    /// index the figures): the figure's own actor, not just any actor both mention.
    pub fn shares_figure_actor(&self, mine: usize, other: &Facts, theirs: usize) -> bool {
        let names = |f: &Facts, a: &str| f.actors.iter().any(|(b, _)| b == a);
        self.nearest_actor(mine).is_some_and(|a| names(other, a))
            || other.nearest_actor(theirs).is_some_and(|a| names(self, a))
    }

    /// The actor whose mention lies nearest to figure `figure` (inside it counts as nearest).
    pub fn nearest_actor(&self, figure: usize) -> Option<&str> {
        let fig = self.figures.get(figure)?;
        self.actors
            .iter()
            .min_by_key(|(_, s)| {
                // Zero when the mention lies inside or touches the figure.
                fig.span
                    .start
                    .saturating_sub(s.end)
                    .max(s.start.saturating_sub(fig.span.end))
            })
            .map(|(a, _)| a.as_str())
    }
}

/// The year against which day-month dates of an article are read: its publication year, else
/// the latest year any date in it mentions.
pub fn reference_year(article: &Article, analysis: &Analysis) -> Option<i32> {
    if let Some(d) = article.date {
        return Some(d.year);
    }
    analysis
        .mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Date)
        .filter_map(|m| crate::dates::parse_date(&m.text).map(|d| d.year))
        .max()
}

/// The latest date with a month that an article mentions: for an undated article, the
/// earliest it can have been written, used as the time of its figures.
pub fn latest_mentioned_date(analysis: &Analysis) -> Option<PartialDate> {
    analysis
        .mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Date)
        .filter_map(|m| crate::dates::parse_date(&m.text))
        .filter(|d| d.month.is_some())
        .max_by_key(|d| d.sort_key())
}

/// The dates of a claim, completing year-less ones with `year` when the article is undated.
pub fn claim_dates(
    article: &Article,
    claim: &Claim,
    year: Option<i32>,
) -> Vec<(Span, PartialDate)> {
    let given: Vec<(Span, PartialDate)> = claim.dates.iter().map(|d| (d.span, d.date)).collect();
    if article.date.is_some() || year.is_none() {
        return given;
    }
    let text = article.slice(claim.span);
    if text.is_empty() {
        return given;
    }
    let explicit: Vec<Span> = crate::dates::find_dates(text)
        .into_iter()
        .map(|(s, _)| s)
        .collect();
    crate::dates::find_dates_with_default_year(text, year)
        .into_iter()
        .map(|(s, mut d)| {
            // A completed date followed by "letzten Jahres" lies in the year before.
            if !explicit.contains(&s) && is_previous_year(text.get(s.end..).unwrap_or("")) {
                d.year -= 1;
            }
            (
                Span::new(s.start + claim.span.start, s.end + claim.span.start),
                d,
            )
        })
        .collect()
}

/// Phrases after a year-less date that place it in the previous year.
const PREVIOUS_YEAR: &[&str] = &[
    "letzten jahres",
    "vergangenen jahres",
    "des vorjahres",
    "vorigen jahres",
    "last year",
    "of last year",
];

fn is_previous_year(after: &str) -> bool {
    let head: String = after
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    PREVIOUS_YEAR.iter().any(|p| head.starts_with(p))
}

/// Collects the facts of one claim.
pub fn facts(article: &Article, analysis: &Analysis, claim: &Claim, year: Option<i32>) -> Facts {
    let inside: Vec<&Mention> = analysis
        .mentions
        .iter()
        .filter(|m| claim.span.contains(m.span))
        .collect();
    let mut entities: Vec<String> = Vec::new();
    let mut actors = Vec::new();
    for m in &inside {
        if matches!(m.kind, EntityKind::Date | EntityKind::Quantity) {
            continue;
        }
        if !entities.contains(&m.canonical) {
            entities.push(m.canonical.clone());
        }
        if matches!(
            m.kind,
            EntityKind::Person | EntityKind::Organization | EntityKind::Place
        ) {
            actors.push((actor(&m.canonical).to_string(), m.span));
        }
    }
    let dates = claim_dates(article, claim, year);
    let mut figures = Vec::new();
    for q in &claim.quantities {
        let unit = match &q.unit {
            Some(u) => Some(u.clone()),
            None => unit_after(article, q.span, claim.span),
        };
        let Some(unit) = unit else { continue };
        let key = units::normalise(&unit);
        if key.is_empty() || units::is_duration(&key) {
            continue;
        }
        let written = crate::corpus::entity_index::collapse_whitespace(article.slice(q.span));
        figures.push(Fig {
            vague: crate::extract::quantity::is_vague(&written),
            written,
            span: q.span,
            min: q.min.min(q.max),
            max: q.max.max(q.min),
            unit,
            key,
            approximate: q.approximate,
        });
    }
    let mut blocked: Vec<Span> = inside.iter().map(|m| m.span).collect();
    blocked.extend(dates.iter().map(|(s, _)| *s));
    blocked.extend(claim.quantities.iter().map(|q| q.span));
    let mut kws: Vec<keywords::Keyword> = Vec::new();
    for (span, word) in words(article, claim.span) {
        if blocked.iter().any(|b| b.overlaps(span)) {
            continue;
        }
        if let Some(k) = keywords::keyword(word)
            && !kws.iter().any(|x| x.stem == k.stem)
        {
            kws.push(k);
        }
    }
    Facts {
        entities,
        actors,
        dates,
        figures,
        keywords: kws,
    }
}

/// The alphabetic words inside `within`, with their spans.
fn words(article: &Article, within: Span) -> Vec<(Span, &str)> {
    let text = article.slice(within);
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_alphabetic() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((Span::new(within.start + s, within.start + i), &text[s..i]));
        }
    }
    out
}

/// A unit noun in the two words after a figure ("12.000 seiner Soldaten"), when the unit table
/// knows it.
fn unit_after(article: &Article, figure: Span, claim: Span) -> Option<String> {
    let rest = Span::new(figure.end, claim.end);
    words(article, rest)
        .into_iter()
        .take(2)
        .find(|(_, w)| units::lemma(w).is_some())
        .map(|(_, w)| w.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_years_day_takes_the_previous_year() {
        let text = "Er sagte, Russland habe am 30. Dezember letzten Jahres und am 2. Februar dieses Jahres Raketen abgefeuert. Im Jahr 2024 geschah mehr.";
        let article = crate::ingest::parse_raw("a.txt", text);
        let claim = Claim {
            span: Span::new(0, text.len()),
            text: text.to_string(),
            kind: crate::model::ClaimKind::Fact,
            attribution: None,
            stance: crate::model::Stance::Asserted,
            entities: vec![],
            quantities: vec![],
            dates: vec![],
        };
        let dates: Vec<PartialDate> = claim_dates(&article, &claim, Some(2024))
            .into_iter()
            .map(|(_, d)| d)
            .collect();
        assert!(dates.contains(&PartialDate::ymd(2023, 12, 30)), "{dates:?}");
        assert!(dates.contains(&PartialDate::ymd(2024, 2, 2)), "{dates:?}");
        assert!(dates.contains(&PartialDate::y(2024)), "{dates:?}");
    }

    #[test]
    fn capitals_stand_for_their_country() {
        assert_eq!(actor("Pjöngjang"), "Nordkorea");
        assert_eq!(actor("Kreml"), "Russland");
        assert_eq!(actor("Nordkorea"), "Nordkorea");
    }
}
