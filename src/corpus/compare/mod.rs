//! Claim comparison across articles: claims from different articles that speak of the same
//! thing are grouped, figures that disagree are flagged, and independent sources are counted.
//!
//! Two claims from different articles are linked when they share an actor (a person,
//! organisation or place; capitals count as their country, see [`facts::METONYMS`]) and either
//! - both give a figure with the same normalised unit ([`units`]) whose ranges lie within a
//!   factor of [`MAGNITUDE_FACTOR`] of each other (an army's size is not a deployment), and one
//!   claim names the actor nearest to the other's figure, or
//! - both name a date with the same year and month (and the same day when both give one) and
//!   share an event keyword ([`keywords`]).
//!
//! Groups are the connected components of these links that span at least two articles. Vague
//! counts ("Tausende", "mehrere hundert") come from the extractor as order-of-magnitude ranges;
//! they link claims but are marked [`Figure::vague`] and never agree or disagree with anything.
//! Two figures are checked for disagreement only when they speak of the same period
//! ([`same_period`]): a figure from October and one from December may both be right.
//! Pure and deterministic; must not import `ratatui`, `crossterm` or `directories`.

pub mod chart;
pub mod svg;

pub mod facts;
pub mod keywords;
pub mod units;

use crate::corpus::entity_index::collapse_whitespace;
use crate::corpus::{Corpus, Entry};
use crate::model::{Analysis, PartialDate, Stance};
use facts::Facts;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};

/// Figures further apart than this factor are taken to measure different things.
pub const MAGNITUDE_FACTOR: f64 = 30.0;

/// Tolerance applied to approximate figures when checking for disagreement (±20%).
pub const APPROXIMATE_TOLERANCE: f64 = 0.2;

/// A figure as compared: bounds, unit as written, and whether it is approximate.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Lower bound.
    pub min: f64,
    /// Upper bound.
    pub max: f64,
    /// Unit as written in the claim.
    pub unit: String,
    /// True for "etwa", "rund", vague plurals and the like.
    pub approximate: bool,
    /// A vague count ("Tausende"): the bounds are only an order of magnitude.
    pub vague: bool,
    /// The quantity as written ("Tausende von nordkoreanischen Soldaten").
    pub written: String,
}

/// What a group has in common.
#[derive(Debug, Clone, PartialEq)]
pub enum Basis {
    /// Figures of the same normalised unit.
    Figure {
        /// Normalised unit ("soldiers").
        unit: String,
    },
    /// The same dated event.
    Event {
        /// The most precise date the members give.
        date: PartialDate,
        /// The shared event keyword ("unterzeichnen").
        keyword: String,
    },
}

/// One claim in a group.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// Index of the article.
    pub article: usize,
    /// Index of the claim in that article's analysis.
    pub claim_index: usize,
    /// The attribution as written, or "article" when the article asserts it itself.
    pub source: String,
    /// How firmly the claim is made.
    pub stance: Stance,
    /// The figure that put it in the group (figure groups only).
    pub figure: Option<Figure>,
    /// The date that put it in the group (event groups only).
    pub event_date: Option<PartialDate>,
    /// Publication date of the article.
    pub article_date: Option<PartialDate>,
    /// When the figure or event holds: the date the claim gives for it, else the article's
    /// publication date, else the latest date the article mentions; `None` when none is known.
    pub time: Option<PartialDate>,
    /// True when `time` is the latest date an undated article mentions (it was written then or
    /// later).
    pub time_estimated: bool,
}

/// Claims from different articles about the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimGroup {
    /// "Nordkorea · Soldaten" or "2024-06-19 · Nordkorea, Russland · unterzeichnen".
    pub topic: String,
    /// What the members share.
    pub basis: Basis,
    /// The actors most members name, most frequent first.
    pub entities: Vec<String>,
    /// Members ordered by article and claim.
    pub members: Vec<Member>,
    /// True when two precise figures about the same period do not overlap (approximate ones
    /// widened by ±20%).
    pub disagreement: bool,
    /// Distinct sources behind the best-supported figure (or behind the event): a named source
    /// counts once however many articles cite it; unattributed claims count once per article.
    pub independent_sources: usize,
}

