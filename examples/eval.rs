//! Evaluation: PER/LOC/ORG strict-span P/R/F1 on the held-out fifth of GermEval 2014 dev
//! (sentence index % 5 == 4; OTH, `*deriv` and `*part` count as outside), for the full system and
//! for the tagger alone, plus the seeds' gold scores (entities, claims, source, stance).
//!
//! `cargo run --release --example eval [GERMEVAL_TSV]`

#[path = "common/germeval.rs"]
mod germeval;
#[path = "../tests/common/gold.rs"]
mod gold;

use dossier::extract::{analyze, tagger};
use dossier::model::{Article, ArticleId, Block, BlockKind, EntityKind, Lang, Span};

#[derive(Default)]
struct Prf {
    tp: usize,
    np: usize,
    ng: usize,
}

impl Prf {
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
    let a = Article {
        id: ArticleId("0".into()),
        source: String::new(),
        title: String::new(),
        authors: vec![],
        outlet: None,
        date: None,
        lang: Lang::De,
        doi: None,
        url: None,
        text,
        body,
        references: vec![],
    };
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

fn germeval_scores(text: &str) {
    let all = germeval::parse(text);
    let mut full = [
        Prf::default(),
        Prf::default(),
        Prf::default(),
        Prf::default(),
    ];
    let mut alone = Prf::default();
    let mut sentences = 0;
    for (i, s) in all.iter().enumerate() {
        if !germeval::is_scored(i) {
            continue;
        }
        sentences += 1;
        let gold = germeval::spans(&s.tags);
        let strs: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        let t = germeval::spans(&tagger::tag_words(&strs));
        alone.tp += t.iter().filter(|p| gold.contains(p)).count();
        alone.np += t.len();
        alone.ng += gold.len();
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
                full[idx].tp += tp;
                full[idx].np += p.len();
                full[idx].ng += g.len();
            }
        }
    }
    println!(
        "GermEval 2014 dev, fold {} ({sentences} sentences)",
        germeval::dev_fold().unwrap_or(4)
    );
    println!(
        "(fold 4 = the held-out fifth never used for training or tuning), strict spans, outer column:"
    );
    println!("{}", full[0].line("full system PER+LOC+ORG"));
    println!("{}", full[1].line("  PER"));
    println!("{}", full[2].line("  LOC"));
    println!("{}", full[3].line("  ORG"));
    println!("{}", alone.line("tagger alone"));
}
