//! Strict-span entity scores on WikiGold (English Wikipedia, CoNLL tags, IOB1;
//! `tests/data/wikigold/`, CC BY 4.0) through the whole extractor: each document's text is
//! rebuilt from its tokens (no space before closing punctuation or "'s"), parsed with
//! `parse_raw` (so the language is detected as for any file) and analysed; mentions are mapped
//! back to token spans and compared with the gold PER/LOC/ORG spans. MISC and the extractor's
//! dates, quantities and misc mentions are left out on both sides.
//!
//! Documents alternate between two halves: the even ones are the development half (read for
//! errors), the odd ones the held-out half.

#![allow(dead_code)]

use dossier::extract::analyze;
use dossier::ingest::parse_raw;
use dossier::model::{EntityKind, Lang};

/// The CoNLL file, relative to the crate root.
pub const PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/wikigold/wikigold.conll.txt"
);

/// One gold document: its sentences of (token, tag) pairs.
pub struct GoldDoc {
    pub sentences: Vec<Vec<(String, String)>>,
}

/// True positives, predictions and gold spans of one kind.
#[derive(Default, Clone, Copy)]
pub struct Prf {
    pub tp: usize,
    pub pred: usize,
    pub gold: usize,
}

impl Prf {
    pub fn precision(&self) -> f64 {
        self.tp as f64 / self.pred.max(1) as f64
    }

    pub fn recall(&self) -> f64 {
        self.tp as f64 / self.gold.max(1) as f64
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }

    fn add(&mut self, o: &Prf) {
        self.tp += o.tp;
        self.pred += o.pred;
        self.gold += o.gold;
    }
}

/// Scores over all of PER+LOC+ORG and per kind, and the count of documents detected as English.
#[derive(Default)]
pub struct Scores {
    pub all: Prf,
    pub per: Prf,
    pub loc: Prf,
    pub org: Prf,
    pub docs: usize,
    pub english_docs: usize,
}

impl Scores {
    fn add(&mut self, o: &Scores) {
        self.all.add(&o.all);
        self.per.add(&o.per);
        self.loc.add(&o.loc);
        self.org.add(&o.org);
        self.docs += o.docs;
        self.english_docs += o.english_docs;
    }

    fn kind_mut(&mut self, k: usize) -> &mut Prf {
        match k {
            0 => &mut self.per,
            1 => &mut self.loc,
            _ => &mut self.org,
        }
    }

    /// Lines "kind P R F1 (tp pred gold)" for all and each kind.
    pub fn lines(&self) -> Vec<String> {
        [
            ("PER+LOC+ORG", &self.all),
            ("  PER", &self.per),
            ("  LOC", &self.loc),
            ("  ORG", &self.org),
        ]
        .iter()
        .map(|(name, p)| {
            format!(
                "{name:<12} P {:.3}  R {:.3}  F1 {:.3}   (tp {} pred {} gold {})",
                p.precision(),
                p.recall(),
                p.f1(),
                p.tp,
                p.pred,
                p.gold
            )
        })
        .collect()
    }
}

/// Splits the CoNLL text into documents at `-DOCSTART-` lines, sentences at blank lines.
pub fn parse(text: &str) -> Vec<GoldDoc> {
    let mut docs = Vec::new();
    let mut sentences: Vec<Vec<(String, String)>> = Vec::new();
    let mut cur: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        let line = line.trim_end();
        if line.starts_with("-DOCSTART-") {
            if !cur.is_empty() {
                sentences.push(std::mem::take(&mut cur));
            }
            if !sentences.is_empty() {
                docs.push(GoldDoc {
                    sentences: std::mem::take(&mut sentences),
                });
            }
            continue;
        }
        if line.is_empty() {
            if !cur.is_empty() {
                sentences.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some((tok, tag)) = line.rsplit_once(' ') {
            cur.push((tok.to_string(), tag.to_string()));
        }
    }
    if !cur.is_empty() {
        sentences.push(cur);
    }
    if !sentences.is_empty() {
        docs.push(GoldDoc { sentences });
    }
    docs
}

/// True when no space goes before this token.
fn glues_left(tok: &str) -> bool {
    matches!(
        tok,
        "," | "."
            | ";"
            | ":"
            | "!"
            | "?"
            | ")"
            | "]"
            | "%"
            | "'s"
            | "'"
            | "n't"
            | "'re"
            | "'ve"
            | "'ll"
            | "'d"
            | "'m"
    )
}

/// True when no space goes after this token.
fn glues_right(tok: &str) -> bool {
    matches!(tok, "(" | "[" | "$")
}

/// The text of a document (sentences joined by spaces, one paragraph) and each token's byte range.
pub fn text_of(doc: &GoldDoc) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut offs = Vec::new();
    let mut quote_open = false;
    let mut prev = "";
    for s in &doc.sentences {
        for (tok, _) in s {
            let tok = tok.as_str();
            let quote = tok == "\"";
            let glue = text.is_empty()
                || glues_left(tok)
                || glues_right(prev)
                || (quote && quote_open)
                || (prev == "\"" && quote_open);
            if !glue {
                text.push(' ');
            }
            if quote {
                quote_open = !quote_open;
            }
            offs.push((text.len(), text.len() + tok.len()));
            text.push_str(tok);
            prev = tok;
        }
    }
    (text, offs)
}