impl ClaimGroup {
    /// Number of distinct articles among the members.
    pub fn article_count(&self) -> usize {
        self.members
            .iter()
            .map(|m| m.article)
            .collect::<BTreeSet<_>>()
            .len()
    }
}

/// A claim as a node of the link graph.
struct Node<'a> {
    article: usize,
    claim: usize,
    facts: Facts,
    analysis: &'a Analysis,
}

/// Groups the claims of a corpus; sorted by size, largest first, then by topic.
pub fn groups(corpus: &Corpus) -> Vec<ClaimGroup> {
    let mut nodes: Vec<Node> = Vec::new();
    for (ai, Entry { article, analysis }) in corpus.iter().enumerate() {
        let year = facts::reference_year(article, analysis);
        for (ci, claim) in analysis.claims.iter().enumerate() {
            let mut facts = facts::facts(article, analysis, claim, year);
            // Every link needs a shared actor and either figures or dates: a claim without
            // them stays alone, so it is not kept as a node (most claims of a large corpus).
            if facts.actors.is_empty() || (facts.figures.is_empty() && facts.dates.is_empty()) {
                continue;
            }
            // Grouping never reads the entity list, and reads keywords only to link dates.
            facts.entities = Vec::new();
            if facts.dates.is_empty() {
                facts.keywords = Vec::new();
            }
            nodes.push(Node {
                article: ai,
                claim: ci,
                facts,
                analysis,
            });
        }
    }
    let mut out = figure_groups(corpus, &nodes);
    out.extend(event_groups(corpus, &nodes));
    out.sort_by(|a, b| {
        b.members
            .len()
            .cmp(&a.members.len())
            .then_with(|| a.topic.cmp(&b.topic))
    });
    out
}

/// The index of the first group holding claim `claim_index` of article `article`.
pub fn group_of(groups: &[ClaimGroup], article: usize, claim_index: usize) -> Option<usize> {
    groups.iter().position(|g| {
        g.members
            .iter()
            .any(|m| m.article == article && m.claim_index == claim_index)
    })
}

/// Union-find over node indices.
struct Components(Vec<usize>);

impl Components {
    fn new(n: usize) -> Self {
        Components((0..n).collect())
    }
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
    /// Components with at least two members, each sorted, in order of their first member.
    fn sets(&mut self) -> Vec<Vec<usize>> {
        let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..self.0.len() {
            let r = self.find(i);
            by_root.entry(r).or_default().push(i);
        }
        by_root.into_values().filter(|s| s.len() > 1).collect()
    }
}

/// Distance between two ranges as a factor (1 when they overlap).
fn magnitude_gap(a: (f64, f64), b: (f64, f64)) -> f64 {
    let lo = a.0.max(b.0);
    let hi = a.1.min(b.1);
    if lo <= hi {
        return 1.0;
    }
    if hi <= 0.0 {
        return f64::INFINITY;
    }
    lo / hi
}

/// The range a figure covers when checking agreement: approximate figures widened by ±20%.
fn tolerant(f: &Figure) -> (f64, f64) {
    if f.approximate {
        (
            f.min * (1.0 - APPROXIMATE_TOLERANCE),
            f.max * (1.0 + APPROXIMATE_TOLERANCE),
        )
    } else {
        (f.min, f.max)
    }
}

/// True when the two figures' (tolerant) ranges overlap.
pub fn figures_agree(a: &Figure, b: &Figure) -> bool {
    let (a, b) = (tolerant(a), tolerant(b));
    a.0 <= b.1 && b.0 <= a.1
}

/// True when some two figures do not overlap.
pub fn has_disagreement(figures: &[&Figure]) -> bool {
    figures
        .iter()
        .enumerate()
        .any(|(i, a)| figures[i + 1..].iter().any(|b| !figures_agree(a, b)))
}

/// True when two times can describe the same state of affairs: both known, the same year, and
/// the same month when both give one. A figure of October and one of December are not compared.
pub fn same_period(a: Option<PartialDate>, b: Option<PartialDate>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a.year == b.year && (a.month.is_none() || b.month.is_none() || a.month == b.month)
        }
        _ => false,
    }
}

/// True when two members give precise figures for the same period that do not overlap.
pub fn members_disagree(a: &Member, b: &Member) -> bool {
    match (&a.figure, &b.figure) {
        (Some(x), Some(y)) => {
            !x.vague && !y.vague && same_period(a.time, b.time) && !figures_agree(x, y)
        }
        _ => false,
    }
}

