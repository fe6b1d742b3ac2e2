//! Gold annotations of the seeds (`tests/gold/*.json`, made from `scripts/gold/*.txt`) and their
//! scores; shared by the gold test and the eval example.
//!
//! Entities: each gold surface stands for all of its occurrences in the body blocks (bounded by
//! non-alphanumeric characters, longest surface first, no overlaps); scored strictly on span and
//! kind. Canonical names: pairwise "same entity" links among matched mentions. Claims: a gold
//! claim matches the first unmatched predicted claim whose text starts with the gold start.

#![allow(dead_code)]

use dossier::extract::analyze_corpus;
use dossier::model::{Article, BlockKind, Claim, EntityKind};
use serde::Deserialize;
use std::collections::HashSet;
use std::path::Path;

#[derive(Deserialize)]
struct GoldEntity {
    text: String,
    kind: String,
    canonical: String,
}

#[derive(Deserialize)]
struct GoldClaim {
    start: String,
    kind: String,
    stance: String,
    source: Option<String>,
}

#[derive(Deserialize)]
struct Gold {
    file: String,
    entities: Vec<GoldEntity>,
    claims: Vec<GoldClaim>,
}

/// Counts behind one precision/recall/F1 figure.
#[derive(Default, Clone, Copy, Debug)]
pub struct Prf {
    pub tp: usize,
    pub pred: usize,
    pub gold: usize,
}

impl Prf {
    pub fn p(&self) -> f64 {
        self.tp as f64 / self.pred.max(1) as f64
    }
    pub fn r(&self) -> f64 {
        self.tp as f64 / self.gold.max(1) as f64
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
    fn line(&self, name: &str) -> String {
        format!(
            "{name:<28} P {:.3}  R {:.3}  F1 {:.3}   (tp {} pred {} gold {})",
            self.p(),
            self.r(),
            self.f1(),
            self.tp,
            self.pred,
            self.gold
        )
    }
}

/// All seed gold scores.
#[derive(Default, Debug)]
pub struct Scores {
    pub entities: Prf,
    pub per_kind: Vec<(EntityKind, Prf)>,
    pub canonical_links: Prf,
    pub claims: Prf,
    pub kind_right: usize,
    pub source_found: usize,
    pub source_total: usize,
    pub stance_right: usize,
    pub matched: usize,
}

impl Scores {
    pub fn source_accuracy(&self) -> f64 {
        self.source_found as f64 / self.source_total.max(1) as f64
    }
    pub fn stance_accuracy(&self) -> f64 {
        self.stance_right as f64 / self.matched.max(1) as f64
    }
    pub fn kind_accuracy(&self) -> f64 {
        self.kind_right as f64 / self.matched.max(1) as f64
    }
}

fn kind_of(s: &str) -> Option<EntityKind> {
    EntityKind::ALL.iter().copied().find(|k| k.name() == s)
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn words(s: &str) -> HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1)
        .map(str::to_lowercase)
        .collect()
}

/// Loads the seeds with gold files, parses them with ingestion and scores the extraction.
pub fn score(root: &Path) -> Option<Scores> {
    let dir = root.join("tests/gold");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    let mut golds = Vec::new();
    let mut articles: Vec<Article> = Vec::new();
    for p in &names {
        let g: Gold = serde_json::from_str(&std::fs::read_to_string(p).ok()?).ok()?;
        let text = std::fs::read_to_string(root.join(&g.file)).ok()?;
        articles.push(dossier::ingest::parse_article(&g.file, &text));
        golds.push(g);
    }
    let analyses = analyze_corpus(&articles);
    let mut s = Scores::default();
    let mut kinds: Vec<(EntityKind, Prf)> = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Misc,
    ]
    .iter()
    .map(|k| (*k, Prf::default()))
    .collect();
    // (article, gold canonical, system canonical) of matched mentions.
    let mut matched_canon: Vec<(usize, String, String)> = Vec::new();
    for (ai, (g, (a, an))) in golds.iter().zip(articles.iter().zip(&analyses)).enumerate() {
        // Gold spans.
        let mut surfaces: Vec<&GoldEntity> = g.entities.iter().collect();
        surfaces.sort_by_key(|e| std::cmp::Reverse(e.text.len()));
        let mut gold: Vec<(usize, usize, EntityKind, String)> = Vec::new();
        for b in a.body.iter().filter(|b| b.kind != BlockKind::Reference) {
            let bt = a.block_text(b);
            for e in &surfaces {
                let Some(kind) = kind_of(&e.kind) else {
                    continue;
                };
                let mut from = 0;
                while let Some(p) = bt[from..].find(e.text.as_str()) {
                    let st = from + p;
                    let en = st + e.text.len();
                    from = en;
                    let before = bt[..st]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric);
                    let after = bt[en..].chars().next().is_some_and(char::is_alphanumeric);
                    let (gs, ge) = (b.span.start + st, b.span.start + en);
                    if before || after || gold.iter().any(|x| x.0 < ge && gs < x.1) {
                        continue;
                    }
                    gold.push((gs, ge, kind, e.canonical.clone()));
                }
            }
        }
        let pred: Vec<_> = an
            .mentions
            .iter()
            .filter(|m| {
                matches!(
                    m.kind,
                    EntityKind::Person
                        | EntityKind::Organization
                        | EntityKind::Place
                        | EntityKind::Misc
                )
            })
            .collect();
        s.entities.gold += gold.len();
        s.entities.pred += pred.len();
        for (k, prf) in kinds.iter_mut() {
            prf.gold += gold.iter().filter(|x| x.2 == *k).count();
            prf.pred += pred.iter().filter(|m| m.kind == *k).count();
        }
        for m in &pred {
            if let Some(x) = gold
                .iter()
                .find(|x| x.0 == m.span.start && x.1 == m.span.end && x.2 == m.kind)
            {
                s.entities.tp += 1;
                if let Some((_, prf)) = kinds.iter_mut().find(|(k, _)| *k == m.kind) {
                    prf.tp += 1;
                }
                matched_canon.push((ai, x.3.clone(), m.canonical.clone()));
            }
        }
        // Claims.
        let mut used = vec![false; an.claims.len()];
        s.claims.gold += g.claims.len();
        s.claims.pred += an.claims.len();
        for gc in &g.claims {
            let start = norm(&gc.start);
            let hit = an
                .claims
                .iter()
                .enumerate()
                .find(|(i, c)| !used[*i] && norm(&c.text).starts_with(&start));
            let Some((i, c)) = hit else { continue };
            used[i] = true;
            s.claims.tp += 1;
            s.matched += 1;
            if c.kind.name() == gc.kind {
                s.kind_right += 1;
            }
            if c.stance.name() == gc.stance {
                s.stance_right += 1;
            }
            if let Some(src) = &gc.source {
                s.source_total += 1;
                if source_found(c, src) {
                    s.source_found += 1;
                }
            }
        }
    }
    // Pairwise canonical links across the corpus.
    for i in 0..matched_canon.len() {
        for j in i + 1..matched_canon.len() {
            let gs = matched_canon[i].1 == matched_canon[j].1;
            let ss = matched_canon[i].2 == matched_canon[j].2;
            if gs {
                s.canonical_links.gold += 1;
            }
            if ss {
                s.canonical_links.pred += 1;
            }
            if gs && ss {
                s.canonical_links.tp += 1;
            }
        }
    }
    s.per_kind = kinds;
    Some(s)
}

