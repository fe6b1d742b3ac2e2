//! Claims by rules over sentences: kind (quote, statistic, reported, fact, assessment),
//! attribution phrase and its canonical entity, stance, and the entities, quantities and dates
//! inside. Headings, questions, fragments and sentences naming nothing checkable are not claims.
//! No terminal imports.

use super::Doc;
use super::text::TokenKind;
use super::wordlist::{AffixIndex, End, WordSet};
use crate::model::{
    Attribution, BlockKind, Claim, ClaimKind, DateRef, EntityKind, Lang, Mention, Span, Stance,
};

/// Verbs of saying and reporting (finite forms), German and English.
const SPEECH_VERBS: &[&str] = &[
    "sagte",
    "sagten",
    "sagt",
    "sagen",
    "erklärte",
    "erklärten",
    "erklärt",
    "betonte",
    "betonten",
    "betont",
    "berichtete",
    "berichteten",
    "berichtet",
    "meldete",
    "meldeten",
    "meldet",
    "teilte",
    "teilten",
    "teilt",
    "warnte",
    "warnten",
    "warnt",
    "schrieb",
    "schrieben",
    "schreibt",
    "fasste",
    "fassten",
    "behauptete",
    "behaupteten",
    "behaupten",
    "behauptet",
    "bestätigte",
    "bestätigten",
    "bestätigt",
    "schätzte",
    "schätzten",
    "schätzt",
    "kündigte",
    "kündigten",
    "erklären",
    "hieß",
    "heißt",
    "zitierte",
    "zitiert",
    "räumte",
    "räumten",
    "verkündete",
    "verkündeten",
    "versicherte",
    "forderte",
    "forderten",
    "fordert",
    "kritisierte",
    "kritisierten",
    "bezeichnete",
    "bezeichneten",
    "bezeichnet",
    "äußerte",
    "dementierte",
    "bestritt",
    "argumentierte",
    "argumentiert",
    "erläuterte",
    "mahnte",
    "drohte",
    "sprach",
    "spricht",
    "sprachen",
    "nennt",
    "verlangt",
    "verlangen",
    "verlautete",
    "verlautet",
    "gestand",
    "bekanntgegeben",
    "bekanntgab",
    "prognostizierte",
    "charakterisierte",
    "said",
    "says",
    "told",
    "reported",
    "stated",
    "announced",
    "claimed",
    "wrote",
    "warned",
    "added",
    "noted",
    "estimated",
    "confirmed",
    "meinte",
    "meint",
    "meinten",
    "ergänzte",
    "ergänzt",
    "fügte",
    "erinnerte",
    "lobte",
    "verurteilte",
    "sicherte",
    "lehnte",
    "begründete",
    "bekräftigte",
    "unterstrich",
    "verwies",
    "hob",
    "nannte",
    "versprach",
    "verlangte",
    "appellierte",
    "beklagte",
    "schilderte",
    "kommentierte",
    "verteidigte",
    "glaubt",
    "glaubte",
    "hofft",
    "hoffte",
    "befürchtet",
    "vermutet",
    "vermutete",
    "räumt",
    "verweist",
    "warnen",
    "fordern",
    "kritisieren",
    "betonen",
    "erklären",
    "meinen",
    "berichten",
    "verweisen",
    "fürchtet",
    "fürchten",
    "befürchten",
    "bezeichnen",
    "formulierte",
    "mitteilten",
    "mitteilte",
    "mitteilt",
    "mitteilen",
    "bedauerte",
    "bedauert",
    "begründet",
    "begründen",
    "weigerte",
    "weigerten",
    "überzeugt",
    "ergänzen",
    // Thought, expectation and description: SpkAtt and the newsgold guidelines attribute what
    // a named subject believes, hopes, fears or expects as they do what it says.
    "glauben",
    "hoffen",
    "hofften",
    "befürchtete",
    "befürchteten",
    "vermuten",
    "schätzen",
    "erwartet",
    "erwarten",
    "bezweifelt",
    "bezweifelte",
    "bezweifeln",
    "beschreibt",
    "beschrieb",
    "beschrieben",
    "charakterisiert",
    "riet",
    "rät",
    "rieten",
    "geschrieben",
    "believes",
    "believe",
    "expects",
    "expect",
    "insisted",
    "insists",
    "admitted",
    "argued",
    "argues",
    "denied",
    "acknowledged",
];

/// Konjunktiv I forms that mark reported speech.
const KONJUNKTIV_I: &[&str] = &[
    "sei",
    "seien",
    "seiest",
    "habe",
    "werde",
    "könne",
    "müsse",
    "solle",
    "wolle",
    "dürfe",
    "möge",
    "gebe",
    "verfüge",
    "plane",
    "bereite",
    "liege",
    "stehe",
    "gehe",
    "komme",
    "handle",
    "handele",
    "wisse",
    "brauche",
    "besitze",
    "unterstütze",
    "lasse",
    "halte",
    "bleibe",
    "sende",
    "schicke",
    "liefere",
    "kämpfe",
    "sehe",
    "nehme",
    "finde",
    "trage",
    "führe",
    "zeige",
    "mache",
    "bringe",
    "fehle",
    "gelte",
    "suche",
    "arbeite",
    "erwarte",
    "bestehe",
    "entstehe",
    "verstehe",
    "betrage",
    "sitze",
    "rechne",
    "kenne",
    "nenne",
    "denke",
    "glaube",
    "hoffe",
    "fürchte",
    "drohe",
    "beginne",
    "erhalte",
    "enthalte",
    "verliere",
    "gewinne",
    "zahle",
    "koste",
    "diene",
    "reiche",
    "passe",
    "folge",
    "stamme",
    "hänge",
    "sinke",
    "steige",
    "wachse",
    "falle",
    "leide",
    "bedeute",
    "erfordere",
    "benötige",
    "betreffe",
    "ermögliche",
    "verhindere",
    "befinde",
    "bemühe",
    "berge",
    "setze",
    "lege",
    "stelle",
    "spreche",
    "erkläre",
    "warne",
    "fordere",
    "achte",
    "vertrete",
    "vermindere",
    "erhöhe",
    "senke",
    "gehöre",
    "verdiene",
    "lebe",
    "wohne",
    "sterbe",
    "treffe",
    "helfe",
    "laufe",
    "spiele",
    "zähle",
    "fordere",
    "mangle",
    "ergebe",
    "bestätige",
    "berichte",
    "sorge",
    "schaffe",
];

/// Hedges that make a claim uncertain.
const HEDGES: &[&str] = &[
    "angeblich",
    "offenbar",
    "mutmaßlich",
    "könne",
    "widersprüchliche",
    "vermutlich",
    "möglicherweise",
    "womöglich",
    "könnte",
    "könnten",
    "dürfte",
    "dürften",
    "wahrscheinlich",
    "eventuell",
    "vielleicht",
    "anscheinend",
    "scheint",
    "scheinen",
    "schien",
    "schienen",
    "unklar",
    "umstritten",
    "ungewiss",
    "unbestätigt",
    "denkbar",
    "fraglich",
    "reportedly",
    "allegedly",
    "apparently",
    "may",
    "might",
    "could",
    "likely",
    "possibly",
    "perhaps",
    "unclear",
];

/// Konjunktiv II forms: a hypothesis, or past tense standing in for Konjunktiv I.
const KONJUNKTIV_II: &[&str] = &[
    "würde",
    "würden",
    "wäre",
    "wären",
    "hätte",
    "hätten",
    "müsste",
    "müssten",
    "sollte",
    "sollten",
    "käme",
    "kämen",
    "gäbe",
    "ginge",
    "bräuchte",
    "wüsste",
    "would",
];

/// Modal forecasts in the author's voice.
const FORECASTS: &[&str] = &["dürfte", "dürften", "wohl", "müsste", "müssten", "should"];

/// Words of judgement that make a sentence an assessment.
const ASSESSMENT: &[&str] = &[
    "paradox",
    "paradoxer",
    "paradoxerweise",
    "beispiellos",
    "beispiellose",
    "seltsamerweise",
    "zweifellos",
    "bedauerlicherweise",
    "erfreulicherweise",
    "glücklicherweise",
    "leider",
    "natürlich",
    "selbstverständlich",
    "durchaus",
    "besorgniserregend",
    "fatal",
    "unhöflich",
    "ernüchternd",
    "praktischerweise",
    "kurzum",
    "immerhin",
    "offensichtlich",
    "gerechtfertigt",
    "unwahrscheinlich",
    "clearly",
    "unfortunately",
    "undoubtedly",
];

/// Quotation marks that open or close a quote.
const QUOTES: &[&str] = &["„", "“", "”", "»", "«", "\"", "‚", "‘"];

/// Unnamed sources.
const UNNAMED: &[&str] = &[
    "berichten",
    "berichte",
    "medienberichten",
    "angaben",
    "informationen",
    "quellen",
    "kreisen",
    "kreise",
    "beobachtern",
    "beobachter",
    "experten",
    "kritiker",
    "analysten",
    "schätzungen",
    "insidern",
    "augenzeugen",
    "umfragen",
    "meinungsumfragen",
    "berechnungen",
    "untersuchungen",
    "ermittlungen",
    "erkenntnissen",
    "recherchen",
    "reports",
    "sources",
    "experts",
    "analysts",
];

/// What one sentence says on its own, before sources are carried across sentences.
struct Local {
    /// Token range of the sentence in [`Doc::tokens`].
    range: std::ops::Range<usize>,
    span: Span,
    /// False for headings, bylines, agency tags, questions, references and credits.
    is_claim: bool,
    /// The source phrase written in the sentence.
    own: Option<Found>,
    /// "Das berichtet X", "Das haben Ermittler festgestellt": the source also covers the
    /// sentence before.
    backward: bool,
    /// Konjunktiv I: indirect speech.
    konj1: bool,
    /// Konjunktiv I in the message: after the colon when a colon follows the cue.
    konj1_message: bool,
    /// Konjunktiv II as a hypothesis (not standing in for Konjunktiv I).
    hypothetical: bool,
    /// Konjunktiv II that may stand in for Konjunktiv I ("hätten geöffnet").
    konj2_past: bool,
    /// Konjunktiv II with a Konjunktiv I of its own ("würde", "wäre"): a hypothesis, also in
    /// reported speech.
    konj2_genuine: bool,
    /// Konjunktiv II without a participle or condition ("würden teilen", "wäre eine gute
    /// Kandidatin"): standing in for Konjunktiv I when its source is named in the sentence, a
    /// hypothesis otherwise.
    konj2_plain: bool,
    /// A lexical hedge, hearsay "sollen" or an evidential.
    hedge: bool,
    /// Hearsay "soll ... haben": after reported speech it goes on with the report.
    hearsay_sollen: bool,
    /// "sollte" or "sollten": Konjunktiv II or a plain past tense.
    sollte: bool,
    /// "heißt es", "Gerüchte", "Berichten zufolge": hearsay without a named source.
    hearsay: bool,
    /// Quotation marks around at least four words.
    quoted: bool,
    /// The whole sentence is in quotation marks.
    whole_quote: bool,
    /// Square brackets: an insertion into quoted text.
    bracketed: bool,
    /// The speech verb stands after the message (", sagte X", ", so X", "heißt es") or the
    /// message follows a colon after its source.
    parenthetical: bool,
    /// First-person pronouns ("ich", "wir", "unser").
    first_person: bool,
    /// "dass" after the speech verb: indirect speech in the indicative.
    dass: bool,
    /// Opens with a connective ("Demnach", "Zudem", "Dabei"): a Konjunktiv I continuation may
    /// stand further from its speaker.
    continues: bool,
    /// "Demnach": the sentence goes on with the report before it whatever its mood; other
    /// connectives only widen the reach of a Konjunktiv I continuation.
    demnach: bool,
    /// A speech verb anywhere in the sentence.
    speech: bool,
    /// A present-tense finite verb and no past-tense one: how a quote goes on, where the
    /// narrative around it is in the past.
    present: bool,
    /// A figure that counts something.
    counted: bool,
    /// A word of evaluation in the author's voice.
    evaluative: bool,
    /// Modal forecast in the author's voice ("dürfte", "wohl").
    forecast: bool,
}

/// A source phrase found in a sentence.
#[derive(Clone)]
struct Found {
    /// The phrase as written.
    span: Span,
    /// The name the phrase gives: the canonical of the entity in it, or its base form.
    canonical: Option<String>,
    /// A generic source without a name ("Medienberichte", "Beobachter").
    unnamed: bool,
    /// Pronouns and role nouns that name no one by themselves: what they can refer to.
    anaphor: Option<Want>,
    /// "Kerrys Sprecher": only an earlier source with the same role noun is the same person;
    /// the nearest name is the possessor's.
    same_head_only: bool,
}

/// What an anaphoric source can refer to.
#[derive(Clone, Copy, PartialEq)]
enum Want {
    Person,
    Organization,
    Any,
}

/// Finds the claims of a document given its mentions.
///
/// `mentions` are sorted by start, as [`super::analyze`] makes them. Each sentence only looks at
/// the mentions inside it, found by binary search: scanning all of them for every sentence made a
/// long text take minutes. A second pass in text order resolves pronouns and role nouns to the
/// nearest compatible name and carries a speaker over continuation sentences.
pub(crate) fn find(doc: &Doc, mentions: &[Mention]) -> Vec<Claim> {
    debug_assert!(mentions.is_sorted_by_key(|m| m.span.start));
    let mut locals = Vec::new();
    for s in &doc.sentences {
        if !matches!(s.block_kind, BlockKind::Paragraph | BlockKind::ListItem) {
            continue;
        }
        let lo = mentions.partition_point(|m| m.span.start < s.span.start);
        let hi = lo + mentions[lo..].partition_point(|m| m.span.start < s.span.end);
        let mut l = analyse(doc, s.range.clone(), s.span, &mentions[lo..hi]);
        let b = doc.blocks.partition_point(|b| b.end <= s.span.start);
        if doc
            .blocks
            .get(b)
            .is_some_and(|b| b.contains(s.span) && is_reference_entry(&doc.text[b.start..b.end]))
        {
            l.is_claim = false;
        }
        locals.push(l);
    }
    let mut out = Vec::new();
    // The speaker of the last reported or quoted sentence, with its sentence index and whether
    // it was a quote.
    let mut last: Option<(Attribution, usize, bool)> = None;
    // Every source so far, for role nouns that repeat an earlier one's.
    let mut history: Vec<Attribution> = Vec::new();
    for i in 0..locals.len() {
        let l = &locals[i];
        if !l.is_claim {
            continue;
        }
        let mut attribution = l
            .own
            .as_ref()
            .map(|f| resolve(doc, mentions, f, last.as_ref().map(|x| &x.0), &history));
        let mut inherited_quote = false;
        if attribution.is_none()
            && let Some(next) = locals.get(i + 1).filter(|n| n.backward)
            && let Some(f) = &next.own
        {
            attribution = Some(resolve(
                doc,
                mentions,
                f,
                last.as_ref().map(|x| &x.0),
                &history,
            ));
        }
        if attribution.is_none()
            && let Some((att, at, was_quote)) = &last
            && (i - at <= 4 || (i - at <= 6 && l.continues))
            && locals[at + 1..i]
                .iter()
                .all(|m| m.is_claim || m.range.len() < 8)
        {
            // Konjunktiv II right after reported speech stands in for Konjunktiv I ("Die
            // Sanktionen hätten sich negativer ausgewirkt").
            // "sollte" is also a plain past tense ("Das Heim sollte 400 Kindern dienen").
            // A hypothesis right after subjunctive reported speech goes on with it ("Die Folgen
            // wären gering, sagte X. Bis 2030 würde es ...").
            let prev = &locals[*at];
            let prev_subjunctive = prev.konj1 || prev.konj2_genuine || prev.konj2_plain;
            let konj2_report = ((l.konj2_past || (l.konj2_plain && !l.sollte)) && i - at <= 2)
                || (l.konj2_genuine && prev_subjunctive && i - at == 1);
            // How a quotation goes on: in quotation marks, in the speaker's first person, or in
            // the present where the narrative around it is in the past.
            let quote_goes_on = (l.whole_quote && i - at <= 2)
                // "[…]", "[schon]": an editor's insertion into a quotation.
                || (l.bracketed && *was_quote && i - at <= 3)
                || (*was_quote
                    && i - at == 1
                    && (l.first_person
                        || l.quoted
                        || (l.present && !(l.konj1 || l.konj2_plain || l.konj2_past))))
                || (l.first_person && i - at <= 2);
            let carries = l.konj1
                || konj2_report
                || (l.hearsay_sollen && i - at == 1)
                || l.demnach
                || quote_goes_on;
            if carries && !l.hearsay {
                attribution = Some(att.clone());
                // Subjunctive or "demnach" goes on as indirect speech, reported even after a
                // quotation.
                inherited_quote = quote_goes_on && (*was_quote || l.first_person) && !l.konj1;
            }
        }
        let has_source = attribution.is_some();
        let indirect = l.konj1_message || l.konj2_past || l.konj2_plain || l.dass;
        let quote = (l.quoted && (has_source || l.speech))
            || (has_source && l.own.is_some() && l.parenthetical && !indirect)
            || (inherited_quote && !l.konj1);
        let kind = if quote {
            ClaimKind::Quote
        } else if l.counted {
            ClaimKind::Statistic
        } else if has_source || l.konj1 || l.hearsay {
            ClaimKind::Reported
        } else if l.evaluative
            || l.forecast
            || ((l.hypothetical || (l.konj2_genuine && !l.konj1)) && !l.counted)
        {
            ClaimKind::Assessment
        } else {
            ClaimKind::Fact
        };
        let unnamed_hearsay = attribution
            .as_ref()
            .is_some_and(|a| a.unnamed && is_hearsay_source(&a.text));
        // In Konjunktiv I reported speech "würde" is its future ("dass sie vermieten würde").
        let hypothetical = l.hypothetical
            || (l.konj2_genuine && !l.konj1)
            || (l.konj2_past && !has_source)
            || (l.konj2_plain && !has_source);
        let stance = if l.hedge || hypothetical || l.hearsay || unnamed_hearsay {
            Stance::Uncertain
        } else if has_source {
            Stance::Attributed
        } else {
            Stance::Asserted
        };
        if let Some(a) = &attribution {
            last = Some((a.clone(), i, kind == ClaimKind::Quote));
            history.push(a.clone());
        }
        out.push(finish(doc, mentions, l, kind, attribution, stance));
    }
    out
}

