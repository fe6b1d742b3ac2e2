//! The bundled seed articles and the 10kGNAD corpus through the public ingestion API.

use dossier::ingest::{bundled, parse_article};
use dossier::model::{Article, BlockKind, Lang, PartialDate};

fn seed(prefix: &str) -> Article {
    bundled()
        .into_iter()
        .find(|a| a.source.starts_with(&format!("seeds/{prefix}")))
        .unwrap_or_else(|| panic!("seed {prefix} is bundled"))
}

fn body_texts(a: &Article) -> Vec<&str> {
    a.body.iter().map(|b| a.block_text(b)).collect()
}

fn ref_texts(a: &Article) -> Vec<&str> {
    a.references.iter().map(|b| a.block_text(b)).collect()
}

/// Spans are trimmed char boundaries; body spans are in order and do not overlap.
fn assert_spans_valid(a: &Article) {
    for b in a.body.iter().chain(&a.references) {
        assert!(
            b.span.start < b.span.end && b.span.end <= a.text.len(),
            "{}: {:?}",
            a.source,
            b
        );
        assert!(
            a.text.is_char_boundary(b.span.start),
            "{}: {:?}",
            a.source,
            b
        );
        assert!(a.text.is_char_boundary(b.span.end), "{}: {:?}", a.source, b);
        let t = a.block_text(b);
        assert_eq!(t, t.trim(), "{}: untrimmed block", a.source);
    }
    for pair in a.body.windows(2) {
        assert!(
            pair[0].span.end <= pair[1].span.start,
            "{}: {:?}",
            a.source,
            pair
        );
    }
}

#[test]
fn seeds_are_bundled_in_file_name_order() {
    let sources: Vec<String> = bundled().into_iter().map(|a| a.source).collect();
    assert_eq!(sources.len(), 5);
    let mut sorted = sources.clone();
    sorted.sort();
    assert_eq!(sources, sorted);
    assert!(sources[0].starts_with("seeds/000_"));
}

#[test]
fn seed_000_metadata_comes_from_dateline_bibliography_and_bios() {
    let a = seed("000");
    assert_eq!(a.title, "Nordkoreas Militäreinsatz in Europa");
    assert_eq!(a.date, Some(PartialDate::ymd(2025, 1, 17)));
    assert_eq!(a.authors, vec!["William Alberque", "Andreas Umland"]);
    assert_eq!(a.outlet.as_deref(), Some("Internationale Politik"));
    let first = a.block_text(&a.body[0]);
    assert!(
        first.starts_with("Wie der Eintritt Pjöngjangs")
            || first.starts_with("Moskau hat in den vergangenen")
    );
    assert!(
        body_texts(&a)
            .iter()
            .all(|t| !t.contains("ist Gastwissenschaftler"))
    );
    assert!(
        ref_texts(&a)
            .iter()
            .any(|t| t.starts_with("Internationale Poltik, Online Exklusiv"))
    );
}

#[test]
fn seed_001_title_doi_and_references() {
    let a = seed("001");
    assert_eq!(
        a.title,
        "Russland und Nordkorea schmieden eine neue Allianz"
    );
    assert_eq!(a.authors, vec!["Ralf Havertz"]);
    assert_eq!(a.doi.as_deref(), Some("10.48269/2451-0610-ksm-2024-008"));
    let refs = ref_texts(&a);
    // The exported markup of the title's note ("^{* &}quot;WeltTrends…") is decoded.
    assert!(
        refs.iter()
            .any(|t| t.starts_with("* \"WeltTrends. Das außenpolitische Journal\""))
    );
    assert!(
        refs.iter()
            .chain(&body_texts(&a))
            .all(|t| !t.contains("^{") && !t.contains("&quot;"))
    );
    assert!(
        refs.iter()
            .any(|t| t.starts_with("Victor Cha / Ellen Kim (2024):"))
    );
    let body = body_texts(&a);
    assert!(
        body.iter()
            .all(|t| !t.starts_with("* \"WeltTrends") && !t.contains("vgl. https://"))
    );
    assert!(
        body.iter()
            .all(|t| !t.contains("ISSN") && !t.contains("Keimyung University"))
    );
    // In-text footnote markers stay in the text.
    assert!(body.iter().any(|t| t.contains("abgefeuert habe.²")));
}

#[test]
fn seed_002_list_items_and_no_furniture() {
    let a = seed("002");
    assert_eq!(
        a.title,
        "Pjöngjang an der Front: Risiken und Chancen einer Beteiligung am russischen Krieg"
    );
    assert_eq!(a.authors, vec!["Anna Kostenko"]);
    let items: Vec<&str> = a
        .body
        .iter()
        .filter(|b| b.kind == BlockKind::ListItem)
        .map(|b| a.block_text(b))
        .collect();
    assert_eq!(items.len(), 5);
    assert!(items[0].starts_with("Die direkte militärische Beteiligung Nordkoreas"));
    let body = body_texts(&a);
    assert!(
        body.iter()
            .all(|t| *t != "7 MB" && !t.starts_with("Disclaimer"))
    );
}

