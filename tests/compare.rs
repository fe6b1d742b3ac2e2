//! Acceptance of claim comparison and the timeline on the bundled corpus.

use dossier::corpus::Corpus;
use dossier::corpus::compare::{self, Basis, ClaimGroup};
use dossier::corpus::entity_index::{EntityIndex, SortBy, kwic};
use dossier::corpus::timeline;
use dossier::model::{Article, DatePart, PartialDate};
use std::collections::BTreeSet;
use std::sync::OnceLock;

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(Corpus::bundled)
}

fn groups() -> Vec<ClaimGroup> {
    compare::groups(corpus())
}

fn claim_text(article: usize, claim: usize) -> String {
    corpus()[article].analysis.claims[claim].text.clone()
}

#[test]
fn treaty_signing_on_19_june_2024_is_one_group_from_three_articles() {
    let gs = groups();
    let signing: Vec<&ClaimGroup> = gs
        .iter()
        .filter(|g| {
            matches!(&g.basis, Basis::Event { date, keyword }
                if date.year == 2024 && date.month == Some(6) && keyword == "unterzeichnen")
        })
        .collect();
    assert_eq!(signing.len(), 1, "{gs:#?}");
    let g = signing[0];
    assert!(matches!(g.basis, Basis::Event { date, .. } if date == PartialDate::ymd(2024, 6, 19)));
    assert!(g.topic.starts_with("2024-06-19 · "), "{}", g.topic);
    assert!(g.article_count() >= 3, "{g:#?}");
    for m in &g.members {
        let t = claim_text(m.article, m.claim_index).to_lowercase();
        assert!(t.contains("unterzeichn"), "{t}");
    }
    // Every claim that speaks of the June 2024 signing lands in this one group.
    for (ai, an) in corpus().analyses().enumerate() {
        for (ci, c) in an.claims.iter().enumerate() {
            if c.text.contains("Juni 2024 unterzeichneten") {
                assert_eq!(
                    compare::group_of(&gs, ai, ci).map(|i| &gs[i].topic),
                    Some(&g.topic)
                );
            }
        }
    }
}

#[test]
fn north_korean_soldiers_sent_are_one_group_over_three_articles_without_a_false_disagreement() {
    let gs = groups();
    let soldiers: Vec<&ClaimGroup> = gs
        .iter()
        .filter(|g| matches!(&g.basis, Basis::Figure { unit } if unit == "soldiers"))
        .collect();
    assert_eq!(soldiers.len(), 1, "{gs:#?}");
    let g = soldiers[0];
    assert_eq!(g.topic, "Nordkorea · Soldaten");
    assert!(g.article_count() >= 3);
    // The 1,500 of the intelligence report and the later 10,000-12,000 are not about the same
    // period (neither article gives one), and "Tausende" is vague: nothing to disagree with.
    assert!(!g.disagreement, "{g:#?}");
    assert!(
        g.members
            .iter()
            .filter_map(|m| m.figure.as_ref())
            .any(|f| f.vague && f.written.starts_with("Tausende")),
        "{g:#?}"
    );
    let figures: Vec<(f64, f64)> = g
        .members
        .iter()
        .filter_map(|m| m.figure.as_ref().map(|f| (f.min, f.max)))
        .collect();
    assert!(figures.contains(&(1500.0, 1500.0)), "{figures:?}");
    assert!(figures.contains(&(10000.0, 12000.0)), "{figures:?}");
    assert!(figures.contains(&(2000.0, 9999.0)), "Tausende: {figures:?}");
    // The army's total strength (1,32 Millionen) is a different quantity.
    assert!(figures.iter().all(|(_, max)| *max < 1e6));
    // The intelligence service's 1.500 and the analysis' 10.000-12.000 do not agree, so no
    // precise figure has two sources behind it.
    assert!(g.independent_sources >= 1);
    let attributed = g
        .members
        .iter()
        .find(|m| m.figure.as_ref().is_some_and(|f| f.min == 1500.0));
    assert_eq!(
        attributed.map(|m| m.source.as_str()),
        Some("Der südkoreanische Geheimdienst")
    );
}

#[test]
fn groups_are_sorted_by_size_then_topic_and_deterministic() {
    let gs = groups();
    assert_eq!(gs, groups());
    for w in gs.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        assert!(
            a.members.len() > b.members.len()
                || (a.members.len() == b.members.len() && a.topic <= b.topic)
        );
    }
    for g in &gs {
        assert!(g.article_count() >= 2, "{g:#?}");
    }
}

