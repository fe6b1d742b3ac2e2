//! Evaluation: PER/LOC/ORG strict-span P/R/F1 on GermEval 2014 dev (OTH, `*deriv` and `*part`
//! count as outside), for the full system and for the tagger alone, plus the seeds' gold scores
//! (entities, claims, source, stance).
//!
//! The shipped model is trained on all of dev, so it cannot be scored on dev. Instead the same
//! training recipe (`common/germeval.rs`) is run in-process: 5-fold cross-validation (train on
//! four fifths by sentence index % 5 plus the extra corpora of `EXTRA_TRAIN`, by default those
//! of the shipped recipe, score the fifth with that model swapped into the whole extractor), pooled
//! over the five folds; the fold-4 part is printed on its own too.
//! With `DEV_FOLD=3` only fold 3 is scored, by a model trained on folds 0-2 (fold 4 untouched):
//! the setting for tuning; `DEV_FOLD=9` does that for each of folds 0-3 and pools the scores.
//! `SEEDS_PER_FOLD=1` also prints the seeds' entity scores with each fold's model (how much the
//! seeds depend on one training run).
//!
//! `cargo run --release --example eval [GERMEVAL_TSV]`

#[path = "common/germeval.rs"]
mod germeval;
#[path = "../tests/common/gold.rs"]
mod gold;

use dossier::extract::{analyze, tagger};
use dossier::model::{Article, ArticleId, Block, BlockKind, EntityKind, Span};

#[derive(Default)]
struct Prf {
    tp: usize,
    np: usize,
    ng: usize,
}

impl Prf {
    fn f1(&self) -> f64 {
        let p = self.tp as f64 / self.np.max(1) as f64;
        let r = self.tp as f64 / self.ng.max(1) as f64;
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }

    fn line(&self, name: &str) -> String {
        let p = self.tp as f64 / self.np.max(1) as f64;
        let r = self.tp as f64 / self.ng.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        format!(
            "{name:<22} P {p:.3}  R {r:.3}  F1 {f:.3}   (tp {} pred {} gold {})",
            self.tp, self.np, self.ng
        )
    }
}

fn article_of(tokens: &[String]) -> (Article, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut offs = Vec::new();
    for t in tokens {
        if !text.is_empty() {
            text.push(' ');
        }
        offs.push((text.len(), text.len() + t.len()));
        text.push_str(t);
    }
    let body = vec![Block {
        kind: BlockKind::Paragraph,
        span: Span::new(0, text.len()),
    }];
    let a = Article::untitled(ArticleId("0".into()), text, body);
    (a, offs)
}

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| germeval::DEV.to_string());
    match std::fs::read_to_string(&path) {
        Ok(text) => germeval_scores(&text),
        Err(e) => println!("GermEval file {path} unreadable ({e}); skipping"),
    }
    println!();
    gold::print_scores();
    Ok(())
}

/// Full-system scores (all, PER, LOC, ORG) and the tagger-alone score of some sentences.
struct Scores {
    full: [Prf; 4],
    alone: Prf,
    sentences: usize,
}

impl Scores {
    fn new() -> Self {
        Scores {
            full: Default::default(),
            alone: Prf::default(),
            sentences: 0,
        }
    }

    fn add(&mut self, o: &Scores) {
        for (a, b) in self.full.iter_mut().zip(&o.full) {
            a.tp += b.tp;
            a.np += b.np;
            a.ng += b.ng;
        }
        self.alone.tp += o.alone.tp;
        self.alone.np += o.alone.np;
        self.alone.ng += o.alone.ng;
        self.sentences += o.sentences;
    }

    fn print(&self, title: &str) {
        println!(
            "{title} ({} sentences), strict spans, outer column:",
            self.sentences
        );
        println!("{}", self.full[0].line("full system PER+LOC+ORG"));
        println!("{}", self.full[1].line("  PER"));
        println!("{}", self.full[2].line("  LOC"));
        println!("{}", self.full[3].line("  ORG"));
        println!("{}", self.alone.line("tagger alone"));
    }
}