/// The attribution of a source phrase: anaphors resolved to the nearest compatible name before
/// it (the current speaker first), names and generic sources as written.
///
/// A role noun ("die Polizeichefin", "des Bürgermeisters") first looks for an earlier source
/// written with the same role noun in `history`: a definite description repeats its antecedent's
/// head. Failing that it takes the first compatible name of the nearest sentence before it that
/// has one (the subject comes first in most German sentences and is the likelier antecedent),
/// skipping names whose own title is another office or the other gender ("Pentagon-Sprecher Peter
/// Cook" is not "der Bürgermeister", "Minister X" is not "die Ministerin").
fn resolve(
    doc: &Doc,
    mentions: &[Mention],
    f: &Found,
    speaker: Option<&Attribution>,
    history: &[Attribution],
) -> Attribution {
    let text = doc.text[f.span.start..f.span.end].to_string();
    let as_written = || Attribution {
        text: text.clone(),
        canonical: f.canonical.clone(),
        unnamed: f.unnamed,
        span: Some(f.span),
        resolved_from: None,
    };
    let Some(want) = f.anaphor else {
        return as_written();
    };
    let fits = |k: EntityKind| match want {
        Want::Person => k == EntityKind::Person,
        Want::Organization => k == EntityKind::Organization,
        Want::Any => matches!(k, EntityKind::Person | EntityKind::Organization),
    };
    // Pronouns refer back further than role nouns and documents, which otherwise pick up any
    // name far back.
    let pronoun = !text.contains(' ')
        && matches!(
            text.to_lowercase().as_str(),
            "er" | "sie" | "he" | "she" | "darin" | "dort" | "they"
        );
    let role = if pronoun {
        None
    } else {
        text.split_whitespace()
            .rev()
            .find(|w| w.starts_with(char::is_uppercase))
            .and_then(|w| role_head_of(&w.to_lowercase()))
    };
    if let Some(r) = &role
        && let Some(a) = history.iter().rev().find(|a| {
            std::iter::once(a.text.as_str())
                .chain(a.resolved_from.as_deref())
                .any(|t| {
                    t.split_whitespace().any(|w| {
                        role_head_of(&w.to_lowercase()).is_some_and(|h| h.ends_with(r.as_str()))
                    })
                })
        })
    {
        return Attribution {
            span: Some(f.span),
            resolved_from: Some(text.clone()),
            ..a.clone()
        };
    }
    if f.same_head_only {
        return as_written();
    }
    // "heißt es im Brief" after "ein Brief von X": the document's author.
    if !pronoun
        && let Some(noun) = text
            .split_whitespace()
            .rev()
            .find(|w| w.starts_with(char::is_uppercase))
            .map(str::to_lowercase)
            .and_then(|w| DOCUMENTS.iter().find(|d| w.ends_with(*d)))
        && let Some(m) = document_author(doc, mentions, f.span.start, noun)
    {
        return Attribution {
            text: m.canonical.clone(),
            canonical: Some(m.canonical.clone()),
            unnamed: false,
            span: Some(f.span),
            resolved_from: Some(text),
        };
    }
    let before = mentions.partition_point(|m| m.span.start < f.span.start);
    let window = if pronoun { 1500 } else { 600 };
    // The title written right before a name ("Pentagon-Sprecher Peter Cook").
    let title_of = |m: &Mention| -> Option<String> {
        let w = doc.text[..m.span.start].split_whitespace().next_back()?;
        role_head_of(&w.to_lowercase()).filter(|_| w.starts_with(char::is_uppercase))
    };
    let compatible = |title: Option<String>| match (&role, title) {
        (Some(r), Some(t))
            if PERSON_ROLES.contains(&r.as_str()) && PERSON_ROLES.contains(&t.as_str()) =>
        {
            roles_compatible(r, &t)
        }
        _ => true,
    };
    let candidates = mentions[..before]
        .iter()
        .rev()
        .take_while(|m| m.span.start + window >= f.span.start)
        .filter(|m| !m.derived && fits(m.kind) && compatible(title_of(m)));
    let nearest = if role.is_some() {
        // The first compatible name of the nearest sentence with one.
        let sentence_of = |m: &Mention| {
            doc.sentences
                .partition_point(|s| s.span.end <= m.span.start)
        };
        let mut best: Option<&Mention> = None;
        for m in candidates {
            match best {
                Some(b) if sentence_of(b) != sentence_of(m) => break,
                _ => best = Some(m),
            }
        }
        best
    } else {
        candidates.into_iter().next()
    };
    // The current speaker wins over a name mentioned after it when it fits.
    let speaker_fits = speaker.filter(|s| {
        let title = s
            .text
            .split_whitespace()
            .filter(|w| w.starts_with(char::is_uppercase))
            .find_map(|w| role_head_of(&w.to_lowercase()));
        compatible(title)
            && s.canonical.as_ref().is_some_and(|c| {
                mentions[..before]
                    .iter()
                    .rev()
                    .take(60)
                    .any(|m| &m.canonical == c && !m.derived && fits(m.kind))
            })
    });
    if let Some(s) = speaker_fits
        && want == Want::Person
    {
        return Attribution {
            text: s.canonical.clone().unwrap_or_else(|| s.text.clone()),
            canonical: s.canonical.clone(),
            unnamed: false,
            span: Some(f.span),
            resolved_from: Some(text),
        };
    }
    match nearest {
        Some(m) => Attribution {
            text: m.canonical.clone(),
            canonical: Some(m.canonical.clone()),
            unnamed: false,
            span: Some(f.span),
            resolved_from: Some(text),
        },
        None => as_written(),
    }
}

/// The author of a document named earlier with its author ("ein Brief von X", "die Klage des
/// Y"): the person or organisation right after "von", "des" or "der" that follows the last
/// earlier mention of the document noun.
fn document_author<'m>(
    doc: &Doc,
    mentions: &'m [Mention],
    before: usize,
    noun: &str,
) -> Option<&'m Mention> {
    let end = doc.tokens.partition_point(|t| t.span.start < before);
    let lo = end.saturating_sub(400);
    let lower = doc.lowers(lo..end);
    for k in (0..lower.len()).rev() {
        if !lower[k].ends_with(noun) || !doc.strs[lo + k].starts_with(char::is_uppercase) {
            continue;
        }
        let Some(j) =
            (k + 1..(k + 4).min(lower.len())).find(|&j| matches!(lower[j], "von" | "des" | "der"))
        else {
            continue;
        };
        let (Some(from), Some(to)) = (
            doc.tokens.get(lo + j + 1),
            doc.tokens.get((lo + j + 5).min(end.saturating_sub(1))),
        ) else {
            continue;
        };
        if let Some(m) = mentions.iter().find(|m| {
            m.span.start >= from.span.start
                && m.span.start <= to.span.start
                && !m.derived
                && matches!(m.kind, EntityKind::Person | EntityKind::Organization)
        }) {
            return Some(m);
        }
    }
    None
}

/// The role noun a word ends in, without a genitive "-s" ("Bürgermeisters" -> "bürgermeister",
/// "US-Außenamtssprecher" -> "sprecher"), for person and organisation roles.
fn role_head_of(w: &str) -> Option<String> {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    let stem = w.strip_suffix('s').filter(|s| s.len() > 3);
    [Some(w), stem].into_iter().flatten().find_map(|w| {
        PERSON_ROLES
            .iter()
            .chain(ORG_ROLES)
            .filter(|r| w.ends_with(*r))
            .max_by_key(|r| r.len())
            .map(|r| r.to_string())
    })
}

/// Whether a role noun can name the holder of a title: the same office, or one of them says
/// nothing about the office (an age, "Politiker", "Experte"), and not the other grammatical
/// gender ("die Ministerin" is not "Minister X"). A spokesperson speaks for someone else and is
/// never that someone, so "Sprecher" and "Minister" are different offices like any other two.
fn roles_compatible(anaphor: &str, title: &str) -> bool {
    let feminine = |r: &str| {
        r.ends_with("frau")
            || r.strip_suffix("in")
                .is_some_and(|b| PERSON_ROLES.contains(&b) || b.ends_with("jährig"))
    };
    let masculine = |r: &str| {
        r.ends_with("mann")
            || r == "jähriger"
            || PERSON_ROLES.iter().any(|f| f.strip_suffix("in") == Some(r))
    };
    if (feminine(anaphor) && masculine(title)) || (masculine(anaphor) && feminine(title)) {
        return false;
    }
    let role_free = |r: &str| {
        matches!(
            r,
            "jährige"
                | "jähriger"
                | "politiker"
                | "politikerin"
                | "experte"
                | "expertin"
                | "vertreter"
                | "vertreterin"
                | "funktionär"
                | "funktionärin"
        )
    };
    // Titles that name the same office: the head of a government.
    let head_of_government = |r: &str| {
        matches!(
            r,
            "premier"
                | "premierminister"
                | "ministerpräsident"
                | "regierungschef"
                | "kanzler"
                | "staatschef"
        )
    };
    let base = |r: &str| {
        r.strip_suffix("in")
            .filter(|b| PERSON_ROLES.contains(b))
            .unwrap_or(r)
            .to_string()
    };
    let (a, t) = (base(anaphor), base(title));
    role_free(anaphor)
        || role_free(title)
        || a.ends_with(&t)
        || t.ends_with(&a)
        || (head_of_government(&a) && head_of_government(&t))
}

/// The claim of a sentence once its kind, source and stance are known.
fn finish(
    doc: &Doc,
    mentions: &[Mention],
    l: &Local,
    kind: ClaimKind,
    attribution: Option<Attribution>,
    stance: Stance,
) -> Claim {
    let span = l.span;
    let lo = mentions.partition_point(|m| m.span.start < span.start);
    let hi = lo + mentions[lo..].partition_point(|m| m.span.start < span.end);
    let mut entities: Vec<String> = Vec::new();
    for m in mentions[lo..hi].iter().filter(|m| span.contains(m.span)) {
        if matches!(
            m.kind,
            EntityKind::Person | EntityKind::Organization | EntityKind::Place | EntityKind::Misc
        ) && !entities.contains(&m.canonical)
        {
            entities.push(m.canonical.clone());
        }
    }
    let quantities: Vec<_> = doc.quantities_in(span).cloned().collect();
    let dates: Vec<DateRef> = doc
        .dates_in(span)
        .map(|(sp, d)| DateRef {
            span: *sp,
            text: doc.text[sp.start..sp.end].to_string(),
            date: *d,
        })
        .collect();
    Claim {
        span,
        text: doc.text[span.start..span.end].to_string(),
        kind,
        attribution: attribution.map(Box::new),
        stance,
        entities,
        quantities,
        dates,
    }
}

/// True for a paragraph that is a bibliography entry: "Smith, J. (2020). Title. Publisher." —
/// a surname, a comma and an initial at the start, a year soon after.
fn is_reference_entry(block: &str) -> bool {
    if block.len() > 600 {
        return false;
    }
    let head: String = block.chars().take(60).collect();
    let b = head.as_bytes();
    let initial = (0..b.len().saturating_sub(3)).any(|i| {
        b[i] == b',' && b[i + 1] == b' ' && b[i + 2].is_ascii_uppercase() && b[i + 3] == b'.'
    });
    let chars: Vec<char> = block.chars().take(120).collect();
    let year = chars.windows(4).any(|w| {
        w.iter().all(char::is_ascii_digit) && matches!(w[0], '1' | '2') && matches!(w[1], '9' | '0')
    });
    initial && year
}

/// True when a generic source is hearsay ("Medienberichte", "Gerüchte", "Kreise") rather than
/// a group that speaks for itself ("Experten", "Kritiker").
fn is_hearsay_source(text: &str) -> bool {
    let l = text.to_lowercase();
    l.split(|c: char| !c.is_alphanumeric())
        .any(|w| ends_in(&HEARSAY_NOUN_ENDS, w))
}

/// Heads of generic sources that are hearsay: the claim stays uncertain.
const HEARSAY_NOUNS: &[&str] = &[
    "berichten",
    "berichte",
    "gerüchte",
    "gerüchten",
    "kreisen",
    "kreise",
    "beobachtern",
    "beobachter",
    "insidern",
    "insider",
    "quellen",
    "informationen",
    "augenzeugen",
    "reports",
    "sources",
    "rumours",
    "rumors",
];

/// True for a sentence that is boilerplate rather than a claim: an agency tag or byline
/// ("(APA, 25.7.2015)"), legal boilerplate, a reference or URL line, an image credit.
fn is_boilerplate(strs: &[&str], lower: &[&str]) -> bool {
    let n = strs.len();
    // "(APA, red, 25.7.2015)", "(Name, 2.11.2015)": a parenthesis holding only a tag and a date.
    if n >= 3
        && strs[0] == "("
        && strs[n - 1] == ")"
        && strs.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()))
        && n <= 14
    {
        return true;
    }
    if lower.contains(&"unschuldsvermutung") && lower.iter().any(|w| *w == "gilt" || *w == "gelten")
    {
        return true;
    }
    if strs.iter().any(|w| {
        // A byte scan: a substring searcher set up for every word costs more.
        w.starts_with("http")
            || w.starts_with("www.")
            || w.as_bytes().windows(3).any(|x| x == b"://")
    }) || lower
        .iter()
        .any(|w| *w == "doi" || *w == "isbn" || *w == "abgerufen" || *w == "retrieved")
    {
        return true;
    }
    if strs.contains(&"©")
        || (n > 1
            && strs[1] == ":"
            && matches!(
                lower[0],
                "foto"
                    | "fotos"
                    | "bild"
                    | "bilder"
                    | "grafik"
                    | "quelle"
                    | "credit"
                    | "photo"
                    | "image"
                    | "source"
            ))
    {
        return true;
    }
    // A bibliography entry: "Name, A. (2020). Title." — an initial and a year in parentheses.
    let year_in_parens = strs.windows(3).any(|w| {
        w[0] == "(" && w[2] == ")" && w[1].len() == 4 && w[1].chars().all(|c| c.is_ascii_digit())
    });
    let initial = strs.iter().any(|w| {
        w.len() == 2 && w.ends_with('.') && w.chars().next().is_some_and(char::is_uppercase)
    });
    year_in_parens && initial
}

