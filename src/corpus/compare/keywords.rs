//! Event keywords of a sentence: content words reduced to a stem, so that "unterzeichneten",
//! "unterzeichnet", "Unterzeichnung" and "Unterzeichnungszeremonie" meet.
//!
//! The stem drops one verb or noun ending (`-ungen`, `-ung`, `-eten`, `-ten`, `-te`, `-et`, `-en`,
//! `-ed`, `-ing`, `-s`, `-e`, `-t`). Two stems match when equal, or when the shorter (six letters or
//! more) begins the longer, which covers compounds whose first part names the event. A small
//! table, [`EVENT_LEMMAS`], gives common news events a display lemma and links English and
//! German verbs ("signed" and "unterzeichnen"); other content words keep their own stem.

/// Stems of common event words (as produced by [`stem`]) and their display lemma.
pub const EVENT_LEMMAS: &[(&str, &str)] = &[
    ("unterzeichn", "unterzeichnen"),
    ("sign", "unterzeichnen"),
    ("ratifizier", "ratifizieren"),
    ("ratifi", "ratifizieren"),
    ("veto", "Veto"),
    ("angriff", "angreifen"),
    ("angreif", "angreifen"),
    ("attack", "angreifen"),
    ("entsend", "entsenden"),
    ("entsand", "entsenden"),
    ("deploy", "entsenden"),
    ("einmarsch", "einmarschieren"),
    ("invad", "einmarschieren"),
    ("invasion", "einmarschieren"),
    ("besuch", "besuchen"),
    ("visit", "besuchen"),
    ("wahl", "wählen"),
    ("gewahl", "wählen"),
    ("elect", "wählen"),
    ("abstimm", "abstimmen"),
    ("abgestimm", "abstimmen"),
    ("vote", "abstimmen"),
    ("verhang", "verhängen"),
    ("sanktion", "Sanktionen"),
    ("sanction", "Sanktionen"),
    ("inkrafttret", "in Kraft treten"),
    ("festnahm", "festnehmen"),
    ("festgenomm", "festnehmen"),
    ("arrest", "festnehmen"),
    ("verhandl", "verhandeln"),
    ("negotiat", "verhandeln"),
    ("gipfel", "Gipfel"),
    ("summit", "Gipfel"),
];

/// Endings stripped by [`stem`], longest first.
const ENDINGS: &[&str] = &[
    "ungen", "eten", "ung", "ten", "ing", "te", "et", "en", "ed", "s", "e", "t",
];

/// Function words and very general words never used as event keywords (folded, lowercase).
const STOPWORDS: &[&str] = &[
    "aber", "alle", "allen", "aller", "alles", "als", "also", "auch", "auf", "aus", "bei", "beide",
    "beiden", "bereits", "bisher", "damit", "dann", "darin", "dass", "dabei", "dem", "den", "denn",
    "der", "des", "dessen", "die", "dies", "diese", "diesem", "diesen", "dieser", "dieses", "doch",
    "durch", "eine", "einem", "einen", "einer", "eines", "erst", "erstmals", "etwa", "fur",
    "gegen", "habe", "haben", "hatte", "hatten", "hier", "ihre", "ihrem", "ihren", "ihrer",
    "immer", "jedoch", "kaum", "kein", "keine", "konnte", "konnen", "mehr", "muss", "nach", "neue",
    "neuen", "neuer", "nicht", "noch", "nun", "oder", "ohne", "schon", "sehr", "sein", "seine",
    "seinem", "seinen", "seiner", "seit", "sich", "sind", "sollen", "soll", "sowie", "uber", "und",
    "unter", "viel", "viele", "vom", "von", "vor", "wahrend", "war", "waren", "weiter", "weiteren",
    "weitere", "wenn", "werden", "wird", "wurde", "wurden", "zwischen", "zudem", "zum", "zur",
    "about", "after", "also", "been", "before", "being", "from", "have", "into", "more", "other",
    "over", "since", "some", "such", "than", "that", "their", "them", "then", "there", "these",
    "they", "this", "those", "under", "were", "what", "when", "which", "while", "with", "would",
    "jahr", "jahre", "jahren", "jahres", "monat", "monate", "monaten", "woche", "wochen", "year",
    "years", "month", "months", "week", "weeks", "zeit", "time", "krieg", "krieges", "kriegs",
    "war", "land", "lander", "landes", "country", "staat", "staaten", "state", "states", "seite",
    "seiten", "teil", "rahmen", "fall", "falle", "anfang", "mitte", "ende", "beginn", "early",
    "late",
];

