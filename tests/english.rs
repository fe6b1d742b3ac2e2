//! English articles: sentences survive currency figures, "U.S." and quotations; names are found
//! by capitalisation, heads, legal forms and appositives; canonical names keep the article's
//! English spelling ("English canonicals").

#![allow(clippy::expect_used, clippy::unwrap_used)]

use dossier::extract::{analyze, sentence_spans};
use dossier::ingest::parse_article;
use dossier::model::{Analysis, EntityKind, Lang};

const ARTICLE: &str = "Russia to sell bonds as sanctions bite

MOSCOW (Reuters) - Russia's finance ministry said on Friday it would sell bonds worth $1.6bn, \
while the World Bank cut its forecast for the economy. He said the U.S. Treasury had warned \
banks in Moscow. \"We will not pay,\" said Anton Siluanov, the finance minister. Kyiv said ships \
in the Black Sea had been attacked.

Intel Corp and Microsoft said they would invest €9.9bn in Ohio. Bosch, the German engineering \
group, said the European Central Bank had raised interest rates again. Reuters could not \
verify the report, and the Kremlin declined to comment.

Sales at Acme Holdings rose 4% in March, the University of Michigan said on Monday.
";

fn analysed() -> (dossier::model::Article, Analysis) {
    let article = parse_article("en.txt", ARTICLE);
    assert_eq!(article.lang, Lang::En);
    let analysis = analyze(&article);
    (article, analysis)
}

/// (kind, canonical) of the mention whose text is `surface`.
fn found(a: &Analysis, surface: &str) -> Option<(EntityKind, String)> {
    a.mentions
        .iter()
        .find(|m| m.text == surface && !m.derived)
        .map(|m| (m.kind, m.canonical.clone()))
}

#[test]
fn english_sentences_survive_currency_figures_abbreviations_and_quotes() {
    let text = "Russia's finance ministry said it would sell bonds worth $1.6bn on Friday. \
                The U.S. Treasury warned banks. Investors put €9.9bn into funds. \
                \"We will not pay,\" said Anton Siluanov. Analysts were surprised.";
    let sentences: Vec<&str> = sentence_spans(text)
        .iter()
        .map(|s| &text[s.start..s.end])
        .collect();
    assert_eq!(
        sentences,
        vec![
            "Russia's finance ministry said it would sell bonds worth $1.6bn on Friday.",
            "The U.S. Treasury warned banks.",
            "Investors put €9.9bn into funds.",
            "\"We will not pay,\" said Anton Siluanov.",
            "Analysts were surprised.",
        ]
    );
}

#[test]
fn english_canonicals_keep_the_articles_spelling() {
    let (_, a) = analysed();
    assert_eq!(
        found(&a, "Moscow"),
        Some((EntityKind::Place, "Moscow".into()))
    );
    assert_eq!(found(&a, "Kyiv"), Some((EntityKind::Place, "Kyiv".into())));
    assert_eq!(
        found(&a, "World Bank"),
        Some((EntityKind::Organization, "World Bank".into()))
    );
    assert_eq!(
        found(&a, "Kremlin").map(|(_, c)| c),
        Some("Kremlin".to_string())
    );
    for m in a.mentions.iter().filter(|m| m.text == "Reuters") {
        assert_eq!(m.canonical, "Reuters", "Reuters never becomes Reuter");
    }
    assert_eq!(
        found(&a, "Russia"),
        Some((EntityKind::Place, "Russia".into()))
    );
    assert_eq!(
        found(&a, "MOSCOW"),
        Some((EntityKind::Place, "Moscow".into())),
        "a dateline in capitals is the place"
    );
}

#[test]
fn english_companies_states_and_seas_are_found() {
    let (_, a) = analysed();
    assert_eq!(
        found(&a, "Intel Corp"),
        Some((EntityKind::Organization, "Intel".into()))
    );
    assert_eq!(
        found(&a, "Bosch").map(|(k, _)| k),
        Some(EntityKind::Organization)
    );
    assert_eq!(found(&a, "Ohio").map(|(k, _)| k), Some(EntityKind::Place));
    assert_eq!(
        found(&a, "Black Sea").map(|(k, _)| k),
        Some(EntityKind::Place)
    );
    assert_eq!(
        found(&a, "University of Michigan").map(|(k, _)| k),
        Some(EntityKind::Organization)
    );
    assert_eq!(
        found(&a, "Acme Holdings").map(|(k, _)| k),
        Some(EntityKind::Organization)
    );
    assert_eq!(
        found(&a, "Anton Siluanov").map(|(k, _)| k),
        Some(EntityKind::Person)
    );
}

#[test]
fn english_sentence_openers_pronouns_and_weekdays_are_not_names() {
    let (_, a) = analysed();
    for word in ["Friday", "Monday", "He", "Sales", "March", "German", "Corp"] {
        assert!(
            !a.mentions.iter().any(|m| m.text == word
                && matches!(
                    m.kind,
                    EntityKind::Person | EntityKind::Place | EntityKind::Organization
                )),
            "{word} is not a name: {:?}",
            a.mentions
                .iter()
                .filter(|m| m.text == word)
                .collect::<Vec<_>>()
        );
    }
}