fn figure_groups(corpus: &Corpus, nodes: &[Node]) -> Vec<ClaimGroup> {
    // One graph node per (claim, figure).
    let figs: Vec<(usize, usize)> = nodes
        .iter()
        .enumerate()
        .flat_map(|(ni, n)| (0..n.facts.figures.len()).map(move |fi| (ni, fi)))
        .collect();
    let mut comps = Components::new(figs.len());
    for (i, &(na, fa)) in figs.iter().enumerate() {
        for (j, &(nb, fb)) in figs.iter().enumerate().skip(i + 1) {
            let (a, b) = (&nodes[na], &nodes[nb]);
            let (x, y) = (&a.facts.figures[fa], &b.facts.figures[fb]);
            if a.article != b.article
                && x.key == y.key
                && magnitude_gap((x.min, x.max), (y.min, y.max)) <= MAGNITUDE_FACTOR
                && a.facts.shares_figure_actor(fa, &b.facts, fb)
            {
                comps.union(i, j);
            }
        }
    }
    let mut out = Vec::new();
    for set in comps.sets() {
        let mut members: Vec<(usize, usize)> = Vec::new(); // (node, figure)
        for &k in &set {
            let (ni, fi) = figs[k];
            if !members.iter().any(|(n, _)| *n == ni) {
                members.push((ni, fi));
            }
        }
        let key = nodes[members[0].0].facts.figures[members[0].1].key.clone();
        // Actors: one vote per member naming it, one more for the actor nearest the figure.
        let mut votes: BTreeMap<String, usize> = BTreeMap::new();
        let mut unit_forms: BTreeMap<String, usize> = BTreeMap::new();
        for &(ni, fi) in &members {
            let f = &nodes[ni].facts;
            let fig = &f.figures[fi];
            let named: BTreeSet<&String> = f.actors.iter().map(|(a, _)| a).collect();
            for a in named {
                *votes.entry(a.clone()).or_default() += 1;
            }
            if let Some(a) = f.nearest_actor(fi) {
                *votes.entry(a.to_string()).or_default() += 1;
            }
            let word = fig.unit.split_whitespace().last().unwrap_or("").to_string();
            *unit_forms.entry(word).or_default() += 1;
        }
        let entities = ranked(votes);
        let unit_form = ranked(unit_forms).into_iter().next().unwrap_or(key.clone());
        let topic = match entities.first() {
            Some(e) => format!("{e} · {unit_form}"),
            None => unit_form,
        };
        let built: Vec<Member> = members
            .iter()
            .map(|&(ni, fi)| {
                let facts = &nodes[ni].facts;
                let f = &facts.figures[fi];
                let mut m = member(corpus, &nodes[ni]);
                m.figure = Some(Figure {
                    min: f.min,
                    max: f.max,
                    unit: f.unit.clone(),
                    approximate: f.approximate,
                    vague: f.vague,
                    written: f.written.clone(),
                });
                // The claim's own date nearest the figure says when it holds.
                let nearest = facts
                    .dates
                    .iter()
                    .min_by_key(|(s, _)| {
                        f.span
                            .start
                            .saturating_sub(s.end)
                            .max(s.start.saturating_sub(f.span.end))
                    })
                    .map(|(_, d)| *d);
                m.time = nearest.or(m.article_date);
                if m.time.is_none() {
                    m.time = facts::latest_mentioned_date(nodes[ni].analysis);
                    m.time_estimated = m.time.is_some();
                }
                m
            })
            .collect();
        out.push(finish(
            topic,
            Basis::Figure { unit: key },
            entities,
            built,
            nodes,
        ));
    }
    out
}

/// Names ordered by votes (most first), ties by name.
fn ranked(votes: BTreeMap<String, usize>) -> Vec<String> {
    let mut v: Vec<(String, usize)> = votes.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.into_iter().map(|(k, _)| k).collect()
}

/// True when two dates name the same day or month: same year and month, and the same day
/// when both give one.
pub fn same_event_date(a: &PartialDate, b: &PartialDate) -> bool {
    a.year == b.year
        && a.month.is_some()
        && a.month == b.month
        && (a.day.is_none() || b.day.is_none() || a.day == b.day)
}