/// Gold spans (first token, end token, kind 0 PER / 1 LOC / 2 ORG) in IOB1.
fn gold_spans(doc: &GoldDoc) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, String)> = None;
    let mut i = 0;
    let close = |open: &mut Option<(usize, String)>, end: usize, out: &mut Vec<_>| {
        if let Some((start, ty)) = open.take() {
            let k = match ty.as_str() {
                "PER" => Some(0),
                "LOC" => Some(1),
                "ORG" => Some(2),
                _ => None,
            };
            if let Some(k) = k {
                out.push((start, end, k));
            }
        }
    };
    for s in &doc.sentences {
        for (_, tag) in s {
            match tag.split_once('-') {
                Some((bio, ty)) => {
                    let continues = bio == "I" && open.as_ref().is_some_and(|(_, t)| t == ty);
                    if !continues {
                        close(&mut open, i, &mut out);
                        open = Some((i, ty.to_string()));
                    }
                }
                None => close(&mut open, i, &mut out),
            }
            i += 1;
        }
        close(&mut open, i, &mut out);
    }
    out
}

/// Scores one document; with `errors`, prints its misses and false alarms.
pub fn score_doc(doc: &GoldDoc, errors: bool) -> Scores {
    let (text, offs) = text_of(doc);
    let article = parse_raw("wikigold.txt", &text);
    let analysis = analyze(&article);
    let mut sc = Scores {
        docs: 1,
        english_docs: usize::from(article.lang == Lang::En),
        ..Scores::default()
    };
    let gold = gold_spans(doc);
    let mut pred = Vec::new();
    let mut unaligned = Vec::new();
    for m in &analysis.mentions {
        let k = match m.kind {
            EntityKind::Person => 0,
            EntityKind::Place => 1,
            EntityKind::Organization => 2,
            _ => continue,
        };
        let a = offs.iter().position(|o| o.0 == m.span.start);
        let b = offs.iter().position(|o| o.1 == m.span.end);
        match (a, b) {
            (Some(a), Some(b)) if a <= b => pred.push((a, b + 1, k)),
            // A mention that does not fall on token boundaries is a false alarm.
            _ => {
                sc.all.pred += 1;
                sc.kind_mut(k).pred += 1;
                unaligned.push((m.text.clone(), k));
            }
        }
    }
    for &(a, b, k) in &pred {
        sc.all.pred += 1;
        sc.kind_mut(k).pred += 1;
        if gold.contains(&(a, b, k)) {
            sc.all.tp += 1;
            sc.kind_mut(k).tp += 1;
        }
    }
    for &(_, _, k) in &gold {
        sc.all.gold += 1;
        sc.kind_mut(k).gold += 1;
    }
    if errors {
        const KINDS: [&str; 3] = ["PER", "LOC", "ORG"];
        let words = |a: usize, b: usize| text[offs[a].0..offs[b - 1].1].to_string();
        for &(a, b, k) in &gold {
            if !pred.contains(&(a, b, k)) {
                let got = pred
                    .iter()
                    .find(|p| p.0 < b && a < p.1)
                    .map(|&(pa, pb, pk)| format!("{} {}", KINDS[pk], words(pa, pb)))
                    .unwrap_or_else(|| "-".into());
                println!("MISS {} {:<40} got {got}", KINDS[k], words(a, b));
            }
        }
        for &(a, b, k) in &pred {
            if !gold.contains(&(a, b, k)) && !gold.iter().any(|g| g.0 < b && a < g.1) {
                println!("FALSE {} {}", KINDS[k], words(a, b));
            }
        }
        for (t, k) in unaligned {
            println!("UNALIGNED {} {t}", KINDS[k]);
        }
    }
    sc
}

/// Scores the development half (even documents), the held-out half (odd) and both.
pub fn score_halves(docs: &[GoldDoc], errors_of_dev: bool) -> [Scores; 3] {
    let mut dev = Scores::default();
    let mut held = Scores::default();
    for (i, d) in docs.iter().enumerate() {
        if i % 2 == 0 {
            dev.add(&score_doc(d, errors_of_dev));
        } else {
            held.add(&score_doc(d, false));
        }
    }
    let mut all = Scores::default();
    all.add(&dev);
    all.add(&held);
    [dev, held, all]
}