fn analyse(doc: &Doc, range: std::ops::Range<usize>, span: Span, mentions: &[Mention]) -> Local {
    let toks = &doc.tokens[range.clone()];
    let strs = &doc.strs[range.clone()];
    let n = strs.len();
    let lower = doc.lowers(range.clone());
    let words = toks
        .iter()
        .filter(|t| {
            matches!(
                t.kind,
                TokenKind::Word | TokenKind::Number | TokenKind::Ordinal | TokenKind::Abbrev
            )
        })
        .count();
    let last = strs
        .iter()
        .rev()
        .find(|s| !QUOTES.contains(s) && **s != ")")
        .copied()
        .unwrap_or("");
    let terminal = matches!(last, "." | "!" | "…");
    // Verbs, adverbs and modals are lowercase in German: a capitalised word mid-sentence is a
    // noun ("Kämpfe") even when it looks like a Konjunktiv form ("kämpfe").
    let is_lower = |i: usize| strs[i].chars().next().is_some_and(char::is_lowercase);
    let has_lower = (0..n).any(|i| is_lower(i) && toks[i].kind == TokenKind::Word);
    let is_claim = has_lower
        && last != "?"
        && last != ":"
        && (words >= 5 || (terminal && words >= 2))
        && !is_boilerplate(strs, lower);
    let lex: Vec<u8> = lower.iter().map(|w| lexicon_flags(w)).collect();
    let flags = lex.iter().enumerate().fold(
        0u8,
        |f, (i, &l)| {
            if is_lower(i) || i == 0 { f | l } else { f }
        },
    );
    let has = |flag: u8| flags & flag != 0;
    let sub = subordinate_tokens(strs, lower, &lex);
    let stems = StemForms::new(lower);
    // A hedge hedges the sentence's assertion only in its main clause, and not as an attribute
    // ("die wahrscheinlich höchste Quote", "eine angeblich wohltätige Stiftung").
    let main_hedge = (0..n).any(|i| {
        lex[i] & F_HEDGE != 0
            && (is_lower(i) || i == 0)
            && !sub[i]
            && !(i > 0
                && DETERMINERS_SET.contains(lower[i - 1])
                && lower[i].ends_with("lich")
                && i + 1 < n
                && is_lower(i + 1)
                && toks[i + 1].kind == TokenKind::Word
                && ["e", "en", "er", "es", "em"]
                    .iter()
                    .any(|e| lower[i + 1].ends_with(e)))
    });
    let first_person = lower.iter().any(|w| FIRST_PERSON_SET.contains(w));

    // Quotes: a quoted stretch of at least four words.
    let mut quote_words = 0;
    let mut in_quote = false;
    let mut max_quote = 0;
    for (t, w) in toks.iter().zip(strs) {
        if t.kind == TokenKind::Punct && QUOTES.contains(w) {
            if in_quote {
                max_quote = max_quote.max(quote_words);
            }
            in_quote = !in_quote;
            quote_words = 0;
        } else if in_quote && t.kind != TokenKind::Punct {
            quote_words += 1;
        }
    }
    if in_quote {
        max_quote = max_quote.max(quote_words);
    }
    // A sentence that opens with a quotation closed by its clause's punctuation is direct
    // speech however short: '"No," he said.', '„Nein“, sagte er.', '"Why?" she asked.'
    let opening_quote = n > 3
        && QUOTES.contains(&strs[0])
        && (2..n - 1).any(|k| {
            QUOTES.contains(&strs[k])
                && (matches!(strs[k - 1], "," | "!" | "?") || strs[k + 1] == ",")
        });
    let found = find_attribution(doc, range.clone(), lower, &lex, &stems, mentions);
    let (own, cue) = match found {
        Some((f, cue)) => (Some(f), Some(cue)),
        None => (None, None),
    };
    // Konjunktiv I, except the first person ("ich habe") where the forms are indicative.
    let is_capital_at = |k: usize| {
        toks[k].kind == TokenKind::Word && strs[k].chars().next().is_some_and(char::is_uppercase)
    };
    let is_konj1 = |i: usize| {
        (lex[i] & F_KONJ != 0 || (lower[i].len() > 5 && lower[i].ends_with("iere")))
            && is_lower(i)
            && !(matches!(
                lower[i],
                "habe" | "werde" | "könne" | "müsse" | "wolle" | "dürfe" | "solle"
            ) && lower[i.saturating_sub(2)..(i + 3).min(n)].contains(&"ich"))
    };
    // "Der KAV verwerte ...", "Man weise ...": a lowercase word in -e right after the first
    // phrase stands in verb-second position, where adjectives do not.
    let second = {
        let mut a = 0;
        while a < n && (toks[a].kind == TokenKind::Punct || OPENERS_SET.contains(lower[a])) {
            a += 1;
        }
        let mut j = a;
        if j < n
            && matches!(
                lower[j],
                "der" | "die" | "das" | "man" | "er" | "sie" | "es"
            )
        {
            j += 1;
        }
        while j < n && j < a + 6 && is_capital_at(j) {
            j += 1;
        }
        (j > a && j < n).then_some(j)
    };
    // Only a true Konjunktiv I form after a plausible subject counts: "-te" is a past tense
    // ("hatte", "machte") and a word right after a determiner or in an adjective ending is an
    // attribute ("Die pflichtgemäße Einhaltung", "Diese neuartige Situation").
    let verb_second_konj = second.is_some_and(|j| {
        let w = lower[j];
        let subject_before = matches!(lower[j - 1], "er" | "sie" | "es" | "man")
            || (is_capital_at(j - 1) && !DETERMINERS_SET.contains(lower[j - 1]));
        is_lower(j)
            && w.len() > 3
            && w.ends_with('e')
            && !w.ends_with("te")
            && !PAST_SET.contains(w)
            && !AUXILIARIES_SET.contains(w)
            && !ADJECTIVE_ENDINGS.iter().any(|e| w.ends_with(e))
            && lex[j] == 0
            && subject_before
            && !NOT_VERBS_IN_E_SET.contains(w)
            && !lower.contains(&"ich")
    });
    // English has no Konjunktiv: "Ministers have" is no verb-second subjunctive.
    let konj1 = doc.lang != Lang::En && ((0..n).any(is_konj1) || verb_second_konj);
    // "Hätten die Lieferungen stattgefunden, würden sie ...": a verb-first condition.
    let conditional = lower.iter().any(|w| CONDITIONALS_SET.contains(w))
        || (lex[0] & F_KONJ2 != 0 && strs.contains(&","))
        || (1..n).any(|i| strs[i - 1] == "," && lex[i] & F_KONJ2 != 0 && sub[i])
        || (lex[0] & F_KONJ2 != 0
            && strs[0].starts_with(|c: char| c.is_uppercase())
            && lower[0].starts_with("sollte"))
        || lower[0] == "sollte";
    let mut hypothetical = false;
    let mut konj2_past = false;
    let mut konj2_plain = false;
    let mut konj2_genuine = false;
    for i in 0..n {
        if lex[i] & F_KONJ2 == 0 || !(is_lower(i) || i == 0) || sub[i] {
            continue;
        }
        // "hätten ... geöffnet": a participle in the same clause makes it a past tense that
        // may stand in for Konjunktiv I.
        let clause_end = (i + 1..n)
            .find(|&k| matches!(strs[k], "," | "." | ";" | ":" | "–" | "!"))
            .unwrap_or(n);
        let participle = matches!(lower[i], "hätte" | "hätten" | "wäre" | "wären")
            && lower[i + 1..clause_end].iter().any(|w| is_participle(w));
        // Konjunktiv II stands in for Konjunktiv I only where that is the same as the
        // indicative ("sie würden", "sie hätten"); "würde", "wäre", "hätte" have a Konjunktiv I
        // of their own ("werde", "sei", "habe"), so in them Konjunktiv II is a hypothesis.
        let stand_in = matches!(lower[i], "würden" | "hätten" | "müssten")
            || matches!(lower[i], "sollte" | "sollten" | "would");
        if conditional {
            hypothetical = true;
        } else if !stand_in {
            konj2_genuine = true;
        } else if participle {
            konj2_past = true;
        } else {
            konj2_plain = true;
        }
    }
    // "soll ... verübt haben", "soll mitverantwortlich sein": hearsay; "soll ... werden",
    // "soll ... vorlegen": plan or intention.
    let hearsay_sollen = (0..n).any(|i| {
        if !matches!(lower[i], "soll" | "sollen") || !is_lower(i) || sub[i] {
            return false;
        }
        let clause_end = (i + 1..n)
            .find(|&k| matches!(strs[k], "," | "." | ";" | ":" | "–" | "!" | "?"))
            .unwrap_or(n);
        // The infinitive that "sollen" governs ends its clause, or stands just before it.
        let governed = if i + 1 == clause_end {
            i.checked_sub(1).map(|k| lower[k])
        } else {
            clause_end.checked_sub(1).map(|k| lower[k])
        };
        matches!(governed, Some("haben" | "sein" | "gewesen"))
    });
    // "Somit sollte dafür gesorgt sein", "Das sollte kein Problem sein": "sollte" with a state
    // is an expectation, not a fact ("Das Heim sollte 400 Kindern dienen" is a past plan).
    let expected = (0..n).any(|i| {
        if !matches!(lower[i], "sollte" | "sollten") || !is_lower(i) || sub[i] {
            return false;
        }
        let clause_end = (i + 1..n)
            .find(|&k| matches!(strs[k], "," | "." | ";" | ":" | "–" | "!" | "?"))
            .unwrap_or(n);
        clause_end > i + 1 && matches!(lower[clause_end - 1], "sein" | "haben")
    });
    let mut hedge = hearsay_sollen || main_hedge || expected;
    // "sehr wohl", "wohl aber" are not hedges.
    if !hedge
        && let Some(i) = lower.iter().position(|w| *w == "wohl")
        && !sub[i]
        && !(i > 0 && matches!(lower[i - 1], "sehr" | "durchaus" | "zwar" | "lebe"))
        && lower.get(i + 1).is_none_or(|w| *w != "aber")
    {
        hedge = true;
    }
    // "wirkt trüb" is an evidential; "wirkt sich aus" is not.
    if !hedge
        && (0..n).any(|i| {
            matches!(lower[i], "wirkt" | "wirken" | "wirkte" | "wirkten")
                && is_lower(i)
                && !sub[i]
                && !lower[i + 1..].contains(&"sich")
        })
    {
        hedge = true;
    }
    if !hedge
        && lower
            .iter()
            .any(|w| *w == "deutet" || *w == "deuten" || *w == "deutete")
        && lower.contains(&"hin")
    {
        hedge = true;
    }
    let heisst_es = (0..n.saturating_sub(1))
        .any(|i| matches!(lower[i], "hieß" | "heißt") && lower[i + 1] == "es")
        || (1..n).any(|i| matches!(lower[i], "hieß" | "heißt") && lower[i - 1] == "es");
    let hearsay = own.is_none()
        && (heisst_es
            || (lower.iter().any(|w| w.starts_with("gerücht"))
                && (konj1 || main_hedge || konj2_plain)));
    let speech = has(F_SPEECH) || (0..n).any(|i| is_lower(i) && stems.get(i));
    let cue = cue.flatten().unwrap_or(n);
    let parenthetical = cue < n
        && support_verb(lower[cue]).is_none()
        && ((cue > 0 && matches!(strs[cue - 1], "," | "–" | "\"" | "“" | "”" | "«" | "»"))
            || lower[cue] == "so"
            || strs[cue.min(n - 1)..].contains(&":")
            || heisst_es);
    // Only the main clause counts: "Das ist eine Kandidatur, die von Bürgern beauftragt wurde"
    // is in the present.
    let main = |i: &usize| !sub[*i];
    let present = (0..n).filter(main).any(|i| PRESENT_SET.contains(lower[i]))
        && !(0..n).filter(main).any(|i| is_participle(lower[i]))
        && !(0..n)
            .filter(main)
            .any(|i| PAST_SET.contains(lower[i]) || (is_lower(i) && lex[i] & F_SPEECH != 0));
    let colon = (cue < n)
        .then(|| (cue..n).find(|&k| strs[k] == ":"))
        .flatten();
    let konj1_message = match colon {
        Some(c) => (c + 1..n).any(is_konj1),
        None => konj1,
    };
    let dass = lower
        .iter()
        .any(|w| matches!(*w, "dass" | "daß" | "ob" | "that"));
    // "Demnach" ("according to that") refers back to the report wherever it stands in the main
    // clause ("Eine Männerdomäne ist Forschung demnach in Asien").
    let demnach = (0..n).any(|i| lower[i] == "demnach" && !sub[i]);
    let continues = demnach
        || matches!(
            lower[0],
            "zudem" | "außerdem" | "weiters" | "dabei" | "darüber" | "ferner" | "überdies"
        );
    // A count after a definite article ("die 265 Schüler", "der 28 EU-Staaten") names a group
    // already known, not the figure the sentence is about.
    let given = |q: &crate::model::Quantity| {
        let at = toks.partition_point(|t| t.span.start < q.span.start);
        at > 0
            && !q.text.contains('%')
            && matches!(
                lower[at - 1],
                "die" | "der" | "den" | "dem" | "des" | "diese" | "dieser" | "diesen" | "jene"
            )
    };
    let counted = doc.quantities_in(span).any(|q| is_measured(q) && !given(q));
    let evaluative = has(F_ASSESS) || last == "!";
    let forecast = has(F_FORECAST) && own.is_none();
    let backward = own.is_some()
        && matches!(lower[0], "das" | "dies" | "dieses" | "this")
        && n > 1
        && (lex[1] & F_SPEECH != 0
            || stems.get(1)
            || BACKWARD_VERBS_SET.contains(lower[1])
            || (AUXILIARIES_SET.contains(lower[1])
                && lower[2..].iter().any(|w| BACKWARD_VERBS_SET.contains(w))))
        && words <= 14;
    Local {
        range,
        span,
        is_claim,
        own,
        backward,
        konj1,
        konj1_message,
        hypothetical,
        konj2_past,
        konj2_genuine,
        konj2_plain,
        hedge,
        hearsay_sollen,
        sollte: lower.iter().any(|w| matches!(*w, "sollte" | "sollten")),
        hearsay,
        quoted: max_quote >= 4 || opening_quote,
        bracketed: strs.contains(&"[") && strs.contains(&"]"),
        whole_quote: n > 2 && QUOTES.contains(&strs[0]) && QUOTES.contains(&strs[n - 1])
            || (n > 3 && QUOTES.contains(&strs[0]) && QUOTES.contains(&strs[n - 2])),
        parenthetical,
        first_person,
        dass,
        continues,
        demnach,
        speech,
        present,
        counted,
        evaluative,
        forecast,
    }
}

static FIRST_PERSON_SET: WordSet = WordSet::new(FIRST_PERSON);
static DETERMINERS_SET: WordSet = WordSet::new(DETERMINERS);
static AUXILIARIES_SET: WordSet = WordSet::new(AUXILIARIES);
static OPENERS_SET: WordSet = WordSet::new(OPENERS);
static PREPOSITIONS_SET: WordSet = WordSet::new(PREPOSITIONS);
static SKIPPED_ADVERBS_SET: WordSet = WordSet::new(SKIPPED_ADVERBS);
static CONDITIONALS_SET: WordSet = WordSet::new(CONDITIONALS);
static NOT_VERBS_IN_E_SET: WordSet = WordSet::new(NOT_VERBS_IN_E);
static BACKWARD_VERBS_SET: WordSet = WordSet::new(BACKWARD_VERBS);
static REPORT_NOUNS_SET: WordSet = WordSet::new(REPORT_NOUNS);
static SPEECH_NOUNS_SET: WordSet = WordSet::new(SPEECH_NOUNS);
static ENGLISH_SOURCE_WORDS_SET: WordSet = WordSet::new(ENGLISH_SOURCE_WORDS);
static PRESENT_SET: WordSet = WordSet::new(PRESENT);
static PAST_SET: WordSet = WordSet::new(PAST);
static SUBORDINATORS_SET: WordSet = WordSet::new(SUBORDINATORS);
static UNNAMED_ENDS: AffixIndex = AffixIndex::new(UNNAMED, End::Suffix);
static PERSON_ROLE_ENDS: AffixIndex = AffixIndex::new(PERSON_ROLES, End::Suffix);
static ORG_ROLE_ENDS: AffixIndex = AffixIndex::new(ORG_ROLES, End::Suffix);
static SOURCE_NOUN_ENDS: AffixIndex = AffixIndex::new(SOURCE_NOUNS, End::Suffix);
static HEARSAY_NOUN_ENDS: AffixIndex = AffixIndex::new(HEARSAY_NOUNS, End::Suffix);
static DOCUMENT_ENDS: AffixIndex = AffixIndex::new(DOCUMENTS, End::Suffix);

/// True when `w` ends in one of the entries of `list`.
#[inline]
fn ends_in(list: &AffixIndex, w: &str) -> bool {
    list.any(w, |e| w.ends_with(e))
}

/// Marks the tokens of relative and adverbial subordinate clauses ("Pesci, der ... zu haben
/// scheint, gewann", "Weil er angeblich ..., ist", ", wonach er ... haben soll", ", wären die
/// Betroffenen ... gewesen"): a hedge or Konjunktiv II there does not qualify the main
/// assertion. Content clauses ("dass", "ob") are not marked: they carry reported speech. A
/// clause runs to the next comma, dash, semicolon or colon.
fn subordinate_tokens(strs: &[&str], lower: &[&str], lex: &[u8]) -> Vec<bool> {
    let n = strs.len();
    let mut sub = vec![false; n];
    let is_boundary = |k: usize| matches!(strs[k], "," | "–" | ";" | ":" | "(" | ")");
    let starts_clause = |k: usize| -> bool {
        let w = lower[k];
        let next_lower = strs
            .get(k + 1)
            .and_then(|s| s.chars().next())
            .is_some_and(|c| !c.is_uppercase());
        // A relative clause follows a comma and ends in its verb: ", den würde er" is a
        // demonstrative in a main clause.
        let next_finite = lex.get(k + 1).is_some_and(|f| f & (F_KONJ | F_KONJ2) != 0)
            || lower
                .get(k + 1)
                .is_some_and(|w| AUXILIARIES_SET.contains(w));
        let after_comma = k > 0 && strs[k - 1] == ",";
        (SUBORDINATORS_SET.contains(w) && !(k == 0 && matches!(w, "wobei" | "wonach" | "womit")))
            || (after_comma
                && !next_finite
                && (RELATIVE_PRONOUNS.contains(&w) && next_lower
                    || matches!(w, "deren" | "dessen" | "denen" | "welche" | "welcher")))
            || (after_comma
                && k + 1 < n
                && PREPOSITIONS_SET.contains(w)
                && matches!(
                    lower[k + 1],
                    "dem" | "der" | "denen" | "deren" | "dessen" | "welchem" | "welcher"
                ))
    };
    let mut k = 0;
    while k < n {
        let at_start = k == 0 || is_boundary(k - 1);
        // ", wären die Betroffenen ... gewesen": a verb-first conditional after the main clause
        // (after an opening subordinate clause the verb-first clause is the main one).
        // Its own subject follows the verb ("wären die Betroffenen"); after "Da ...," the
        // verb-first clause is the main one.
        let verb_first_konj2 = k > 0
            && strs[k - 1] == ","
            && !sub[0]
            && !matches!(
                lower[0],
                "da" | "als" | "während" | "indem" | "zumal" | "solange"
            )
            && lex[k] & F_KONJ2 != 0
            && strs[k].chars().next().is_some_and(char::is_lowercase)
            && strs.get(k + 1).is_some_and(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    || DETERMINERS_SET.contains(w.to_lowercase().as_str())
            });
        if at_start && (starts_clause(k) || verb_first_konj2) {
            let mut e = k + 1;
            while e < n && !is_boundary(e) && !matches!(strs[e], "." | "!" | "?") {
                e += 1;
            }
            // A clause that runs to the end of the sentence from its start is the sentence.
            if !(k == 0 && e >= n.saturating_sub(1)) {
                sub[k..e].iter_mut().for_each(|s| *s = true);
            }
            k = e.max(k + 1);
        } else {
            k += 1;
        }
    }
    sub
}

/// Conjunctions that open an adverbial or relative subordinate clause.
const SUBORDINATORS: &[&str] = &[
    "weil",
    "nachdem",
    "obwohl",
    "obgleich",
    "wenngleich",
    "bevor",
    "ehe",
    "wonach",
    "wobei",
    "womit",
    // Indirect questions: "wie hoch die Grenze sein soll, ist offen". Not "warum": "ein
    // Grund, warum Peking interessiert sein könnte" states the reason as a possibility.
    "wer",
    "wen",
    "wem",
    "wie",
    "wann",
    "inwieweit",
    "wo",
    "seitdem",
    "sobald",
    "wenn",
    "falls",
    "sofern",
    "because",
    "although",
    "after",
    "before",
    "which",
    "who",
];

/// Relative pronouns (when the next word is not a capitalised noun: ", die Behörde" is an
/// article).
const RELATIVE_PRONOUNS: &[&str] = &["der", "die", "das", "dem", "den"];

/// True for a figure that is a measurement rather than a small count of things ("drei
/// Kinder", "vor vier Jahren"): a percentage, an amount of money, a large number or a decimal.
fn is_measured(q: &crate::model::Quantity) -> bool {
    let unit = q.unit.as_deref().map(str::to_lowercase).unwrap_or_default();
    let measure = q.text.contains('%')
        || MEASURE_UNITS.iter().any(|u| unit.starts_with(u))
        || q.text.chars().any(|c| matches!(c, '€' | '$' | '£'));
    let year = q.unit.is_none() && q.min == q.max && (1900.0..=2100.0).contains(&q.min);
    let count = q.min >= 10.0
        && q.unit.as_deref().is_some_and(|u| {
            u.chars().next().is_some_and(char::is_uppercase)
                && !TIME_UNITS.iter().any(|t| unit.starts_with(t))
        });
    measure || count || (q.min >= 1000.0 && !year) || (q.min.fract() != 0.0 && !year)
}

/// Units of time: "vor vier Jahren", "in 14 Tagen" date an event rather than count.
const TIME_UNITS: &[&str] = &[
    "jahr",
    "tag",
    "monat",
    "woche",
    "stunde",
    "minute",
    "sekunde",
    "jahrzehnt",
    "year",
    "day",
    "month",
    "week",
    "hour",
];

/// Units that make a figure a measurement.
const MEASURE_UNITS: &[&str] = &[
    "prozent",
    "euro",
    "dollar",
    "franken",
    "pfund",
    "yuan",
    "rubel",
    "million",
    "milliard",
    "mio",
    "mrd",
    "tonne",
    "kilo",
    "meter",
    "km",
    "grad",
    "percent",
    "billion",
    "cent",
    "punkt",
    "prozentpunkt",
];

/// True for a past participle ("geöffnet", "gesagt", "verkauft", "informiert").
fn is_participle(w: &str) -> bool {
    (w.len() > 5 && w.starts_with("ge") && (w.ends_with('t') || w.ends_with("en")))
        || (w.len() > 6 && w.ends_with("iert"))
}

/// Verbs that attribute the sentence before: "Das zeigt eine Auswertung", "Das haben
/// Brandermittler festgestellt".
const BACKWARD_VERBS: &[&str] = &[
    "zeigt",
    "zeigte",
    "ergab",
    "ergibt",
    "festgestellt",
    "ermittelt",
    "bestätigt",
    "berichtet",
    "gemeldet",
    "mitgeteilt",
    "erklärt",
    "gesagt",
    "ergeben",
    "gezeigt",
];

/// Determiners: the word after one is an attribute of its noun, not a verb.
const DETERMINERS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen",
    "diese", "dieser", "dieses", "diesen", "diesem", "jene", "jener", "jedes", "jede", "jeder",
    "kein", "keine", "alle", "viele", "einige", "manche", "solche", "welche", "unsere", "ihre",
    "seine", "the", "a", "an", "this", "these",
];

/// Endings of German adjectives in -e ("neuartige", "politische", "mögliche", "bessere").
const ADJECTIVE_ENDINGS: &[&str] = &[
    "ige", "ische", "liche", "bare", "same", "hafte", "lose", "ere", "ale", "ive", "ene",
];

/// Lowercase words in -e that are not verbs, seen after a sentence's first phrase.
const NOT_VERBS_IN_E: &[&str] = &[
    "heute",
    "gerne",
    "ohne",
    "eine",
    "keine",
    "seine",
    "ihre",
    "meine",
    "deine",
    "unsere",
    "diese",
    "jene",
    "alle",
    "beide",
    "viele",
    "einige",
    "manche",
    "jede",
    "welche",
    "solche",
    "lange",
    "nahe",
    "bitte",
    "alleine",
    "ebenfalls",
    "gegebene",
    "andere",
    "selbe",
    "gerade",
    "eigene",
    "dieselbe",
    "ganze",
    "halbe",
    "erste",
    "letzte",
    "obige",
    "besagte",
    "genannte",
    "zweite",
    "dritte",
    "vierte",
    "fünfte",
    "neue",
    "alte",
    "große",
    "kleine",
    "gute",
    "hohe",
];

/// Frequent present-tense finite verbs.
const PRESENT: &[&str] = &[
    "ist", "sind", "hat", "haben", "gibt", "kann", "können", "muss", "müssen", "darf", "dürfen",
    "will", "wollen", "geht", "brauchen", "braucht", "bin", "bist", "sehen", "sieht", "wissen",
    "weiß", "steht", "stehen", "liegt", "liegen", "bleibt", "bleiben", "macht", "machen",
];

/// Frequent past-tense finite verbs.
const PAST: &[&str] = &[
    "war", "waren", "hatte", "hatten", "wurde", "wurden", "gab", "ging", "kam", "kamen", "stand",
    "lag", "blieb", "machte", "sagte", "sagten", "konnte", "konnten", "musste", "mussten",
    "wollte", "wollten", "durfte",
];

/// Conjunctions that make a Konjunktiv II a hypothesis.
const CONDITIONALS: &[&str] = &[
    "wenn",
    "falls",
    "sofern",
    "sonst",
    "ansonsten",
    "andernfalls",
    "if",
    "unless",
];

/// First-person pronouns and possessives: speech in the speaker's own words.
const FIRST_PERSON: &[&str] = &[
    "ich", "mir", "mich", "mein", "meine", "meinen", "meinem", "meiner", "wir", "uns", "unser",
    "unsere", "unseren", "unserem", "unserer",
];

