//! Speaker attribution measured on SpkAtt-2023 (German Wikinews annotated with speech, thought
//! and writing representation): `cargo run --release --example spkatt [DIR]`, by default over
//! `../shared/data/spkatt/dev`.
//!
//! Each article's sentences are joined into one paragraph and run through
//! `dossier::extract::analyze`. For the non-nested annotations, recall is the share of annotated
//! messages whose sentence holds a claim that dossier attributes to a source, precision the share
//! of dossier's attributed claims that overlap a sentence holding an annotated message. The data
//! is licensed for measurement only (CC BY-NC-SA 4.0); nothing from it is used by the library.
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::PathBuf;

/// The text of one tokenised sentence, with the usual spacing around punctuation.
fn detokenize(tokens: &[Value]) -> String {
    let mut out = String::new();
    let mut glue_next = false;
    for t in tokens.iter().filter_map(Value::as_str) {
        let glue = glue_next || matches!(t, "." | "," | ":" | ";" | "!" | "?" | ")" | "]" | "“");
        if !out.is_empty() && !glue {
            out.push(' ');
        }
        out.push_str(t);
        glue_next = matches!(t, "(" | "[" | "„");
    }
    out
}

/// The sentence ids named by `"sentence:token"` references.
fn sentence_ids(refs: Option<&Value>) -> BTreeSet<usize> {
    refs.and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .filter_map(|r| r.split_once(':')?.0.parse().ok())
        .collect()
}

#[derive(Default)]
struct Counts {
    messages: usize,
    messages_found: usize,
    attributed: usize,
    attributed_right: usize,
    articles: usize,
}

fn score_file(path: &std::path::Path, c: &mut Counts, errors: bool) -> Option<()> {
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    let sentences = doc.get("Sentences")?.as_array()?;
    let mut text = String::new();
    let mut spans = Vec::new();
    for s in sentences {
        let id = s.get("SentenceId")?.as_u64()? as usize;
        let t = detokenize(s.get("Tokens")?.as_array()?);
        if !text.is_empty() {
            text.push(' ');
        }
        spans.push((id, text.len(), text.len() + t.len()));
        text.push_str(&t);
    }
    let article = dossier::ingest::parse_raw(&path.display().to_string(), &text);
    let analysis = dossier::extract::analyze(&article);
    // SpkAtt sentences that hold an attributed claim.
    let mut attributed_sentences = BTreeSet::new();
    let mut attributed_claims = Vec::new();
    let mut attributed_texts = Vec::new();
    for claim in analysis.claims.iter().filter(|c| c.attribution.is_some()) {
        let hit: BTreeSet<usize> = spans
            .iter()
            .filter(|(_, s, e)| claim.span.start < *e && *s < claim.span.end)
            .map(|(id, _, _)| *id)
            .collect();
        attributed_sentences.extend(hit.iter().copied());
        attributed_claims.push(hit);
        let a = claim
            .attribution
            .as_ref()
            .map(|a| a.text.as_str())
            .unwrap_or("");
        attributed_texts.push((a.to_string(), claim.stance.name(), claim.text.clone()));
    }
    let sentence_text = |id: usize| {
        spans
            .iter()
            .find(|(i, _, _)| *i == id)
            .map(|(_, s, e)| &text[*s..*e])
            .unwrap_or("")
    };
    let mut message_sentences = BTreeSet::new();
    for a in doc.get("Annotations")?.as_array()? {
        if a.get("IsNested").and_then(Value::as_bool) != Some(false) {
            continue;
        }
        let mut ids = sentence_ids(a.get("Message"));
        if ids.is_empty() {
            ids = sentence_ids(a.get("Cue"));
        }
        if ids.is_empty() {
            continue;
        }
        c.messages += 1;
        if ids.iter().any(|i| attributed_sentences.contains(i)) {
            c.messages_found += 1;
        } else if errors {
            let first = ids.iter().next().copied().unwrap_or(0);
            println!("MISSED {}: {}", path.display(), sentence_text(first));
        }
        message_sentences.extend(ids);
    }
    if errors {
        for (hit, (source, stance, claim)) in attributed_claims.iter().zip(&attributed_texts) {
            if !hit.iter().any(|i| message_sentences.contains(i)) {
                println!("SPURIOUS {} [{source} | {stance}]: {claim}", path.display());
            }
        }
    }
    c.attributed += attributed_claims.len();
    c.attributed_right += attributed_claims
        .iter()
        .filter(|hit| hit.iter().any(|i| message_sentences.contains(i)))
        .count();
    c.articles += 1;
    Some(())
}

fn main() {
    let errors = std::env::args().any(|a| a == "--errors");
    let dir = std::env::args()
        .skip(1)
        .find(|a| a != "--errors")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/data/spkatt/dev"));
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("{}: not readable (SpkAtt-2023 absent?)", dir.display());
        return;
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut c = Counts::default();
    for f in &files {
        if score_file(f, &mut c, errors).is_none() {
            eprintln!("{}: skipped (not a SpkAtt article)", f.display());
        }
    }
    let p = c.attributed_right as f64 / c.attributed.max(1) as f64;
    let r = c.messages_found as f64 / c.messages.max(1) as f64;
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    println!(
        "SpkAtt {}: {} articles, {} non-nested messages, {} attributed claims",
        dir.display(),
        c.articles,
        c.messages,
        c.attributed
    );
    println!(
        "P={p:.3} ({}/{}) R={r:.3} ({}/{}) F1={f1:.3}",
        c.attributed_right, c.attributed, c.messages_found, c.messages
    );
}
