//! German news sentences whose source stands somewhere other than before "sagte": views held
//! ("vertritt die Ansicht", "schließen daraus"), quoting passives, a document or circle the word
//! came from, a perfect tense after a noun phrase, a pronoun opening the sentence.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use dossier::extract::analyze;
use dossier::ingest::parse_article;
use dossier::model::{Analysis, Claim, Stance};

fn analysed(body: &str) -> Analysis {
    analyze(&parse_article(
        "nachricht.txt",
        &format!("Meldung\n\n{body}\n"),
    ))
}

/// The claim whose text starts with `start`.
fn claim<'a>(a: &'a Analysis, start: &str) -> &'a Claim {
    a.claims
        .iter()
        .find(|c| c.text.starts_with(start))
        .unwrap_or_else(|| panic!("no claim starting {start:?}: {:#?}", a.claims))
}

/// The source phrase as written, or "" when the claim has none.
fn written(c: &Claim) -> &str {
    c.attribution
        .as_ref()
        .map(|a| a.text.as_str())
        .unwrap_or("")
}

#[test]
fn a_view_with_a_comparison_before_its_noun_is_still_a_view() {
    let a = analysed(
        "Hugo Chávez vertritt wie Fidel Castro die Ansicht, dass die Produktion von Bioethanol zu mehr Hunger führen wird.",
    );
    let c = claim(&a, "Hugo Chávez vertritt");
    assert!(written(c).contains("Hugo Chávez"), "{}", written(c));
    assert_eq!(c.stance, Stance::Attributed);
}

#[test]
fn conclusions_and_advice_are_attributed() {
    let a = analysed(
        "Beobachter schließen daraus, dass die Regierung nicht die volle Unterstützung der Armee hat. Die Beraterin Gülsen Celebi riet der Frau, sofort die Polizei zu rufen.",
    );
    assert!(written(claim(&a, "Beobachter schließen")).contains("Beobachter"));
    assert!(written(claim(&a, "Die Beraterin")).contains("Celebi"));
}

#[test]
fn the_subject_of_a_quoting_passive_is_the_speaker() {
    let a = analysed(
        "Die Ministerin Anna Berger wird mit den Worten zitiert, die Reform komme zu spät.",
    );
    let c = claim(&a, "Die Ministerin");
    assert!(written(c).contains("Anna Berger"), "{}", written(c));
}

#[test]
fn a_circle_the_word_came_from_is_the_source() {
    let a = analysed("Aus Militärkreisen verlautete, dass 15 Zivilisten bei dem Angriff starben.");
    let c = claim(&a, "Aus Militärkreisen");
    assert!(written(c).contains("Militärkreisen"), "{}", written(c));
}

#[test]
fn a_noun_phrase_before_a_perfect_of_saying_is_its_subject() {
    let a =
        analysed("Eine DNA-Analyse hat bestätigt, dass der Mann sich unter den Toten befindet.");
    let c = claim(&a, "Eine DNA-Analyse");
    assert!(written(c).contains("DNA-Analyse"), "{}", written(c));
}

#[test]
fn figures_that_let_one_expect_nothing_are_no_source() {
    let a = analysed(
        "Die genannten Truppenstärken lassen nicht erwarten, dass sich die Lage an der Front rasch ändert.",
    );
    assert!(claim(&a, "Die genannten").attribution.is_none());
}

#[test]
fn words_quoted_with_mit_den_worten_belong_to_the_subject() {
    let a = analysed(
        "Der deutsche Regierungssprecher, Steffen Seibert, versuchte mit den Worten zu beruhigen: „Der Fonds ist funktionstüchtig.“",
    );
    let c = claim(&a, "Der deutsche Regierungssprecher");
    assert!(written(c).contains("Regierungssprecher"), "{}", written(c));
}

#[test]
fn reporters_and_object_pronouns_do_not_hide_the_speaker() {
    let a = analysed(
        "Eine Reporterin von n24 sprach von 800 Autos, die in diesem Jahr angezündet wurden.",
    );
    assert!(written(claim(&a, "Eine Reporterin")).contains("Reporterin"));
    let a = analysed(
        "„Der Konzern braucht jetzt eine eiserne Hand“, so charakterisierte ihn der Gewerkschafter Bernard Aubin.",
    );
    let c = claim(&a, "„Der Konzern");
    assert!(written(c).contains("Bernard Aubin"), "{}", written(c));
}