/// True for tokens that may continue a source noun phrase.
fn continues_np(w: &str, lower: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || matches!(
            lower,
            "der"
                | "des"
                | "dem"
                | "den"
                | "die"
                | "von"
                | "vom"
                | "aus"
                | "für"
                | "of"
                | "the"
                | "for"
                | "and"
                | "und"
                | "a"
                // Name particles: "Jaap de Hoop Scheffer", "Abu Musab al-Zarqawi".
                | "de"
                | "van"
                | "da"
                | "del"
                | "di"
                | "al"
                | "bin"
                | "ibn"
        )
        // English nouns are lowercase: "a police spokesman", "the foreign minister".
        || ENGLISH_SOURCE_WORDS_SET.contains(lower)
        || (lower.len() > 3
            && (lower.ends_with("en")
                || lower.ends_with("er")
                || lower.ends_with("e")
                || lower.ends_with("es"))
            && lower.contains("isch"))
}

/// Nouns of report and opinion after "nach" or "laut" ("nach Angaben", "nach Ansicht", "nach
/// eigenen Worten"): the phrase after them, or before them, is the source.
const REPORT_NOUNS: &[&str] = &[
    "angaben",
    "informationen",
    "ansicht",
    "meinung",
    "auffassung",
    "einschätzung",
    "einschätzungen",
    "aussage",
    "aussagen",
    "darstellung",
    "berichten",
    "schätzungen",
    "worten",
    "erkenntnissen",
    "recherchen",
    "umfragen",
    "überzeugung",
    "untersuchungen",
    "ermittlungen",
    "bericht",
    "studie",
    "meldung",
    "meldungen",
    "hochrechnung",
    "umfrage",
    "schätzung",
    "prognose",
    "zeugenaussagen",
    "auswertung",
    "mitteilung",
];

/// Lowercase English nouns and modifiers that belong to a source phrase.
const ENGLISH_SOURCE_WORDS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "officials",
    "police",
    "minister",
    "ministry",
    "president",
    "government",
    "secretary",
    "foreign",
    "interior",
    "defence",
    "defense",
    "prime",
    "chief",
    "agency",
    "news",
    "sources",
    "witnesses",
    "analysts",
    "experts",
    "authorities",
    "army",
    "military",
    "executive",
    "executives",
    "union",
    "director",
    "chairman",
    "chairwoman",
    "governor",
    "mayor",
    "senator",
    "lawmaker",
    "lawmakers",
    "lawyer",
    "lawyers",
    "attorney",
    "prosecutor",
    "prosecutors",
    "investigators",
    "researchers",
    "scientists",
    "economists",
    "diplomat",
    "diplomats",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "company",
    "ministers",
    "regulator",
    "regulators",
    "court",
    "judge",
    "residents",
    "leader",
    "leaders",
    "commander",
    "at",
];

