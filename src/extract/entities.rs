//! Entity mentions: tagger, gazetteers and rules combined, then document-level propagation and
//! canonical names (inflection, spelling variants, acronyms, short names after full names).
//!
//! Input is the tokenised article (see [`super::Doc`]); output is a sorted, non-overlapping list
//! of [`Mention`]s. No terminal imports.

use super::canon;
use super::fasthash::{FastMap, FastSet};
use super::gazetteer;
use super::tagger::{self, Tag};
use super::text::{TokenKind, is_german_article};
use super::wordlist::{AffixIndex, End, WordSet};
use super::{Doc, Sentence};
use crate::model::{EntityKind, Lang, Mention, Span};

/// Priority of tagger spans against rule spans (higher wins overlaps).
const TAGGER_PRIO: u8 = 5;

/// Role and title words after which capitalised words name a person.
const ROLES: &[&str] = &[
    "präsident",
    "präsidentin",
    "vizepräsident",
    "kanzler",
    "kanzlerin",
    "bundeskanzler",
    "minister",
    "ministerin",
    "premierminister",
    "premier",
    "general",
    "generalin",
    "admiral",
    "oberst",
    "major",
    "machthaber",
    "diktator",
    "führer",
    "staatschef",
    "regierungschef",
    "parteichef",
    "chef",
    "chefin",
    "sprecher",
    "sprecherin",
    "botschafter",
    "botschafterin",
    "berater",
    "beraterin",
    "sekretär",
    "generalsekretär",
    "direktor",
    "direktorin",
    "senator",
    "senatorin",
    "abgeordnete",
    "abgeordneter",
    "könig",
    "königin",
    "prinz",
    "papst",
    "kardinal",
    "bischof",
    "professor",
    "professorin",
    "prof.",
    "dr.",
    "herr",
    "frau",
    "mr.",
    "mrs.",
    "ms.",
    "president",
    "minister",
    "secretary",
    "general",
    "spokesman",
    "spokeswoman",
    "senator",
    "analyst",
    "analystin",
    "experte",
    "expertin",
    "autor",
    "autorin",
    "journalist",
    "journalistin",
    "bürgermeister",
    "bürgermeisterin",
    "vorsitzende",
    "vorsitzender",
    "ministerpräsident",
    "ministerpräsidentin",
    "marschall",
    "leutnant",
    "kommandeur",
    "oberbefehlshaber",
    "verteidigungsminister",
    "außenminister",
    "außenministerin",
    "sir",
    "lord",
    "trainer",
    "coach",
    "kapitän",
    "stürmer",
    "torhüter",
];

/// Endings of role compounds ("Pentagon-Sprecher", "Außenminister", "Staatssekretär").
const ROLE_SUFFIXES: &[&str] = &[
    "sprecher",
    "sprecherin",
    "minister",
    "ministerin",
    "präsident",
    "präsidentin",
    "chef",
    "chefin",
    "kanzler",
    "general",
    "botschafter",
    "berater",
    "sekretär",
    "direktor",
    "führer",
    "kommandeur",
    "analyst",
    "experte",
    "forscher",
    "forscherin",
    "vorsitzende",
    "vorsitzender",
];

/// Endings of capitalised German words that are common nouns, never name parts.
const NOUN_SUFFIXES: &[&str] = &[
    "ung", "heit", "keit", "schaft", "tion", "ismus", "tät", "nis", "ment", "ungen", "heiten",
    "keiten", "schaften", "tionen", "ismen", "täten", "isse", "nisse", "chen", "lich", "ische",
    "isch", "ischen", "tum", "ling", "ität", "ieren", "ierung",
];

/// Heads of organisation names (last part of a compound or a separate word).
const ORG_HEADS: &[&str] = &[
    "ministerium",
    "institut",
    "institute",
    "agentur",
    "agency",
    "behörde",
    "amt",
    "rat",
    "gericht",
    "gerichtshof",
    "parlament",
    "kommission",
    "partei",
    "bank",
    "konzern",
    "gruppe",
    "stiftung",
    "universität",
    "university",
    "verband",
    "bund",
    "organisation",
    "organization",
    "council",
    "geheimdienst",
    "nachrichtendienst",
    "zentrum",
    "center",
    "centre",
    "akademie",
    "gesellschaft",
    "union",
    "komitee",
    "committee",
    "department",
    "office",
    "ministry",
    "service",
    "forum",
    "stiftung",
    "allianz",
    "verein",
    "klub",
    "club",
    "zeitung",
    "magazin",
    "fachmagazin",
    "sender",
    "kirche",
];

/// Institution words that, followed by a place, name one organisation ("Universität Wien").
const INSTITUTION_HEADS: &[&str] = &[
    "ministerium",
    "amt",
    "gericht",
    "gerichtshof",
    "bank",
    "universität",
    "university",
    "institut",
    "agentur",
    "behörde",
    "stiftung",
    "verband",
    "konzern",
    "kommando",
    "kammer",
    "flughafen",
    "zeitung",
    "landtag",
    "senat",
    "museum",
    "theater",
    "oper",
    "staatsanwaltschaft",
];

/// Heads whose compounds name one organisation ("Sozialministerium", "Bundeskriminalamt").
const UNIQUE_ORG_HEADS: &[&str] = &[
    "ministerium",
    "kriminalamt",
    "bundesamt",
    "landesamt",
    "verfassungsschutz",
    "volkspartei",
    "arbeiterpartei",
    // Chambers of a trade or profession ("Wirtschaftskammer", "Handwerkskammer"); a chamber
    // of a machine ("Brennkammer") is none.
    "skammer",
    "ärztekammer",
    "arbeiterkammer",
    "apothekerkammer",
    "architektenkammer",
    "kommando",
];

/// Heads that an adjective before them makes an organisation's name ("Oberster
/// Gerichtshof", "Europäische Reiseversicherung", "Medizinische Hochschule Hannover"); compared
/// with the head word's end.
const ADJECTIVE_ORG_HEADS: &[&str] = &[
    "gerichtshof",
    "gericht",
    "ministerium",
    "amt",
    "bank",
    "partei",
    "union",
    "kommission",
    "agentur",
    "institut",
    "stiftung",
    "universität",
    "hochschule",
    "akademie",
    "gesellschaft",
    "verband",
    "verbund",
    "versicherung",
    "rundfunk",
    "armee",
    "landtag",
    "bundestag",
    "parlament",
    "museum",
    "gewerkschaft",
    "bewegung",
    "kirche",
    "zeitung",
    "allianz",
    "bahn",
    "konferenz",
    "komitee",
];

/// A capitalised adjective inside a name ("Oberste", "Europäischen", "Wiener"): an adjective
/// ending, no hyphen, not a function word, a given name or a common noun.
fn is_name_adjective(w: &str, lower: &str) -> bool {
    is_cap(w)
        && w.chars().count() > 4
        && ["e", "en", "er", "es", "em"]
            .iter()
            .any(|e| lower.ends_with(e))
        && !w.contains('-')
        && !is_stop(lower)
        && gazetteer::get().given_name(w) < 6
        && !gazetteer::get().is_noun(w)
}

/// Roman numerals of regnal names ("Felipe VI.", "Abdullah II.").
fn is_regnal_number(w: &str) -> bool {
    matches!(
        w,
        "I" | "II"
            | "III"
            | "IV"
            | "V"
            | "VI"
            | "VII"
            | "VIII"
            | "IX"
            | "X"
            | "XI"
            | "XII"
            | "XIII"
            | "XIV"
            | "XV"
            | "XVI"
    )
}

/// Heads of treaties, laws, resolutions and documents.
const MISC_HEADS: &[&str] = &[
    "vertrag",
    "abkommen",
    "gesetz",
    "konvention",
    "charta",
    "resolution",
    "doktrin",
    "protokoll",
    "übereinkommen",
    "verordnung",
    "richtlinie",
    "treaty",
    "agreement",
    "act",
    "convention",
];

/// Keywords followed by a number that name documents ("Resolution 1718", "Artikel 4").
const NUMBERED_DOCS: &[&str] = &[
    "resolution",
    "artikel",
    "art.",
    "paragraf",
    "paragraph",
    "absatz",
    "abs.",
    "kapitel",
    "article",
    "section",
    "§",
];

/// Capitalised function words that never start a name.
const STOP_CAPS: &[&str] = &[
    "der",
    "die",
    "das",
    "den",
    "dem",
    "des",
    "ein",
    "eine",
    "einer",
    "eines",
    "einem",
    "einen",
    "und",
    "oder",
    "aber",
    "doch",
    "denn",
    "so",
    "wie",
    "als",
    "wenn",
    "ob",
    "dass",
    "da",
    "im",
    "in",
    "am",
    "beim",
    "vom",
    "ins",
    "an",
    "auf",
    "aus",
    "bei",
    "mit",
    "nach",
    "seit",
    "von",
    "vor",
    "zu",
    "zum",
    "zur",
    "für",
    "über",
    "unter",
    "um",
    "durch",
    "gegen",
    "ohne",
    "auch",
    "nur",
    "noch",
    "schon",
    "nun",
    "dies",
    "diese",
    "dieser",
    "dieses",
    "diesem",
    "diesen",
    "es",
    "er",
    "sie",
    "wir",
    "ich",
    "ihr",
    "man",
    "sein",
    "seine",
    "ihre",
    "was",
    "wer",
    "wo",
    "wann",
    "warum",
    "weil",
    "trotz",
    "laut",
    "zudem",
    "dabei",
    "damit",
    "dann",
    "daher",
    "deshalb",
    "jedoch",
    "allerdings",
    "immer",
    "mehr",
    "viele",
    "alle",
    "the",
    "a",
    "an",
    "of",
    "and",
    "in",
    "on",
    "at",
    "for",
    "to",
    "this",
    "that",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "but",
    "or",
    "if",
    "as",
    "by",
    "with",
    "from",
    "bild",
    "lizenz",
    "foto",
    "quelle",
    "anmerkung",
    "online",
    "exklusiv",
    "fazit",
    "ausblick",
    "einleitung",
];