#[test]
fn seed_003_title_from_lead_without_byline_sentence() {
    let a = seed("003");
    assert_eq!(a.authors, vec!["Seyed Alireza Mousavi"]);
    assert!(
        a.title
            .starts_with("Berichte über nordkoreanische Soldaten"),
        "{}",
        a.title
    );
    assert!(!a.title.contains("Eine Analyse"));
    // The lead's whole first sentence, not a cut one.
    assert!(!a.title.ends_with('…'), "{}", a.title);
    assert!(a.title.ends_with("sorgen für Unruhe"), "{}", a.title);
    let lead = a.block_text(&a.body[0]);
    assert!(lead.starts_with("Berichte über") && !lead.contains("Eine Analyse von"));
}

#[test]
fn seed_004_one_paragraph_per_line_with_headings() {
    let a = seed("004");
    assert_eq!(
        a.title,
        "„Sie wären Kanonenfutter“: USA warnen Nordkorea-Söldner vor Einsatz an Ukraine-Front"
    );
    let headings: Vec<&str> = a
        .body
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
        .map(|b| a.block_text(b))
        .collect();
    assert!(
        headings.contains(&"Einsatz im Ukraine-Krieg: Söldner aus Nordkorea wären „Kanonenfutter“")
    );
    assert!(
        a.body
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .count()
            >= 10
    );
    assert!(body_texts(&a).iter().all(|t| !t.contains("Meine news")));
}

#[test]
fn all_seeds_are_german_free_of_furniture_and_have_valid_spans() {
    let banned = [
        "Für Vollzugriff",
        "Teilen",
        "Lizenz",
        "Alle Rechte vorbehalten",
        "Artikel können Sie noch kostenlos lesen",
        "Meine news",
        "7 MB",
    ];
    for a in bundled() {
        assert_eq!(a.lang, Lang::De, "{}", a.source);
        assert!(!a.body.is_empty(), "{}", a.source);
        assert_eq!(a.id.0.len(), 16);
        for t in body_texts(&a) {
            for b in banned {
                assert!(
                    !t.contains(b),
                    "{}: body block contains {b:?}: {t}",
                    a.source
                );
            }
        }
        assert_spans_valid(&a);
    }
}

/// Reads the `label;'text'` lines of 10kGNAD's test split, unquoting `''`.
fn gnad_articles() -> Option<Vec<String>> {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/10kgnad/test.csv");
    let Ok(content) = std::fs::read_to_string(&path) else {
        println!(
            "note: {} is absent; skipping the 10kGNAD test",
            path.display()
        );
        return None;
    };
    let articles = content
        .lines()
        .filter_map(|line| line.split_once(';'))
        .map(|(_, text)| {
            let text = text.strip_prefix('\'').unwrap_or(text);
            let text = text.strip_suffix('\'').unwrap_or(text);
            text.replace("''", "'")
        })
        .collect();
    Some(articles)
}

#[test]
fn every_10kgnad_article_parses_with_title_body_and_valid_spans() {
    let Some(articles) = gnad_articles() else {
        return;
    };
    assert!(articles.len() > 1000);
    for (i, text) in articles.iter().enumerate() {
        let a = parse_article(&format!("10kgnad/{i}"), text);
        assert!(!a.title.trim().is_empty(), "article {i} has no title");
        assert!(!a.body.is_empty(), "article {i} has no body");
        assert!(
            a.body.iter().any(|b| !a.block_text(b).trim().is_empty()),
            "article {i}"
        );
        assert_spans_valid(&a);
    }
}

#[test]
fn no_10kgnad_title_is_a_cut_lead_and_no_author_is_a_job() {
    let Some(articles) = gnad_articles() else {
        return;
    };
    let roles = [
        "korrespondent",
        "redakteur",
        "correspondent",
        "editor",
        "reporter",
        "chefredakt",
    ];
    let mut cut = Vec::new();
    for (i, text) in articles.iter().enumerate() {
        let a = parse_article(&format!("10kgnad/{i}"), text);
        // A title cut with "…" only where the first sentence runs past 240 characters with no
        // dash, bar or colon to end a first clause at.
        if a.title.ends_with('…') {
            cut.push(i);
            let first = text.split(". ").next().unwrap_or("");
            assert!(
                first.chars().count() > 240,
                "article {i}: {:?} is cut from a short lead",
                a.title
            );
        }
        assert!(
            !a.title.contains("&quot;") && !a.title.contains("^{"),
            "{i}"
        );
        for name in &a.authors {
            let lower = name.to_lowercase();
            assert!(
                !roles.iter().any(|r| lower.contains(r)),
                "article {i}: author {name:?} is a job"
            );
            assert!(
                name.split_whitespace().count() <= 5 && !name.chars().any(|c| c.is_ascii_digit()),
                "article {i}: author {name:?} is not a name"
            );
        }
    }
    assert!(
        cut.len() * 100 <= articles.len(),
        "{} cut titles",
        cut.len()
    );
}