fn germeval_scores(text: &str) {
    let all = germeval::parse(text);
    // Extra corpora (`EXTRA_TRAIN`) join every fold's training part, never its scored part.
    let extra = germeval::extra();
    if !extra.is_empty() {
        println!("extra training sentences: {}", extra.len());
    }
    let fold_of = |i: usize| i % 5;
    if let Some(dev) = germeval::dev_fold() {
        // Tuning: train without the dev fold and without fold 4, score the dev fold.
        // `DEV_FOLD=9` does this for each of folds 0-3 and pools the scores.
        let devs: Vec<usize> = if dev == 9 {
            (0..4).collect()
        } else {
            vec![dev]
        };
        let mut pooled = Scores::new();
        for &dev in &devs {
            let train: Vec<&germeval::Sentence> = all
                .iter()
                .enumerate()
                .filter(|(i, _)| fold_of(*i) != dev && fold_of(*i) != 4)
                .map(|(_, s)| s)
                .chain(&extra)
                .collect();
            let model = germeval::train(&train, germeval::epochs(), false);
            let test: Vec<&germeval::Sentence> = all
                .iter()
                .enumerate()
                .filter(|(i, _)| fold_of(*i) == dev)
                .map(|(_, s)| s)
                .collect();
            let sc = tagger::with_model(&model, || score(&test));
            pooled.add(&sc);
        }
        let which = if dev == 9 {
            "folds 0-3 each scored (pooled), trained on the other three".to_string()
        } else {
            format!("fold {dev} scored, trained on the folds other than {dev} and 4")
        };
        pooled.print(&format!("GermEval 2014 dev, {which}"));
        return;
    }
    let t0 = std::time::Instant::now();
    let mut pooled = Scores::new();
    let mut fold4 = Scores::new();
    for k in 0..5 {
        let train: Vec<&germeval::Sentence> = all
            .iter()
            .enumerate()
            .filter(|(i, _)| fold_of(*i) != k)
            .map(|(_, s)| s)
            .chain(&extra)
            .collect();
        let test: Vec<&germeval::Sentence> = all
            .iter()
            .enumerate()
            .filter(|(i, _)| fold_of(*i) == k)
            .map(|(_, s)| s)
            .collect();
        let model = germeval::train(&train, germeval::epochs(), false);
        let sc = tagger::with_model(&model, || score(&test));
        if std::env::var("SEEDS_PER_FOLD").is_ok() {
            let g = tagger::with_model(&model, || gold::score(std::path::Path::new(".")));
            if let Some(g) = g {
                println!(
                    "seeds with fold-{k} model: entities F1 {:.3}",
                    g.entities.f1()
                );
                for (kk, prf) in &g.per_kind {
                    println!("   {} {:.3}", kk.name(), prf.f1());
                }
            }
        }
        println!(
            "fold {k}: full system F1 {:.3}, tagger alone F1 {:.3}",
            sc.full[0].f1(),
            sc.alone.f1()
        );
        if k == 4 {
            fold4.add(&sc);
        }
        pooled.add(&sc);
    }
    println!(
        "(5 trainings of the shipped recipe in {:.1} s)",
        t0.elapsed().as_secs_f64()
    );
    println!();
    pooled.print(
        "GermEval 2014 dev, 5-fold cross-validation (sentence index % 5), pooled over the folds",
    );
    println!();
    fold4
        .print("GermEval 2014 dev, fold 4 (index % 5 == 4) scored by a model trained on folds 0-3");
}

fn score(sents: &[&germeval::Sentence]) -> Scores {
    let mut sc = Scores::new();
    for s in sents {
        sc.sentences += 1;
        let gold = germeval::spans(&s.tags);
        let strs: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        let t = germeval::spans(&tagger::tag_words(&strs));
        sc.alone.tp += t.iter().filter(|p| gold.contains(p)).count();
        sc.alone.np += t.len();
        sc.alone.ng += gold.len();
        let (article, offs) = article_of(&s.tokens);
        let analysis = analyze(&article);
        let mut pred = Vec::new();
        for m in &analysis.mentions {
            let k = match m.kind {
                EntityKind::Person => 1,
                EntityKind::Place => 2,
                EntityKind::Organization => 3,
                _ => continue,
            };
            if m.derived {
                continue;
            }
            let a = offs.iter().position(|o| o.0 == m.span.start);
            let b = offs.iter().position(|o| o.1 == m.span.end);
            if let (Some(a), Some(b)) = (a, b) {
                pred.push((a, b + 1, k));
            }
        }
        if std::env::var("VERBOSE").is_ok() {
            let name = |x: &(usize, usize, u8)| {
                format!(
                    "{}:{}",
                    ["", "PER", "LOC", "ORG"][x.2 as usize],
                    s.tokens[x.0..x.1].join(" ")
                )
            };
            for p in pred.iter().filter(|p| !gold.contains(p)) {
                let by_tagger = if t.contains(p) { "tagger" } else { "rules" };
                println!("FP {} {}", by_tagger, name(p));
            }
            for g in gold.iter().filter(|g| !pred.contains(g)) {
                println!("FN {}", name(g));
            }
        }
        for k in 1..=3u8 {
            let p: Vec<_> = pred.iter().filter(|x| x.2 == k).collect();
            let g: Vec<_> = gold.iter().filter(|x| x.2 == k).collect();
            let tp = p.iter().filter(|x| g.contains(x)).count();
            for idx in [0, k as usize] {
                sc.full[idx].tp += tp;
                sc.full[idx].np += p.len();
                sc.full[idx].ng += g.len();
            }
        }
    }
    sc
}
