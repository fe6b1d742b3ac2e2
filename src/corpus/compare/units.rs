//! Normalised units of counted things: "Soldaten", "Truppen" and "troops" are all `soldiers`.
//!
//! A word is folded (umlauts, ß), lowercased and stripped of one inflection suffix (`-innen`,
//! `-en`, `-es`, `-e`, `-n`, `-s`); the stem is looked up in [`UNIT_LEMMAS`], whose words are
//! stemmed the same way. German compounds match on their head ("Artilleriegranaten" ends in the
//! stem of "Granate"), for table stems of four letters or more.

/// Surface words and the unit lemma they count. Durations are listed so that they can be
/// recognised and kept out of comparisons (see [`is_duration`]).
pub const UNIT_LEMMAS: &[(&str, &str)] = &[
    // People under arms. "Mann" is left out: "3.000 Mann" is as often losses as troops.
    ("Soldat", "soldiers"),
    ("Soldatin", "soldiers"),
    ("Truppe", "soldiers"),
    ("Kämpfer", "soldiers"),
    ("Kombattant", "soldiers"),
    ("soldier", "soldiers"),
    ("troop", "soldiers"),
    ("fighter", "soldiers"),
    ("Söldner", "soldiers"),
    // Ammunition and weapons.
    ("Granate", "shells"),
    ("Geschoss", "shells"),
    ("shell", "shells"),
    ("round", "shells"),
    ("Sprengkopf", "warheads"),
    ("Sprengköpfe", "warheads"),
    ("warhead", "warheads"),
    ("Rakete", "missiles"),
    ("Marschflugkörper", "missiles"),
    ("missile", "missiles"),
    ("rocket", "missiles"),
    ("Drohne", "drones"),
    ("drone", "drones"),
    ("Panzer", "tanks"),
    ("tank", "tanks"),
    ("Flugzeug", "aircraft"),
    ("aircraft", "aircraft"),
    // People.
    ("Mensch", "people"),
    ("Person", "people"),
    ("people", "people"),
    ("Einwohner", "people"),
    ("inhabitant", "people"),
    ("Tote", "deaths"),
    ("Todesopfer", "deaths"),
    ("death", "deaths"),
    ("dead", "deaths"),
    ("Verwundete", "wounded"),
    ("Verletzte", "wounded"),
    ("wounded", "wounded"),
    ("Flüchtling", "refugees"),
    ("refugee", "refugees"),
    // Measures and money.
    ("Prozent", "percent"),
    ("percent", "percent"),
    ("%", "percent"),
    ("Euro", "EUR"),
    ("€", "EUR"),
    ("Dollar", "USD"),
    ("$", "USD"),
    ("Tonne", "tonnes"),
    ("ton", "tonnes"),
    ("Kilometer", "km"),
    ("km", "km"),
    // Durations.
    ("Jahr", "years"),
    ("year", "years"),
    ("Monat", "months"),
    ("month", "months"),
    ("Woche", "weeks"),
    ("week", "weeks"),
    ("Tag", "days"),
    ("day", "days"),
    ("Stunde", "hours"),
    ("hour", "hours"),
];

/// Inflection suffixes stripped before lookup, longest first.
const SUFFIXES: &[&str] = &["innen", "en", "es", "e", "n", "s"];

/// Folds, lowercases and strips one inflection suffix, keeping at least three letters.
pub fn stem(word: &str) -> String {
    variants(word).pop().unwrap_or_default()
}

/// The folded, lowercased word followed by every form with one suffix stripped (at least three
/// letters kept); the last one is the shortest. Comparing sets of variants makes "Person" and
/// "Personen" meet although one strips `-n` and the other `-en`.
fn variants(word: &str) -> Vec<String> {
    let folded = crate::corpus::entity_index::fold_key(word.trim());
    let mut out = vec![folded.clone()];
    for suf in SUFFIXES.iter().rev() {
        if let Some(rest) = folded.strip_suffix(suf)
            && rest.chars().count() >= 3
        {
            out.push(rest.to_string());
        }
    }
    out.sort_by_key(|v| std::cmp::Reverse(v.len()));
    out.dedup();
    out
}

/// The unit lemma of a word ("Artilleriegranaten" -> `shells`), or `None` when it is not in
/// [`UNIT_LEMMAS`].
pub fn lemma(word: &str) -> Option<&'static str> {
    let ws = variants(word);
    if ws.iter().all(|w| w.is_empty()) {
        return None;
    }
    // Exact forms first, then compound heads with the longest table form.
    let mut best: Option<(usize, &'static str)> = None;
    for (w, l) in UNIT_LEMMAS {
        let ts = variants(w);
        if ws.iter().any(|x| ts.contains(x)) {
            return Some(l);
        }
        for t in &ts {
            if t.chars().count() >= 4
                && ws.iter().any(|x| x.ends_with(t.as_str()))
                && best.is_none_or(|(n, _)| t.len() > n)
            {
                best = Some((t.len(), l));
            }
        }
    }
    best.map(|(_, l)| l)
}

/// The unit key used to compare figures: the lemma when known, else the stem of the last word.
pub fn normalise(unit: &str) -> String {
    let last = unit.split_whitespace().last().unwrap_or("");
    match lemma(last) {
        Some(l) => l.to_string(),
        None => stem(last),
    }
}

/// True for units of time ("Jahren", "months"): durations are not counts of a thing.
pub fn is_duration(key: &str) -> bool {
    matches!(key, "years" | "months" | "weeks" | "days" | "hours")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soldiers_in_german_and_english_share_a_lemma() {
        for w in [
            "Soldaten",
            "Soldatinnen",
            "Soldat",
            "Truppen",
            "troops",
            "soldiers",
            "Kämpfer",
        ] {
            assert_eq!(lemma(w), Some("soldiers"), "{w}");
        }
    }

    #[test]
    fn compounds_match_on_their_head() {
        assert_eq!(lemma("Artilleriegranaten"), Some("shells"));
        assert_eq!(lemma("Granaten"), Some("shells"));
        assert_eq!(lemma("shells"), Some("shells"));
        assert_eq!(lemma("Atomsprengköpfe"), Some("warheads"));
        assert_eq!(lemma("Sprengköpfe"), Some("warheads"));
        assert_eq!(lemma("missiles"), Some("missiles"));
    }

    #[test]
    fn unknown_units_fall_back_to_their_stem() {
        assert_eq!(lemma("Kernwaffenstaaten"), None);
        assert_eq!(normalise("Depositarstaaten"), "depositarstaat");
        assert_eq!(normalise("Plätze"), normalise("Platzes"));
        assert_eq!(lemma("Personen"), lemma("Person"));
        assert_eq!(lemma("Tonnen"), Some("tonnes"));
        assert!(is_duration(&normalise("Jahren")));
        assert!(is_duration(&normalise("months")));
        assert!(!is_duration(&normalise("Soldaten")));
    }
}