/// Acronyms that are not organisations.
const NON_ORG_ACRONYMS: &[&str] = &[
    "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "OK", "TV", "PC", "CEO", "PDF",
    "URL", "DOI", "ID", "KI", "AI", "IT", "BIP", "GDP", "CO", "USB", "SMS", "DNA", "HIV", "ABC",
    "TNT", "PS", "KM", "KG", "MM", "CM", "NR", "ZB", "DR", "ISBN", "ISSN", "HTML", "HTTP", "HTTPS",
    "WWW", "FAQ", "UHR", "MEZ", "UTC", "GMT", "AM", "PM", "AG", "GMBH", "EV", "USD", "EUR", "CHF",
];

/// Legal forms and business words that end company names.
const LEGAL_FORMS: &[&str] = &[
    "AG",
    "GmbH",
    "KG",
    "KGaA",
    "SE",
    "Inc.",
    "Inc",
    "Ltd.",
    "Ltd",
    "Corp.",
    "Corp",
    "Corporation",
    "Co.",
    "Cos",
    "Holdings",
    "Plc",
    "PLC",
    "LLP",
    "NV",
    "LLC",
    "plc",
    "S.A.",
    "SA",
    "N.V.",
    "B.V.",
    "Verlag",
    "Holding",
    "Group",
    "Gruppe",
    "Bank",
    "Airlines",
];

/// Abbreviations that open names of sports clubs.
const CLUB_PREFIXES: &[&str] = &[
    "FC",
    "SV",
    "SC",
    "VfB",
    "VfL",
    "TSV",
    "TSG",
    "FSV",
    "SpVgg",
    "BSC",
    "Borussia",
    "Eintracht",
    "Inter",
    "Real",
    "Atlético",
    "AC",
    "AS",
];

/// A candidate mention before overlap resolution; higher `prio` wins.
#[derive(Debug, Clone)]
pub(crate) struct Cand {
    pub span: Span,
    pub kind: EntityKind,
    pub canonical: String,
    pub derived: bool,
    pub prio: u8,
}