fn event_groups(corpus: &Corpus, nodes: &[Node]) -> Vec<ClaimGroup> {
    let mut comps = Components::new(nodes.len());
    // Per node: the dates and keywords that took part in a link.
    let mut used_dates: Vec<Vec<PartialDate>> = vec![Vec::new(); nodes.len()];
    let mut used_keywords: BTreeMap<(bool, String), usize> = BTreeMap::new();
    let mut linked_keywords: Vec<Vec<(bool, String)>> = vec![Vec::new(); nodes.len()];
    for (i, a) in nodes.iter().enumerate() {
        if a.facts.dates.is_empty() {
            continue;
        }
        for (j, b) in nodes.iter().enumerate().skip(i + 1) {
            if a.article == b.article || b.facts.dates.is_empty() {
                continue;
            }
            let pairs: Vec<(PartialDate, PartialDate)> = a
                .facts
                .dates
                .iter()
                .flat_map(|(_, x)| b.facts.dates.iter().map(move |(_, y)| (*x, *y)))
                .filter(|(x, y)| same_event_date(x, y))
                .collect();
            if pairs.is_empty() || !a.facts.shares_actor(&b.facts) {
                continue;
            }
            let shared: Vec<&keywords::Keyword> = a
                .facts
                .keywords
                .iter()
                .filter(|k| {
                    b.facts
                        .keywords
                        .iter()
                        .any(|l| keywords::keywords_match(k, l))
                })
                .collect();
            if shared.is_empty() {
                continue;
            }
            comps.union(i, j);
            for (x, y) in pairs {
                used_dates[i].push(x);
                used_dates[j].push(y);
            }
            for k in shared {
                let key = (k.known, k.label.clone());
                linked_keywords[i].push(key.clone());
                linked_keywords[j].push(key);
            }
        }
    }
    let mut out = Vec::new();
    for set in comps.sets() {
        let mut dates: Vec<PartialDate> = Vec::new();
        used_keywords.clear();
        let mut votes: BTreeMap<String, usize> = BTreeMap::new();
        for &n in &set {
            dates.extend(used_dates[n].iter().copied());
            let mut seen = BTreeSet::new();
            for k in &linked_keywords[n] {
                if seen.insert(k.clone()) {
                    *used_keywords.entry(k.clone()).or_default() += 1;
                }
            }
            let named: BTreeSet<&String> = nodes[n].facts.actors.iter().map(|(a, _)| a).collect();
            for a in named {
                *votes.entry(a.clone()).or_default() += 1;
            }
        }
        let Some(date) = best_date(&dates) else {
            continue;
        };
        // Known event lemmas first, then the keyword most members share.
        let keyword = used_keywords
            .iter()
            .max_by(|a, b| {
                (a.0.0, a.1)
                    .cmp(&(b.0.0, b.1))
                    .then_with(|| b.0.1.cmp(&a.0.1))
            })
            .map(|(k, _)| k.1.clone())
            .unwrap_or_default();
        let entities = ranked(votes);
        let names: Vec<&str> = entities.iter().take(2).map(String::as_str).collect();
        let topic = format!("{} · {} · {}", date.iso(), names.join(", "), keyword);
        let members: Vec<Member> = set
            .iter()
            .map(|&n| {
                let mut m = member(corpus, &nodes[n]);
                m.event_date = nodes[n]
                    .facts
                    .dates
                    .iter()
                    .map(|(_, d)| *d)
                    .find(|d| same_event_date(d, &date));
                m.time = m.event_date;
                m
            })
            .collect();
        out.push(finish(
            topic,
            Basis::Event { date, keyword },
            entities,
            members,
            nodes,
        ));
    }
    out
}

/// The most precise of the linking dates (a day before a month), then the most frequent, then
/// the earliest.
fn best_date(dates: &[PartialDate]) -> Option<PartialDate> {
    let mut counts: Vec<(PartialDate, usize)> = Vec::new();
    for d in dates {
        match counts.iter_mut().find(|(x, _)| x == d) {
            Some((_, n)) => *n += 1,
            None => counts.push((*d, 1)),
        }
    }
    counts
        .into_iter()
        .min_by(|(a, na), (b, nb)| {
            b.day
                .is_some()
                .cmp(&a.day.is_some())
                .then_with(|| nb.cmp(na))
                .then_with(|| a.sort_key().cmp(&b.sort_key()))
        })
        .map(|(d, _)| d)
}