/// Extracts the source phrase of a sentence and the index of its cue: "laut X", "X zufolge",
/// "nach Angaben X", "heißt es in X", ", so X", speech verb + subject ("sagte Pentagon-Sprecher
/// Pat Ryder"), subject + speech verb ("Der Minister erklärte", "wie die Polizei mitteilte").
/// Prepositional cues have no index: they never make a quote.
fn find_attribution(
    doc: &Doc,
    range: std::ops::Range<usize>,
    lower: &[&str],
    lex: &[u8],
    stems: &StemForms,
    mentions: &[Mention],
) -> Option<(Found, Option<usize>)> {
    let strs = &doc.strs[range.clone()];
    let toks = &doc.tokens[range];
    let n = strs.len();
    let phrase =
        |a: usize, b: usize| -> Span { Span::new(toks[a].span.start, toks[b - 1].span.end) };
    let is_article = |w: &str| {
        super::text::is_german_article(w)
            || matches!(
                w,
                "the"
                    | "a"
                    | "sein"
                    | "seine"
                    | "seiner"
                    | "seines"
                    | "ihr"
                    | "ihre"
                    | "ihrer"
                    | "ihres"
                    | "deren"
                    | "dessen"
            )
    };
    let is_capital = |k: usize| {
        k < n
            && toks[k].kind == TokenKind::Word
            && strs[k].chars().next().is_some_and(char::is_uppercase)
    };
    let is_adjective = |j: usize| {
        let w = lower[j];
        toks[j].kind == TokenKind::Word
            && strs[j].chars().next().is_some_and(char::is_lowercase)
            && w.len() > 3
            && (w.ends_with('e')
                || w.ends_with("en")
                || w.ends_with("er")
                || w.ends_with("es")
                || w.ends_with("em"))
            && lex[j] == 0
            && !stems.get(j)
    };
    let np_forward = |from: usize| -> usize {
        let mut j = from;
        while j < n && j < from + 14 {
            let list_comma = strs[j] == ","
                && j > from
                && j + 2 < n
                && strs[j + 1].chars().next().is_some_and(char::is_uppercase)
                && (strs[j + 2] == "," || lower[j + 2] == "und");
            let adjective =
                j > from && (is_article(lower[j - 1]) || is_adjective(j - 1)) && is_adjective(j);
            // "ein US-Außenamtssprecher", "deren Sozialsprecher", "im Wiener Landtag".
            let determiner =
                is_article(lower[j]) && (is_capital(j + 1) || (j + 1 < n && is_adjective(j + 1)));
            let place = j > from
                && matches!(lower[j], "im" | "in" | "beim" | "aus")
                && is_capital(j + 1)
                && is_capital(j - 1);
            // A figure after a noun starts the next phrase ("nach Angaben des Bürgermeisters
            // 49 Menschen"), and so does an accusative or dative article ("unterstrich General
            // Hageed die Regeln"); genitives ("der", "des") continue it.
            if j > from
                && is_capital(j - 1)
                && (toks[j].kind == TokenKind::Number
                    || matches!(
                        lower[j],
                        "die"
                            | "den"
                            | "das"
                            | "dem"
                            | "ein"
                            | "eine"
                            | "einen"
                            | "einem"
                            | "sein"
                            | "seine"
                            | "seinen"
                            | "ihr"
                            | "ihre"
                            | "ihren"
                    ))
            {
                break;
            }
            // 'Der Fernsehsender „Silverbird“': a short name in quotation marks after its noun.
            if j > from
                && QUOTES.contains(&strs[j])
                && is_capital(j - 1)
                && let Some(close) = (j + 2..n.min(j + 5)).find(|&k| QUOTES.contains(&strs[k]))
                && (j + 1..close).all(|k| is_capital(k) && !FIRST_PERSON_SET.contains(lower[k]))
            {
                j = close + 1;
                continue;
            }
            if !(list_comma
                || adjective
                || determiner
                || place
                || (toks[j].kind != TokenKind::Punct && continues_np(strs[j], lower[j])))
            {
                break;
            }
            j += 1;
        }
        // Do not end on a function word.
        while j > from
            && matches!(
                lower[j - 1],
                "der"
                    | "des"
                    | "dem"
                    | "den"
                    | "die"
                    | "von"
                    | "für"
                    | "of"
                    | "the"
                    | "at"
                    | "und"
                    | "and"
            )
        {
            j -= 1;
        }
        j
    };
    let named_in = |sp: Span| -> Option<&Mention> {
        let inside: Vec<&Mention> = mentions.iter().filter(|m| sp.contains(m.span)).collect();
        // The head of a source phrase comes last ("Pentagon-Sprecher Pat Ryder", "Ranking des
        // Fachmagazins Global Firepower"): take the last named entity, else the last derived one.
        let named = |m: &&&Mention| {
            matches!(
                m.kind,
                EntityKind::Person
                    | EntityKind::Organization
                    | EntityKind::Misc
                    | EntityKind::Place
            )
        };
        inside
            .iter()
            .rev()
            .filter(named)
            .find(|m| !m.derived)
            .or_else(|| inside.iter().rev().find(named))
            .copied()
    };
    // `dative`: the phrase follows "laut", "zufolge", "nach", "aus": its base form drops the
    // dative plural ending ("Medienberichten" -> "Medienberichte").
    let make = |a: usize, b: usize, dative: bool| -> Found {
        let sp = phrase(a, b);
        let head = (a..b)
            .rev()
            .find(|&k| {
                toks[k].kind == TokenKind::Word
                    && strs[k].chars().next().is_some_and(char::is_uppercase)
            })
            .or_else(|| (a..b).rev().find(|&k| toks[k].kind == TokenKind::Word));
        let head_lower = head.map(|k| lower[k]).unwrap_or("");
        let role_head = role_head_of(head_lower);
        // "die schwedische Firma": a place adjective qualifies the role noun and names no
        // source. "Kerrys Sprecher": the person in the genitive before a role noun is not the
        // one speaking, the role noun is.
        let possessor = named_in(sp).is_some_and(|m| {
            m.kind == EntityKind::Person
                && !m.derived
                && role_head.is_some()
                && head.is_some_and(|k| k + 1 == b && m.span.end <= toks[k].span.start)
                && doc.text[m.span.start..m.span.end].ends_with('s')
                && !(a..b).any(|k| matches!(lower[k], "von" | "des" | "der"))
        });
        let adjective = |m: &Mention| {
            m.derived
                && role_head.is_some()
                && doc.text[m.span.start..m.span.end].starts_with(char::is_lowercase)
        };
        let pick = named_in(sp).filter(|m| !possessor && !adjective(m));
        let generic = pick.is_none()
            && head.is_some_and(|k| {
                let w = lower[k];
                ends_in(&UNNAMED_ENDS, w) || ends_in(&HEARSAY_NOUN_ENDS, w)
            });
        // The first noun of the phrase: "Die ehemalige Präsidentin des Obersten Gerichtshofs".
        let first_noun = (a..b).find(|&k| is_capital(k) && !is_article(lower[k]));
        let role_of = |w: &str| {
            let w = w.strip_suffix('s').filter(|s| s.len() > 3).unwrap_or(w);
            if ends_in(&DOCUMENT_ENDS, w) {
                Some(Want::Any)
            } else if ends_in(&PERSON_ROLE_ENDS, w) {
                Some(Want::Person)
            } else if ends_in(&ORG_ROLE_ENDS, w) {
                Some(Want::Organization)
            } else {
                None
            }
        };
        let definite = matches!(lower[a], "der" | "die" | "das" | "dem" | "den" | "des");
        let anaphor = if possessor {
            Some(Want::Person)
        } else if let Some(m) = pick {
            // A person's role in front of an organisation names the person, not the
            // organisation.
            let k = first_noun.unwrap_or(a);
            (definite
                && m.kind != EntityKind::Person
                && toks[k].span.end <= m.span.start
                && (k + 1..b).any(|j| matches!(lower[j], "des" | "der"))
                && ends_in(&PERSON_ROLE_ENDS, lower[k]))
            .then_some(Want::Person)
        } else if b == a + 1 && matches!(lower[a], "er" | "he" | "she") {
            // A pronoun opening the sentence ("Er sagte", "She told") is capitalised too.
            Some(Want::Person)
        } else if b == a + 1 && matches!(lower[a], "sie" | "they" | "darin" | "dort") {
            Some(Want::Any)
        } else if b == a + 1 && is_capital(a) && !definite {
            role_of(lower[a]).filter(|w| *w != Want::Organization)
        } else if (a + 1..b.saturating_sub(1)).any(|k| matches!(lower[k], "des" | "der"))
            && role_of(head_lower) == Some(Want::Person)
        {
            // "einer Erklärung des Finanzministers": the genitive is definite.
            Some(Want::Person)
        } else if let Some(k) = first_noun
            && role_of(lower[k]) == Some(Want::Any)
        {
            // "in einer Aussendung der OECD": the document's author is written after it.
            let author = (k + 1..b.saturating_sub(1)).any(|j| {
                matches!(lower[j], "der" | "des")
                    && is_capital(j + 1)
                    && role_of(lower[j + 1]).is_none()
            });
            (!author).then_some(Want::Any)
        } else if definite
            || matches!(
                lower[a],
                "dieser" | "diese" | "dieses" | "einer" | "eine" | "einem"
            )
        {
            role_of(head_lower).filter(|w| definite || *w == Want::Any)
        } else {
            None
        };
        let canonical = match (pick, head) {
            (Some(m), _) => Some(m.canonical.clone()),
            (None, Some(k)) if generic => {
                let w = strs[k];
                let base = if dative {
                    w.strip_suffix('n')
                        .filter(|s| s.ends_with('e') || s.ends_with("er") || s.ends_with("el"))
                        .unwrap_or(w)
                } else {
                    w
                };
                Some(base.to_string())
            }
            _ => None,
        };
        Found {
            span: sp,
            canonical,
            unnamed: generic,
            anaphor,
            same_head_only: possessor,
        }
    };
    // ", so Pangl.", "so der Minister": the speaker of the whole sentence, before any "laut"
    // inside what they say.
    for i in 1..n.saturating_sub(1) {
        if lower[i] == "so" && matches!(strs[i - 1], "," | "–") {
            let j = np_forward(i + 1);
            if j > i + 1 && (j >= n - 1 || matches!(strs[j], "." | "," | "!" | "(" | ")")) {
                return Some((make(i + 1, j, false), Some(i)));
            }
            // ", so Vereinschef Corny Littmann zu den Beweggründen": a named source, then an
            // adverbial.
            if j > i + 1
                && j < n
                && matches!(
                    lower[j],
                    "zu" | "gegenüber" | "über" | "im" | "in" | "am" | "bei" | "auf" | "vor"
                )
                && mentions.iter().any(|m| {
                    phrase(i + 1, j).contains(m.span)
                        && !m.derived
                        && matches!(m.kind, EntityKind::Person | EntityKind::Organization)
                })
            {
                return Some((make(i + 1, j, false), Some(i)));
            }
        }
    }
    for i in 0..n {
        match lower[i] {
            "laut" | "according" => {
                let mut from =
                    if lower[i] == "according" && lower.get(i + 1).is_some_and(|w| *w == "to") {
                        i + 2
                    } else {
                        i + 1
                    };
                // 'Laut „BBC News“': the name in quotation marks.
                if from + 1 < n && QUOTES.contains(&strs[from]) {
                    from += 1;
                }
                let mut j = np_forward(from);
                // "According to the union Community," : English nouns are lowercase, so the
                // phrase runs to the end of the clause.
                if lower[i] == "according"
                    && let Some(e) = (from..n.min(from + 10)).find(|&k| is_boundary_punct(strs[k]))
                {
                    j = j.max(e);
                }
                if j > from {
                    return Some((make(from, j, true), None));
                }
            }
            "zufolge" if i > 0 => {
                let mut a = i;
                while a > 0
                    && toks[a - 1].kind != TokenKind::Punct
                    && (continues_np(strs[a - 1], lower[a - 1])
                        || (a < i
                            && is_adjective(a - 1)
                            && a > 1
                            && (is_article(lower[a - 2])
                                || strs[a - 2].chars().next().is_some_and(char::is_uppercase))))
                    && a + 12 > i
                {
                    a -= 1;
                }
                if a < i {
                    return Some((make(a, i, true), None));
                }
            }
            // "nach UNO-Angaben", "laut Polizeiangaben": the source is the compound's first part.
            w if i > 0
                && (matches!(lower[i - 1], "nach" | "laut")
                    || (i > 1
                        && matches!(lower[i - 2], "nach" | "laut")
                        && is_adjective(i - 1)))
                && w.len() > 8
                && w != "informationen"
                && (w.ends_with("angaben") || w.ends_with("informationen"))
                && strs[i].chars().next().is_some_and(char::is_uppercase) =>
            {
                let tail = if w.ends_with("angaben") {
                    "angaben".len()
                } else {
                    "informationen".len()
                };
                let head = strs[i][..strs[i].len() - tail].trim_end_matches('-');
                if !head.is_empty() {
                    let mut f = make(i, i + 1, false);
                    f.canonical = Some(head.to_string());
                    f.anaphor = None;
                    return Some((f, None));
                }
            }
            "medien" if i > 1 && lower[i - 1] == "den" && matches!(lower[i - 2], "in" | "nach") => {
                return Some((make(i, i + 1, false), None));
            }
            // "nach Angaben des Ministeriums", "nach Ansicht von Experten", "nach Berichten".
            w if i > 0
                && REPORT_NOUNS_SET.contains(w)
                && matches!(lower[i - 1], "nach" | "laut")
                && is_capital(i) =>
            {
                let j = np_forward(i + 1);
                if j > i + 1 {
                    return Some((make(i + 1, j, false), None));
                }
                if ends_in(&UNNAMED_ENDS, w) {
                    return Some((make(i, i + 1, true), None));
                }
            }
            w if i > 1 && REPORT_NOUNS_SET.contains(w) && is_capital(i) => {
                let mut a = i;
                while a > 0
                    && a + 4 > i
                    && (is_adjective(a - 1)
                        || (a > 1 && is_article(lower[a - 1]))
                        || (a < i
                            && mentions
                                .iter()
                                .any(|m| m.derived && m.span.start == toks[a - 1].span.start)))
                {
                    a -= 1;
                }
                if a < i && a > 0 && matches!(lower[a - 1], "nach" | "laut") {
                    // "nach eigenen Angaben": the subject's own.
                    if lower[a..i].contains(&"eigenen")
                        && let Some(m) = mentions.iter().find(|m| {
                            !m.derived
                                && matches!(
                                    m.kind,
                                    EntityKind::Person
                                        | EntityKind::Organization
                                        | EntityKind::Place
                                )
                        })
                    {
                        return Some((
                            Found {
                                span: m.span,
                                canonical: Some(m.canonical.clone()),
                                unnamed: false,
                                anaphor: None,
                                same_head_only: false,
                            },
                            None,
                        ));
                    }
                    // "nach neuesten Erkenntnissen der Polizei": the genitive is the source.
                    let j = np_forward(i + 1);
                    if j > i + 1 && !lower[a..i].contains(&"eigenen") {
                        return Some((make(i + 1, j, false), None));
                    }
                    if ends_in(&UNNAMED_ENDS, w) {
                        return Some((make(a, i + 1, true), None));
                    }
                }
            }
            _ => {}
        }
    }
    // "hieß es aus Seoul", "heißt es in Moskau", "heißt es darin".
    for i in 0..n.saturating_sub(2) {
        if matches!(lower[i], "hieß" | "heißt") && lower[i + 1] == "es" {
            if matches!(lower[i + 2], "darin" | "dort") {
                return Some((make(i + 2, i + 3, false), Some(i)));
            }
            if matches!(
                lower[i + 2],
                "aus" | "in" | "von" | "im" | "bei" | "seitens"
            ) {
                let from = i + 3;
                let j = np_forward(from);
                if j > from {
                    return Some((make(from, j, true), Some(i)));
                }
            }
        }
    }
    // "In einem Positionspapier des Innenministeriums heißt es, ...": the document before the
    // verb.
    // "Aus Militärkreisen verlautete, dass ...": the circle the word came from.
    if n > 4 && matches!(lower[0], "in" | "im" | "aus") {
        let v = (2..n.min(16)).find(|&k| {
            matches!(
                lower[k],
                "heißt" | "hieß" | "verlautete" | "verlautet" | "verlauteten"
            )
        });
        if let Some(v) = v
            && (lower.get(v + 1).is_some_and(|w| *w == "es") || lower[v].starts_with("verlaut"))
            && !strs[..v].iter().any(|w| matches!(*w, "," | ";" | ":"))
        {
            let j = np_forward(1).min(v);
            if j > 1 {
                return Some((make(1, j, true), Some(v)));
            }
        }
    }
    // "wie es am Donnerstag in einer Aussendung der OECD heißt", "wie aus Verhandlerkreisen zu
    // hören ist".
    for i in 1..n {
        let heard = lower[i] == "hören" && lower[i - 1] == "zu";
        let said =
            matches!(lower[i], "heißt" | "hieß") && lower[i.saturating_sub(8)..i].contains(&"es");
        if !(heard || said) {
            continue;
        }
        let from = (0..i)
            .rev()
            .take(12)
            .find(|&k| matches!(lower[k], "in" | "aus" | "im" | "von" | "seitens"));
        if let Some(k) = from {
            let j = np_forward(k + 1).min(i);
            if j > k + 1 {
                return Some((make(k + 1, j, true), Some(i)));
            }
        }
    }
    let is_source = |a: usize, b: usize| -> bool {
        let sp = phrase(a, b);
        (b == a + 1 && matches!(lower[a], "er" | "sie" | "he" | "she" | "they"))
            || mentions.iter().any(|m| {
                sp.contains(m.span)
                    && matches!(
                        m.kind,
                        EntityKind::Person | EntityKind::Organization | EntityKind::Place
                    )
            })
            || lower[a..b].iter().any(|w| {
                ends_in(&SOURCE_NOUN_ENDS, w)
                    || ends_in(&UNNAMED_ENDS, w)
                    || ends_in(&PERSON_ROLE_ENDS, w)
                    || ends_in(&ORG_ROLE_ENDS, w)
                    || (*w != "at" && ENGLISH_SOURCE_WORDS_SET.contains(w))
            })
    };
    // Parenthesis depth: "(Wikinews berichtete)" is a cross-reference, not a source.
    let mut depth = vec![0u8; n];
    let mut d = 0u8;
    for k in 0..n {
        if strs[k] == "(" {
            d = d.saturating_add(1);
        }
        depth[k] = d;
        if strs[k] == ")" {
            d = d.saturating_sub(1);
        }
    }
    // The particle that closes a clause: "teilte ... mit", "meldete ... an".
    let particle_at_end = |i: usize, particles: &[&str]| {
        (i + 1..n).any(|k| {
            particles.contains(&lower[k])
                && (k + 1 == n || matches!(strs[k + 1], "," | "." | ";" | ":" | "–" | "!"))
        })
    };
    // "der behaupteten Waffenlieferungen", "Nicht erklärte Streiks": a participle between a
    // determiner (or adverb) and its noun is an adjective, not a verb of saying. A
    // sentence-initial "Das" or "Die" before a verb is a pronoun ("Das sagte Merkel").
    let is_attributive = |i: usize| {
        let w = lower[i];
        i > 0
            && ["e", "en", "er", "es", "em"].iter().any(|e| w.ends_with(e))
            && i + 1 < n
            && toks[i + 1].kind == TokenKind::Word
            && strs[i + 1].chars().next().is_some_and(char::is_uppercase)
            && ((DETERMINERS_SET.contains(lower[i - 1])
                && !(i == 1 && matches!(lower[0], "das" | "dies" | "die" | "der" | "this")))
                || matches!(
                    lower[i - 1],
                    "nicht" | "kaum" | "nie" | "bislang" | "bisher"
                )
                || (i > 1
                    && DETERMINERS_SET.contains(lower[i - 2])
                    && strs[i - 1].chars().next().is_some_and(char::is_lowercase)
                    && toks[i - 1].kind == TokenKind::Word))
    };
    // The words of the clause after `i`, up to its closing punctuation.
    let clause_after = |i: usize| {
        let end = (i + 1..n)
            .find(|&k| matches!(strs[k], "," | "." | ";" | ":" | "–" | "!" | "?"))
            .unwrap_or(n);
        &lower[i + 1..end]
    };
    // The clause after `i` ends in a comma or colon: what the view holds follows.
    let has_content = |i: usize| {
        (i + 1..n)
            .find(|&k| matches!(strs[k], "," | "." | ";" | ":" | "!" | "?"))
            .is_some_and(|k| matches!(strs[k], "," | ":") && k + 1 < n)
    };
    // A view held rather than said: "ist zuversichtlich", "ist der Meinung", "vertritt die
    // Ansicht", "rechnet mit", "sieht darin", "hält ... für", "wertete ... als".
    let is_view_cue = |i: usize| {
        // Most words are none of these verbs: decide that before scanning the clause.
        if !is_view_verb(lower[i]) {
            return false;
        }
        let after = clause_after(i);
        let near = &after[..after.len().min(7)];
        match lower[i] {
            "ist" | "sind" | "war" | "waren" | "zeigte" | "zeigten" | "zeigt" | "zeigen"
            | "gab" | "gibt" | "gaben" | "geben" => {
                // "Die EZB ist besorgt." is a state; "ist zuversichtlich, ... zu können" a view
                // with its content.
                has_content(i)
                    && near.iter().any(|w| {
                        matches!(
                            *w,
                            "zuversichtlich"
                                | "optimistisch"
                                | "skeptisch"
                                | "besorgt"
                                | "überzeugt"
                        )
                    })
                    || (matches!(lower[i], "ist" | "sind" | "war" | "waren")
                        && near.windows(2).any(|p| p[0] == "der" && is_view_noun(p[1])))
            }
            "vertritt" | "vertrat" | "vertreten" | "vertraten" => near
                .windows(2)
                .any(|p| matches!(p[0], "die" | "der" | "den") && is_view_noun(p[1])),
            "rechnet" | "rechnen" | "rechnete" | "rechneten" => {
                after.contains(&"mit") || lower[..i].iter().any(|w| matches!(*w, "mit" | "damit"))
            }
            "sieht" | "sah" | "sehen" | "sahen" => {
                !after.contains(&"sich")
                    && !particle_at_end(i, &["vor"])
                    && after
                        .iter()
                        .any(|w| matches!(*w, "als" | "darin" | "keinen" | "keine"))
            }
            "hält" | "hielt" | "halten" | "hielten" => {
                after.contains(&"für") && !after.contains(&"sich")
            }
            "wertete" | "werteten" | "wertet" | "werten" => after.contains(&"als"),
            // "Beobachter schließen daraus, dass ...": a conclusion drawn.
            "schließen" | "schließt" | "schloss" | "schlossen" => {
                after.first() == Some(&"daraus")
            }
            _ => false,
        }
    };
    // A support verb with a noun of saying says what the noun says: "fand lobende Worte",
    // "erhebt schwere Vorwürfe", "übte Kritik", "äußerte Bedenken".
    let is_support_speech = |i: usize| {
        let object = |nouns: &[&str]| {
            lower[i + 1..]
                .iter()
                .take(24)
                .take_while(|w| !matches!(**w, "." | ";" | ":" | "dass"))
                .any(|w| nouns.contains(w))
        };
        match support_verb(lower[i]) {
            Some(nouns) => object(nouns),
            None => false,
        }
    };
    let is_cue = |i: usize| {
        let w = lower[i];
        // Verbs that speak only with their complement: "sprach von", "teilte mit", "heißt
        // es"; "sprach mit seiner Frau", "teilt sich Platz", "meldete sich bei", "der Titel
        // heißt" are not speech.
        let restricted_ok = match w {
            "sprach" | "spricht" | "sprachen" | "sprechen" => {
                lower[i + 1..]
                    .iter()
                    .take(8)
                    .any(|x| matches!(*x, "von" | "davon"))
                    || strs[i + 1..].contains(&":")
            }
            // "Aufbruch nennt sich die Bewegung": a name, not speech.
            "nennt" | "nannte" | "nennen" | "nannten" => {
                lower.get(i + 1).is_none_or(|x| *x != "sich")
            }
            "teilte" | "teilten" | "teilt" => particle_at_end(i, &["mit"]),
            // "wirft ihm Betrug vor", not "wirft ein Licht auf".
            "wirft" | "warf" | "werfen" | "warfen" => particle_at_end(i, &["vor"]),
            "meldete" | "meldeten" | "meldet" => {
                lower.get(i + 1).is_none_or(|x| *x != "sich") && !particle_at_end(i, &["an", "ab"])
            }
            "heißt" | "hieß" => lower[i.saturating_sub(8)..(i + 3).min(n)].contains(&"es"),
            // "Die Zahlen lassen nicht erwarten, dass ...": the figures expect nothing.
            "erwarten" => !lower[..i]
                .iter()
                .any(|x| matches!(*x, "lassen" | "lässt" | "ließ" | "ließen" | "lasse")),
            _ => true,
        };
        strs[i].chars().next().is_some_and(char::is_lowercase)
            && depth[i] == 0
            && restricted_ok
            && !is_attributive(i)
            // "Kurz gesagt, ...", "Offen gesagt geht es": a participle in second position is
            // not the finite verb.
            && !(i == 1 && w.starts_with("ge") && w.ends_with('t'))
            // "eine Unterstützung zu verlangen": an infinitive says nothing yet.
            && !(i > 0 && lower[i - 1] == "zu")
            && (lex[i] & F_SPEECH != 0
                || stems.get(i)
                || (matches!(lower[i], "zeigte" | "zeigten" | "zeigt" | "zeigen")
                    && lower[i + 1..].contains(&"sich"))
                || (BACKWARD_VERBS_SET.contains(lower[i]) && matches!(lower[0], "das" | "dies"))
                || (matches!(lower[i], "gab" | "gibt" | "gaben" | "geben")
                    && (lower[i + 1..].contains(&"bekannt") || particle_at_end(i, &["an"])))
                // "geht davon aus, dass": an expectation voiced.
                || (matches!(lower[i], "geht" | "gehen" | "ging" | "gingen" | "gehe")
                    && lower[i + 1..].iter().any(|w| matches!(*w, "davon" | "von"))
                    && particle_at_end(i, &["aus"]))
                || is_view_cue(i)
                // The particle of a separable verb closes its clause: "wies das zurück", not
                // "weisen Kredite aus, 50 entfallen auf Unicredit".
                || (matches!(
                    lower[i],
                    "wies" | "wiesen" | "weist" | "weisen" | "rief" | "riefen" | "ruft" | "rufen"
                ) && (i + 1..n).any(|k| {
                    matches!(lower[k], "zurück" | "auf")
                        && (k + 1 == n || matches!(strs[k + 1], "," | "." | ";" | ":" | "–"))
                }))
                || (lower[i] == "bekannt"
                    && lower
                        .get(i + 1)
                        .is_some_and(|w| *w == "gegeben" || *w == "gab"))
                || is_support_speech(i)
                || separable_speech(lower[i]).is_some_and(|p| particle_at_end(i, p)))
    };
    // A noun of saying as the subject of a verb of coming or meeting names its source after
    // "von" or "bei": "Kritik an den Plänen kam auch von der Opposition", "Der Vorschlag stößt
    // bei den Ländern auf Ablehnung".
    for i in 0..n {
        let (prep, nouns_before): (&str, bool) = match lower[i] {
            "kam" | "kamen" | "kommt" | "kommen" => ("von", true),
            "stößt" | "stieß" | "stoßen" | "stießen" => ("bei", false),
            _ => continue,
        };
        if depth[i] != 0 || !strs[i].starts_with(char::is_lowercase) {
            continue;
        }
        let said = if nouns_before {
            let clause = (0..i)
                .rev()
                .find(|&k| matches!(strs[k], "," | ";" | ":" | "–"))
                .map_or(0, |k| k + 1);
            lower[clause..i]
                .iter()
                .any(|w| SPEECH_NOUNS_SET.contains(w))
        } else {
            lower[i + 1..]
                .iter()
                .skip_while(|w| **w != "auf")
                .take(4)
                .any(|w| SPEECH_NOUNS_SET.contains(w))
        };
        if !said {
            continue;
        }
        if let Some(k) = (i + 1..n.min(i + 8)).find(|&k| lower[k] == prep) {
            let j = np_forward(k + 1);
            if j > k + 1 && is_source(k + 1, j) {
                return Some((make(k + 1, j, false), None));
            }
        }
    }
    // A passive participle ("wurde von einer Sprecherin bestätigt", "werden als Taifun
    // bezeichnet"): the source is the agent after "von" or "durch", else there is none.
    let passive_aux = |i: usize| {
        lower[i].ends_with('t')
            && (0..i)
                .rev()
                .take_while(|&k| !matches!(strs[k], "," | ";" | ":" | "–"))
                .any(|k| matches!(lower[k], "wird" | "werden" | "wurde" | "wurden" | "worden"))
    };
    let mut cues: Vec<usize> = Vec::new();
    for i in (0..n).filter(|&i| is_cue(i)) {
        // "Sie wird mit den Worten zitiert": the subject of a quoting passive is the speaker.
        if !passive_aux(i) || lower[i] == "zitiert" {
            cues.push(i);
            continue;
        }
        if let Some(k) = (0..i).find(|&k| matches!(lower[k], "von" | "durch")) {
            let j = np_forward(k + 1).min(i);
            if j > k + 1 && is_source(k + 1, j) {
                return Some((make(k + 1, j, false), Some(i)));
            }
        }
    }
    // "versuchte mit den Worten zu beruhigen: ...": the words quoted mark the sentence's subject
    // as their speaker.
    if let Some(k) = (2..n).find(|&k| {
        lower[k] == "worten"
            && matches!(lower[k - 1], "den" | "folgenden" | "diesen")
            && lower[k - 2] == "mit"
            && depth[k] == 0
    }) && !cues.contains(&k)
    {
        cues.push(k);
        cues.sort_unstable();
    }
    let v = cues.first().copied().unwrap_or(n);
    // ", behauptete Hofer.": a speech verb closing the sentence names the speaker of all of it,
    // over a cue inside what is said ("Van der Bellen hat selbst gesagt, ...").
    if let Some(&c) = cues.last()
        && cues.len() > 1
        && c > 0
        && strs[c - 1] == ","
    {
        let mut from = c + 1;
        while from < n && from < c + 3 && SKIPPED_ADVERBS_SET.contains(lower[from]) {
            from += 1;
        }
        let j = if from < n && matches!(lower[from], "er" | "sie" | "he" | "she") {
            from + 1
        } else {
            np_forward(from)
        };
        let end = (j..n)
            .find(|&k| matches!(strs[k], "." | "!" | ","))
            .unwrap_or(n);
        if j > from && end + 1 >= n && is_source(from, j) {
            return Some((make(from, j, false), Some(c)));
        }
    }
    // Next to a verb of saying, a noun phrase headed by a capitalised noun is its subject
    // ("verweist die Armutskonferenz", "wie die schwedische Firma bestätigte").
    let is_subject = |a: usize, b: usize| -> bool {
        is_source(a, b)
            || (b > a
                && is_capital(b - 1)
                && (is_article(lower[a]) || is_capital(a))
                && !lower[a..b].iter().any(|w| {
                    matches!(
                        *w,
                        "es" | "das" | "dies" | "man" | "viele" | "manche" | "einige" | "alle"
                    ) || OPENERS_SET.contains(w)
                }))
    };
    let is_lower_word = |k: usize| {
        k < n
            && toks[k].kind == TokenKind::Word
            && strs[k].chars().next().is_some_and(char::is_lowercase)
    };
    // A capitalised adverb at a clause start ("Unterdessen", "Zweitens", "Darüber hinaus") is
    // no noun phrase, unless a name starts there ("Siemens").
    let adverb_at = |k: usize| {
        is_closed_adverb(lower[k])
            || (is_adverb_form(lower[k])
                && !mentions
                    .iter()
                    .any(|m| !m.derived && m.span.start == toks[k].span.start))
    };
    // The words before the finite verb `h` are an adverbial ("Darüber hinaus", "Am Montag", "In
    // seiner Rede"): in a verb-second clause the subject then follows the verb.
    // A prepositional phrase has one noun ("In seiner Rede", "Am Montag"); "Im Exil lebende
    // Uiguren wie Isa" holds the subject.
    let adverbial_prefield = |h: usize| {
        h > 0
            && !strs[..h]
                .iter()
                .any(|w| matches!(*w, "," | ":" | ";" | "–"))
            && ((adverb_at(0) && (1..h).all(|k| adverb_at(k) || is_lower_word(k)))
                || (PREPOSITIONS_SET.contains(lower[0])
                    && h <= 5
                    && (1..h).filter(|&k| is_capital(k)).count() <= 1))
    };
    // Extends a subject phrase ending at `j` over an appositive with a person's name.
    let with_appositive = |j: usize| -> usize {
        if j + 1 < n && strs[j] == "," {
            let k = np_forward(j + 1);
            if k > j + 1
                && mentions
                    .iter()
                    .any(|m| phrase(j + 1, k).contains(m.span) && m.kind == EntityKind::Person)
            {
                return k;
            }
        }
        j
    };
    // A pronoun subject: one token.
    let subject_after = |from: usize| -> usize {
        if from < n && matches!(lower[from], "er" | "sie" | "he" | "she") {
            from + 1
        } else {
            np_forward(from)
        }
    };
    // "..., wie die Agentur Reuters berichtete", "Wie das Ministerium heute bekannt gab, ...",
    // "as the agency reported": a "wie" or "as" clause whose subject is followed only by
    // adverbials and a verb of saying names the source of the whole sentence, not the main
    // clause's subject.
    for w in 0..n {
        if !matches!(lower[w], "wie" | "as")
            || !(w == 0 || matches!(strs[w - 1], "," | "–" | "(" | ";"))
        {
            continue;
        }
        let from = w + 1;
        let j = subject_after(from);
        if j <= from || !(is_subject(from, j) || is_source(from, j)) {
            continue;
        }
        // ", Arminda Thomas,": an appositive between commas belongs to the subject, and so does
        // an acronym in parentheses ("die UN-Friedensmission im Südsudan (UNMISS)").
        let end = with_appositive(j);
        let end = match (end < n && strs[end] == "(")
            .then(|| (end + 1..n.min(end + 6)).find(|&k| strs[k] == ")"))
            .flatten()
        {
            Some(close) => close + 1,
            None => end,
        };
        let mut k = if end > j && end < n && strs[end] == "," {
            end + 1
        } else {
            end
        };
        // Adverbials up to the verb: "heute", "am Mittwoch", "in einem Vorabbericht".
        while k < n && k < end + 12 && !cues.contains(&k) && !is_boundary_punct(strs[k]) {
            k += 1;
        }
        if k >= n || !cues.contains(&k) {
            continue;
        }
        // The verb closes the clause, after at most a particle or an auxiliary ("bekannt gab",
        // "mitgeteilt hat").
        let mut e = k + 1;
        while e < n && e < k + 3 && is_lower_word(e) && !cues.contains(&e) {
            e += 1;
        }
        // No cue index: a report "wie X mitteilte" is never a quote by itself.
        if e >= n || is_boundary_punct(strs[e]) {
            return Some((make(from, end, false), None));
        }
    }
    // Subject at the start of the sentence or of a clause after a colon, unless it opens with a
    // preposition ("Neben Südkorea warnt"); sentence adverbs are skipped ("Doch Präsident ...").
    // A dateline ("Washington – ") opens the first clause too.
    let clause_starts = std::iter::once(0).chain(
        (0..v)
            // "SHEFFIELD (Reuters) - British Steel said": a dateline with its agency.
            .filter(|&k| strs[k] == ":" || (k < 7 && matches!(strs[k], "–" | "-")))
            .map(|k| k + 1),
    );
    let mut subject = None;
    for start in clause_starts {
        let mut a = start;
        while a < n
            && (toks[a].kind == TokenKind::Punct
                || OPENERS_SET.contains(lower[a])
                || (a == start && adverb_at(a)))
        {
            a += 1;
        }
        if a >= n || a >= v || PREPOSITIONS_SET.contains(lower[a]) {
            continue;
        }
        // "„Er ist die eiserne Hand ...“, so charakterisierte ihn X": the subject of a
        // quotation is not its speaker; a short quoted name ("„Die Zeit“ berichtete") is.
        if (start..a).any(|k| QUOTES.contains(&strs[k]))
            && !(a..n.min(a + 6)).any(|k| QUOTES.contains(&strs[k]))
        {
            continue;
        }
        let mut end = subject_after(a);
        if end <= a || end >= n {
            continue;
        }
        // "Der Wiener Krankenanstaltenverbund (KAV) hat": the acronym belongs to the subject.
        if end + 3 < n && strs[end] == "(" && strs[end + 2] == ")" {
            end += 3;
        }
        // "John Kirby, Koordinator für ..., behauptete": an appositive between commas.
        let mut stop = end;
        if strs[end] == ","
            && let Some(c) = (end + 1..n.min(end + 20)).find(|&k| strs[k] == ",")
            && (c + 1 == v || is_lower_word(c + 1))
        {
            stop = c;
        }
        let next = if stop == end { end } else { stop + 1 };
        // "Beide Staaten, Nordkorea und Russland, weisen ...": a listed subject ends at a comma.
        let next = if strs[stop] == "," && stop + 1 == v {
            v
        } else {
            next
        };
        // "Eine DNA-Analyse hat bestätigt, dass ...": any noun phrase before an auxiliary that
        // the participle of saying closely follows.
        let perfect = next < v
            && v < n
            && v <= next + 3
            && AUXILIARIES_SET.contains(lower[next])
            && (next + 1..v).all(is_lower_word);
        if (next == v && is_subject(a, stop))
            || (is_source(a, stop) && is_lower_word(next))
            || (perfect && is_subject(a, stop))
        {
            subject = Some((a, stop, next == v));
        }
    }
    // Subject directly before the speech verb: "Der südkoreanische Geheimdienst berichtete".
    if let Some((a, stop, true)) = subject {
        return Some((make(a, stop, false), Some(v)));
    }
    // "Der Menschenrechtskommissar des Europarats, Nils Muiznieks, hatte ... aufgerufen": a
    // named subject before the auxiliary wins over the object after it.
    if let Some((a, stop, false)) = subject
        && is_source(a, stop)
        && (stop..n.min(stop + 3)).any(|k| AUXILIARIES_SET.contains(lower[k]))
        && v < n
    {
        return Some((make(a, stop, false), Some(v)));
    }
    // "„...“, hatte VW-Chef Winterkorn in einem Interview erklärt.": after a comma an
    // auxiliary opens the clause, its subject follows it and a participle of saying closes it.
    if let Some(&c) = cues.last()
        && (c + 1 == n || matches!(strs[c + 1], "." | "!" | "," | ";"))
        && let Some(aux) = (1..c)
            .rev()
            .take_while(|&k| !matches!(strs[k], "," | ";" | ":" | "–"))
            .last()
            .filter(|&k| {
                strs[k - 1] == "," && matches!(lower[k], "hatte" | "hatten" | "hat" | "haben")
            })
    {
        let mut from = aux + 1;
        while from < c && SKIPPED_ADVERBS_SET.contains(lower[from]) {
            from += 1;
        }
        let j = if from < c && matches!(lower[from], "er" | "sie" | "he" | "she") {
            from + 1
        } else {
            np_forward(from).min(c)
        };
        if j > from && is_source(from, j) {
            return Some((make(from, with_appositive(j).min(c), false), Some(aux)));
        }
    }
    for &c in &cues {
        // Speech verb (or auxiliary in second position) followed by its subject: "sagte
        // Pentagon-Sprecher Pat Ryder", "Zuvor hatte Nordkorea bekannt gegeben".
        let mut heads = vec![c];
        if c == v
            && let Some(f) = (1..n.min(4)).find(|&k| is_lower_word(k))
            && f < v
            && AUXILIARIES_SET.contains(lower[f])
        {
            heads.insert(0, f);
        }
        for h in heads {
            let mut from = h + 1;
            while from < n && from < h + 3 && SKIPPED_ADVERBS_SET.contains(lower[from]) {
                from += 1;
            }
            let j = subject_after(from);
            // After the verb a named source or role is the subject ("sagte der Minister"); any
            // other noun phrase only when the clause ends with it (", erklärte die Firma am
            // Mittwoch."), else it is the object ("erklärten ihre Zufriedenheit über ...").
            let clause_ends = j >= n
                || matches!(strs[j], "," | "." | ":" | ";" | "–" | "(" | "!")
                || matches!(lower[j], "am" | "im" | "vom" | "bei" | "gegenüber" | "in")
                || (matches!(
                    lower[j],
                    "mit" | "an" | "zu" | "aus" | "fest" | "hinzu" | "bekannt"
                ) && (j + 1 == n || matches!(strs[j + 1], "," | "." | ";" | ":" | "!")));
            // "Das zeigt eine Auswertung": "das" is the object, the phrase after the verb the
            // subject.
            let backward = h == 1 && matches!(lower[0], "das" | "dies");
            let possessive = matches!(
                lower[from],
                "sein" | "seine" | "seinen" | "ihr" | "ihre" | "ihren" | "unsere"
            );
            // A derived adjective ("weisen die chinesischen Anschuldigungen zurück") names no
            // source after the verb; a compound does ("kritisierte der UNO-Sprecher").
            let adjective_only = !mentions.iter().any(|m| {
                phrase(from, j).contains(m.span)
                    && (!m.derived
                        || doc.text[m.span.start..m.span.end]
                            .starts_with(|c: char| c.is_uppercase()))
            });
            let named = is_source(from, j)
                && (!adjective_only
                    || lower[from..j].iter().any(|w| {
                        ends_in(&SOURCE_NOUN_ENDS, w)
                            || ends_in(&UNNAMED_ENDS, w)
                            || ends_in(&PERSON_ROLE_ENDS, w)
                            || ends_in(&ORG_ROLE_ENDS, w)
                            || matches!(*w, "er" | "sie" | "he" | "she")
                    }));
            // After an adverbial the first noun phrase in the nominative is the subject:
            // "Darüber hinaus kritisierte die Opposition die Pläne".
            let nominative_first = adverbial_prefield(h)
                && h == c
                && !matches!(
                    lower[from],
                    "den" | "dem" | "des" | "einen" | "einem" | "eines" | "einer"
                );
            if j > from
                && (named
                    || (is_subject(from, j)
                        && (clause_ends || backward || nominative_first)
                        && !possessive))
            {
                return Some((make(from, with_appositive(j), false), Some(c)));
            }
        }
        // A subject right before the verb at a clause start: "wie die Polizei mitteilte",
        // ", die Behörde erklärte", "wie die Firma am Mittwoch bestätigte".
        let mut e = c;
        while e > 0
            && (SKIPPED_ADVERBS_SET.contains(lower[e - 1])
                || (e > 1 && is_capital(e - 1) && matches!(lower[e - 2], "am" | "im" | "vom")))
        {
            e -= 1;
        }
        // "Patrick Kamanda von der Behörde (NEMA) sagte": the parenthesis belongs to the
        // subject.
        if e > 0
            && strs[e - 1] == ")"
            && let Some(open) = (e.saturating_sub(20)..e - 1)
                .rev()
                .find(|&k| strs[k] == "(")
        {
            e = open;
        }
        let c_verb = c;
        let c = e;
        let mut a = c;
        while a > 0
            && a + 8 > c
            && toks[a - 1].kind != TokenKind::Punct
            && (continues_np(strs[a - 1], lower[a - 1])
                || matches!(lower[a - 1], "er" | "sie" | "he" | "she" | "they")
                // An attributive adjective stands before its noun, not before the verb.
                || (is_adjective(a - 1) && a < c && (is_capital(a) || is_adjective(a))))
        {
            a -= 1;
        }
        if a < c
            && !(a..c).all(adverb_at)
            && (a == 0
                || matches!(strs[a - 1], "," | ":" | "(" | "–")
                // '"We will stay," Gelsinger said': English puts the comma inside the quote.
                || (a > 1
                    && QUOTES.contains(&strs[a - 1])
                    && matches!(strs[a - 2], "," | "!" | "?"))
                || matches!(lower[a - 1], "wie" | "as" | "und"))
            && !PREPOSITIONS_SET.contains(lower[a])
            && !lower[a..c].iter().any(|w| AUXILIARIES_SET.contains(w))
            && is_subject(a, c)
        {
            return Some((make(a, c, false), Some(c_verb)));
        }
    }
    // Subject before an auxiliary: "Die amerikanische Regierung hat ... beschuldigt".
    if let Some((a, stop, _)) = subject
        && v < n
    {
        return Some((make(a, stop, false), Some(v)));
    }
    // "Markus Abwerzger: ...", "Die Reaktion der Flughafen Wien AG: Man weise ...": a short
    // phrase naming a person or organisation, then a colon.
    if let Some(c) = (1..n.min(9)).find(|&k| strs[k] == ":")
        && c + 1 < n
        && !(0..c).all(|k| adverb_at(k) || toks[k].kind == TokenKind::Punct)
        && (0..c)
            .filter(|&k| {
                toks[k].kind == TokenKind::Word
                    && strs[k].chars().next().is_some_and(char::is_lowercase)
                    && !is_article(lower[k])
                    && !matches!(lower[k], "von" | "des" | "der")
            })
            .all(|k| k + 1 == c)
        && mentions.iter().any(|m| {
            phrase(0, c).contains(m.span)
                && !m.derived
                && matches!(m.kind, EntityKind::Person | EntityKind::Organization)
        })
    {
        let a = (0..c)
            .find(|&k| !OPENERS_SET.contains(lower[k]))
            .unwrap_or(0);
        let b = if c > a + 1 && is_lower_word(c - 1) {
            c - 1
        } else {
            c
        };
        return Some((make(a, b, false), Some(c)));
    }
    None
}

