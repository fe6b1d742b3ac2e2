//! Regression guard for claims on the German news development set in
//! `../shared/data/newsgold` (30 annotated articles, scored as its `score.py` scores
//! `dossier extract --raw`): claim-sentence F1, and source, stance and kind accuracy on the
//! claim sentences found. The minimums sit a few points under the measured figures; the test
//! prints a note and passes when the data set is absent.

use serde_json::Value;
use std::path::Path;

#[derive(Default, Debug)]
struct Scores {
    tp: usize,
    fp: usize,
    fn_: usize,
    source: usize,
    stance: usize,
    kind: usize,
}

/// Byte offset of code point `cp` in `text`.
fn byte_at(text: &str, cp: usize) -> usize {
    text.char_indices()
        .nth(cp)
        .map(|(b, _)| b)
        .unwrap_or(text.len())
}

fn score(dir: &Path) -> Option<Scores> {
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).ok()?).ok()?;
    let golds = gold.get("articles")?.as_array()?;
    let mut texts = Vec::new();
    for g in golds {
        texts.push(std::fs::read_to_string(dir.join(g.get("file")?.as_str()?)).ok()?);
    }
    let articles: Vec<_> = golds
        .iter()
        .zip(&texts)
        .map(|(g, t)| dossier::ingest::parse_raw(g["file"].as_str().unwrap_or(""), t))
        .collect();
    let analyses = dossier::extract::analyze_corpus(&articles);
    let mut s = Scores::default();
    for ((g, text), analysis) in golds.iter().zip(&texts).zip(&analyses) {
        for sent in g.get("sentences")?.as_array()? {
            let start = byte_at(text, sent.get("start")?.as_u64()? as usize);
            let end = byte_at(text, sent.get("end")?.as_u64()? as usize);
            // Overlap in code points, as score.py measures it.
            let cps = |a: usize, b: usize| text[a..b].chars().count();
            let len = cps(start, end);
            let best = analysis
                .claims
                .iter()
                .filter_map(|c| {
                    let (a, b) = (c.span.start.max(start), c.span.end.min(end));
                    (a < b).then(|| (cps(a, b), c))
                })
                .filter(|(ov, _)| 2 * ov >= len)
                .max_by_key(|(ov, _)| *ov)
                .map(|(_, c)| c);
            let is_claim = sent.get("claim")?.as_bool()?;
            match (is_claim, best) {
                (true, Some(c)) => {
                    s.tp += 1;
                    let ok = match sent.get("source").and_then(Value::as_str) {
                        None => c.attribution.is_none(),
                        Some(src) => {
                            let last = src.split_whitespace().last().unwrap_or("").to_lowercase();
                            c.attribution.as_ref().is_some_and(|a| {
                                a.text.to_lowercase().contains(&last)
                                    || a.canonical
                                        .as_ref()
                                        .is_some_and(|k| k.to_lowercase().contains(&last))
                            })
                        }
                    };
                    s.source += ok as usize;
                    s.stance += (sent.get("stance").and_then(Value::as_str)
                        == Some(c.stance.name())) as usize;
                    s.kind +=
                        (sent.get("kind").and_then(Value::as_str) == Some(c.kind.name())) as usize;
                }
                (true, None) => s.fn_ += 1,
                (false, Some(_)) => s.fp += 1,
                (false, None) => {}
            }
        }
    }
    Some(s)
}

#[test]
fn newsgold_claims_stay_above_minimums() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/newsgold");
    if !dir.join("gold.json").exists() {
        println!("skipped: {} absent", dir.display());
        return;
    }
    let s = score(&dir).expect("newsgold readable");
    let p = s.tp as f64 / (s.tp + s.fp).max(1) as f64;
    let r = s.tp as f64 / (s.tp + s.fn_).max(1) as f64;
    let f1 = 2.0 * p * r / (p + r).max(f64::MIN_POSITIVE);
    let acc = |k: usize| k as f64 / s.tp.max(1) as f64;
    println!(
        "newsgold: CLAIM_F1={f1:.3} SOURCE_ACC={:.3} STANCE_ACC={:.3} KIND_ACC={:.3} ({s:?})",
        acc(s.source),
        acc(s.stance),
        acc(s.kind)
    );
    assert!(f1 >= MIN_CLAIM_F1, "claim F1 {f1:.3}");
    assert!(acc(s.source) >= MIN_SOURCE, "source {:.3}", acc(s.source));
    assert!(acc(s.stance) >= MIN_STANCE, "stance {:.3}", acc(s.stance));
    assert!(acc(s.kind) >= MIN_KIND, "kind {:.3}", acc(s.kind));
}

const MIN_CLAIM_F1: f64 = 0.985;
const MIN_SOURCE: f64 = 0.865;
const MIN_STANCE: f64 = 0.895;
const MIN_KIND: f64 = 0.825;
