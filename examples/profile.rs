//! Times the stages of extraction over the 10kGNAD test articles (development aid).
use std::time::Instant;

fn main() {
    let csv = std::fs::read_to_string("../shared/data/10kgnad/test.csv").unwrap_or_default();
    let texts: Vec<String> = csv
        .lines()
        .filter_map(|l| l.split_once(';'))
        .map(|(_, r)| r.trim_matches('\'').replace("''", "'"))
        .collect();
    let arts: Vec<_> = texts
        .iter()
        .map(|t| dossier::ingest::parse_raw("x", t))
        .collect();
    let toks: usize = arts
        .iter()
        .map(|a| dossier::extract::tokenize(&a.text, 0).len())
        .sum();
    let _ = dossier::extract::analyze(&arts[0]);
    let t = Instant::now();
    for a in &arts {
        std::hint::black_box(dossier::dates::find_dates(&a.text));
    }
    let d = t.elapsed().as_secs_f64();
    println!("dates: {:.3}s  {:.0} tok/s", d, toks as f64 / d);
    let t = Instant::now();
    for a in &arts {
        let tk = dossier::extract::tokenize(&a.text, 0);
        let strs: Vec<&str> = tk
            .iter()
            .map(|x| &a.text[x.span.start..x.span.end])
            .collect();
        std::hint::black_box(dossier::extract::tagger::tag_words(&strs));
    }
    let d = t.elapsed().as_secs_f64();
    println!(
        "tagger (whole text as one sentence): {:.3}s  {:.0} tok/s",
        d,
        toks as f64 / d
    );
    let t = Instant::now();
    for a in &arts {
        let tk = dossier::extract::tokenize(&a.text, 0);
        for r in dossier::extract::sentences(&a.text, 0, &tk) {
            let strs: Vec<&str> = tk[r.clone()]
                .iter()
                .map(|x| &a.text[x.span.start..x.span.end])
                .collect();
            std::hint::black_box(dossier::extract::quantity::find(&tk[r], &strs));
        }
    }
    let d = t.elapsed().as_secs_f64();
    println!(
        "tokenize+sentences+quantities: {:.3}s  {:.0} tok/s",
        d,
        toks as f64 / d
    );
    let t = Instant::now();
    for a in &arts {
        std::hint::black_box(dossier::extract::analyze(a));
    }
    let d = t.elapsed().as_secs_f64();
    println!(
        "analyze: {:.3}s  {:.0} tok/s ({} tokens)",
        d,
        toks as f64 / d,
        toks
    );
}
