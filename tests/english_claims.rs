//! English news: claims name who said them ("said", "told", "according to", "X said in a
//! statement", a closing "she added"), pronouns resolve to the person named before them, and
//! "reportedly" hedges without naming anyone.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use dossier::extract::analyze;
use dossier::ingest::parse_article;
use dossier::model::{Analysis, Claim, Lang, Stance};

const ARTICLE: &str = "Steelworks to close two furnaces

SHEFFIELD (Reuters) - British Steel said on Tuesday it would close two blast furnaces at its \
Scunthorpe plant, putting 2,000 jobs at risk. The plant was opened in 1890 and supplied rails \
to half of Europe.

\"This is a dark day for the town,\" said Holly Mumby-Croft, the local member of parliament. \
She told the BBC that workers had been given no warning. The government should have stepped in \
months ago, she added.

According to the union Community, the plant employs about 4,000 people. Ministers have \
reportedly offered a support package worth 500 million pounds.

A spokesperson for the Department for Business and Trade said in a statement that talks were \
continuing. Analysts at Jefferies expect further cuts across the sector.
";

fn analysed() -> Analysis {
    let article = parse_article("steel.txt", ARTICLE);
    assert_eq!(article.lang, Lang::En);
    analyze(&article)
}

/// The claim whose text starts with `start`.
fn claim<'a>(a: &'a Analysis, start: &str) -> &'a Claim {
    a.claims
        .iter()
        .find(|c| c.text.starts_with(start))
        .unwrap_or_else(|| panic!("no claim starting {start:?}"))
}

/// The name the claim is attributed to: the resolved name or the phrase as written.
fn source(c: &Claim) -> String {
    c.attribution
        .as_ref()
        .map(|a| a.canonical.clone().unwrap_or_else(|| a.text.clone()))
        .unwrap_or_default()
}

#[test]
fn a_dateline_does_not_hide_the_speaker() {
    let a = analysed();
    let c = claim(&a, "SHEFFIELD (Reuters) - British Steel said");
    assert_eq!(source(c), "British Steel");
    assert_eq!(
        c.stance,
        Stance::Attributed,
        "\"would\" after said is no hypothesis"
    );
    let c = claim(&a, "The plant was opened in 1890");
    assert!(c.attribution.is_none());
    assert_eq!(c.stance, Stance::Asserted);
}

#[test]
fn pronouns_and_closing_cues_name_the_person_quoted_before() {
    let a = analysed();
    assert_eq!(
        source(claim(&a, "\"This is a dark day")),
        "Holly Mumby-Croft"
    );
    let c = claim(&a, "She told the BBC");
    let att = c.attribution.as_ref().expect("told");
    assert_eq!(att.resolved_from.as_deref(), Some("She"));
    assert_eq!(source(c), "Holly Mumby-Croft");
    let c = claim(&a, "The government should have stepped in");
    assert_eq!(
        source(c),
        "Holly Mumby-Croft",
        "\", she added\" names the speaker"
    );
}

#[test]
fn according_to_statements_and_expectations_are_attributed() {
    let a = analysed();
    let c = claim(&a, "According to the union Community");
    assert!(source(c).contains("Community"), "{}", source(c));
    let c = claim(&a, "A spokesperson for the Department");
    assert!(
        c.attribution
            .as_ref()
            .expect("said in a statement")
            .text
            .contains("Department for Business and Trade")
    );
    let c = claim(&a, "Analysts at Jefferies expect");
    assert!(source(c).contains("Jefferies"), "{}", source(c));
}

#[test]
fn reportedly_hedges_without_a_source() {
    let a = analysed();
    let c = claim(&a, "Ministers have reportedly offered");
    assert_eq!(c.stance, Stance::Uncertain);
    assert!(c.attribution.is_none());
}