#[test]
fn outputs_render_every_group() {
    let gs = groups();
    let md = compare::to_markdown(&gs, corpus());
    assert_eq!(
        md.matches("\n## ").count() + usize::from(md.starts_with("## ")),
        gs.len()
    );
    assert!(md.contains("| article | source | stance | figure | article date |"));
    assert!(
        md.contains("Tausende von nordkoreanischen Soldaten (vague)"),
        "{md}"
    );
    assert!(!md.contains("2.000–9.999"), "{md}");
    let js = compare::to_json(&gs, corpus());
    assert_eq!(js.as_array().map(Vec::len), Some(gs.len()));
    assert!(
        js.as_array()
            .unwrap()
            .iter()
            .flat_map(|g| g["members"].as_array().cloned().unwrap_or_default())
            .any(|m| m["figure"]["vague"] == true)
    );
    let charts: Vec<_> = gs.iter().map(compare::chart::chart).collect();
    let svg = compare::svg::to_svg(&charts);
    assert_eq!(svg.matches("font-size=\"15\"").count(), gs.len());
    assert!(svg.contains("Tausende"));
}

#[test]
fn timeline_has_ten_ordered_events_from_four_articles() {
    let ev = timeline::events(corpus());
    assert!(ev.len() >= 10, "{}", ev.len());
    let articles: BTreeSet<usize> = ev.iter().map(|e| e.article).collect();
    assert!(articles.len() >= 4, "{articles:?}");
    for w in ev.windows(2) {
        assert!(
            w[0].date.sort_key() <= w[1].date.sort_key(),
            "{} > {}",
            w[0].date,
            w[1].date
        );
    }
    let pos = |pred: &dyn Fn(&PartialDate) -> bool| ev.iter().position(|e| pred(&e.date));
    // "Herbst 2024" after September 2024 and before November 2024.
    let autumn = pos(&|d| d.part == Some(DatePart::Autumn) && d.year == 2024).unwrap();
    let september = pos(&|d| *d == PartialDate::ym(2024, 9)).unwrap();
    let november = pos(&|d| d.year == 2024 && d.month == Some(11)).unwrap();
    assert!(september < autumn && autumn < november);
    // "Ende Oktober 2024" after the autumn and after early October, before November.
    let late_oct = pos(&|d| *d == PartialDate::ym(2024, 10).with_part(DatePart::Late)).unwrap();
    assert!(autumn < late_oct && late_oct < november);
    // "19. Juni 2024" between "März 2024" and "6. August 2024"; years before them all.
    let signing = pos(&|d| *d == PartialDate::ymd(2024, 6, 19)).unwrap();
    let march = pos(&|d| *d == PartialDate::ym(2024, 3)).unwrap();
    let august = pos(&|d| *d == PartialDate::ymd(2024, 8, 6)).unwrap();
    assert!(march < signing && signing < august);
    assert_eq!(ev[0].date, PartialDate::y(1953));
    // The publication date of the first article is not an event.
    assert!(!ev.iter().any(|e| e.date == PartialDate::ymd(2025, 1, 17)));
    let md = timeline::to_markdown(&ev, corpus());
    assert!(md.contains("**2024-06-19**"));
    assert_eq!(
        timeline::to_json(&ev, corpus()).as_array().map(Vec::len),
        Some(ev.len())
    );
}

#[test]
fn timeline_filters_by_entity() {
    let ev = timeline::events(corpus());
    let china = timeline::filter_by_entity(&ev, "China");
    assert!(!china.is_empty() && china.len() < ev.len());
    assert!(
        china
            .iter()
            .all(|e| e.entities.iter().any(|c| c == "China"))
    );
}

#[test]
fn entity_index_covers_the_corpus() {
    let corpus = corpus();
    let a: Vec<&Article> = corpus.articles().collect();
    let mut index = EntityIndex::build(corpus);
    let nk = index.get("Nordkorea").unwrap().clone();
    assert_eq!(nk.article_count, a.len());
    assert!(nk.spellings.len() >= 3, "{:?}", nk.spellings);
    index.sort(SortBy::Mentions);
    assert!(index.entries()[0].mention_count >= index.entries()[1].mention_count);
    assert!(!index.filter(None, "pjongjang").is_empty());
    let m = nk.mentions[0];
    let (_, hit, _) = kwic(a[m.article], m.span, 30);
    assert_eq!(
        hit,
        a[m.article]
            .slice(m.span)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    );
}