fn member(corpus: &Corpus, node: &Node) -> Member {
    let claim = node.analysis.claims.get(node.claim);
    let source = claim
        .and_then(|c| c.attribution.as_ref())
        .map(|a| collapse_whitespace(&a.text))
        .unwrap_or_else(|| "article".to_string());
    Member {
        article: node.article,
        claim_index: node.claim,
        source,
        stance: claim.map(|c| c.stance).unwrap_or(Stance::Asserted),
        figure: None,
        event_date: None,
        article_date: corpus.article(node.article).and_then(|a| a.date),
        time: None,
        time_estimated: false,
    }
}

/// Identity of a member's source for counting independent sources: a named source by its
/// entity (else its normalised phrase, see [`crate::corpus::sources::source_key`]), so two articles
/// quoting the same ministry count once; an unnamed source or the article itself counts once
/// per article, since nothing shows that two articles' "Medienberichte" are the same.
fn source_key(nodes: &[Node], m: &Member) -> String {
    let attribution = nodes
        .iter()
        .find(|n| n.article == m.article && n.claim == m.claim_index)
        .and_then(|n| n.analysis.claims.get(n.claim))
        .and_then(|c| c.attribution.as_deref());
    match attribution
        .filter(|a| !a.unnamed)
        .and_then(crate::corpus::sources::source_key)
    {
        Some(crate::corpus::sources::SourceKey::Entity(c)) => format!("entity:{c}"),
        Some(crate::corpus::sources::SourceKey::Phrase(p)) => format!("named:{p}"),
        None => format!("article:{}", m.article),
    }
}

fn finish(
    topic: String,
    basis: Basis,
    entities: Vec<String>,
    mut members: Vec<Member>,
    nodes: &[Node],
) -> ClaimGroup {
    members.sort_by_key(|m| (m.article, m.claim_index));
    let precise: Vec<&Figure> = members
        .iter()
        .filter_map(|m| m.figure.as_ref())
        .filter(|f| !f.vague)
        .collect();
    let disagreement = members
        .iter()
        .enumerate()
        .any(|(i, a)| members[i + 1..].iter().any(|b| members_disagree(a, b)));
    let keys: Vec<String> = members.iter().map(|m| source_key(nodes, m)).collect();
    let independent_sources = if precise.is_empty() {
        keys.iter().collect::<BTreeSet<_>>().len()
    } else {
        // The precise figure with the most distinct sources agreeing with it.
        precise
            .iter()
            .map(|f| {
                members
                    .iter()
                    .zip(&keys)
                    .filter(|(o, _)| {
                        o.figure
                            .as_ref()
                            .is_some_and(|g| !g.vague && figures_agree(f, g))
                    })
                    .map(|(_, k)| k)
                    .collect::<BTreeSet<_>>()
                    .len()
            })
            .max()
            .unwrap_or(0)
    };
    ClaimGroup {
        topic,
        basis,
        entities,
        members,
        disagreement,
        independent_sources,
    }
}

/// A figure for display: "10.000–12.000 Soldaten (approx.)"; a vague count as written
/// ("Tausende Soldaten (vague)").
pub fn format_figure(f: &Figure) -> String {
    if f.vague {
        // "mehrere tausend neue Soldaten" is written without its unit next to it.
        return if f.written.contains(&f.unit) {
            format!("{} (vague)", f.written)
        } else {
            format!("{} {} (vague)", f.written, f.unit)
        };
    }
    format!(
        "{} {}{}",
        format_value(f),
        f.unit,
        if f.approximate { " (approx.)" } else { "" }
    )
}

/// The number or range of a precise figure, with German thousands: "10.000–12.000".
pub fn format_value(f: &Figure) -> String {
    let num = |v: f64| {
        let r = v.round();
        if (v - r).abs() < 1e-9 && r.abs() < 1e15 {
            group_thousands(r as i64)
        } else {
            format!("{v}")
        }
    };
    if (f.max - f.min).abs() < 1e-9 {
        num(f.min)
    } else {
        format!("{}–{}", num(f.min), num(f.max))
    }
}