/// True when the predicted attribution covers at least half of the gold source's words.
fn source_found(c: &Claim, gold_source: &str) -> bool {
    let Some(a) = &c.attribution else {
        return false;
    };
    let g = words(gold_source);
    let p = words(&a.text);
    if g.is_empty() {
        return false;
    }
    g.iter().filter(|w| p.contains(*w)).count() * 2 >= g.len()
}

/// Prints gold claims whose source, stance or kind the system gets wrong, and unmatched ones.
pub fn print_diffs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut articles = Vec::new();
    let mut golds = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(root.join("tests/gold"))
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    names.sort();
    for p in names {
        let Ok(t) = std::fs::read_to_string(&p) else {
            continue;
        };
        let Ok(g) = serde_json::from_str::<Gold>(&t) else {
            continue;
        };
        let Ok(text) = std::fs::read_to_string(root.join(&g.file)) else {
            continue;
        };
        articles.push(dossier::ingest::parse_article(&g.file, &text));
        golds.push(g);
    }
    let analyses = analyze_corpus(&articles);
    for (g, an) in golds.iter().zip(&analyses) {
        let mut used = vec![false; an.claims.len()];
        for gc in &g.claims {
            let start = norm(&gc.start);
            match an
                .claims
                .iter()
                .enumerate()
                .find(|(i, c)| !used[*i] && norm(&c.text).starts_with(&start))
            {
                None => println!("MISS {} | {}", gc.kind, gc.start),
                Some((i, c)) => {
                    used[i] = true;
                    let src_ok = gc.source.as_ref().is_none_or(|s| source_found(c, s));
                    if !src_ok || c.stance.name() != gc.stance || c.kind.name() != gc.kind {
                        println!(
                            "DIFF gold {}/{}/{:?} sys {}/{}/{:?} | {}",
                            gc.kind,
                            gc.stance,
                            gc.source,
                            c.kind.name(),
                            c.stance.name(),
                            c.attribution.as_ref().map(|a| a.text.clone()),
                            c.text.chars().take(150).collect::<String>()
                        );
                    }
                }
            }
        }
        for (i, c) in an.claims.iter().enumerate() {
            if !used[i] {
                println!(
                    "EXTRA {} | {}",
                    c.kind.name(),
                    c.text.chars().take(120).collect::<String>()
                );
            }
        }
    }
}

/// Prints the seeds' gold scores.
pub fn print_scores() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let Some(s) = score(root) else {
        println!("seed gold: tests/gold unreadable");
        return;
    };
    println!("Seeds gold (tests/gold, 5 articles):");
    println!("{}", s.entities.line("entities strict (span+kind)"));
    for (k, prf) in &s.per_kind {
        println!("{}", prf.line(&format!("  {}", k.name())));
    }
    println!("{}", s.canonical_links.line("canonical same-entity links"));
    println!("{}", s.claims.line("claim sentences"));
    println!(
        "claim kind accuracy          {:.3} ({} / {} matched)",
        s.kind_accuracy(),
        s.kind_right,
        s.matched
    );
    println!(
        "source found                 {:.3} ({} / {} attributed gold claims matched)",
        s.source_accuracy(),
        s.source_found,
        s.source_total
    );
    println!(
        "stance accuracy              {:.3} ({} / {} matched)",
        s.stance_accuracy(),
        s.stance_right,
        s.matched
    );
}