/// True for the finite verbs that voice a view with a complement ("ist zuversichtlich",
/// "vertritt die Ansicht", "rechnet mit", "sieht ... als", "hält ... für", "schließen daraus").
fn is_view_verb(w: &str) -> bool {
    matches!(
        w,
        "ist"
            | "sind"
            | "war"
            | "waren"
            | "zeigte"
            | "zeigten"
            | "zeigt"
            | "zeigen"
            | "gab"
            | "gibt"
            | "gaben"
            | "geben"
            | "vertritt"
            | "vertrat"
            | "vertreten"
            | "vertraten"
            | "rechnet"
            | "rechnen"
            | "rechnete"
            | "rechneten"
            | "sieht"
            | "sah"
            | "sehen"
            | "sahen"
            | "hält"
            | "hielt"
            | "halten"
            | "hielten"
            | "wertete"
            | "werteten"
            | "wertet"
            | "werten"
            | "schließen"
            | "schließt"
            | "schloss"
            | "schlossen"
    )
}

/// True for a noun naming a held view ("der Meinung", "die Ansicht vertreten").
fn is_view_noun(w: &str) -> bool {
    matches!(
        w,
        "meinung" | "ansicht" | "auffassung" | "überzeugung" | "position" | "einschätzung"
    )
}

/// Separable verbs of saying whose particle closes the clause ("schlug ... vor", "stellte ...
/// fest", "räumte ... ein"): the particle the finite form needs, or `None`.
fn separable_speech(w: &str) -> Option<&'static [&'static str]> {
    // Finite stems; a form matches with an inflection ending of at most three letters.
    const SEPARABLE: &[(&str, &[&str])] = &[
        ("schlug", &["vor"]),
        ("schläg", &["vor"]),
        ("stellt", &["fest", "klar"]),
        ("deutet", &["an"]),
        ("merkt", &["an"]),
        ("fügt", &["hinzu"]),
        ("räumt", &["ein"]),
        ("wandt", &["ein"]),
        ("wende", &["ein"]),
        ("hielt", &["entgegen"]),
        ("hält", &["entgegen"]),
        ("gab", &["zu", "an", "bekannt"]),
        ("gibt", &["zu", "an", "bekannt"]),
        ("gebe", &["zu", "an", "bekannt"]),
        ("kündigt", &["an"]),
        ("sprach", &["aus"]),
        ("sprech", &["aus"]),
        ("sprich", &["aus"]),
        ("wies", &["hin", "zurück"]),
        ("weist", &["hin", "zurück"]),
        ("gestand", &["ein", "zu"]),
        ("gesteh", &["ein", "zu"]),
        ("strich", &["heraus"]),
        ("streich", &["heraus"]),
        ("hob", &["hervor"]),
        ("heb", &["hervor"]),
    ];
    static STEMS: AffixIndex<(&str, &[&str])> =
        AffixIndex::with_word(SEPARABLE, |&(stem, _)| stem, End::Prefix);
    STEMS
        .find(w, |(stem, _)| {
            w.starts_with(stem) && w.len() <= stem.len() + 3
        })
        .map(|&(_, p)| p)
}

/// True for punctuation that ends a clause.
fn is_boundary_punct(s: &str) -> bool {
    matches!(s, "," | "." | ";" | ":" | "–" | "!" | "?" | ")" | "(")
}

/// True for a word that is an adverb by its form, not a noun phrase, when it stands
/// capitalised at the start of a sentence: connectives and sentence adverbs ("Unterdessen",
/// "Allerdings", "Möglicherweise", "Damals"), and the closed class of [`is_closed_adverb`].
fn is_adverb_form(w: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "dessen", "dings", "falls", "weise", "mals", "wegen", "halb", "seits", "maßen",
    ];
    is_closed_adverb(w) || (w.len() > 6 && SUFFIXES.iter().any(|x| w.ends_with(x)))
}

/// True for adverbs of a closed class, which no name shares: connectives, pronominal adverbs
/// ("darüber", "hierzu", "womit") and enumerators ("erstens", "zweitens", "letztens").
fn is_closed_adverb(w: &str) -> bool {
    const PRONOMINAL_HEADS: &[&str] = &["dar", "da", "hier", "wor", "wo"];
    const PRONOMINAL_TAILS: &[&str] = &[
        "über", "auf", "an", "aus", "bei", "durch", "für", "gegen", "hinter", "in", "mit", "nach",
        "neben", "um", "unter", "von", "vor", "zu", "zwischen", "hin", "her",
    ];
    const ENUMERATORS: &[&str] = &[
        "ers", "zwei", "drit", "vier", "fünf", "sechs", "sieben", "sieb", "ach", "neun", "zehn",
        "letz",
    ];
    OPENERS_SET.contains(w)
        || matches!(
            w,
            "hinaus"
                | "übrigens"
                | "kurz"
                | "schließlich"
                | "endlich"
                | "fazit"
                | "kurzum"
                | "unterdessen"
                | "indessen"
                | "ebenso"
                | "ebenfalls"
                | "weiter"
                | "weiters"
                | "ferner"
                | "überdies"
        )
        || PRONOMINAL_HEADS.iter().any(|h| {
            w.strip_prefix(h)
                .is_some_and(|t| PRONOMINAL_TAILS.contains(&t))
        })
        || w.strip_suffix("tens")
            .is_some_and(|stem| ENUMERATORS.contains(&stem))
}

/// Adverbs between a speech verb and its subject ("sagte zudem der Minister").
const SKIPPED_ADVERBS: &[&str] = &[
    "es",
    "sich",
    "kürzlich",
    "zudem",
    "auch",
    "bereits",
    "am",
    "heute",
    "gestern",
    "jedoch",
    "aber",
    "nun",
    "erneut",
    "vor",
    "allem",
    "zuvor",
    "dann",
    "später",
    "daraufhin",
    "dennoch",
    "also",
    "etwa",
    "weiter",
    "außerdem",
    "dazu",
    // Object pronouns between the verb and its subject: "so charakterisierte ihn der
    // Gewerkschafter".
    "ihn",
    "ihm",
    "ihnen",
];

/// Heads of role nouns that refer to a person ("der Minister", "die Sprecherin", "der
/// 83-Jährige").
const PERSON_ROLES: &[&str] = &[
    "premierminister",
    "premierministerin",
    "ministerpräsident",
    "ministerpräsidentin",
    "regierungschef",
    "regierungschefin",
    "führer",
    "geschäftsführer",
    "kommissär",
    "minister",
    "ministerin",
    "präsident",
    "präsidentin",
    "kanzler",
    "kanzlerin",
    "sprecher",
    "sprecherin",
    "chef",
    "chefin",
    "jährige",
    "jähriger",
    "politiker",
    "politikerin",
    "richter",
    "richterin",
    "anwalt",
    "anwältin",
    "leiter",
    "leiterin",
    "vorsitzende",
    "vorsitzender",
    "direktor",
    "direktorin",
    "kandidat",
    "kandidatin",
    "bürgermeister",
    "bürgermeisterin",
    "abgeordnete",
    "abgeordneter",
    "sekretär",
    "sekretärin",
    "botschafter",
    "botschafterin",
    "premier",
    "gründer",
    "gründerin",
    "funktionär",
    "funktionärin",
    "delegierte",
    "delegierter",
    "manager",
    "managerin",
    "gouverneur",
    "kommandant",
    "ökonom",
    "ökonomin",
    "experte",
    "expertin",
    "autor",
    "autorin",
    "regisseur",
    "regisseurin",
    "trainer",
    "trainerin",
    "obmann",
    "obfrau",
    "landeshauptmann",
    "landeshauptfrau",
    "senator",
    "senatorin",
    "staatschef",
    "berater",
    "beraterin",
    "vertreter",
    "vertreterin",
    "kommissar",
    "kommissarin",
    "reporter",
    "reporterin",
    "korrespondent",
    "korrespondentin",
    "journalist",
    "journalistin",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "president",
    "secretary",
    "chief",
];

/// Documents that speak for whoever wrote them ("heißt es in der Klagsschrift", "laut Klage").
const DOCUMENTS: &[&str] = &[
    "klage",
    "klagsschrift",
    "klageschrift",
    "brief",
    "schreiben",
    "aussendung",
    "erklärung",
    "mitteilung",
    "stellungnahme",
    "presseaussendung",
    "pressemitteilung",
    "papier",
    "webseite",
    "website",
];

/// Heads of role nouns that refer to an organisation ("die Behörde", "das Ressort").
const ORG_ROLES: &[&str] = &[
    "behörde",
    "ministerium",
    "ressort",
    "organisation",
    "partei",
    "unternehmen",
    "konzern",
    "bank",
    "firma",
    "gruppe",
    "gewerkschaft",
    "verband",
    "institut",
    "agentur",
    "kammer",
    "vereinigung",
    "miliz",
    "stiftung",
    "gesellschaft",
    "zeitung",
    "sender",
    "fraktion",
    "bewegung",
    "initiative",
];

/// Support verbs that say something only with a noun of saying as their object, and those
/// nouns: "fand lobende Worte", "erhebt Vorwürfe", "übte Kritik". They summarise what was said,
/// so they never make a quotation.
fn support_verb(w: &str) -> Option<&'static [&'static str]> {
    match w {
        "fand" | "findet" | "fanden" | "finden" => Some(&["worte"]),
        "erhebt" | "erhob" | "erheben" | "erhoben" => Some(&[
            "vorwürfe",
            "vorwurf",
            "einspruch",
            "einwände",
            "anschuldigungen",
        ]),
        "übte" | "übt" | "üben" | "übten" => Some(&["kritik", "selbstkritik"]),
        _ => None,
    }
}

/// Nouns of saying and judging that make a verb of coming or meeting a report ("Kritik kam
/// von X", "stößt bei X auf Ablehnung").
const SPEECH_NOUNS: &[&str] = &[
    "kritik",
    "lob",
    "widerspruch",
    "zustimmung",
    "ablehnung",
    "protest",
    "proteste",
    "warnung",
    "warnungen",
    "widerstand",
    "forderung",
    "forderungen",
];

/// Sentence adverbs and conjunctions skipped before a subject.
const OPENERS: &[&str] = &[
    "demnach",
    "ähnlich",
    "anders",
    "damit",
    "dabei",
    "außerdem",
    "deshalb",
    "daher",
    "darum",
    "trotzdem",
    "jetzt",
    "heute",
    "gestern",
    "zuvor",
    "zuletzt",
    "bereits",
    "schon",
    "hier",
    "dort",
    "dazu",
    "danach",
    "mittlerweile",
    "vielmehr",
    "insgesamt",
    "zunächst",
    "zugleich",
    "gleichzeitig",
    "bisher",
    "später",
    "kürzlich",
    "doch",
    "aber",
    "und",
    "auch",
    "so",
    "zudem",
    "dennoch",
    "jedoch",
    "allerdings",
    "nun",
    "inzwischen",
];