/// An integer with German thousands separators: "12.000".
pub fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// The groups as JSON: an array of objects with topic, basis, flags and members (each with the
/// article's title and id and the claim's text).
pub fn to_json(groups: &[ClaimGroup], corpus: &Corpus) -> Value {
    let arr: Vec<Value> = groups
        .iter()
        .map(|g| {
            let basis = match &g.basis {
                Basis::Figure { unit } => json!({"kind": "figure", "unit": unit}),
                Basis::Event { date, keyword } => {
                    json!({"kind": "event", "date": date.iso(), "keyword": keyword})
                }
            };
            let members: Vec<Value> = g
                .members
                .iter()
                .map(|m| {
                    let article = corpus.article(m.article);
                    let text = corpus
                        .analysis(m.article)
                        .and_then(|a| a.claims.get(m.claim_index))
                        .map(|c| collapse_whitespace(&c.text));
                    json!({
                        "article": m.article,
                        "article_id": article.map(|a| a.id.0.clone()),
                        "title": article.map(|a| a.title.clone()),
                        "claim": m.claim_index,
                        "text": text,
                        "source": m.source,
                        "stance": m.stance.name(),
                        "figure": m.figure.as_ref().map(|f| json!({
                            "min": f.min, "max": f.max, "unit": f.unit, "approximate": f.approximate,
                            "vague": f.vague, "written": f.written
                        })),
                        "time": m.time.map(|d| d.iso()),
                        "time_estimated": m.time_estimated,
                        "event_date": m.event_date.map(|d| d.iso()),
                        "article_date": m.article_date.map(|d| d.iso()),
                    })
                })
                .collect();
            json!({
                "topic": g.topic,
                "basis": basis,
                "entities": g.entities,
                "articles": g.article_count(),
                "disagreement": g.disagreement,
                "independent_sources": g.independent_sources,
                "members": members,
            })
        })
        .collect();
    Value::Array(arr)
}

/// Escapes a table cell: pipes and line breaks would break the row.
fn cell(s: &str) -> String {
    collapse_whitespace(s).replace('|', "\\|")
}