pub(crate) fn is_cap(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

pub(crate) fn is_all_caps(s: &str) -> bool {
    // One pass that stops at the first lowercase letter (most words fail at their second).
    if !s.chars().next().is_some_and(char::is_alphabetic) {
        return false;
    }
    let mut letters = 0;
    for c in s.chars() {
        if !(c.is_uppercase() || c.is_ascii_digit()) {
            return false;
        }
        letters += usize::from(c.is_alphabetic());
    }
    letters >= 2
}

/// True when the word contains "isch" (adjectives of places); a byte scan, no searcher set-up.
fn has_isch(lower: &str) -> bool {
    lower.as_bytes().windows(4).any(|x| x == b"isch")
}

pub(crate) fn is_stop(lower: &str) -> bool {
    static SET: WordSet = WordSet::new(STOP_CAPS);
    SET.contains(lower)
}

pub(crate) fn is_legal_form(w: &str) -> bool {
    static SET: WordSet = WordSet::new(LEGAL_FORMS);
    SET.contains(w)
}

fn is_club_prefix(w: &str) -> bool {
    static SET: WordSet = WordSet::new(CLUB_PREFIXES);
    SET.contains(w)
}

/// Lowercase words that may stand inside the long form of an acronym.
fn is_acronym_connector(lower: &str) -> bool {
    matches!(
        lower,
        "der"
            | "die"
            | "das"
            | "des"
            | "dem"
            | "den"
            | "für"
            | "und"
            | "von"
            | "zur"
            | "zum"
            | "of"
            | "for"
            | "and"
            | "the"
            | "de"
            | "di"
            | "dei"
            | "del"
            | "della"
            | "du"
            | "la"
            | "le"
            | "y"
            | "et"
            | "e"
            | "on"
            | "in"
            | "im"
    )
}

/// True when a capitalised word could be part of a personal name.
fn is_name_like(word: &str) -> bool {
    if !is_cap(word) || word.chars().count() < 2 {
        return false;
    }
    let lower = super::text::lowercase(word);
    if is_stop(&lower) || is_role_word(&lower) {
        return false;
    }
    if gazetteer::get().given_name(word) > 0 || gazetteer::get().is_surname(word) {
        return true;
    }
    // Romanised East Asian names: "Il-sung", "Jong-un".
    if let Some((_, tail)) = word.split_once('-')
        && tail.chars().count() <= 4
    {
        return true;
    }
    static SUFFIXES: AffixIndex = AffixIndex::new(NOUN_SUFFIXES, End::Suffix);
    !SUFFIXES.any(&lower, |s| lower.ends_with(s) && lower.len() > s.len() + 2)
}

/// "al-Gaddafi", "el-Sisi": an Arabic article glued to a capitalised name.
fn is_arabic_article_name(w: &str) -> bool {
    ["al-", "el-", "as-", "ad-", "ar-", "an-", "at-", "ash-"]
        .iter()
        .any(|p| w.strip_prefix(p).is_some_and(is_cap))
}

/// True for a word of the role list itself (no suffix rule).
fn is_role_word(lower: &str) -> bool {
    static SET: WordSet = WordSet::new(ROLES);
    SET.contains(lower)
}

fn is_role(lower: &str) -> bool {
    static SUFFIXES: AffixIndex = AffixIndex::new(ROLE_SUFFIXES, End::Suffix);
    is_role_word(lower)
        || (lower.len() > 8
            && SUFFIXES.any(lower, |s| lower.ends_with(s) && lower.len() > s.len() + 2))
}

/// Nouns (and the last part of compounds) naming the kind of a place or organisation that an
/// apposed name follows: "Siedlung", "Hafenstadt", "Nachrichtenagentur", "Autokonzern".
const PLACE_KIND_NOUNS: &[&str] = &[
    "stadt",
    "städtchen",
    "siedlung",
    "dorf",
    "ortschaft",
    "ortsteil",
    "stadtteil",
    "provinz",
    "insel",
    "bundesstaat",
    "bundesland",
    "flüchtlingslager",
];
const ORG_KIND_NOUNS: &[&str] = &[
    "partei",
    "agentur",
    "konzern",
    "unternehmen",
    "firma",
    "hersteller",
    "dienst",
    "sender",
    "fernsehsender",
    "zeitung",
    "tageszeitung",
    "wochenzeitung",
    "miliz",
    "organisation",
    "bewegung",
    "gewerkschaft",
    "versicherer",
    "versicherung",
    "fluggesellschaft",
    "fluglinie",
    "airline",
    "plattform",
    "netzwerk",
    "verlag",
    "gruppe",
    "bank",
    "marktführer",
];

/// The kind of entity a kind noun announces ("Siedlung" a place, "Linkspartei" an
/// organisation): the noun or the last part of a compound of it.
fn kind_noun(lower: &str) -> Option<EntityKind> {
    static PLACES: AffixIndex = AffixIndex::new(PLACE_KIND_NOUNS, End::Suffix);
    static ORGS: AffixIndex = AffixIndex::new(ORG_KIND_NOUNS, End::Suffix);
    let ends = |list: &AffixIndex| {
        list.any(lower, |h| {
            lower == *h || (lower.ends_with(h) && lower.len() >= h.len() + 3)
        })
    };
    // A parent or daughter company: "Bank-Austria-Mutter Unicredit", "Konzerntochter Opel"
    // (not "Großmutter", "Tochter").
    let company_family = ["-mutter", "-tochter", "konzernmutter", "konzerntochter"]
        .iter()
        .any(|h| lower.ends_with(h));
    if ends(&PLACES) {
        Some(EntityKind::Place)
    } else if company_family || ends(&ORGS) {
        Some(EntityKind::Organization)
    } else {
        None
    }
}

static INSTITUTION_HEAD_INDEX: AffixIndex = AffixIndex::new(INSTITUTION_HEADS, End::Suffix);
static UNIQUE_ORG_HEAD_INDEX: AffixIndex = AffixIndex::new(UNIQUE_ORG_HEADS, End::Suffix);
static ADJECTIVE_ORG_HEAD_INDEX: AffixIndex = AffixIndex::new(ADJECTIVE_ORG_HEADS, End::Suffix);
static ORG_HEAD_INDEX: AffixIndex = AffixIndex::new(ORG_HEADS, End::Suffix);
static MISC_HEAD_INDEX: AffixIndex = AffixIndex::new(MISC_HEADS, End::Suffix);

/// Finds candidate mentions in one sentence.
pub(crate) fn sentence_candidates(doc: &Doc, s: &Sentence, out: &mut Vec<Cand>) {
    let g = gazetteer::get();
    let toks = &doc.tokens[s.range.clone()];
    let strs = &doc.strs[s.range.clone()];
    let n = toks.len();
    let lower = doc.lowers(s.range.clone());
    let span = |a: usize, b: usize| Span::new(toks[a].span.start, toks[b - 1].span.end);
    let word = |i: usize| toks[i].kind == TokenKind::Word || toks[i].kind == TokenKind::Abbrev;

    // Statistical tagger.
    let wis = &doc.word_infos[s.range.clone()];
    let tags = tagger::tag_known(strs, lower, wis);
    let mut i = 0;
    while i < n {
        if let Some(kind) = tags[i].begin_kind() {
            let mut j = i + 1;
            while j < n && tags[j] == Tag::inside(kind) {
                j += 1;
            }
            let text = &doc.text[span(i, j).start..span(i, j).end];
            if let Some(ek) = kind {
                out.push(Cand {
                    span: span(i, j),
                    kind: ek,
                    canonical: text.to_string(),
                    derived: false,
                    prio: TAGGER_PRIO,
                });
            }
            i = j;
        } else {
            i += 1;
        }
    }

    // Name words from `from` on (at most three): capitalised, name-like, not known places; the
    // last may be a city or region name when a name word precedes it ("Lloyd Austin"), which
    // the second value reports.
    let name_words = |from: usize| -> (usize, bool) {
        let mut j = from;
        while j < n && j < from + 4 && word(j) {
            // Particles inside a name: "Van der Bellen", "von der Leyen", "al-Gaddafi".
            let particle = matches!(
                lower[j],
                "von" | "van" | "de" | "da" | "di" | "zu" | "bin" | "ibn"
            ) || (matches!(lower[j], "der" | "den")
                && matches!(lower[j - 1], "van" | "von"));
            if j > from && particle {
                let mut k = j + 1;
                if k < n && matches!(lower[k], "der" | "den" | "la") {
                    k += 1;
                }
                let name_follows = k < n
                    && word(k)
                    && is_name_like(strs[k])
                    && !is_all_caps(strs[k])
                    && wis[k].surface.is_none();
                if !name_follows {
                    break;
                }
                j = k;
                continue;
            }
            if (j > from || from > 0) && is_arabic_article_name(strs[j]) {
                j += 1;
                continue;
            }
            if !is_name_like(strs[j]) {
                break;
            }
            match wis[j].surface {
                None => j += 1,
                Some(e)
                    if j > from
                        && e.kind != gazetteer::GazKind::Country
                        && e.kind != gazetteer::GazKind::Org
                        && !(j + 1 < n && word(j + 1) && is_cap(strs[j + 1])) =>
                {
                    return (j + 1, true);
                }
                Some(_) => break,
            }
        }
        (j, false)
    };
    // Acronyms defined in the text: "Monte dei Paschi di Siena (MPS)". The longest run of
    // words before the parenthesis whose capitalised words spell the acronym is one name, an
    // organisation unless a gazetteer or a document head says otherwise; the acronym too.
    for i in 1..n.saturating_sub(2) {
        if strs[i] != "(" || strs[i + 2] != ")" {
            continue;
        }
        let acr = strs[i + 1];
        if !is_all_caps(acr) || !(2..=6).contains(&acr.chars().count()) || !word(i + 1) {
            continue;
        }
        let mut best = None;
        for a in (i.saturating_sub(8)..i).rev() {
            // Lowercase words inside a long form are connectors ("Monte dei Paschi di Siena");
            // any other ends it ("... regierende rechtskonservative Volkspartei (PP)").
            if !word(a) || (!is_cap(strs[a]) && !is_acronym_connector(lower[a])) {
                break;
            }
            let sp = span(a, i);
            let long = &doc.text[sp.start..sp.end];
            if is_cap(strs[a]) && !is_stop(lower[a]) && canon::is_acronym_of(acr, long) {
                best = Some(a);
            }
        }
        let Some(a) = best else {
            continue;
        };
        let sp = span(a, i);
        let long = &doc.text[sp.start..sp.end];
        let (kind, canonical) = match g.lookup(long) {
            Some(e) => (e.kind.entity_kind(), e.canonical.to_string()),
            None if MISC_HEAD_INDEX.any(lower[i - 1], |h| lower[i - 1].ends_with(h)) => {
                (EntityKind::Misc, long.to_string())
            }
            None => (EntityKind::Organization, long.to_string()),
        };
        if kind == EntityKind::Person {
            continue;
        }
        out.push(Cand {
            span: sp,
            kind,
            canonical: canonical.clone(),
            derived: false,
            prio: 7,
        });
        out.push(Cand {
            span: span(i + 1, i + 2),
            kind,
            canonical,
            derived: false,
            prio: 7,
        });
    }
    for i in 0..n {
        if !word(i) {
            continue;
        }
        let w = strs[i];
        let l = lower[i];
        // Lowercase words can only be adjectives of places ("nordkoreanische") or "§ 5".
        let cap = is_cap(w);
        let isch = has_isch(l);
        if !cap && !isch && !l.starts_with("deutsch") && w != "§" {
            continue;
        }
        let wi = wis[i];
        // Gazetteer names, longest first, starting at a capitalised word.
        // "Den Haag", "Des Moines": an article starts only a multi-word name.
        let article_start = matches!(l, "den" | "des");
        if is_cap(w) && (!is_stop(l) || article_start) {
            let mut found = false;
            let multi = g.is_multiword_start_lower(l);
            // Only a known first word starts a name of several words.
            let longest = g.max_words.min(n - i).min(8);
            let longest = if multi { longest } else { longest.min(1) };
            for len in (1..=longest).rev() {
                let j = i + len;
                if !word(j - 1) || !is_cap(strs[j - 1]) {
                    continue;
                }
                if len > 1 && !multi || len == 1 && article_start {
                    continue;
                }
                let sp = span(i, j);
                let surface = &doc.text[sp.start..sp.end];
                let hit = if len == 1 {
                    wi.surface
                } else {
                    g.lookup(surface)
                };
                if let Some(e) = hit {
                    if e.kind == gazetteer::GazKind::Subdivision && len == 1 {
                        break;
                    }
                    // A city takes no article: "der Deal", "die Hamas" name no city.
                    if len == 1
                        && i > 0
                        && is_german_article(lower[i - 1])
                        && g.is_city_word(w)
                        && !(i + 1 < n && word(i + 1) && is_cap(strs[i + 1]))
                    {
                        break;
                    }
                    out.push(Cand {
                        span: sp,
                        kind: e.kind.entity_kind(),
                        canonical: e.canonical.to_string(),
                        derived: false,
                        prio: 7,
                    });
                    found = true;
                    break;
                }
            }
            if found {
                continue;
            }
            // Hyphenated compounds: "Pentagon-Sprecher", "Ukraine-Front", "US-Präsident". The
            // compound names something else, so the name inside it is derived, as in GermEval's
            // "part" classes. The head must be spelled as the entry is ("Win" is not "Vinh").
            if let Some((head, _)) = w.split_once('-')
                && let Some(e) = g.lookup_exact(head)
                && (head.chars().count() >= 4
                    || is_all_caps(head)
                    || canon::key(e.canonical) == canon::key(head)
                        && e.canonical.len() == head.len())
            {
                let sp = Span::new(toks[i].span.start, toks[i].span.start + head.len());
                out.push(Cand {
                    span: sp,
                    kind: e.kind.entity_kind(),
                    canonical: e.canonical.to_string(),
                    derived: true,
                    prio: 6,
                });
            }
        }
        // Demonyms and adjectives: "nordkoreanische", "russisch-ukrainischen", "Ukrainer".
        if isch || l.starts_with("deutsch") || (cap && w.len() > 4) {
            let mut pos = toks[i].span.start;
            // A word without hyphen had its demonym looked up with the gazetteer facts.
            let known = !w.contains('-') && tagger::looks_up_demonym(w, l, cap);
            for part in w.split('-') {
                let country = if known {
                    wis[i].demonym
                } else {
                    g.demonym(part)
                };
                if let Some(country) = country
                    && (part.contains("isch") || !is_cap(part) || part.chars().count() > 4)
                {
                    let sp = Span::new(pos, pos + part.len());
                    out.push(Cand {
                        span: sp,
                        kind: EntityKind::Place,
                        canonical: country.to_string(),
                        derived: true,
                        prio: 6,
                    });
                }
                pos += part.len() + 1;
            }
        }
        // Numbered documents: "Resolution 1718", "Artikel 51".
        if i + 1 < n && toks[i + 1].kind == TokenKind::Number && NUMBERED_DOCS.contains(&l) {
            let text = format!("{} {}", capitalise(w), strs[i + 1]);
            out.push(Cand {
                span: span(i, i + 2),
                kind: EntityKind::Misc,
                canonical: text,
                derived: false,
                prio: 6,
            });
            continue;
        }
        // Weapon systems and codes: "Hwasong-11A", "KN-23", "S-400".
        if toks[i].kind == TokenKind::Word
            && w.contains('-')
            && w.chars().any(|c| c.is_ascii_digit())
            && w.chars().next().is_some_and(char::is_alphabetic)
        {
            let (head, tail) = w.split_once('-').unwrap_or((w, ""));
            if tail.chars().next().is_some_and(|c| c.is_ascii_digit())
                && (is_cap(head) || is_all_caps(head))
                && !head.chars().any(|c| c.is_ascii_digit())
            {
                out.push(Cand {
                    span: span(i, i + 1),
                    kind: EntityKind::Misc,
                    canonical: w.to_string(),
                    derived: false,
                    prio: 6,
                });
                continue;
            }
        }
        // Treaties and laws by head: "Atomwaffensperrvertrag", "Partnerschaftsvertrag".
        if is_cap(w)
            && MISC_HEADS
                .iter()
                .any(|h| l.ends_with(h) && l.len() >= h.len() + 4)
        {
            let mut a = i;
            if i > 0
                && is_cap(strs[i - 1])
                && lower[i - 1].ends_with("er")
                && g.lookup_exact(&strs[i - 1][..strs[i - 1].len() - 2])
                    .is_some()
            {
                a = i - 1; // "Minsker Abkommen"
            }
            let sp = span(a, i + 1);
            out.push(Cand {
                span: sp,
                kind: EntityKind::Misc,
                canonical: doc.text[sp.start..sp.end].to_string(),
                derived: false,
                prio: 4,
            });
        }
        // Acronyms: organisations unless known otherwise.
        if toks[i].kind == TokenKind::Word
            && is_all_caps(w)
            && w.chars().count() <= 6
            && !w.contains('-')
            && !NON_ORG_ACRONYMS.contains(&w)
            && !w.chars().any(|c| c.is_ascii_digit())
            // Defined in parentheses or used repeatedly; a lone acronym is too often a unit or code.
            && ((i > 0 && strs[i - 1] == "(") || doc.acronym_counts.get(w).is_some_and(|c| *c >= 2))
        {
            out.push(Cand {
                span: span(i, i + 1),
                kind: EntityKind::Organization,
                canonical: w.to_string(),
                derived: false,
                prio: 4,
            });
        }
        // A name after the noun for its kind: "in der Siedlung Otniel", "die Linkspartei
        // Podemos", "der Streamingdienst Spotify". The name alone is the mention.
        if cap
            && i + 1 < n
            && let Some(kind) = kind_noun(l)
        {
            let mut j = i + 1;
            // An acronym may open the name ("die US-Großbank JP Morgan").
            while j < n
                && j < i + 4
                && word(j)
                && is_cap(strs[j])
                && (!is_all_caps(strs[j]) || j == i + 1 && j + 1 < n && is_cap(strs[j + 1]))
                && !is_never_a_name(lower[j])
                && (is_all_caps(strs[j]) || !g.is_noun(strs[j]))
                && kind_noun(lower[j]).is_none()
            {
                j += 1;
            }
            // "der Partei Peter Pilz": a given name and a further name word are a person.
            let person = j > i + 2 && g.given_name(strs[i + 1]) >= 6;
            let sp = span(i + 1, j.max(i + 2));
            // Exact: "Hamas" is a name of its own, not the city Hama in the genitive.
            let gaz_kind = g.lookup_exact(&doc.text[sp.start..sp.end]);
            // "Nationalbank Polens": a country in the genitive after an organisation's kind
            // noun belongs to the organisation's own name ("Hamas" is no genitive of the city
            // Hama).
            let genitive_place = kind == EntityKind::Organization
                && j == i + 2
                && strs[i + 1]
                    .strip_suffix('s')
                    .and_then(|b| g.lookup(b))
                    .is_some_and(|e| {
                        e.kind == gazetteer::GazKind::Country
                            || e.kind == gazetteer::GazKind::Region && !g.is_city_word(strs[i + 1])
                    });
            if genitive_place {
                let sp = span(i, j);
                out.push(Cand {
                    span: sp,
                    kind,
                    canonical: doc.text[sp.start..sp.end].to_string(),
                    derived: false,
                    prio: 7,
                });
            } else if j > i + 1 && !person && gaz_kind.is_none_or(|e| e.kind.entity_kind() == kind)
            {
                out.push(Cand {
                    span: sp,
                    kind,
                    canonical: gaz_kind.map_or_else(
                        || doc.text[sp.start..sp.end].to_string(),
                        |e| e.canonical.to_string(),
                    ),
                    derived: false,
                    prio: 7,
                });
            }
        }
        // Company names by legal form: "Sun Microsystems Inc.", "Hirzel Verlag", "Siemens AG".
        if is_legal_form(w) && i > 0 && is_cap(strs[i - 1]) && !is_stop(lower[i - 1]) {
            let mut a = i - 1;
            while a > 0
                && a + 3 > i
                && is_cap(strs[a - 1])
                && !is_stop(lower[a - 1])
                && word(a - 1)
                && g.surface(strs[a - 1])
                    .is_none_or(|e| e.kind != gazetteer::GazKind::Country)
            {
                a -= 1;
            }
            let sp = span(a, i + 1);
            // Above gazetteer places: "Flughafen Wien AG" is one organisation.
            out.push(Cand {
                span: sp,
                kind: EntityKind::Organization,
                canonical: doc.text[sp.start..sp.end].to_string(),
                derived: false,
                prio: 8,
            });
        }
        // An institution word followed by a place: "Landeskriminalamt Stuttgart", "Bank
        // Austria", "Universität Wien". The outermost span wins over the place inside.
        if cap
            && i + 1 < n
            && word(i + 1)
            && INSTITUTION_HEAD_INDEX.any(l, |h| l.ends_with(h))
            && !w.contains('-')
            && wis[i + 1].surface.is_some_and(|e| {
                matches!(
                    e.kind,
                    gazetteer::GazKind::Region
                        | gazetteer::GazKind::Country
                        | gazetteer::GazKind::Subdivision
                )
            })
            && !(i + 2 < n && word(i + 2) && is_cap(strs[i + 2]) && !is_legal_form(strs[i + 2]))
        {
            let sp = span(i, i + 2);
            out.push(Cand {
                span: sp,
                kind: EntityKind::Organization,
                canonical: doc.text[sp.start..sp.end].to_string(),
                derived: false,
                prio: 8,
            });
        }
        // Compounds naming one ministry or federal office: "Verteidigungsministerium",
        // "Bundeskriminalamt" (the bare head "Ministerium" is generic).
        if cap
            && !w.contains('-')
            && genitive_bases(l)
                .any(|b| UNIQUE_ORG_HEAD_INDEX.any(b, |h| b.ends_with(h) && b.len() >= h.len() + 4))
        {
            out.push(Cand {
                span: span(i, i + 1),
                kind: EntityKind::Organization,
                canonical: strip_inflection(w),
                derived: false,
                prio: 6,
            });
        }
        // An organisation's head after one or two adjectives of its name: "Oberster
        // Gerichtshof", "Europäische Reiseversicherung", "Sozialistischen Arbeiterpartei", with
        // a place after it ("Medizinische Hochschule Hannover"). A capitalised adjective at the
        // start of a sentence may be capitalised only for that, unless it derives from a place.
        if cap
            && i > 0
            && !w.contains('-')
            // Without an adjective before it nothing is found: tested first, as it is cheaper.
            && word(i - 1)
            && is_name_adjective(strs[i - 1], lower[i - 1])
            && genitive_bases(l).any(|b| {
                ADJECTIVE_ORG_HEAD_INDEX.any(b, |h| b == *h || b.ends_with(h) && b.len() >= h.len() + 3)
            })
        {
            let mut a = i;
            while a > 0 && a + 2 > i && word(a - 1) && is_name_adjective(strs[a - 1], lower[a - 1])
            {
                a -= 1;
            }
            let opener = a == 0 || matches!(strs[a - 1], "\"" | "„" | "“" | "»" | "«" | "(" | ":");
            let from_place = a < i && {
                let adj = lower[a];
                has_isch(adj)
                    || adj
                        .strip_suffix("er")
                        .is_some_and(|_| g.lookup(&strs[a][..strs[a].len() - 2]).is_some())
            };
            if a < i && (!opener || from_place) {
                let mut j = i + 1;
                if j < n
                    && word(j)
                    && wis[j].surface.is_some_and(|e| {
                        matches!(
                            e.kind,
                            gazetteer::GazKind::Region
                                | gazetteer::GazKind::Country
                                | gazetteer::GazKind::Subdivision
                        )
                    })
                    && !(j + 1 < n && word(j + 1) && is_cap(strs[j + 1]))
                {
                    j += 1;
                }
                let sp = span(a, j);
                let text = &doc.text[sp.start..sp.end];
                out.push(Cand {
                    span: sp,
                    kind: EntityKind::Organization,
                    canonical: organisation_base_form(text),
                    derived: false,
                    prio: 6,
                });
            }
        }
        // Sports clubs: "FC Nürnberg", "SV Werder Bremen", "VfB Stuttgart".
        if is_club_prefix(w) && i + 1 < n && is_cap(strs[i + 1]) {
            let mut j = i + 1;
            while j < n && j < i + 4 && word(j) && is_cap(strs[j]) && !is_stop(lower[j]) {
                j += 1;
            }
            let a = if i > 0 && toks[i - 1].kind == TokenKind::Ordinal {
                i - 1
            } else {
                i
            };
            let sp = span(a, j);
            out.push(Cand {
                span: sp,
                kind: EntityKind::Organization,
                canonical: doc.text[sp.start..sp.end].to_string(),
                derived: false,
                prio: 6,
            });
        }
        // Organisation heads: "Verteidigungsministerium", "UN-Sicherheitsrat", "Institute for the Study of War".
        let english_head = matches!(
            l,
            "institute"
                | "council"
                | "agency"
                | "university"
                | "center"
                | "centre"
                | "office"
                | "committee"
                | "bank"
                | "ministry"
                | "department"
        );
        if is_cap(w)
            && (w.contains('-') || english_head)
            && ORG_HEAD_INDEX.any(l, |h| l.ends_with(h))
        {
            // Only compounds whose first part is a known name ("US-Verteidigungsministerium");
            // plain compounds ("Gesundheitsministerium") are usually generic and left to the tagger.
            // "die US-Großbank JP Morgan": a kind noun before a name is no name itself.
            let kind_before_name = kind_noun(l).is_some()
                && i + 1 < n
                && word(i + 1)
                && is_cap(strs[i + 1])
                && !is_stop(lower[i + 1])
                && (is_all_caps(strs[i + 1]) || !g.is_noun(strs[i + 1]));
            let named_head = !kind_before_name
                && w.split_once('-')
                    .is_some_and(|(head, _)| g.lookup_exact(head).is_some() || is_all_caps(head));
            if named_head {
                // The outermost span wins: "UNO-Menschenrechtsrat", not "UNO" inside it.
                out.push(Cand {
                    span: span(i, i + 1),
                    kind: EntityKind::Organization,
                    canonical: w.to_string(),
                    derived: false,
                    prio: 7,
                });
            } else if english_head && i + 2 < n && matches!(lower[i + 1], "for" | "of" | "on") {
                // English pattern: head + of/for + capitalised words (allowing "the", "and").
                let mut j = i + 2;
                while j < n
                    && (is_cap(strs[j]) || matches!(lower[j], "the" | "and" | "of" | "for" | "on"))
                    && word(j)
                {
                    j += 1;
                }
                while j > i + 2 && !is_cap(strs[j - 1]) {
                    j -= 1;
                }
                if j > i + 2 {
                    let sp = span(i, j);
                    out.push(Cand {
                        span: sp,
                        kind: EntityKind::Organization,
                        canonical: doc.text[sp.start..sp.end].to_string(),
                        derived: false,
                        prio: 6,
                    });
                }
            }
        }
        // Persons after a role word: "Außenminister Lawrow", "Pentagon-Sprecher Pat Ryder".
        if i + 1 < n && (is_cap(w) || w == "§") && is_role(l) {
            let (j, place_surname) = name_words(i + 1);
            if j > i + 1 {
                let sp = span(i + 1, j);
                out.push(Cand {
                    span: sp,
                    kind: EntityKind::Person,
                    canonical: doc.text[sp.start..sp.end].to_string(),
                    derived: false,
                    prio: if place_surname { 8 } else { 6 },
                });
            }
        }
        // Given name followed by capitalised name words: "Wladimir Putin", "Kim Jong Un".
        if cap && wi.given >= 6 && w.chars().count() >= 3 && !is_stop(l) {
            let (j, place_surname) = name_words(i + 1);
            if j > i + 1 {
                let sp = span(i, j);
                // Where the tagger starts a person here and leaves the further name words
                // untagged ("Kim Jong" of "Kim Jong Un"), the whole name wins as the longer of
                // two equal candidates; a word the tagger gives a name of its own ("könnte Kim
                // Putin zudem") keeps the two apart.
                let extends_tagged_person = tags[i].begin_kind() == Some(Some(EntityKind::Person))
                    && (i + 1..j).all(|k| {
                        tags[k] == Tag::inside(Some(EntityKind::Person)) || tags[k] == Tag::O
                    });
                out.push(Cand {
                    span: sp,
                    kind: EntityKind::Person,
                    canonical: doc.text[sp.start..sp.end].to_string(),
                    derived: false,
                    prio: if place_surname {
                        8
                    } else if extends_tagged_person {
                        TAGGER_PRIO
                    } else {
                        4
                    },
                });
            }
        }
    }
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Keeps the best non-overlapping candidates: higher priority, then longer, then earlier.
pub(crate) fn resolve_overlaps(mut cands: Vec<Cand>) -> Vec<Cand> {
    cands.sort_by(|a, b| {
        b.prio
            .cmp(&a.prio)
            .then(b.span.len().cmp(&a.span.len()))
            .then(a.span.start.cmp(&b.span.start))
    });
    // Kept spans never overlap, so ordered by start they are ordered by end too: of those that
    // start before a candidate ends, only the last can reach into it. A map from start to end
    // answers that in O(log n), where comparing with every kept span made a long text (many
    // thousand mentions) take minutes.
    let mut ends: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut kept: Vec<Cand> = Vec::with_capacity(cands.len());
    for c in cands {
        let overlaps = ends
            .range(..c.span.end)
            .next_back()
            .is_some_and(|(_, &end)| end > c.span.start);
        if c.span.is_empty() || overlaps {
            continue;
        }
        ends.insert(c.span.start, c.span.end);
        kept.push(c);
    }
    kept.sort_by_key(|c| c.span.start);
    kept
}

/// Last words that make a name a place, whatever a tagger thought: "Black Sea", "Rotes Meer".
pub(crate) const PLACE_HEADS: &[&str] = &[
    "sea",
    "ocean",
    "river",
    "lake",
    "mountains",
    "valley",
    "island",
    "islands",
    "bay",
    "gulf",
    "strait",
    "peninsula",
    "county",
    "city",
    "meer",
    "see",
    "ozean",
    "gebirge",
    "insel",
    "inseln",
    "halbinsel",
    "straße",
    "tal",
    "fluss",
    "golf",
    "kanal",
];

/// Weekdays and months written out, German and English: never a person, place or organisation
/// alone. English "May" stays out: it is also a surname, and the modal is lowercase anyway.
pub(crate) fn is_calendar_word(lower: &str) -> bool {
    crate::dates::is_weekday_name(lower)
        || (lower != "may" && crate::dates::month_of(lower).is_some_and(|(_, abbr)| !abbr))
}

/// The words of `text` (split at whitespace) with their byte offsets.
fn words_at(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// True when a lone capitalised word is a function word, weekday, month or role noun.
pub(crate) fn is_never_a_name(lower: &str) -> bool {
    // "St" of "St. Gallen" written apart from its period.
    is_stop(lower) || is_calendar_word(lower) || is_role_word(lower) || lower == "st"
}

/// Removes candidates that cannot be names and trims words that cannot belong to one:
/// - a name without letters ("20") is none;
/// - a name never ends in a function word, weekday or month ("Flevoland Die" is "Flevoland"),
///   and a person or place never starts with one;
/// - a lone function word, weekday, month or role noun ("Je", "Friday", "He",
///   "Gastwissenschaftler") is never a name;
/// - a person named by a lone dictionary noun ("Puffer") needs a given name, a known surname or
///   the same word ending a full name in the document;
/// - a person name ending in a geographic head ("Black Sea") is a place, one ending in an
///   organisation head or legal form is an organisation.
pub(crate) fn clean(doc: &Doc, cands: &mut Vec<Cand>) {
    let g = gazetteer::get();
    let full_last_words: FastSet<&str> = cands
        .iter()
        .filter(|c| c.kind == EntityKind::Person && !c.derived)
        .filter_map(|c| {
            let surface = &doc.text[c.span.start..c.span.end];
            surface
                .contains(' ')
                .then(|| surface.rsplit(' ').next())
                .flatten()
        })
        .collect();
    cands.retain_mut(|c| {
        if c.derived
            || !matches!(
                c.kind,
                EntityKind::Person
                    | EntityKind::Place
                    | EntityKind::Organization
                    | EntityKind::Misc
            )
        {
            return true;
        }
        let surface = &doc.text[c.span.start..c.span.end];
        if !surface.chars().any(char::is_alphabetic) {
            return false;
        }
        // A name never runs over a line break ("Bild\nBild: Putin" is a caption label and a
        // credit line): it keeps its first line.
        if let Some(nl) = surface.find('\n') {
            let first = surface[..nl].trim_end();
            if !first.chars().any(char::is_alphabetic) {
                return false;
            }
            c.span = Span::new(c.span.start, c.span.start + first.len());
            c.canonical = first.to_string();
        }
        let surface = &doc.text[c.span.start..c.span.end];
        // A common noun that is a line of its own or labels one ("Bild", "Foto: …") names
        // nothing.
        if !surface.contains(' ') && is_line_label(doc, c.span) && g.is_noun(surface) {
            return false;
        }
        let words = words_at(surface);
        let bad = |w: &str| {
            let l = super::text::lowercase(w);
            // "Spiegel Online" and "Bild" are names; the other stop words are not.
            (is_stop(&l) && !matches!(l.as_ref(), "online" | "bild")) || is_calendar_word(&l)
        };
        let mut a = 0;
        let mut b = words.len();
        while b > a && bad(words[b - 1].1) {
            b -= 1;
        }
        // "Den Haag" keeps its article.
        let named_with_article =
            words.len() > 1 && matches!(words[0].1, "Den" | "Des") && g.lookup(surface).is_some();
        if matches!(c.kind, EntityKind::Person | EntityKind::Place) && !named_with_article {
            while a < b && bad(words[a].1) {
                a += 1;
            }
        }
        if a == b {
            return false;
        }
        if (a, b) != (0, words.len()) {
            let start = c.span.start + words[a].0;
            let end = c.span.start + words[b - 1].0 + words[b - 1].1.len();
            let trimmed = &doc.text[start..end];
            let was_surface = c.canonical == surface;
            c.span = Span::new(start, end);
            if let Some(e) = g.lookup(trimmed) {
                c.kind = e.kind.entity_kind();
                c.canonical = e.canonical.to_string();
            } else if was_surface || !c.canonical.contains(trimmed) {
                c.canonical = trimmed.to_string();
            }
        }
        if doc.lang == Lang::En && !super::english::keeps(doc, c) {
            return false;
        }
        // A name the tagger runs on into a common noun ("Hebron Anschlag", "Coppolas
        // Verfilmung", "SPÖ Führung") is the name before the noun: a known place, an
        // acronym or a name in the genitive.
        if c.prio == TAGGER_PRIO
            && let Some((first, second)) = doc.text[c.span.start..c.span.end].split_once(' ')
            && !second.contains(' ')
            && (g.is_noun(second) || !is_name_like(second))
            && !is_legal_form(second)
            && {
                let second = super::text::lowercase(second);
                kind_noun(&second).is_none()
                    && !ORG_HEADS
                        .iter()
                        .chain(ADJECTIVE_ORG_HEADS)
                        .chain(PLACE_HEADS)
                        .any(|h| second.ends_with(h))
            }
        {
            let place = g
                .lookup_exact(first)
                .filter(|e| e.kind != gazetteer::GazKind::Org);
            let acronym = is_all_caps(first);
            let genitive = c.kind != EntityKind::Organization
                && first.len() > 3
                && first.ends_with('s')
                && !g.is_noun(first)
                && g.word(first).freq == 0;
            if place.is_some() || acronym || genitive {
                c.span = Span::new(c.span.start, c.span.start + first.len());
                if let Some(e) = place {
                    c.kind = e.kind.entity_kind();
                    c.canonical = e.canonical.to_string();
                } else if acronym {
                    c.kind = EntityKind::Organization;
                    c.canonical = first.to_string();
                } else {
                    c.kind = EntityKind::Person;
                    c.canonical = strip_inflection(first);
                }
            }
        }
        // A person's name runs on into an Arabic article name: "Muammar al-Gaddafi".
        if c.kind == EntityKind::Person
            && let Ok(t) = doc.tokens.binary_search_by_key(&c.span.end, |t| t.span.end)
            && t + 1 < doc.tokens.len()
            && doc.tokens[t + 1].span.start == c.span.end + 1
            && is_arabic_article_name(doc.strs[t + 1])
        {
            c.span = Span::new(c.span.start, doc.tokens[t + 1].span.end);
            c.canonical = doc.text[c.span.start..c.span.end].to_string();
        }
        // A regnal number keeps its period: "Felipe VI.", "Abdullah II.".
        if c.kind == EntityKind::Person
            && doc.text[c.span.start..c.span.end]
                .rsplit(' ')
                .next()
                .is_some_and(is_regnal_number)
            && doc.text[c.span.end..].starts_with('.')
        {
            c.span = Span::new(c.span.start, c.span.end + 1);
            c.canonical = doc.text[c.span.start..c.span.end].to_string();
        }
        let surface = &doc.text[c.span.start..c.span.end];
        let last = surface.rsplit(' ').next().unwrap_or(surface);
        let last_lower = super::text::lowercase(last);
        if !surface.contains(' ') {
            // A legal form alone ("Corp") names nothing.
            if is_legal_form(surface) {
                return false;
            }
            if c.prio <= TAGGER_PRIO && is_sentence_opener(doc, c.span.start, surface) {
                return false;
            }
            if is_never_a_name(&last_lower) {
                return false;
            }
            // A city takes no article: "der Deal", "die Hamas" name no city.
            if c.kind == EntityKind::Place
                && g.is_city_word(surface)
                && follows_article(doc, c.span.start)
            {
                return false;
            }
            if c.kind == EntityKind::Person
                && c.prio <= TAGGER_PRIO
                && (is_role(&last_lower)
                    || (g.is_noun(surface)
                        && g.given_name(surface) == 0
                        && !g.is_surname(surface)
                        && !full_last_words.contains(surface)))
            {
                return false;
            }
        } else if c.kind == EntityKind::Place
            && c.prio <= TAGGER_PRIO
            && words.len() == 2
            && g.lookup(surface).is_none()
            && g.given_name(words[0].1) > 0
            && g.surface(last).is_none()
            && !g.is_noun(last)
            && !PLACE_HEADS.contains(&last_lower.as_ref())
        {
            // A given name and an unknown name word ("Wladimir Putin"): a person, even when
            // the given name is also a city's.
            c.kind = EntityKind::Person;
            c.canonical = surface.to_string();
        } else if c.kind == EntityKind::Person {
            if PLACE_HEADS.contains(&last_lower.as_ref()) {
                c.kind = EntityKind::Place;
            } else if is_legal_form(last) || ORG_HEADS.iter().any(|h| last_lower.as_ref() == *h) {
                c.kind = EntityKind::Organization;
            }
        }
        true
    });
}

/// True when the token before `start` is a German article and the token after the one at
/// `start` is not capitalised ("dem Hebron Anschlag": the article is the noun's).
fn follows_article(doc: &Doc, start: usize) -> bool {
    doc.tokens
        .binary_search_by_key(&start, |t| t.span.start)
        .is_ok_and(|t| {
            t > 0
                && is_german_article(&super::text::lowercase(doc.strs[t - 1]))
                && doc.strs.get(t + 1).is_none_or(|w| !is_cap(w))
        })
}

/// True when `span` starts its line and is followed by nothing but the line's end or a colon.
fn is_line_label(doc: &Doc, span: Span) -> bool {
    // Only the blanks before the span are looked at, not the whole line (a paragraph may be
    // megabytes long).
    let before = doc.text[..span.start].trim_end_matches(|c: char| c != '\n' && c.is_whitespace());
    let line_start = before.is_empty() || before.ends_with('\n');
    let after = doc.text[span.end..].trim_start_matches([' ', '\t']);
    line_start && (after.is_empty() || after.starts_with(['\n', ':', '\r']))
}

/// True for a lone word that starts a sentence (or a quotation) and is capitalised only for
/// that: one of the 2,000 most frequent words of German Wikipedia or 5,000 of spoken German
/// ("Knapp", "Erneut") that is
/// neither a given name, a gazetteer name nor written capitalised inside another sentence.
fn is_sentence_opener(doc: &Doc, start: usize, surface: &str) -> bool {
    let Ok(t) = doc.tokens.binary_search_by_key(&start, |t| t.span.start) else {
        return false;
    };
    let opens_sentence = doc.sentences.iter().any(|s| s.range.start == t)
        || (t > 0 && matches!(doc.strs[t - 1], "\"" | "„" | "“" | "»" | "«" | "(" | ":"));
    if !opens_sentence {
        return false;
    }
    let g = gazetteer::get();
    let info = g.words(&[surface], &[true]);
    let frequent = info.first().is_some_and(|wi| wi.freq != 0 && wi.freq <= 11)
        || g.is_common_german(&super::text::lowercase(surface));
    frequent
        && g.given_name(surface) == 0
        && g.lookup(surface).is_none()
        && !doc.sentences.iter().any(|s| {
            s.range.clone().skip(1).any(|i| {
                doc.strs[i] == surface
                    && !matches!(doc.strs[i - 1], "\"" | "„" | "“" | "»" | "«" | "(" | ":")
            })
        })
}

/// Splits a person name glued from two neighbours ("könnte Kim Putin zudem"): a name said once
/// whose first part is a name of its own (it begins another full name of the document, "Kim
/// Jong-un", or stands alone at least twice) and whose last part ends a third ("Wladimir Putin")
/// is two mentions, one of each.
pub(crate) fn split_neighbours(doc: &Doc, cands: &mut Vec<Cand>) {
    let persons: Vec<(Span, &str)> = cands
        .iter()
        .filter(|c| c.kind == EntityKind::Person && !c.derived)
        .map(|c| (c.span, &doc.text[c.span.start..c.span.end]))
        .collect();
    let full: Vec<(Span, &str)> = persons
        .iter()
        .copied()
        .filter(|(_, s)| s.contains(' '))
        .collect();
    if full.len() < 2 {
        return;
    }
    let mut count: FastMap<&str, usize> = FastMap::default();
    for (_, s) in &full {
        *count.entry(s).or_default() += 1;
    }
    let mut split: Vec<(usize, Span, Span)> = Vec::new();
    for (ci, c) in cands.iter().enumerate() {
        if c.kind != EntityKind::Person || c.derived {
            continue;
        }
        let surface = &doc.text[c.span.start..c.span.end];
        let words = words_at(surface);
        if words.len() != 2 || count.get(surface).copied().unwrap_or(0) != 1 {
            continue;
        }
        let (left, right) = (words[0].1, words[1].1);
        let other = |s: &str| s != surface;
        // The first part is a name of its own: it begins another full name, or the document
        // uses it alone (not before the second part) at least twice.
        let alone = doc
            .strs
            .windows(2)
            .filter(|w| w[0] == left && w[1] != right)
            .count();
        let left_known = alone >= 2
            || full
                .iter()
                .any(|(_, s)| other(s) && s.split(' ').next() == Some(left));
        let right_known = full.iter().any(|(_, s)| {
            other(s) && s.rsplit(' ').next() == Some(right) && s.split(' ').next() != Some(left)
        });
        if left_known && right_known {
            let l = Span::new(c.span.start, c.span.start + left.len());
            let r = Span::new(c.span.start + words[1].0, c.span.end);
            split.push((ci, l, r));
        }
    }
    for (ci, l, r) in split.into_iter().rev() {
        let c = cands.remove(ci);
        for sp in [l, r] {
            cands.push(Cand {
                span: sp,
                kind: EntityKind::Person,
                canonical: doc.text[sp.start..sp.end].to_string(),
                derived: false,
                prio: c.prio,
            });
        }
    }
    cands.sort_by_key(|c| c.span.start);
}

/// Adds mentions of names already found elsewhere in the document and short names of persons.
pub(crate) fn propagate(doc: &Doc, cands: &mut Vec<Cand>) {
    let mut known: FastMap<&str, (EntityKind, String, u8)> = FastMap::default();
    let mut surnames: FastMap<&str, Vec<(usize, String)>> = FastMap::default();
    for c in cands.iter() {
        if c.derived
            || !matches!(
                c.kind,
                EntityKind::Person
                    | EntityKind::Organization
                    | EntityKind::Place
                    | EntityKind::Misc
            )
        {
            continue;
        }
        let surface = &doc.text[c.span.start..c.span.end];
        // A single common noun tagged once ("Front") is not spread over the document.
        if surface.contains(' ') || c.prio >= 6 || !gazetteer::get().is_noun(surface) {
            known
                .entry(surface)
                .or_insert((c.kind, c.canonical.clone(), c.prio));
        }
        if c.kind == EntityKind::Person {
            let words: Vec<&str> = surface.split_whitespace().collect();
            if words.len() >= 2 {
                // Last name ("Putin") and, for East Asian order, the first ("Kim", "Yoon").
                // "al-Bashir" is also "Bashir".
                let last = words[words.len() - 1];
                let bare = ["al-", "el-", "as-", "ad-", "ar-", "an-", "at-", "ash-"]
                    .iter()
                    .find_map(|p| last.strip_prefix(p))
                    .filter(|b| is_cap(b));
                for w in [Some(last), Some(words[0]), bare].into_iter().flatten() {
                    if !is_stop(&w.to_lowercase()) && w.chars().count() >= 3 {
                        surnames
                            .entry(w)
                            .or_default()
                            .push((c.span.start, c.canonical.clone()));
                    }
                }
            }
        }
    }
    let only_one = |list: &Vec<(usize, String)>| list.iter().all(|(_, c)| *c == list[0].1);
    // A last name the tagger found on its own ("Putins") is the person named in full nearby, as
    // the short names found below are.
    for c in cands.iter_mut() {
        if c.kind != EntityKind::Person || c.derived || c.prio != TAGGER_PRIO {
            continue;
        }
        let w = &doc.text[c.span.start..c.span.end];
        if w.contains(' ') {
            continue;
        }
        if let Some(list) = genitive_bases(w)
            .filter(|f| f.chars().count() >= 2)
            .find_map(|f| surnames.get(f).map(|l| (f, l)))
            && let Some((_, canonical)) = list
                .1
                .iter()
                .rev()
                .find(|(p, _)| *p < c.span.start)
                .or_else(|| list.1.first())
            // By the last name, or by the first ("Kim" for "Kim Jong-un") when the document
            // gives only one person that first name.
            && (canonical.rsplit(' ').next() == Some(list.0) || only_one(list.1))
        {
            c.canonical = canonical.clone();
        }
    }
    // Tokens already covered by a confident candidate.
    let mut covered: Vec<Span> = cands
        .iter()
        .filter(|c| c.prio >= 5)
        .map(|c| c.span)
        .collect();
    covered.sort();
    let is_covered = |sp: Span| -> bool {
        let k = covered.partition_point(|c| c.end <= sp.start);
        covered.get(k).is_some_and(|c| c.start < sp.end)
    };
    let mut extra = Vec::new();
    for (ti, t) in doc.tokens.iter().enumerate() {
        let w = doc.strs[ti];
        if t.kind != TokenKind::Word || !is_cap(w) || is_covered(t.span) {
            continue;
        }
        // A genitive takes no article: "die Hamas" is no genitive of "Hama".
        let after_article = ti > 0 && is_german_article(doc.lower(ti - 1));
        for form in genitive_bases(w) {
            if form.chars().count() < 2 || after_article && form.len() < w.len() {
                continue;
            }
            if let Some(list) = surnames.get(form) {
                // A first name shared by several persons of the document ("Kim Il-sung", "Kim
                // Jong-un") is left alone.
                if list.iter().all(|(_, c)| {
                    c.split(' ').next() == Some(form) && c.rsplit(' ').next() != Some(form)
                }) && !only_one(list)
                {
                    break;
                }
                // The most recent full name before this position, else the first one after it.
                let pick = list
                    .iter()
                    .rev()
                    .find(|(p, _)| *p < t.span.start)
                    .or_else(|| list.first());
                if let Some((_, canonical)) = pick {
                    extra.push(Cand {
                        span: t.span,
                        kind: EntityKind::Person,
                        canonical: canonical.clone(),
                        derived: false,
                        prio: 5,
                    });
                }
                break;
            }
            if let Some((kind, canonical, _)) = known.get(form) {
                if !is_stop(&form.to_lowercase()) {
                    extra.push(Cand {
                        span: t.span,
                        kind: *kind,
                        canonical: canonical.clone(),
                        derived: false,
                        prio: 4,
                    });
                }
                break;
            }
        }
    }
    // Multi-word names seen once are tagged everywhere: every token start whose text begins
    // with the name and where the name ends at a token end.
    type Known<'k> = (&'k str, EntityKind, &'k String, u8);
    let mut by_prefix: FastMap<[u8; 3], Vec<Known>> = FastMap::default();
    for (surface, (kind, canonical, prio)) in &known {
        if surface.contains(' ')
            && let Some(p) = surface.as_bytes().get(..3)
        {
            by_prefix
                .entry([p[0], p[1], p[2]])
                .or_default()
                .push((surface, *kind, canonical, *prio));
        }
    }
    if !by_prefix.is_empty() {
        let bytes = doc.text.as_bytes();
        for t in &doc.tokens {
            let start = t.span.start;
            let Some(p) = bytes.get(start..start + 3) else {
                continue;
            };
            let Some(list) = by_prefix.get(&[p[0], p[1], p[2]]) else {
                continue;
            };
            for (surface, kind, canonical, prio) in list {
                if !bytes[start..].starts_with(surface.as_bytes()) {
                    continue;
                }
                let sp = Span::new(start, start + surface.len());
                let at_token = doc
                    .tokens
                    .binary_search_by_key(&sp.end, |t| t.span.end)
                    .is_ok();
                if at_token && doc.in_body(sp) {
                    // A repeat wins what its first mention won ("Lloyd Austin" over "Austin").
                    extra.push(Cand {
                        span: sp,
                        kind: *kind,
                        canonical: (*canonical).clone(),
                        derived: false,
                        prio: (*prio).max(5),
                    });
                }
            }
        }
    }
    cands.extend(extra);
}

/// Assigns canonical names within a document: inflection, spelling variants, acronyms, short names.
pub(crate) fn canonicalise(doc: &Doc, mentions: &mut [Mention]) {
    let g = gazetteer::get();
    if doc.lang == Lang::En {
        for m in mentions.iter_mut() {
            super::english::canonical(m);
        }
    }
    // Acronym definitions: "Long Name (ACR)".
    let mut acronyms: FastMap<String, String> = FastMap::default();
    for (k, m) in mentions.iter().enumerate() {
        // "Thomas Stelzer (ÖVP)" names a party, it does not define its acronym.
        if let Some(next) = mentions.get(k + 1)
            && is_all_caps(&next.text)
            && doc.text[m.span.end..next.span.start].trim() == "("
            && (canon::is_acronym_of(&next.text, &m.text)
                || canon::is_acronym_of(&next.text, &m.canonical)
                // A translated name before the acronym of the original: "Sozialistische
                // Arbeiterpartei (PSOE)".
                || m.kind == EntityKind::Organization
                    && next.kind == EntityKind::Organization
                    && m.text.contains(' '))
        {
            acronyms.insert(next.text.clone(), m.canonical.clone());
        }
    }
    // Spelling variants: first-seen canonical per key and kind.
    let mut by_key: FastMap<(EntityKind, String), String> = FastMap::default();
    let long_names: Vec<(EntityKind, String)> = mentions
        .iter()
        .filter(|m| {
            m.text.contains(' ') && matches!(m.kind, EntityKind::Organization | EntityKind::Misc)
        })
        .map(|m| (m.kind, m.canonical.clone()))
        .collect();
    for m in mentions.iter_mut() {
        if matches!(m.kind, EntityKind::Date | EntityKind::Quantity) {
            continue;
        }
        if let Some(long) = acronyms.get(&m.text) {
            m.canonical = long.clone();
            if let Some(e) = g.lookup(long) {
                m.kind = e.kind.entity_kind();
                m.canonical = e.canonical.to_string();
            }
        } else if is_all_caps(&m.text)
            && g.lookup(&m.text).is_none()
            && let Some((kind, long)) = long_names
                .iter()
                .find(|(_, l)| canon::is_acronym_of(&m.text, l))
        {
            m.canonical = long.clone();
            m.kind = *kind;
        }
        // A genitive of a gazetteer name the tagger found ("Jerusalems") is that name.
        if doc.lang != Lang::En
            && !m.derived
            && m.canonical == m.text
            && let Some(e) = g.surface(&m.canonical)
            && e.kind.entity_kind() == m.kind
        {
            m.canonical = e.canonical.to_string();
        }
        // Inflection of names the gazetteer does not know: "Lawrows" -> "Lawrow" when seen.
        if !m.derived
            && doc.lang != Lang::En
            && g.surface(&m.canonical).is_none()
            && (!m.canonical.contains(' ') || g.lookup_exact(&m.canonical).is_none())
        {
            let base = if matches!(m.kind, EntityKind::Organization | EntityKind::Misc) {
                organisation_base_form(&m.canonical)
            } else {
                m.canonical.clone()
            };
            m.canonical = if base != m.canonical {
                base
            } else {
                strip_inflection(&m.canonical)
            };
        }
        // "Muammar al-Gaddafi" and "Muammar Gaddafi" are one person.
        let key = if m.kind == EntityKind::Person && m.canonical.contains('-') {
            let bare: Vec<&str> = m
                .canonical
                .split(' ')
                .map(|w| {
                    if is_arabic_article_name(w) {
                        w.split_once('-').map_or(w, |(_, rest)| rest)
                    } else {
                        w
                    }
                })
                .collect();
            canon::key(&bare.join(" "))
        } else {
            canon::key(&m.canonical)
        };
        let k = (m.kind, key);
        match by_key.get(&k) {
            Some(c) => m.canonical = c.clone(),
            None => {
                by_key.insert(k, m.canonical.clone());
            }
        }
    }
}

/// Strips adjective endings in multi-word names and a genitive "s" after a vowel-free end.
fn strip_inflection(name: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let mut out: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    if let Some(last) = out.last_mut()
        && words.len() <= 3
        && (last.ends_with("s")
            && !last.ends_with("ss")
            && !last.ends_with("us")
            && !last.ends_with("is")
            && !last.ends_with("as")
            && !last.ends_with("os")
            && last.chars().count() > 4)
        && !is_all_caps(last)
    {
        last.pop();
    }
    out.join(" ")
}

/// Grammatical gender of an organisation head noun, from its ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Masculine,
    Feminine,
    Neuter,
}

/// The gender of a German head noun when its ending tells it.
fn head_gender(lower: &str) -> Option<Gender> {
    const FEMININE: &[&str] = &[
        "bank",
        "ung",
        "kommission",
        "union",
        "partei",
        "heit",
        "keit",
        "schaft",
        "ion",
        "tät",
        "agentur",
        "behörde",
        "organisation",
        "zeitung",
        "akademie",
        "allianz",
        "kammer",
        "stiftung",
        "universität",
        "hochschule",
        "polizei",
        "armee",
        "marine",
        "kirche",
        "gesellschaft",
        "gruppe",
        "börse",
        "bahn",
        "post",
        "versammlung",
        "konferenz",
    ];
    const NEUTER: &[&str] = &[
        "amt",
        "ministerium",
        "institut",
        "zentrum",
        "gericht",
        "parlament",
        "komitee",
        "kreuz",
        "büro",
        "forum",
        "kommando",
        "kabinett",
        "kollegium",
        "konsortium",
        "sekretariat",
        "museum",
        "theater",
        "haus",
        "werk",
    ];
    const MASCULINE: &[&str] = &[
        "hof",
        "rat",
        "tag",
        "fonds",
        "bund",
        "dienst",
        "verband",
        "konzern",
        "verein",
        "senat",
        "ausschuss",
        "gipfel",
        "sender",
        "klub",
        "club",
        "rundfunk",
        "vorstand",
        "stab",
    ];
    let ends = |list: &[&str]| list.iter().any(|e| lower.ends_with(e));
    if ends(NEUTER) && !lower.ends_with("hof") {
        Some(Gender::Neuter)
    } else if ends(MASCULINE) {
        Some(Gender::Masculine)
    } else if ends(FEMININE) {
        Some(Gender::Feminine)
    } else {
        None
    }
}

/// The nominative of an organisation name whose words are inflected ("Obersten Gerichtshofs"
/// -> "Oberster Gerichtshof", "Europäischen Zentralbank" -> "Europäische Zentralbank"): the
/// adjectives before the head take the strong ending of its gender, a masculine or neuter head
/// loses its genitive "s"/"es". Names whose head's gender is unknown stay as they are.
pub(crate) fn organisation_base_form(name: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let Some((&head, adjs)) = words.split_last() else {
        return name.to_string();
    };
    let is_adjective = |w: &str| {
        w.chars().count() > 4
            && (w.ends_with("en")
                || w.ends_with("em")
                || w.ends_with("es")
                || w.ends_with("er")
                || w.ends_with('e'))
            && !w.contains('-')
    };
    if adjs.is_empty() || !adjs.iter().all(|w| is_adjective(w)) {
        return name.to_string();
    }
    // The head as written or without its genitive ending decides the gender.
    let lower = super::text::lowercase(head).into_owned();
    let bare = genitive_bases(head)
        .filter(|b| b.len() < head.len() && !lower.ends_with("ss"))
        .find(|b| head_gender(&super::text::lowercase(b)).is_some_and(|g| g != Gender::Feminine));
    let (head, gender) = match (bare, head_gender(&lower)) {
        (Some(b), _) if !lower.ends_with("fonds") => (b, head_gender(&super::text::lowercase(b))),
        (_, g) => (head, g),
    };
    let Some(gender) = gender else {
        return name.to_string();
    };
    let ending = match gender {
        Gender::Masculine => "er",
        Gender::Feminine => "e",
        Gender::Neuter => "es",
    };
    let mut out: Vec<String> = adjs
        .iter()
        .map(|w| {
            let stem = w
                .strip_suffix("en")
                .or_else(|| w.strip_suffix("em"))
                .or_else(|| w.strip_suffix("es"))
                .or_else(|| w.strip_suffix("er"))
                .or_else(|| w.strip_suffix('e'))
                .unwrap_or(w);
            format!("{stem}{ending}")
        })
        .collect();
    out.push(head.to_string());
    out.join(" ")
}

/// A word and the bases its genitive endings leave ("Putins" -> "Putin", "Bush's" -> "Bush").
fn genitive_bases(w: &str) -> impl Iterator<Item = &str> {
    [
        Some(w),
        w.strip_suffix('s'),
        w.strip_suffix("es"),
        w.strip_suffix("’s"),
        w.strip_suffix("'s"),
    ]
    .into_iter()
    .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_words_are_recognised() {
        assert!(is_role("pentagon-sprecher"));
        assert!(is_role("außenminister"));
        assert!(is_role("general"));
        assert!(!is_role("soldaten"));
    }

    #[test]
    fn organisation_names_take_their_nominative() {
        assert_eq!(
            organisation_base_form("Obersten Gerichtshofs"),
            "Oberster Gerichtshof"
        );
        assert_eq!(
            organisation_base_form("Europäischen Zentralbank"),
            "Europäische Zentralbank"
        );
        assert_eq!(
            organisation_base_form("Internationalen Währungsfonds"),
            "Internationaler Währungsfonds"
        );
        assert_eq!(
            organisation_base_form("Deutschen Bundestages"),
            "Deutscher Bundestag"
        );
        assert_eq!(organisation_base_form("Roten Kreuzes"), "Rotes Kreuz");
        assert_eq!(
            organisation_base_form("Oberste Gerichtshof"),
            "Oberster Gerichtshof"
        );
        assert_eq!(
            organisation_base_form("Europäische Reiseversicherung"),
            "Europäische Reiseversicherung"
        );
        assert_eq!(
            organisation_base_form("Oberster Gerichtshof"),
            "Oberster Gerichtshof"
        );
        assert_eq!(
            organisation_base_form("Vereinten Nationen"),
            "Vereinten Nationen"
        );
        assert_eq!(organisation_base_form("Siemens"), "Siemens");
    }

    /// The candidates `clean` keeps of one tagger span over `surface` inside `text`.
    fn cleaned(text: &str, surface: &str, kind: EntityKind) -> Vec<(String, EntityKind)> {
        let art = super::super::testutil::article(text);
        let mut lower_buf = String::new();
        let doc = Doc::new(&art, &mut lower_buf);
        let start = text.find(surface).unwrap();
        let mut cands = vec![Cand {
            span: Span::new(start, start + surface.len()),
            kind,
            canonical: surface.to_string(),
            derived: false,
            prio: TAGGER_PRIO,
        }];
        clean(&doc, &mut cands);
        cands
            .iter()
            .map(|c| (text[c.span.start..c.span.end].to_string(), c.kind))
            .collect()
    }

    #[test]
    fn a_tagged_name_ends_before_a_common_noun() {
        assert_eq!(
            cleaned(
                "Nach dem Hebron Anschlag wurde die Stadt abgeriegelt.",
                "Hebron Anschlag",
                EntityKind::Person
            ),
            vec![("Hebron".to_string(), EntityKind::Place)]
        );
        assert_eq!(
            cleaned(
                "Die SPÖ Führung wirkt müde.",
                "SPÖ Führung",
                EntityKind::Organization
            ),
            vec![("SPÖ".to_string(), EntityKind::Organization)]
        );
        assert_eq!(
            cleaned(
                "Er lobte Mankiewiczs Verfilmung sehr.",
                "Mankiewiczs Verfilmung",
                EntityKind::Place
            ),
            vec![("Mankiewiczs".to_string(), EntityKind::Person)]
        );
        // An organisation's head stays: "Deutsche Bank" is one name.
        assert_eq!(
            cleaned(
                "Die Deutsche Bank meldete Verluste.",
                "Deutsche Bank",
                EntityKind::Organization
            ),
            vec![("Deutsche Bank".to_string(), EntityKind::Organization)]
        );
    }

    #[test]
    fn genitive_s_is_stripped() {
        assert_eq!(strip_inflection("Lawrows"), "Lawrow");
        assert_eq!(strip_inflection("Paris"), "Paris");
        assert_eq!(strip_inflection("NATO"), "NATO");
    }

    /// The first-come rule, comparing each candidate with every kept one.
    fn resolve_overlaps_pairwise(mut cands: Vec<Cand>) -> Vec<Cand> {
        cands.sort_by(|a, b| {
            b.prio
                .cmp(&a.prio)
                .then(b.span.len().cmp(&a.span.len()))
                .then(a.span.start.cmp(&b.span.start))
        });
        let mut kept: Vec<Cand> = Vec::new();
        for c in cands {
            if !c.span.is_empty() && !kept.iter().any(|k| k.span.overlaps(c.span)) {
                kept.push(c);
            }
        }
        kept.sort_by_key(|c| c.span.start);
        kept
    }

    #[test]
    fn resolve_overlaps_keeps_what_the_pairwise_rule_keeps() {
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as usize
        };
        for round in 0..300 {
            let cands: Vec<Cand> = (0..next(40))
                .map(|_| {
                    let start = next(60);
                    Cand {
                        span: Span::new(start, start + next(8)),
                        kind: EntityKind::Person,
                        canonical: String::new(),
                        derived: false,
                        prio: next(4) as u8,
                    }
                })
                .collect();
            let spans = |v: Vec<Cand>| v.iter().map(|c| (c.span, c.prio)).collect::<Vec<_>>();
            assert_eq!(
                spans(resolve_overlaps(cands.clone())),
                spans(resolve_overlaps_pairwise(cands)),
                "round {round}"
            );
        }
    }

    #[test]
    fn many_mentions_resolve_quickly() {
        let cands: Vec<Cand> = (0..200_000)
            .map(|i| Cand {
                span: Span::new(i * 10, i * 10 + 5 + i % 9),
                kind: EntityKind::Place,
                canonical: String::new(),
                derived: false,
                prio: (i % 3) as u8,
            })
            .collect();
        let start = std::time::Instant::now();
        let kept = resolve_overlaps(cands);
        assert!(kept.len() > 100_000);
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
    }
}