/// Prepositions that open adverbial phrases rather than subjects.
const PREPOSITIONS: &[&str] = &[
    "neben",
    "seit",
    "nach",
    "vor",
    "in",
    "im",
    "am",
    "auf",
    "mit",
    "bei",
    "für",
    "trotz",
    "während",
    "wegen",
    "angesichts",
    "aus",
    "von",
    "zu",
    "um",
    "durch",
    "gegen",
    "ohne",
    "unter",
    "über",
    "bis",
    "laut",
    "zuvor",
    "dennoch",
    "doch",
    "damals",
    "bereits",
    "auch",
    "so",
];

/// Finite auxiliaries that put the subject after them in verb-second clauses.
const AUXILIARIES: &[&str] = &[
    "hat", "hatte", "haben", "hatten", "ist", "war", "sind", "waren", "wird", "wurde", "werden",
    "wurden",
];

const F_SPEECH: u8 = 1;
const F_KONJ: u8 = 2;
const F_HEDGE: u8 = 4;
const F_ASSESS: u8 = 8;
const F_KONJ2: u8 = 16;
const F_FORECAST: u8 = 32;

/// Which of the claim word lists a lowercase word is in, as bit flags (one table lookup).
fn lexicon_flags(w: &str) -> u8 {
    type Lexicon = (
        super::wordlist::WordFilter,
        super::fasthash::FastMap<&'static str, u8>,
    );
    static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    let (filter, lex) = LEX.get_or_init(|| {
        let mut m = super::fasthash::FastMap::default();
        for (list, flag) in [
            (SPEECH_VERBS, F_SPEECH),
            (KONJUNKTIV_I, F_KONJ),
            (HEDGES, F_HEDGE),
            (ASSESSMENT, F_ASSESS),
            (KONJUNKTIV_II, F_KONJ2),
            (FORECASTS, F_FORECAST),
        ] {
            for word in list {
                *m.entry(*word).or_insert(0) |= flag;
            }
        }
        (super::wordlist::WordFilter::of(m.keys().copied()), m)
    });
    if !filter.may_contain(w) {
        return 0;
    }
    lex.get(w).copied().unwrap_or(0)
}

/// [`is_speech_stem_form`] of each word of a sentence, answered once per word when first asked
/// (several rules ask it of the same words).
struct StemForms<'a> {
    lower: &'a [&'a str],
    /// Per word: 0 not asked yet, 1 no, 2 yes.
    known: Vec<std::cell::Cell<u8>>,
}

impl<'a> StemForms<'a> {
    fn new(lower: &'a [&'a str]) -> Self {
        StemForms {
            lower,
            known: vec![std::cell::Cell::new(0); lower.len()],
        }
    }

    /// `is_speech_stem_form(lower[i])`.
    fn get(&self, i: usize) -> bool {
        match self.known[i].get() {
            0 => {
                let yes = is_speech_stem_form(self.lower[i]);
                self.known[i].set(1 + u8::from(yes));
                yes
            }
            k => k == 2,
        }
    }
}

/// True for a word of [`SPEECH_STEMS`] plus at most three letters: with the speech verbs of
/// [`lexicon_flags`], the finite and participle forms of verbs of saying, reporting and accusing.
fn is_speech_stem_form(w: &str) -> bool {
    // The stems by their first two bytes: most words share them with no stem.
    static STEMS: AffixIndex = AffixIndex::new(SPEECH_STEMS, End::Prefix);
    w.len() >= 4
        && (STEMS.any(w, |s| w.starts_with(s) && w.len() <= s.len() + 3) || is_speech_inflection(w))
}

/// True for a finite form or past participle of a weak verb of saying built from its root:
/// root plus a verb ending ("entgegn" -> "entgegnete", "bemängel" -> "bemängelt"), "ge" plus
/// root plus "t" ("geäußert" is "äußer"), and a separable prefix before the participle when
/// that pair says something ("mitgeteilt", "hinzugefügt", "festgestellt").
fn is_speech_inflection(w: &str) -> bool {
    static ROOTS: AffixIndex = AffixIndex::new(SPEECH_ROOTS, End::Prefix);
    const ENDINGS: &[&str] = &[
        "t", "te", "ten", "test", "tet", "et", "ete", "eten", "e", "en", "st", "est",
    ];
    let root_form = |w: &str| {
        ROOTS.any(w, |r| {
            w.strip_prefix(r).is_some_and(|e| {
                // "-et" after a root in d, t or consonant + n ("berichtet", "bezeichnet").
                let needs_e = r.ends_with('d') || r.ends_with('t') || r.ends_with("chn");
                ENDINGS.contains(&e) && (!needs_e || !e.starts_with('t'))
            })
        })
    };
    // A participle "ge" + root + "t"; roots with an unstressed prefix or in "-ier" take none.
    let participle = |w: &str| {
        w.strip_prefix("ge").is_some_and(|rest| {
            ROOTS.any(rest, |r| {
                rest.strip_prefix(r).is_some_and(|e| e == "t" || e == "et")
                    && !r.ends_with("ier")
                    && !["be", "er", "ver", "ent", "zer", "miss"]
                        .iter()
                        .any(|p| r.starts_with(p))
            })
        })
    };
    const SEPARABLE_PARTICIPLES: &[(&str, &str)] = &[
        ("mit", "geteilt"),
        ("hinzu", "gefügt"),
        ("ein", "geräumt"),
        ("fest", "gestellt"),
        ("klar", "gestellt"),
        ("an", "gedeutet"),
        ("an", "gemerkt"),
        ("an", "gekündigt"),
        ("vor", "geschlagen"),
        ("vor", "geworfen"),
        ("zu", "gegeben"),
        ("zu", "gesagt"),
        ("aus", "gesagt"),
        ("bekannt", "gegeben"),
        ("zurück", "gewiesen"),
        ("hin", "gewiesen"),
        ("dar", "gelegt"),
    ];
    // The participles whole: `w` is one when it is a prefix and its participle.
    static WHOLE: std::sync::OnceLock<super::fasthash::FastSet<String>> =
        std::sync::OnceLock::new();
    root_form(w)
        || participle(w)
        || WHOLE
            .get_or_init(|| {
                SEPARABLE_PARTICIPLES
                    .iter()
                    .map(|(p, part)| format!("{p}{part}"))
                    .collect()
            })
            .contains(w)
}

/// Roots of weak verbs of saying, judging and reporting, for [`is_speech_inflection`].
const SPEECH_ROOTS: &[&str] = &[
    "sag",
    "erklär",
    "beton",
    "bericht",
    "meld",
    "warn",
    "behaupt",
    "bestätig",
    "forder",
    "kritisier",
    "bezeichn",
    "äußer",
    "dementier",
    "argumentier",
    "erläuter",
    "beschuldig",
    "befürcht",
    "signalisier",
    "zitier",
    "verkünd",
    "versicher",
    "bekräftig",
    "beklag",
    "bedauer",
    "mahn",
    "appellier",
    "kommentier",
    "schilder",
    "urteil",
    "entgegn",
    "erwider",
    "antwort",
    "bemängel",
    "beanstand",
    "beteuer",
    "präzisier",
    "protestier",
    "vermeld",
    "skandier",
    "erzähl",
    "unterstell",
    "spekulier",
    "prognostizier",
    "ankündig",
    "empör",
    "verkündig",
];

/// Stems of verbs of saying; a form matches when it adds at most three letters ("warn" -> "warnte").
const SPEECH_STEMS: &[&str] = &[
    "sagt",
    "erklärt",
    "betont",
    "bericht",
    "meldet",
    "warnt",
    "behauptet",
    "bestätigt",
    "kündigt",
    "fordert",
    "kritisiert",
    "bezeichnet",
    "äußert",
    "dementiert",
    "argumentiert",
    "erläutert",
    "beschuldigt",
    "befürchtet",
    "signalisiert",
    "zitiert",
    "verkündet",
    "versichert",
    "unterstrich",
    "wirft",
    "warf",
    "gedroht",
    "drohte",
    "klargemacht",
    "angekündigt",
    "bekräftigt",
    "mitgeteilt",
    "beklagt",
    "gewarnt",
    "erklär",
    "schrieb",
    "told",
    "said",
    "warned",
    "claimed",
    "zurückgewiesen",
    "zurückgewies",
    "aufgerufen",
    "verwiesen",
    "geweigert",
    "kritisiert",
    "gefordert",
    "begründ",
    "vorgeworfen",
    "vorwarf",
];

/// Head nouns of sources that are not names ("Regierung", "Geheimdienst", "Sprecher").
const SOURCE_NOUNS: &[&str] = &[
    "regierung",
    "führung",
    "geheimdienst",
    "geheimdienste",
    "behörde",
    "behörden",
    "ministerium",
    "sprecher",
    "sprecherin",
    "armee",
    "militär",
    "beamter",
    "beamte",
    "experten",
    "analysten",
    "medien",
    "regierungsstellen",
    "staaten",
    "chinesen",
    "korrespondent",
    "präsident",
    "minister",
    "kreml",
    "chef",
    "agentur",
    "institut",
    "zeitung",
    "magazin",
    "portal",
    "polizei",
    "staatsanwaltschaft",
    "gericht",
    "gerichtshof",
    "feuerwehr",
    "government",
    "ministry",
    "police",
    "officials",
    "authorities",
    "agency",
    "army",
    "military",
];

#[cfg(test)]
mod tests {
    use crate::extract::analyze;
    use crate::extract::testutil::article;
    use crate::model::{ClaimKind, DatePart, PartialDate, Stance};

    fn claim(text: &str) -> crate::model::Claim {
        let a = analyze(&article(text));
        a.claims
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no claim in {text}"))
    }

    #[test]
    fn speech_verb_with_subject_gives_attribution() {
        let c = claim(
            "Die Truppen seien bereits im Einsatz, sagte Pentagon-Sprecher Pat Ryder am Montag.",
        );
        let a = c.attribution.expect("attribution");
        assert_eq!(a.text, "Pentagon-Sprecher Pat Ryder");
        assert_eq!(a.canonical.as_deref(), Some("Pat Ryder"));
        // Konjunktiv I after a named source is reported speech, not a hedge.
        assert_eq!(c.stance, Stance::Attributed);
        assert_eq!(c.kind, ClaimKind::Reported);
    }

    #[test]
    fn laut_phrase_is_the_source() {
        let c = claim(
            "Laut dem 2024 Military Strength Ranking des Fachmagazins Global Firepower verfügt Nordkorea über 1,32 Millionen Soldaten.",
        );
        assert_eq!(
            c.attribution.expect("attribution").text,
            "dem 2024 Military Strength Ranking des Fachmagazins Global Firepower"
        );
        assert_eq!(c.kind, ClaimKind::Statistic);
        assert_eq!(c.stance, Stance::Attributed);
    }

    #[test]
    fn subject_before_speech_verb_is_the_source() {
        let c = claim(
            "Der südkoreanische Geheimdienst berichtete, dass Nordkorea weitere Truppen entsandt hat.",
        );
        assert_eq!(
            c.attribution.expect("attribution").text,
            "Der südkoreanische Geheimdienst"
        );
        assert_eq!(c.kind, ClaimKind::Reported);
    }

    #[test]
    fn unnamed_sources_are_marked() {
        let c = claim("Berichten zufolge sollen nordkoreanische Soldaten in Kursk kämpfen.");
        let a = c.attribution.expect("attribution");
        assert!(a.unnamed);
        assert_eq!(a.text, "Berichten");
        assert_eq!(a.canonical.as_deref(), Some("Berichte"));
        assert_eq!(c.stance, Stance::Uncertain);
    }

    #[test]
    fn hedges_and_modal_judgements_are_uncertain_assessments() {
        let c = claim("Diese Zusammenarbeit dürfte die Lage in Europa weiter verschärfen.");
        assert_eq!(c.kind, ClaimKind::Assessment);
        assert_eq!(c.stance, Stance::Uncertain);
    }

    #[test]
    fn plain_past_events_are_asserted_facts_with_dates() {
        let c = claim("Am 19. Juni 2024 unterzeichneten Putin und Kim in Pjöngjang einen Vertrag.");
        assert_eq!(c.kind, ClaimKind::Fact);
        assert_eq!(c.stance, Stance::Asserted);
        assert_eq!(c.dates[0].date, PartialDate::ymd(2024, 6, 19));
        let c = claim("Ende Oktober 2024 trafen die ersten Einheiten in Russland ein.");
        assert_eq!(
            c.dates[0].date,
            PartialDate::ym(2024, 10).with_part(DatePart::Late)
        );
    }

    #[test]
    fn quantities_in_claims_are_normalised() {
        let c = claim(
            "Nordkorea schickte 10.000-12.000 Soldaten und rund 1,6 Millionen Granaten nach Russland.",
        );
        assert_eq!(c.kind, ClaimKind::Statistic);
        assert_eq!(
            (c.quantities[0].min, c.quantities[0].max),
            (10000.0, 12000.0)
        );
        assert_eq!(c.quantities[1].min, 1_600_000.0);
    }

    fn claims(text: &str) -> Vec<crate::model::Claim> {
        analyze(&article(text)).claims
    }

    #[test]
    fn pronoun_and_role_noun_sources_resolve_to_the_named_person() {
        let cs = claims(
            "Innenministerin Johanna Mikl-Leitner besuchte am Montag die Grenze. Die Lage sei unter Kontrolle, sagte sie. Die Ministerin erklärte, man brauche mehr Personal.",
        );
        let a = cs[1].attribution.as_ref().expect("attribution");
        assert_eq!(a.canonical.as_deref(), Some("Johanna Mikl-Leitner"));
        assert_eq!(a.resolved_from.as_deref(), Some("sie"));
        let span = a.span.expect("span");
        assert!(cs[1].span.contains(span));
        let b = cs[2].attribution.as_ref().expect("attribution");
        assert_eq!(b.canonical.as_deref(), Some("Johanna Mikl-Leitner"));
        assert_eq!(b.resolved_from.as_deref(), Some("Die Ministerin"));
        assert_eq!(cs[2].stance, Stance::Attributed);
    }

    #[test]
    fn konjunktiv_continuations_inherit_the_speaker() {
        let cs = claims(
            "Bürgermeister Michael Häupl sagte am Montag, die Stadt habe genug Geld. Die Schulden seien gesunken. Der Haushalt werde ausgeglichen.",
        );
        for c in &cs[1..] {
            let a = c.attribution.as_ref().expect("inherited attribution");
            assert_eq!(a.canonical.as_deref(), Some("Michael Häupl"), "{}", c.text);
            assert_eq!(c.stance, Stance::Attributed);
            assert_eq!(c.kind, ClaimKind::Reported);
        }
    }

    #[test]
    fn hearsay_sollen_is_uncertain_and_planning_sollen_is_not() {
        let c = claim("Der Mann soll den Anschlag in der Nacht verübt haben.");
        assert_eq!(c.stance, Stance::Uncertain);
        let c = claim("Die neue Brücke soll im kommenden Jahr gebaut werden.");
        assert_eq!(c.stance, Stance::Asserted);
        let c = claim("Die mutmaßlichen Täter wurden am Montag in Wien festgenommen.");
        assert_eq!(c.stance, Stance::Asserted);
    }

    #[test]
    fn a_hedge_without_a_source_phrase_has_no_source() {
        let c = claim("Angeblich habe eine Vielzahl von Kunden ihre Konten aufgelöst.");
        assert!(c.attribution.is_none());
        assert_eq!(c.stance, Stance::Uncertain);
    }

    #[test]
    fn backward_attribution_covers_the_sentence_before() {
        let cs = claims(
            "Der Brand wurde von einer weggeworfenen Zigarette ausgelöst. Das haben Brandermittler am Dienstag festgestellt.",
        );
        let a = cs[0].attribution.as_ref().expect("attribution");
        assert!(a.text.starts_with("Brandermittler"));
        assert_eq!(cs[0].stance, Stance::Attributed);
    }

