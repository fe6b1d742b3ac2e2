//! Front matter, English articles and raw parsing through the public ingestion API.

use dossier::ingest::{article_id, parse_article, parse_raw};
use dossier::model::{BlockKind, Lang, PartialDate};

#[test]
fn yaml_front_matter_overrides_heuristics_and_is_not_body() {
    let text = "---\ntitle: \"Ein Titel: mit Doppelpunkt\"\nauthors:\n  - Jane Doe\n  - John Roe\ndate: 2024-06-19\noutlet: Example Times\nurl: https://example.org/a\ndoi: https://doi.org/10.1234/abc.5\nlang: en\n---\nEine Überschrift im Text\n\nDer Text des Artikels ist auf Deutsch und hat einen Absatz, der lang genug ist, um als Absatz zu gelten.\n";
    let a = parse_article("x.md", text);
    assert_eq!(a.title, "Ein Titel: mit Doppelpunkt");
    assert_eq!(a.authors, vec!["Jane Doe", "John Roe"]);
    assert_eq!(a.date, Some(PartialDate::ymd(2024, 6, 19)));
    assert_eq!(a.outlet.as_deref(), Some("Example Times"));
    assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
    assert_eq!(a.doi.as_deref(), Some("10.1234/abc.5"));
    assert_eq!(a.lang, Lang::En);
    for b in &a.body {
        let t = a.block_text(b);
        assert!(!t.contains("title:") && !t.contains("---"), "{t}");
    }
    assert!(
        a.body
            .iter()
            .any(|b| a.block_text(b).starts_with("Der Text des Artikels"))
    );
}

#[test]
fn toml_front_matter_overrides_heuristics() {
    let text = "+++\ntitle = \"TOML-Titel\"\nauthor = \"Erika Mustermann\"\ndate = \"17. Januar 2025\"\npublication = \"Beispielblatt\"\n+++\nAnderer Titel\n\nDer Text des Artikels ist auf Deutsch und hat einen Absatz, der lang genug ist, um als Absatz zu gelten.\n";
    let a = parse_article("x.md", text);
    assert_eq!(a.title, "TOML-Titel");
    assert_eq!(a.authors, vec!["Erika Mustermann"]);
    assert_eq!(a.date, Some(PartialDate::ymd(2025, 1, 17)));
    assert_eq!(a.outlet.as_deref(), Some("Beispielblatt"));
    assert_eq!(a.lang, Lang::De);
    assert!(a.body.iter().all(|b| !a.block_text(b).contains("+++")));
}

#[test]
fn english_article_with_byline_and_dateline() {
    let text = "Analysis\n\nWhy the alliance matters for Europe\n\nBy Jane Doe and John Roe\n\nMarch 3, 2024\n\nThe treaty was signed in June and has changed the security situation in the region, officials said on Monday.\n\nWhat comes next\n\nAnalysts expect further steps in late March 2024, and the government has said that it will respond.\n\nShare\n";
    let a = parse_article("en.txt", text);
    assert_eq!(a.title, "Why the alliance matters for Europe");
    assert_eq!(a.authors, vec!["Jane Doe", "John Roe"]);
    assert_eq!(a.date, Some(PartialDate::ymd(2024, 3, 3)));
    assert_eq!(a.lang, Lang::En);
    let kinds: Vec<BlockKind> = a.body.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        vec![
            BlockKind::Paragraph,
            BlockKind::Heading,
            BlockKind::Paragraph
        ]
    );
}

#[test]
fn raw_parse_keeps_everything_as_paragraphs() {
    let text = "Teilen\n \nErste Zeile ist der Titel\nund geht weiter.\n\n\n  Zweiter Absatz.  \n";
    let a = parse_raw("raw.txt", text);
    assert_eq!(a.title, "Teilen");
    let blocks: Vec<&str> = a.body.iter().map(|b| a.block_text(b)).collect();
    assert_eq!(
        blocks,
        vec![
            "Teilen",
            "Erste Zeile ist der Titel\nund geht weiter.",
            "Zweiter Absatz."
        ]
    );
    assert!(a.body.iter().all(|b| b.kind == BlockKind::Paragraph));
    assert!(a.references.is_empty());
}

#[test]
fn article_ids_are_16_hex_digits_of_the_content_hash() {
    let id = article_id("abc");
    assert_eq!(id.0, "ba7816bf8f01cfea");
    assert_ne!(article_id("abd"), id);
}

#[test]
fn odd_inputs_do_not_panic() {
    for text in [
        "",
        "\n\n\n",
        "x",
        "---\n",
        "---\ntitle: a\n---\n",
        "•",
        "- \n* \n",
        "Ä\u{a0}\n\n^",
        "10.1234/",
    ] {
        let a = parse_article("odd.txt", text);
        assert!(!a.title.is_empty());
        for b in a.body.iter().chain(&a.references) {
            assert!(a.text.is_char_boundary(b.span.start) && a.text.is_char_boundary(b.span.end));
        }
    }
}