/// One content word of a sentence reduced to an event stem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keyword {
    /// The stem.
    pub stem: String,
    /// Display form: the table lemma when known, else the lowercased word.
    pub label: String,
    /// True when the stem is in [`EVENT_LEMMAS`].
    pub known: bool,
}

/// Folds, lowercases and strips one ending, keeping at least four letters.
pub fn stem(word: &str) -> String {
    let folded = crate::corpus::entity_index::fold_key(word);
    for e in ENDINGS {
        if let Some(rest) = folded.strip_suffix(e)
            && rest.chars().count() >= 4
        {
            return rest.to_string();
        }
    }
    folded
}

/// True when two stems name the same event word (equal, or a prefix of six letters or more).
pub fn is_match(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long || (short.chars().count() >= 6 && long.starts_with(short))
}

/// The keyword of one word, or `None` for stopwords, numbers and short words.
pub fn keyword(word: &str) -> Option<Keyword> {
    let folded = crate::corpus::entity_index::fold_key(word);
    if folded.chars().count() < 4
        || !folded.chars().all(char::is_alphabetic)
        || STOPWORDS.contains(&folded.as_str())
    {
        return None;
    }
    let s = stem(word);
    let known = EVENT_LEMMAS
        .iter()
        .filter(|(k, _)| is_match(k, &s))
        .max_by_key(|(k, _)| k.len());
    match known {
        Some((k, l)) => Some(Keyword {
            stem: (*k).to_string(),
            label: (*l).to_string(),
            known: true,
        }),
        // Unknown words must be long enough to say something on their own.
        None if s.chars().count() >= 5 => Some(Keyword {
            stem: s,
            label: folded,
            known: false,
        }),
        None => None,
    }
}

/// True when the two keywords match; known lemmas compare by lemma, so "signed" meets
/// "unterzeichnet".
pub fn keywords_match(a: &Keyword, b: &Keyword) -> bool {
    if a.known && b.known {
        return a.label == b.label;
    }
    is_match(&a.stem, &b.stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signing_words_share_a_lemma_across_languages_and_word_classes() {
        let words = [
            "unterzeichneten",
            "unterzeichnet",
            "Unterzeichnung",
            "Unterzeichnungszeremonie",
            "signed",
            "signing",
        ];
        let kws: Vec<Keyword> = words.iter().map(|w| keyword(w).unwrap()).collect();
        for k in &kws {
            assert_eq!(k.label, "unterzeichnen");
            assert!(keywords_match(k, &kws[0]));
        }
    }

    #[test]
    fn short_table_stems_need_an_exact_match() {
        assert!(!keyword("signalisiert").unwrap().known);
        assert_eq!(keyword("Vetos").unwrap().label, "Veto");
    }

    #[test]
    fn stopwords_and_short_words_are_not_keywords() {
        assert!(keyword("zwischen").is_none());
        assert!(keyword("und").is_none());
        assert!(keyword("Jahren").is_none());
        assert!(keyword("2024").is_none());
    }

    #[test]
    fn unknown_words_match_by_stem() {
        let a = keyword("Expertengremiums").unwrap();
        let b = keyword("Expertengremium").unwrap();
        assert!(keywords_match(&a, &b));
        let c = keyword("Halbleiter").unwrap();
        assert!(!keywords_match(&a, &c));
    }
}