    #[test]
    fn agency_tags_references_and_credits_are_not_claims() {
        for text in [
            "(APA, red, 25.7.2015)",
            "Für alle Genannten gilt die Unschuldsvermutung.",
            "Abrufbar unter https://example.org/bericht/2024 seit dem 3. März.",
            "Foto: Reuters und die Agentur für Bilder in Wien",
            "Smith, J. (2020). The rise of northern powers in the region. Oxford Press.",
        ] {
            assert!(claims(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn past_tenses_and_adjectives_after_the_subject_are_not_konjunktiv_i() {
        for text in [
            "Nordkorea hatte auch schon vor seinem Austritt aus dem Vertrag 2003 den Vertrag verletzt.",
            "Die pflichtgemäße Einhaltung des Vertrags benachteiligt die Ukraine nun doppelt.",
            "Diese neuartige Situation macht die Rolle des Vertrags noch paradoxer.",
            "Der Konzern machte im Vorjahr einen Verlust von zwei Millionen Euro.",
        ] {
            let c = claim(text);
            assert_ne!(c.kind, ClaimKind::Reported, "{text}");
            assert!(c.attribution.is_none(), "{text}");
        }
        // A real Konjunktiv I after a named subject still reads as reported speech.
        let cs = claims(
            "Der Sprecher der Stadtwerke Anton Huber sagte am Montag, die Preise seien stabil. Der Verbund verlange keine höheren Gebühren.",
        );
        assert_eq!(cs[1].kind, ClaimKind::Reported);
        assert!(cs[1].attribution.is_some());
    }

    #[test]
    fn hedges_in_subordinate_clauses_leave_the_main_assertion_asserted() {
        for text in [
            "Weil er angeblich Geld unterschlagen hatte, wurde der Manager am Montag entlassen.",
            "Der Schauspieler, der die Rolle abonniert zu haben scheint, gewann 1991 den Oscar.",
            "Der Gazastreifen hat die wahrscheinlich höchste Arbeitslosenquote der Region.",
        ] {
            assert_eq!(claim(text).stance, Stance::Asserted, "{text}");
        }
        let c = claim("Wenn die Regierung zustimmte, würde der Preis um zehn Prozent sinken.");
        assert_eq!(c.stance, Stance::Uncertain);
    }

    #[test]
    fn konjunktiv_ii_after_reported_speech_keeps_the_speaker() {
        let cs = claims(
            "Die Folgen seien gering, sagte der Ökonom Christian Kesberg am Montag. Die Sanktionen hätten sich stärker ausgewirkt.",
        );
        let a = cs[1].attribution.as_ref().expect("inherited attribution");
        assert_eq!(a.canonical.as_deref(), Some("Christian Kesberg"));
        assert_eq!(cs[1].stance, Stance::Attributed);
    }

    #[test]
    fn a_closing_so_names_the_speaker_over_an_inner_laut() {
        let c = claim(
            "Die Züge sollen laut Informationen aus Ungarn erst morgen eintreffen, so Polizeisprecher Gerald Pangl.",
        );
        let a = c.attribution.expect("attribution");
        assert_eq!(a.canonical.as_deref(), Some("Gerald Pangl"));
    }

    #[test]
    fn compound_angaben_name_their_source() {
        let c =
            claim("In Darfur wurden nach UNO-Angaben seit 2003 mehr als 300.000 Menschen getötet.");
        let a = c.attribution.expect("attribution");
        assert_eq!(a.canonical.as_deref(), Some("UNO"));
        assert_eq!(c.stance, Stance::Attributed);
    }

    #[test]
    fn english_cues_give_attributions() {
        let c =
            claim("The troops are already in action, Pentagon spokesman Pat Ryder said on Monday.");
        let a = c.attribution.expect("said");
        assert!(a.text.contains("Pat Ryder"), "{}", a.text);
        assert_eq!(c.stance, Stance::Attributed);
        let c = claim(
            "According to the World Bank, unemployment in Gaza reached 44 percent last year.",
        );
        assert!(
            c.attribution
                .expect("according to")
                .text
                .contains("World Bank")
        );
        let c = claim("Smith told reporters that the company would close two plants in Ohio.");
        assert!(c.attribution.expect("told").text.contains("Smith"));
        let c = claim("The minister claimed that the budget was balanced for the first time.");
        assert!(c.attribution.expect("claimed").text.contains("minister"));
        let c = claim("The rebels have reportedly taken control of the airport near the capital.");
        assert_eq!(c.stance, Stance::Uncertain);
        assert!(c.attribution.is_none());
    }

    #[test]
    fn the_subject_of_a_wie_clause_is_the_source() {
        let c = claim(
            "Die Regierung hat das Gesetz am Montag beschlossen, wie die Agentur Reuters berichtete.",
        );
        let a = c.attribution.expect("wie-clause");
        assert_eq!(a.text, "die Agentur Reuters");
        assert_eq!(c.kind, ClaimKind::Reported);
        let c = claim(
            "Wie das Nachrichtenmagazin Der Spiegel in einem Vorabbericht berichtet, soll die Firma Gewebe verkauft haben.",
        );
        assert!(
            c.attribution
                .expect("wie at the start")
                .text
                .contains("Spiegel")
        );
        assert_eq!(c.stance, Stance::Uncertain);
        let c = claim(
            "Wie die Sprecherin des Büros, Anna Thomas, mitteilte, wurde er am Freitag tot aufgefunden.",
        );
        let a = c.attribution.expect("appositive");
        assert_eq!(a.canonical.as_deref(), Some("Anna Thomas"));
        assert_eq!(c.kind, ClaimKind::Reported);
        let c = claim("The army withdrew from the city on Sunday, as the agency reported.");
        assert_eq!(c.attribution.expect("as-clause").text, "the agency");
        // A comparison is no report.
        let c = claim("Die Preise steigen so schnell wie die Löhne im letzten Jahr.");
        assert!(c.attribution.is_none());
    }

    #[test]
    fn connectives_and_enumerators_are_not_sources() {
        let c = claim(
            "Unterdessen verteidigte der Vorsitzende des Ausschusses, Sebastian Edathy, den Entwurf.",
        );
        assert_eq!(
            c.attribution.expect("after the verb").canonical.as_deref(),
            Some("Sebastian Edathy")
        );
        let c = claim("Zweitens: Die Kosten für die Sanierung steigen seit Jahren weiter.");
        assert!(c.attribution.is_none());
        let c = claim("Darüber hinaus: Die Preise für Energie steigen seit Jahren weiter.");
        assert!(c.attribution.is_none());
    }

    #[test]
    fn after_an_adverbial_the_subject_follows_the_verb() {
        let c = claim("Darüber hinaus kritisierte die Opposition die Pläne der Regierung scharf.");
        assert_eq!(c.attribution.expect("subject").text, "die Opposition");
        let c = claim(
            "Am Sonntag gab der Ständige Ausschuss des Volkskongresses seine Entscheidung bekannt.",
        );
        assert!(c.attribution.expect("subject").text.contains("Ausschuss"));
        // A prefield holding a subject keeps it: the noun phrase after the verb is the object.
        let c = claim(
            "Im Exil lebende Uiguren wie Isa weisen die chinesischen Anschuldigungen zurück.",
        );
        assert!(
            c.attribution
                .is_none_or(|a| !a.text.contains("Anschuldigungen"))
        );
    }

    #[test]
    fn participles_used_as_adjectives_are_no_cues() {
        let c =
            claim("Die Vorwürfe der behaupteten Waffenlieferungen wurden von Experten geprüft.");
        assert!(c.attribution.is_none());
        let c = claim("Nicht erklärte Streiks der Fluglotsen haben den Flugbetrieb lahmgelegt.");
        assert!(c.attribution.is_none());
        // A sentence-initial demonstrative before the verb is its object.
        let c = claim("Das sagte Bundeskanzlerin Angela Merkel am Montag in Berlin.");
        assert!(c.attribution.expect("verb").text.contains("Merkel"));
    }

    #[test]
    fn separable_verbs_of_saying_need_their_particle() {
        let c = claim("Der Bundesrat schlug eine Reform der Grundsteuer vor.");
        assert!(
            c.attribution
                .expect("schlug vor")
                .text
                .contains("Bundesrat")
        );
        let c = claim("Die Ministerin stellte fest, dass die Mittel nicht reichen.");
        assert!(
            c.attribution
                .expect("stellte fest")
                .text
                .contains("Ministerin")
        );
        let c = claim("Die Gemeinde stellte einen neuen Antrag für die Schule.");
        assert!(c.attribution.is_none());
    }

    #[test]
    fn verbs_of_saying_are_recognised_by_root_and_ending() {
        let c = claim("Der Sprecher entgegnete, die Vorwürfe seien völlig haltlos.");
        assert_eq!(c.attribution.expect("entgegnete").text, "Der Sprecher");
        let c = claim("Die Gewerkschaft bemängelt die fehlende Unterstützung durch die Regierung.");
        assert_eq!(c.attribution.expect("bemängelt").text, "Die Gewerkschaft");
        let c = claim("Die Anwältin hat hinzugefügt, dass ihr Mandant nicht aussagen werde.");
        assert_eq!(c.attribution.expect("hinzugefügt").text, "Die Anwältin");
        let c = claim("Die Polizei konnte weder bestätigen noch ausschließen, dass Benzin fehlte.");
        assert_eq!(c.attribution.expect("bestätigen").text, "Die Polizei");
        // "Kurz gesagt" is a phrase, and "geteilt" shares rather than says.
        let c = claim("Kurz gesagt geht es um Folgendes: Das System hat keine Zukunft.");
        assert!(c.attribution.is_none());
        let c = claim("Die Beute wurde unter den drei Tätern geteilt.");
        assert!(c.attribution.is_none());
    }

    #[test]
    fn english_reports_name_their_speaker() {
        let c = claim("The police said two men were arrested near the station on Friday.");
        assert!(c.attribution.expect("said").text.contains("police"));
        let c = claim("According to officials, the bridge will reopen in March.");
        assert!(
            c.attribution
                .expect("according to")
                .text
                .contains("officials")
        );
        let c = claim("The company allegedly paid bribes to three officials in 2019.");
        assert_eq!(c.stance, Stance::Uncertain);
    }

    #[test]
    fn english_quotes_name_their_speaker_after_the_closing_mark() {
        let text = "Chief Executive Pat Gelsinger runs Intel, which has plants in Ohio and Arizona.\n\n\
                    \"We are committed to Ohio for the long term,\" Gelsinger said.\n\n\
                    \"We will stay,\" he said.\n\n\
                    \"The market is weak,\" Gelsinger told reporters on Friday.";
        for article in [
            crate::extract::testutil::english_article(text),
            crate::extract::testutil::article(text),
        ] {
            let cs = analyze(&article).claims;
            let quotes: Vec<_> = cs.iter().filter(|c| c.text.starts_with('"')).collect();
            assert_eq!(quotes.len(), 3, "{cs:#?}");
            for c in quotes {
                assert_eq!(c.kind, ClaimKind::Quote, "{}", c.text);
                assert_eq!(c.stance, Stance::Attributed, "{}", c.text);
                assert_eq!(source_of(c), "Pat Gelsinger", "{}", c.text);
            }
        }
        // A short quoted name is no quotation: '"Silverbird" reported' stays a report.
        let c = claim("The broadcaster \"Silverbird\" reported that the airport was closed.");
        assert_ne!(c.kind, ClaimKind::Quote);
    }

    /// The source a claim is given: its canonical name, else the phrase as written.
    fn source_of(c: &crate::model::Claim) -> String {
        c.attribution
            .as_ref()
            .map(|a| a.canonical.clone().unwrap_or_else(|| a.text.clone()))
            .unwrap_or_default()
    }

    #[test]
    fn views_held_are_attributed_like_speech() {
        for (text, who) in [
            (
                "Der Schweizer Nationaltrainer Ralph Krueger ist hingegen zuversichtlich, die Schweden schlagen zu können.",
                "Ralph Krueger",
            ),
            (
                "Hugo Chávez vertritt die Ansicht, dass die Bioethanolproduktion zu mehr Hunger führen wird.",
                "Hugo Chávez",
            ),
            (
                "Mit einer Wetterberuhigung rechnet der Deutsche Wetterdienst frühestens am Montag.",
                "Wetterdienst",
            ),
            (
                "Die Regierung in Peking sieht die Entscheidung als erneuten Beweis ihrer Stärke.",
                "Regierung",
            ),
            (
                "Die Gewerkschaft befürchtet als Folge der Übernahme einen massiven Abbau von Stellen.",
                "Gewerkschaft",
            ),
        ] {
            let c = claim(text);
            let a = c.attribution.unwrap_or_else(|| panic!("no source: {text}"));
            assert!(a.text.contains(who), "{text}: {}", a.text);
            assert_eq!(c.stance, Stance::Attributed, "{text}");
        }
        // A state is no view, and "sieht ... vor" provides for something.
        assert!(claim("Die EZB ist besorgt.").attribution.is_none());
        assert!(
            claim("Der Plan sieht keine Änderung der Grenzwerte vor.")
                .attribution
                .is_none()
        );
    }

    #[test]
    fn a_closing_auxiliary_clause_names_the_speaker() {
        let c = claim(
            "„Wir wollen unsere Produktionssysteme enger verzahnen“, hatte VW-Chef Martin Winterkorn in einem Interview erklärt.",
        );
        assert!(source_of(&c).contains("Winterkorn"), "{}", source_of(&c));
        assert_eq!(c.kind, ClaimKind::Quote);
        let c = claim(
            "Es drohe ein Rüstungswettlauf, hatte Barack Obama bei seinem Treffen in Moskau gesagt.",
        );
        assert!(source_of(&c).contains("Obama"), "{}", source_of(&c));
        // An appositive between commas is not such a clause: the subject stands before it.
        let c = claim(
            "Der Menschenrechtskommissar des Europarats, Nils Muiznieks, hatte die türkischen Behörden aufgerufen, Beobachter zuzulassen.",
        );
        let a = c.attribution.expect("subject before the appositive");
        assert!(a.text.contains("Muiznieks"), "{}", a.text);
    }

    #[test]
    fn documents_agencies_and_named_sources_in_other_positions() {
        let c = claim(
            "In einem Positionspapier des Bundesinnenministeriums heißt es, die Regelungen seien verantwortungsvoll eingesetzt worden.",
        );
        assert!(c.attribution.is_some(), "the paper is the source");
        assert_eq!(c.stance, Stance::Attributed);
        let c = claim(
            "Wie die UN-Friedensmission im Südsudan (UNMISS) weiterhin mitteilte, handelt es sich bei den Kämpfern um Aufständische.",
        );
        let a = c.attribution.expect("wie-clause with an acronym");
        assert!(a.text.contains("UN-Friedensmission"), "{}", a.text);
        let c =
            claim("Heute wurden nach israelischen Armeeangaben mindestens 40 Ziele angegriffen.");
        assert_eq!(
            c.attribution.and_then(|a| a.canonical).as_deref(),
            Some("Armee")
        );
        let c = claim(
            "„Wir wollen auch den Fans die Möglichkeit bieten“, so Vereinschef Corny Littmann zu den Beweggründen des Vereins.",
        );
        assert!(source_of(&c).contains("Littmann"), "{}", source_of(&c));
        let c = claim("Der Fernsehsender „Silverbird“ berichtete von der Bergung von 56 Leichen.");
        let a = c.attribution.expect("quoted name after its noun");
        assert!(a.text.contains("Silverbird"), "{}", a.text);
    }

    #[test]
    fn a_pronoun_opening_the_sentence_resolves_to_the_person_before() {
        let a = analyze(&article(
            "Bundeskanzler Olaf Scholz besuchte am Montag ein Werk in Dresden.\n\nEr sagte, die Regierung werde die Hilfen für die Industrie verlängern.",
        ));
        let c = a
            .claims
            .iter()
            .find(|c| c.text.starts_with("Er sagte"))
            .expect("claim");
        let att = c.attribution.as_ref().expect("er sagte");
        assert_eq!(att.resolved_from.as_deref(), Some("Er"));
        assert_eq!(att.canonical.as_deref(), Some("Olaf Scholz"));
    }

    #[test]
    fn connectives_alone_do_not_carry_a_speaker() {
        let a = analyze(&article(
            "Die Polizei teilte mit, der Fahrer sei leicht verletzt worden. Dabei wurden beide Fahrzeuge in den Straßengraben geschleudert.",
        ));
        let c = a
            .claims
            .iter()
            .find(|c| c.text.starts_with("Dabei"))
            .expect("claim");
        assert!(c.attribution.is_none(), "{:?}", c.attribution);
        assert_eq!(c.stance, Stance::Asserted);
    }

    #[test]
    fn questions_and_fragments_are_not_claims() {
        let a = analyze(&article(
            "Was bedeutet das für Europa?\n\nBild: Putin und Kim",
        ));
        assert!(a.claims.is_empty());
    }

    #[test]
    fn a_role_noun_repeats_the_earlier_source_with_the_same_role() {
        let cs = claims(
            "Die Schulen blieben am Montag geschlossen, sagte die Bürgermeisterin der Gemeinde Unterhausen. In der Turnhalle stehe noch Wasser. Der Schaden sei nicht versichert, sagte die Bürgermeisterin.",
        );
        let first = cs[0].attribution.as_ref().expect("attribution");
        let last = cs[2].attribution.as_ref().expect("attribution");
        assert_eq!(last.text, first.text);
        assert!(last.text.contains("Unterhausen"));
        assert_eq!(last.resolved_from.as_deref(), Some("die Bürgermeisterin"));
    }

    #[test]
    fn a_role_noun_does_not_resolve_to_a_name_with_another_office_or_gender() {
        let cs = claims(
            "Die Lage sei ruhig, sagte Regierungssprecher Paul Berger am Abend. Nach Angaben des Bürgermeisters wurden drei Häuser beschädigt.",
        );
        let a = cs[1].attribution.as_ref().expect("attribution");
        assert_ne!(a.canonical.as_deref(), Some("Paul Berger"));
        assert!(a.text.contains("Bürgermeisters"), "{}", a.text);
        let cs = claims(
            "Innenminister Karl Huber eröffnete am Montag in Linz die neue Wache. Die Ministerin sagte, die Polizei brauche mehr Personal.",
        );
        let a = cs[1].attribution.as_ref().expect("attribution");
        assert_ne!(a.canonical.as_deref(), Some("Karl Huber"));
        assert_eq!(a.text, "Die Ministerin");
    }

    #[test]
    fn the_possessor_of_a_role_noun_is_not_the_speaker() {
        let cs = claims(
            "Kanzlerin Maria Vogt reiste am Dienstag nach Paris. Vogts Sprecher erklärte, das Treffen sei gut verlaufen.",
        );
        let a = cs[1].attribution.as_ref().expect("attribution");
        assert_eq!(a.text, "Vogts Sprecher");
        assert_eq!(a.canonical, None);
        assert_eq!(cs[1].stance, Stance::Attributed);
    }

    #[test]
    fn a_place_adjective_leaves_a_role_noun_to_be_resolved() {
        let cs = claims(
            "Der Autobauer Volkswagen hat nach einem Streit mit Bosch 300 Stellen gestrichen. Die Aufträge seien eingebrochen, erklärte die deutsche Firma am Dienstag.",
        );
        let a = cs[1].attribution.as_ref().expect("attribution");
        assert_eq!(a.canonical.as_deref(), Some("Volkswagen"));
        assert_eq!(a.resolved_from.as_deref(), Some("die deutsche Firma"));
    }

    #[test]
    fn nouns_of_saying_with_support_verbs_are_reports() {
        let c = claim(
            "Gewerkschaftschef Hans Lehner übte am Mittwoch scharfe Kritik an dem neuen Gesetz.",
        );
        assert_eq!(
            c.attribution.expect("attribution").canonical.as_deref(),
            Some("Hans Lehner")
        );
        assert_eq!(c.kind, ClaimKind::Reported);
        let c =
            claim("Für den Schiedsrichter fand Trainer Max Ebert nach dem Spiel lobende Worte.");
        assert_eq!(
            c.attribution.expect("attribution").canonical.as_deref(),
            Some("Max Ebert")
        );
        let c = claim(
            "Scharfe Kritik an dem Gesetz kam am Mittwoch auch von Gewerkschaftschef Hans Lehner.",
        );
        assert_eq!(
            c.attribution.expect("attribution").canonical.as_deref(),
            Some("Hans Lehner")
        );
        let c = claim("Der Plan stößt bei Bürgermeister Karl Brandt auf heftige Ablehnung.");
        assert_eq!(
            c.attribution.expect("attribution").canonical.as_deref(),
            Some("Karl Brandt")
        );
        // Not every coming or meeting is speech.
        let c = claim("Der Zug kam am Abend mit drei Stunden Verspätung von Wien nach Graz.");
        assert!(c.attribution.is_none());
    }

    #[test]
    fn a_subjunctive_sentence_after_a_quote_is_reported_not_quoted() {
        let cs = claims(
            "Wir sind bereit für das Finale, sagte Trainer Max Ebert am Freitag. Die Spieler würden jetzt jeden Tag zweimal trainieren, das Ziel ist der Titel.",
        );
        assert_eq!(cs[0].kind, ClaimKind::Quote);
        let a = cs[1].attribution.as_ref().expect("attribution");
        assert_eq!(a.canonical.as_deref(), Some("Max Ebert"));
        assert_eq!(cs[1].kind, ClaimKind::Reported);
    }

    #[test]
    fn demnach_inside_the_sentence_goes_on_with_the_report() {
        let cs = claims(
            "Laut einer Studie der Universität Graz schlafen Jugendliche zu wenig. Besonders betroffen sind demnach Schüler in großen Städten.",
        );
        let a = cs[1].attribution.as_ref().expect("attribution");
        assert!(a.text.contains("Studie"), "{}", a.text);
        assert_eq!(cs[1].stance, Stance::Attributed);
    }

    #[test]
    fn hedges_in_indirect_questions_leave_the_main_assertion_asserted() {
        let c =
            claim("Der Gemeinderat hat am Montag festgelegt, wie hoch die neue Brücke sein soll.");
        assert_eq!(c.stance, Stance::Asserted);
        let c = claim("Die Stadt muss nun klären, wer die Kosten tragen könnte.");
        assert_eq!(c.stance, Stance::Asserted);
    }

    #[test]
    fn sollte_with_a_state_is_an_expectation() {
        let c = claim("Mit der neuen Pumpe sollte das Problem bis Freitag gelöst sein.");
        assert_eq!(c.stance, Stance::Uncertain);
    }

    #[test]
    fn a_document_speaks_for_the_author_named_with_it_earlier() {
        let cs = claims(
            "Die Schülervertretung erhielt am Montag einen Brief von Bürgermeisterin Anna Roth. Die Schule solle im Herbst renoviert werden, heißt es in dem Brief.",
        );
        let a = cs[1].attribution.as_ref().expect("attribution");
        assert_eq!(a.canonical.as_deref(), Some("Anna Roth"));
        assert_eq!(cs[1].stance, Stance::Attributed);
    }

    #[test]
    fn a_count_after_a_definite_article_is_not_the_point() {
        let c = claim("Die 300 Schüler wurden am Montag in eine andere Schule gebracht.");
        assert_eq!(c.kind, ClaimKind::Fact);
        let c = claim("Am Montag wurden 300 Schüler in eine andere Schule gebracht.");
        assert_eq!(c.kind, ClaimKind::Statistic);
    }
}