/// The groups as Markdown: one section per group with a table of its members.
pub fn to_markdown(groups: &[ClaimGroup], corpus: &Corpus) -> String {
    let mut out = String::new();
    for g in groups {
        out.push_str(&format!("## {}\n\n", g.topic));
        out.push_str(&format!(
            "{} · {} article(s) · independent sources: {}\n\n",
            if g.disagreement {
                "**disagree**"
            } else {
                "agree"
            },
            g.article_count(),
            g.independent_sources
        ));
        out.push_str("| article | source | stance | figure | article date | claim |\n");
        out.push_str("| --- | --- | --- | --- | --- | --- |\n");
        for m in &g.members {
            let title = corpus
                .article(m.article)
                .map(|a| a.title.as_str())
                .unwrap_or("");
            let figure = match (&m.figure, &m.event_date) {
                (Some(f), _) => format_figure(f),
                (None, Some(d)) => d.to_string(),
                (None, None) => String::new(),
            };
            let text = corpus
                .analysis(m.article)
                .and_then(|a| a.claims.get(m.claim_index))
                .map(|c| c.text.as_str())
                .unwrap_or("");
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} |\n",
                cell(title),
                cell(&m.source),
                m.stance.name(),
                cell(&figure),
                m.article_date
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "—".into()),
                cell(text)
            ));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(min: f64, max: f64, approximate: bool) -> Figure {
        Figure {
            min,
            max,
            unit: "Soldaten".into(),
            approximate,
            vague: false,
            written: String::new(),
        }
    }

    fn corpus(texts: &[&str]) -> Corpus {
        Corpus::from_texts(texts)
    }

    #[test]
    fn ranges_that_do_not_overlap_disagree() {
        assert!(has_disagreement(&[
            &fig(1500.0, 1500.0, false),
            &fig(10000.0, 12000.0, false)
        ]));
        assert!(!has_disagreement(&[
            &fig(10000.0, 12000.0, false),
            &fig(10000.0, 10000.0, true)
        ]));
    }

    #[test]
    fn approximate_figures_get_twenty_percent_tolerance() {
        // "Tausende" (2,000..9,999, approximate) reaches 10,000 within 20%.
        assert!(figures_agree(
            &fig(2000.0, 9999.0, true),
            &fig(10000.0, 12000.0, false)
        ));
        assert!(!figures_agree(
            &fig(2000.0, 7000.0, true),
            &fig(10000.0, 12000.0, false)
        ));
        assert!(figures_agree(
            &fig(9000.0, 9000.0, true),
            &fig(10500.0, 10500.0, false)
        ));
        assert!(!figures_agree(
            &fig(9000.0, 9000.0, false),
            &fig(10500.0, 10500.0, false)
        ));
    }

    #[test]
    fn event_dates_match_at_day_or_month_precision() {
        let day = PartialDate::ymd(2024, 6, 19);
        assert!(same_event_date(&day, &PartialDate::ym(2024, 6)));
        assert!(!same_event_date(&day, &PartialDate::ymd(2024, 6, 20)));
        assert!(!same_event_date(
            &PartialDate::y(2024),
            &PartialDate::y(2024)
        ));
        assert!(!same_event_date(&day, &PartialDate::ym(2023, 6)));
    }

    #[test]
    fn figures_of_one_unit_from_different_articles_form_a_group() {
        let corpus = corpus(&[
            "Am 3. Oktober 2024 nannte der Bericht Zahlen.\n\nNordkorea hat 1.500 Soldaten nach Russland geschickt, hieß es am 3. Oktober 2024.",
            "Eine Analyse.\n\nNordkorea hat Ende Oktober 2024 etwa 12.000 Truppen an die Front entsandt.",
            "Ein Kommentar.\n\nNordkorea hat 40 Panzer nach Russland geliefert.",
        ]);
        let groups = groups(&corpus);
        assert_eq!(groups.len(), 1, "{groups:#?}");
        let g = &groups[0];
        assert_eq!(
            g.basis,
            Basis::Figure {
                unit: "soldiers".into()
            }
        );
        assert_eq!(g.article_count(), 2);
        assert!(g.disagreement);
        assert!(g.topic.starts_with("Nordkorea · "), "{}", g.topic);
        assert_eq!(group_of(&groups, 1, g.members[1].claim_index), Some(0));
        assert_eq!(group_of(&groups, 2, 0), None);
    }

    #[test]
    fn figures_of_different_months_or_vague_counts_do_not_disagree() {
        let corpus = corpus(&[
            "Ein Bericht.\n\nIm Oktober 2024 hat Nordkorea 1.500 Soldaten nach Russland geschickt.",
            "Eine Analyse.\n\nIm Dezember 2024 hatte Nordkorea 10.000 bis 12.000 Soldaten in Russland.",
            "Ein Kommentar.\n\nIm Oktober 2024 hat Nordkorea Tausende von Soldaten nach Russland geschickt.",
        ]);
        let groups = groups(&corpus);
        let figures: Vec<&ClaimGroup> = groups
            .iter()
            .filter(|g| matches!(g.basis, Basis::Figure { .. }))
            .collect();
        assert_eq!(figures.len(), 1, "{groups:#?}");
        let g = figures[0];
        assert_eq!(g.article_count(), 3);
        assert!(!g.disagreement, "{g:#?}");
        let vague: Vec<&Figure> = g
            .members
            .iter()
            .filter_map(|m| m.figure.as_ref())
            .filter(|f| f.vague)
            .collect();
        assert_eq!(vague.len(), 1, "{g:#?}");
        assert_eq!(format_figure(vague[0]), "Tausende von Soldaten (vague)");
        let times: Vec<Option<PartialDate>> = g.members.iter().map(|m| m.time).collect();
        assert!(
            times.contains(&Some(PartialDate::ym(2024, 10))),
            "{times:?}"
        );
    }

    #[test]
    fn figures_of_different_magnitude_stay_apart() {
        let corpus = corpus(&[
            "Ein Bericht.\n\nNordkoreas Armee hat 1,3 Millionen Soldaten.",
            "Eine Analyse.\n\nNordkorea hat 1.500 Soldaten nach Russland geschickt.",
        ]);
        assert!(groups(&corpus).is_empty());
    }

    #[test]
    fn the_same_dated_event_in_two_articles_forms_a_group() {
        let corpus = corpus(&[
            "Ein Bericht.\n\nAm 19. Juni 2024 unterzeichneten Russland und Nordkorea einen Vertrag.",
            "Eine Analyse.\n\nIm Juni 2024 wurde der Vertrag von Russland und Nordkorea unterzeichnet.",
            "Ein Kommentar.\n\nIm Juni 2024 besuchte Russland die Mongolei.",
        ]);
        let groups = groups(&corpus);
        assert_eq!(groups.len(), 1, "{groups:#?}");
        let g = &groups[0];
        assert_eq!(
            g.basis,
            Basis::Event {
                date: PartialDate::ymd(2024, 6, 19),
                keyword: "unterzeichnen".into()
            }
        );
        assert!(g.topic.starts_with("2024-06-19 · "), "{}", g.topic);
        assert!(!g.disagreement);
        assert_eq!(g.independent_sources, 2);
        let md = to_markdown(&groups, &corpus);
        assert!(md.contains("## 2024-06-19"));
        let js = to_json(&groups, &corpus);
        assert_eq!(js[0]["basis"]["keyword"], "unterzeichnen");
        assert_eq!(js[0]["members"].as_array().unwrap().len(), 2);
    }

    #[test]
    fn two_articles_quoting_the_same_ministry_are_one_independent_source() {
        use crate::model::{Attribution, Claim, ClaimKind, Span};
        let claim = |source: Option<(&str, Option<&str>, bool)>| Claim {
            span: Span::new(0, 1),
            text: "1.500 Soldaten".into(),
            kind: ClaimKind::Reported,
            attribution: source.map(|(text, canonical, unnamed)| {
                Box::new(Attribution {
                    text: text.into(),
                    canonical: canonical.map(Into::into),
                    unnamed,
                    span: None,
                    resolved_from: None,
                })
            }),
            stance: Stance::Attributed,
            entities: Vec::new(),
            quantities: Vec::new(),
            dates: Vec::new(),
        };
        let ministry = Some("Verteidigungsministerium");
        let analyses: Vec<Analysis> = [
            claim(Some(("das Ministerium", ministry, false))),
            claim(Some(("Verteidigungsministerium", ministry, false))),
            // No canonical entity: the same phrase, spelt differently, is still one source.
            claim(Some(("laut dem Generalstab", None, false))),
            claim(Some(("Generalstab", None, false))),
            // Unnamed sources and the articles' own assertions count once per article.
            claim(Some(("Medienberichten zufolge", None, true))),
            claim(Some(("Medienberichten zufolge", None, true))),
            claim(None),
        ]
        .into_iter()
        .map(|c| Analysis {
            mentions: Vec::new(),
            claims: vec![c],
            ..Default::default()
        })
        .collect();
        let nodes: Vec<Node> = analyses
            .iter()
            .enumerate()
            .map(|(article, analysis)| Node {
                article,
                claim: 0,
                facts: Facts::default(),
                analysis,
            })
            .collect();
        let members = |which: &[usize]| -> Vec<Member> {
            which
                .iter()
                .map(|&article| Member {
                    article,
                    claim_index: 0,
                    source: String::new(),
                    stance: Stance::Attributed,
                    figure: Some(fig(1500.0, 1500.0, false)),
                    event_date: None,
                    article_date: None,
                    time: None,
                    time_estimated: false,
                })
                .collect()
        };
        let count = |which: &[usize]| {
            finish(
                "t".into(),
                Basis::Figure {
                    unit: "soldiers".into(),
                },
                Vec::new(),
                members(which),
                &nodes,
            )
            .independent_sources
        };
        assert_eq!(count(&[0, 1]), 1);
        assert_eq!(count(&[2, 3]), 1);
        assert_eq!(count(&[0, 1, 2, 3]), 2);
        assert_eq!(count(&[4, 5]), 2);
        assert_eq!(count(&[0, 4, 6]), 3);
    }

    #[test]
    fn figures_format_with_german_thousands() {
        assert_eq!(
            format_figure(&fig(10000.0, 12000.0, false)),
            "10.000–12.000 Soldaten"
        );
        assert_eq!(
            format_figure(&fig(1500.0, 1500.0, true)),
            "1.500 Soldaten (approx.)"
        );
    }
}