#[test]
fn authors_keep_order_of_appearance_from_byline_to_bio() {
    let text = "Ein Titel für den Test\n\nJane Doe\n\nDer erste Absatz des Artikels ist lang genug, um als Absatz erkannt zu werden, und endet hier.\n\nDer zweite Absatz des Artikels ist ebenfalls lang genug, um als Absatz zu gelten, und endet.\n\nJohn Roe ist Analyst am Beispielinstitut in Berlin.\n";
    let a = parse_article("t.txt", text);
    assert_eq!(a.authors, vec!["Jane Doe", "John Roe"]);
    assert!(
        a.body
            .iter()
            .all(|b| !a.block_text(b).contains("Analyst am"))
    );
}

#[test]
fn byline_after_standfirst_is_not_body() {
    let text = "Ein Titel für den Test\n\nEin Vorspann, der das Thema des Artikels kurz zusammenfasst und mit einem Punkt endet.\n\nVon Erika Mustermann und Max Muster\n\nDer erste Absatz des Artikels ist lang genug, um als Absatz erkannt zu werden, und endet hier.\n";
    let a = parse_article("t.txt", text);
    assert_eq!(a.authors, vec!["Erika Mustermann", "Max Muster"]);
    assert!(a.body.iter().all(|b| !a.block_text(b).starts_with("Von ")));
}

#[test]
fn body_sentences_do_not_name_the_outlet() {
    let text = "Ein Titel für den Test\n\nDie Partei steht für Stabilität, sagte der Vorsitzende am Montag in Berlin vor der Presse.\n\nReuters, dpa, AFP und andere Agenturen berichteten am 3. März 2024 darüber ausführlich.\n";
    let a = parse_article("t.txt", text);
    assert_eq!(a.outlet, None);
}

#[test]
fn markdown_headings_give_title_and_heading_blocks() {
    let text = "# Der Titel des Textes\n\nDer erste Absatz des Artikels ist lang genug, um als Absatz erkannt zu werden, und endet hier.\n\n## Ein Abschnitt\n\n- erster Punkt\n- zweiter Punkt\n";
    let a = parse_article("t.md", text);
    assert_eq!(a.title, "Der Titel des Textes");
    let blocks: Vec<(BlockKind, &str)> = a.body.iter().map(|b| (b.kind, a.block_text(b))).collect();
    assert_eq!(
        blocks,
        vec![
            (
                BlockKind::Paragraph,
                "Der erste Absatz des Artikels ist lang genug, um als Absatz erkannt zu werden, und endet hier."
            ),
            (BlockKind::Heading, "Ein Abschnitt"),
            (BlockKind::ListItem, "erster Punkt"),
            (BlockKind::ListItem, "zweiter Punkt"),
        ]
    );
}

#[test]
fn random_text_parses_without_panic_and_with_valid_spans() {
    let alphabet: Vec<char> = "aäbßcZ Ü.,:;!?-–•*^#²(){}[]0123456789\n\n\n\u{a0}„“/@©"
        .chars()
        .chain("Von Jane Doe. 17. Jan. 2025 https://doi.org/10.1234/x ISSN Teilen ist am ".chars())
        .collect();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    for round in 0..300 {
        let len = 1 + round * 7 % 900;
        let text: String = (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                alphabet[(state % alphabet.len() as u64) as usize]
            })
            .collect();
        let a = parse_article("fuzz.txt", &text);
        assert!(!a.title.is_empty());
        for b in a.body.iter().chain(&a.references) {
            assert!(b.span.start <= b.span.end && b.span.end <= a.text.len());
            assert!(a.text.is_char_boundary(b.span.start) && a.text.is_char_boundary(b.span.end));
        }
        for pair in a.body.windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start);
        }
        let _ = dossier::dates::find_dates_with_default_year(&text, Some(2024));
    }
}

/// Found by the `ingest` fuzz target: a sentence end whose word follows a no-break space (two
/// bytes) cut the text inside that character.
#[test]
fn a_sentence_after_a_no_break_space_does_not_panic() {
    for text in [
        "Titel\n\nEin erster Absatz, lang genug für Fließtext, endet mit\u{a0}Nachdruck. Noch ein \
         Satz folgt hier. Und ein dritter.\n\nZweiter Absatz.\n",
    ] {
        let a = parse_article("nbsp.txt", text);
        assert!(a.text.contains("Satz"));
        for b in a.body.iter().chain(&a.references) {
            assert!(a.text.is_char_boundary(b.span.start) && a.text.is_char_boundary(b.span.end));
        }
    }
}

/// Every crash file the fuzzer found for ingestion (`fuzz/regressions/ingest`) decodes and
/// parses with valid spans.
#[test]
fn fuzz_regressions_for_ingestion() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/ingest");
    let mut files = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        files += 1;
        let Ok(decoded) = dossier::ingest::decode(&bytes) else {
            continue;
        };
        for a in [
            parse_article("fuzz.md", &decoded.text),
            dossier::ingest::parse_raw("fuzz.txt", &decoded.text),
        ] {
            for b in a.body.iter().chain(&a.references) {
                assert!(a.text.get(b.span.start..b.span.end).is_some());
            }
        }
    }
    assert!(files > 0);
}
