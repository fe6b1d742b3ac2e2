//! The corpus timeline: dated events taken from the claims of all articles, in date order.
//!
//! One event per (claim, date). Partial dates are placed by [`PartialDate::sort_key`]: "Ende
//! Oktober 2024" after "3. Oktober 2024", "Herbst 2024" after September, a bare year at mid-year.
//! Year-less dates in undated articles are completed with the article's reference year (see
//! [`crate::corpus::compare::facts::reference_year`]). Must not import `ratatui`, `crossterm` or
//! `directories`.

use crate::corpus::compare::facts;
use crate::corpus::entity_index::collapse_whitespace;
use crate::corpus::{Corpus, Entry};
use crate::model::{Article, EntityKind, PartialDate, Span};
use serde_json::{Value, json};

/// A dated event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// When.
    pub date: PartialDate,
    /// The claim sentence, whitespace collapsed.
    pub text: String,
    /// Index of the article.
    pub article: usize,
    /// The claim's span in the article.
    pub span: Span,
    /// Where the date expression is in the article.
    pub date_span: Span,
    /// Canonical names of the entities named in the claim (no dates or figures).
    pub entities: Vec<String>,
}

/// Claims with fewer words than this besides the date that repeat the publication date are
/// taken for a byline or dateline, not an event.
const BYLINE_WORDS: usize = 6;

/// Every dated event of the corpus, ordered by date, then article, then position.
pub fn events(corpus: &Corpus) -> Vec<Event> {
    let mut out = Vec::new();
    for (ai, Entry { article, analysis }) in corpus.iter().enumerate() {
        let year = facts::reference_year(article, analysis);
        for claim in &analysis.claims {
            let dates = facts::claim_dates(article, claim, year);
            if dates.is_empty() {
                continue;
            }
            let text = collapse_whitespace(&claim.text);
            let mut entities: Vec<String> = Vec::new();
            for m in &analysis.mentions {
                if claim.span.contains(m.span)
                    && !matches!(m.kind, EntityKind::Date | EntityKind::Quantity)
                    && !entities.contains(&m.canonical)
                {
                    entities.push(m.canonical.clone());
                }
            }
            let mut seen: Vec<PartialDate> = Vec::new();
            for (span, date) in dates {
                if seen.contains(&date) || is_byline(article, claim.span, span, date) {
                    continue;
                }
                seen.push(date);
                out.push(Event {
                    date,
                    text: text.clone(),
                    article: ai,
                    span: claim.span,
                    date_span: span,
                    entities: entities.clone(),
                });
            }
        }
    }
    out.sort_by(|a, b| {
        a.date
            .sort_key()
            .cmp(&b.date.sort_key())
            .then_with(|| precision(&a.date).cmp(&precision(&b.date)))
            .then_with(|| a.article.cmp(&b.article))
            .then_with(|| a.date_span.start.cmp(&b.date_span.start))
    });
    out
}

/// Orders equal sort keys: a full date before a month, a month before a year.
fn precision(d: &PartialDate) -> u8 {
    match (d.day, d.month, d.part) {
        (Some(_), _, _) => 0,
        (None, Some(_), None) => 1,
        (None, _, Some(_)) => 2,
        (None, None, None) => 3,
    }
}

/// True when the date is the article's own publication date in a short dateline.
fn is_byline(article: &Article, claim: Span, date_span: Span, date: PartialDate) -> bool {
    if article.date != Some(date) {
        return false;
    }
    let text = article.slice(claim);
    let date_text = article.slice(date_span);
    let words = text.split_whitespace().count();
    let date_words = date_text.split_whitespace().count();
    words.saturating_sub(date_words) < BYLINE_WORDS
}

/// The events that name `canonical` (exact canonical name).
pub fn filter_by_entity(events: &[Event], canonical: &str) -> Vec<Event> {
    events
        .iter()
        .filter(|e| e.entities.iter().any(|c| c == canonical))
        .cloned()
        .collect()
}

/// The timeline as JSON: an array of events with ISO date, qualifier, text and article.
pub fn to_json(events: &[Event], corpus: &Corpus) -> Value {
    Value::Array(
        events
            .iter()
            .map(|e| {
                let article = corpus.article(e.article);
                json!({
                    "date": e.date.iso(),
                    "part": e.date.part.map(|p| p.name()),
                    "text": e.text,
                    "article": e.article,
                    "article_id": article.map(|a| a.id.0.clone()),
                    "title": article.map(|a| a.title.clone()),
                    "span": {"start": e.span.start, "end": e.span.end},
                    "entities": e.entities,
                })
            })
            .collect(),
    )
}

/// The timeline as Markdown: one list item per event with date, text and article title.
pub fn to_markdown(events: &[Event], corpus: &Corpus) -> String {
    let mut out = String::from("# Timeline\n\n");
    for e in events {
        let title = corpus
            .article(e.article)
            .map(|a| a.title.as_str())
            .unwrap_or("");
        out.push_str(&format!("- **{}** {} — *{}*\n", e.date, e.text, title));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DatePart;

    fn corpus(texts: &[&str]) -> Corpus {
        Corpus::from_texts(texts)
    }

    #[test]
    fn partial_dates_are_placed_between_full_dates() {
        let autumn = PartialDate::y(2024).with_part(DatePart::Autumn);
        let late_oct = PartialDate::ym(2024, 10).with_part(DatePart::Late);
        let order = [
            PartialDate::ymd(2024, 9, 30),
            autumn,
            PartialDate::ymd(2024, 10, 20),
            late_oct,
            PartialDate::ymd(2024, 11, 1),
        ];
        for w in order.windows(2) {
            assert!(w[0].sort_key() <= w[1].sort_key(), "{} !<= {}", w[0], w[1]);
        }
    }

    #[test]
    fn events_are_ordered_by_date_then_article() {
        let corpus = corpus(&[
            "Ein Bericht.\n\nEnde Oktober 2024 kamen Soldaten aus Nordkorea nach Russland. Im Juni 2024 unterzeichneten Russland und Nordkorea einen Vertrag.",
            "Eine Analyse.\n\nAm 3. Oktober 2024 traf Wladimir Putin in Moskau ein. Im Herbst 2024 wuchs die Sorge in Südkorea.",
        ]);
        let ev = events(&corpus);
        let dates: Vec<String> = ev.iter().map(|e| e.date.to_string()).collect();
        assert_eq!(
            dates,
            ["2024-06", "2024-10-03", "2024 (autumn)", "2024-10 (late)"],
            "{ev:#?}"
        );
        assert_eq!(ev[0].article, 0);
        assert!(ev[0].text.starts_with("Im Juni 2024"));
        let russia = filter_by_entity(&ev, "Russland");
        assert!(
            russia
                .iter()
                .all(|e| e.entities.contains(&"Russland".to_string()))
        );
        assert!(!russia.is_empty() && russia.len() < ev.len());
        let md = to_markdown(&ev, &corpus);
        assert!(md.contains("- **2024-06** Im Juni 2024"));
        assert_eq!(to_json(&ev, &corpus)[1]["date"], "2024-10-03");
    }

    #[test]
    fn year_less_dates_take_the_year_of_an_undated_article() {
        let corpus = corpus(&[
            "Ein Bericht aus dem Jahr 2024.\n\nAm 19. Juni unterzeichneten Russland und Nordkorea einen Vertrag.",
        ]);
        let ev = events(&corpus);
        assert!(
            ev.iter().any(|e| e.date == PartialDate::ymd(2024, 6, 19)),
            "{ev:#?}"
        );
    }
}
