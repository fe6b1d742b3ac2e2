//! Quantities by rules over tokens: "10.000-12.000 Soldaten", "1,6 Millionen Granaten",
//! "circa 1,32 Millionen", "20 bis 60", "1.500", and vague counts such as "Tausende".
//!
//! Works on the tokens of one sentence; returns normalised [`Quantity`] values. No terminal imports.

use super::text::{Token, TokenKind};
use crate::model::{Quantity, Span};

/// Words that make a figure approximate when they precede it.
const APPROX: &[&str] = &[
    "circa",
    "ca.",
    "etwa",
    "rund",
    "ungefähr",
    "knapp",
    "fast",
    "beinahe",
    "über",
    "mehr",
    "weniger",
    "mindestens",
    "höchstens",
    "bis",
    "zirka",
    "schätzungsweise",
    "annähernd",
    "gut",
    "about",
    "around",
    "approximately",
    "nearly",
    "almost",
    "over",
    "some",
    "roughly",
];

/// Scale words and their factors.
const SCALES: &[(&str, f64)] = &[
    ("tausend", 1e3),
    ("tsd.", 1e3),
    ("million", 1e6),
    ("millionen", 1e6),
    ("mio.", 1e6),
    ("milliarde", 1e9),
    ("milliarden", 1e9),
    ("mrd.", 1e9),
    ("billion", 1e12),
    ("billionen", 1e12),
    ("thousand", 1e3),
    ("millions", 1e6),
    ("billions", 1e9),
];

/// Number words counted as figures.
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("zwei", 2.0),
    ("drei", 3.0),
    ("vier", 4.0),
    ("fünf", 5.0),
    ("sechs", 6.0),
    ("sieben", 7.0),
    ("acht", 8.0),
    ("neun", 9.0),
    ("zehn", 10.0),
    ("elf", 11.0),
    ("zwölf", 12.0),
    ("zwanzig", 20.0),
    ("hundert", 100.0),
    ("dutzend", 12.0),
];

/// Vague plural counts: word, lower bound, upper bound.
const VAGUE: &[(&str, f64, f64)] = &[
    ("dutzende", 24.0, 99.0),
    ("hunderte", 200.0, 999.0),
    ("tausende", 2000.0, 9999.0),
    ("zehntausende", 20000.0, 99999.0),
    ("hunderttausende", 200000.0, 999999.0),
    ("millionen", 2e6, 9.99e6),
    ("thousands", 2000.0, 9999.0),
    ("hundreds", 200.0, 999.0),
    ("dozens", 24.0, 99.0),
];

/// Words that make a following "hundert"/"tausend" a vague count ("mehrere hundert Soldaten",
/// "several thousand troops"): the number word only gives the order of magnitude.
const QUANTIFIERS: &[&str] = &[
    "mehrere", "einige", "etliche", "viele", "several", "some", "many", "few",
];

/// Order-of-magnitude words a quantifier can precede, with their factor.
const MAGNITUDES: &[(&str, f64)] = &[
    ("hundert", 1e2),
    ("tausend", 1e3),
    ("hundred", 1e2),
    ("thousand", 1e3),
];

/// True when a quantity as written is a vague count ("Tausende", "mehrere hundert", "dozens"):
/// its bounds are an order of magnitude, not a figure anyone gave.
pub fn is_vague(text: &str) -> bool {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        VAGUE.iter().any(|(v, _, _)| v == w)
            || (QUANTIFIERS.contains(&w.as_str())
                && words
                    .get(i + 1)
                    .is_some_and(|n| MAGNITUDES.iter().any(|(m, _)| m == n)))
    })
}

/// Units written as symbols or lowercase words.
const UNIT_WORDS: &[&str] = &[
    "%",
    "prozent",
    "percent",
    "km",
    "kg",
    "t",
    "m",
    "mm",
    "cm",
    "€",
    "$",
    "euro",
    "dollar",
    "kilometer",
    "tonnen",
];

/// Capitalised function words that are never units after a number (months neither: see
/// [`crate::dates::month_of`]).
const NOT_UNITS: &[&str] = &["uhr", "und", "bis", "der", "die", "das"];

/// Parses a German or English number ("10.000", "1,6", "1,500.5") to a value.
pub fn parse_number(s: &str) -> Option<f64> {
    let dots = s.matches('.').count();
    let commas = s.matches(',').count();
    let normal: String = if commas == 1 && dots == 0 {
        // German decimal comma, unless it looks like an English thousands group ("1,500").
        let (_, frac) = s.split_once(',')?;
        if frac.len() == 3 && s.len() > 4 {
            s.replace(',', "")
        } else {
            s.replace(',', ".")
        }
    } else if dots >= 1 && commas == 0 {
        // "10.000" thousands; "1.5" English decimal when the last group is not three digits.
        let last = s.rsplit('.').next().unwrap_or("");
        if last.len() == 3 {
            s.replace('.', "")
        } else if dots == 1 {
            s.to_string()
        } else {
            return None;
        }
    } else if dots >= 1 && commas == 1 {
        // "1.234,5" German.
        s.replace('.', "").replace(',', ".")
    } else if commas > 1 && dots == 0 {
        s.replace(',', "")
    } else {
        s.to_string()
    };
    normal.parse().ok()
}

/// Finds quantities in one sentence's tokens (`strs[i]` is the text of `tokens[i]`).
pub fn find(tokens: &[Token], strs: &[&str]) -> Vec<Quantity> {
    let lowers: Vec<std::borrow::Cow<str>> =
        strs.iter().map(|w| super::text::lowercase(w)).collect();
    let lowers: Vec<&str> = lowers.iter().map(|l| l.as_ref()).collect();
    find_lowered(tokens, strs, &lowers)
}

/// [`find`] given the lowercase forms of the tokens (`lowers[i]` is `strs[i]` lowercased).
pub fn find_lowered(tokens: &[Token], strs: &[&str], lowers: &[&str]) -> Vec<Quantity> {
    let mut out = Vec::new();
    let n = tokens.len();
    let lower = |i: usize| std::borrow::Cow::Borrowed(lowers[i]);
    let mut i = 0;
    while i < n {
        // Only words are compared with the word lists below.
        let l = if tokens[i].kind == TokenKind::Word {
            lower(i)
        } else {
            std::borrow::Cow::Borrowed("")
        };
        // "[1]", "[12]": a footnote or reference mark, not a figure.
        let footnote = tokens[i].kind == TokenKind::Number
            && i > 0
            && strs[i - 1] == "["
            && strs.get(i + 1) == Some(&"]")
            && !strs[i].contains(['.', ',']);
        let first_value = match tokens[i].kind {
            TokenKind::Number if footnote => None,
            TokenKind::Number => parse_number(strs[i]),
            TokenKind::Word => NUMBER_WORDS.iter().find(|(w, _)| *w == l).map(|&(_, v)| v),
            _ => None,
        };
        let quantified = if tokens[i].kind == TokenKind::Word
            && QUANTIFIERS.contains(&l.as_ref())
            && i + 1 < n
            && tokens[i + 1].kind == TokenKind::Word
        {
            MAGNITUDES
                .iter()
                .find(|(w, _)| *w == lowers[i + 1])
                .map(|&(_, f)| (2.0 * f, 10.0 * f - 1.0))
        } else {
            None
        };
        let vague = if quantified.is_some() {
            quantified
        } else if tokens[i].kind == TokenKind::Word
            && strs[i].chars().next().is_some_and(char::is_uppercase)
        {
            VAGUE
                .iter()
                .find(|(w, _, _)| *w == l)
                .map(|&(_, a, b)| (a, b))
        } else {
            None
        };
        if first_value.is_none() && vague.is_none() {
            i += 1;
            continue;
        }
        let mut start = i;
        let mut approximate = false;
        if i > 0 {
            let p = lower(i - 1);
            if APPROX.contains(&p.as_ref()) {
                approximate = true;
                start = i - 1;
                if p == "bis" {
                    // "bis zu" reads "up to" but "20 bis 60" is a range handled below.
                    approximate = false;
                    start = i;
                }
                if i > 1 && matches!(p.as_ref(), "mehr" | "weniger") {
                    start = i - 1;
                }
            } else if p == "als" && i > 1 && matches!(lower(i - 2).as_ref(), "mehr" | "weniger") {
                approximate = true;
                start = i - 2;
            }
        }
        let (mut min, mut max, mut j) = if let Some((a, b)) = vague {
            approximate = true;
            // "mehrere hundert" spans the quantifier and the number word.
            (a, b, if quantified.is_some() { i + 2 } else { i + 1 })
        } else {
            let v = first_value.unwrap_or(0.0);
            (v, v, i + 1)
        };
        // Bare years are dates, not quantities.
        let is_year = tokens[i].kind == TokenKind::Number
            && strs[i].len() == 4
            && !strs[i].contains(['.', ','])
            && (1800.0..=2100.0).contains(&min);
        // Range: "10.000-12.000", "20 bis 60", "zwischen 2 und 3".
        if vague.is_none()
            && j + 1 < n
            && matches!(strs[j], "-" | "–" | "bis" | "to")
            && tokens[j + 1].kind == TokenKind::Number
            && let Some(hi) = parse_number(strs[j + 1])
            && hi > min
        {
            max = hi;
            j += 2;
        }
        let range_end = j;
        // Scale: "1,6 Millionen".
        if vague.is_none()
            && j < n
            && let Some(&(_, f)) = SCALES.iter().find(|(w, _)| *w == lower(j))
        {
            min *= f;
            max *= f;
            j += 1;
        }
        if is_year && range_end == i + 1 && j == i + 1 {
            // "2024" alone or "2014-2023": leave to the date finder.
            i += 1;
            continue;
        }
        if is_year && range_end > i + 1 && j == range_end {
            i = j;
            continue;
        }
        // Unit: a symbol, a unit word, or a capitalised noun ("Soldaten"); "von" + noun for vague.
        let mut unit = None;
        if j < n {
            let u = strs[j];
            let ul = u.to_lowercase();
            let is_noun = tokens[j].kind == TokenKind::Word
                && u.chars().next().is_some_and(char::is_uppercase)
                && !NOT_UNITS.contains(&ul.as_ref())
                && crate::dates::month_of(ul.trim_end_matches('.')).is_none();
            if UNIT_WORDS.contains(&ul.as_ref()) || is_noun {
                unit = Some(u.to_string());
                j += 1;
            } else if vague.is_some()
                && ul == "von"
                && j + 1 < n
                && strs[j + 1].chars().next().is_some_and(char::is_uppercase)
            {
                unit = Some(strs[j + 1].to_string());
                j += 2;
            } else if vague.is_some() && j + 1 < n && ul.starts_with("von") {
                // "Tausende von nordkoreanischen Soldaten": adjective in between.
            }
        }
        if vague.is_some()
            && unit.is_none()
            && j + 2 < n
            && lower(j) == "von"
            && strs[j + 2].chars().next().is_some_and(char::is_uppercase)
        {
            unit = Some(strs[j + 2].to_string());
            j += 3;
        }
        // Number words need a unit to count ("zwei Atommächten"), else they are too vague.
        if tokens[i].kind == TokenKind::Word && vague.is_none() && unit.is_none() {
            i += 1;
            continue;
        }
        let span = Span::new(tokens[start].span.start, tokens[j - 1].span.end);
        out.push(Quantity {
            span,
            text: String::new(),
            min,
            max,
            unit,
            approximate,
        });
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::tokenize;

    fn q(text: &str) -> Vec<Quantity> {
        let toks = tokenize(text, 0);
        let strs: Vec<&str> = toks
            .iter()
            .map(|t| &text[t.span.start..t.span.end])
            .collect();
        let mut v = find(&toks, &strs);
        for x in &mut v {
            x.text = text[x.span.start..x.span.end].to_string();
        }
        v
    }

    #[test]
    fn ranges_with_units() {
        let v = q("Pjöngjang schickte 10.000-12.000 Soldaten nach Russland.");
        assert_eq!(v.len(), 1);
        assert_eq!((v[0].min, v[0].max), (10000.0, 12000.0));
        assert_eq!(v[0].unit.as_deref(), Some("Soldaten"));
        assert_eq!(v[0].text, "10.000-12.000 Soldaten");
    }

    #[test]
    fn scales_multiply() {
        let v = q("rund 1,6 Millionen Granaten");
        assert_eq!(v[0].min, 1_600_000.0);
        assert_eq!(v[0].unit.as_deref(), Some("Granaten"));
        assert!(v[0].approximate);
        let v = q("circa 1,32 Millionen");
        assert_eq!(v[0].min, 1_320_000.0);
        assert!(v[0].approximate);
        assert_eq!(v[0].text, "circa 1,32 Millionen");
    }

    #[test]
    fn footnote_marks_are_not_quantities() {
        assert!(q("Das zeigt die Studie [1] deutlich.").is_empty());
        let v = q("Die Studie [12] nennt 300 Fälle.");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].min, 300.0);
    }

    #[test]
    fn plain_numbers_ranges_and_vague_counts() {
        assert_eq!(q("1.500 Raketen")[0].min, 1500.0);
        let v = q("20 bis 60 Raketen");
        assert_eq!((v[0].min, v[0].max), (20.0, 60.0));
        let v = q("Tausende von Soldaten");
        assert!(v[0].approximate);
        assert_eq!(v[0].unit.as_deref(), Some("Soldaten"));
        assert_eq!(q("mehr als 50 Prozent")[0].unit.as_deref(), Some("Prozent"));
    }

    #[test]
    fn quantifiers_before_hundred_or_thousand_make_a_vague_count() {
        let v = q("Pjöngjang schickte mehrere hundert Soldaten.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!((v[0].min, v[0].max), (200.0, 999.0));
        assert_eq!(v[0].unit.as_deref(), Some("Soldaten"));
        assert_eq!(v[0].text, "mehrere hundert Soldaten");
        assert!(is_vague(&v[0].text));
        assert!(is_vague("Tausende von Soldaten"));
        assert!(is_vague("several thousand troops"));
        assert!(!is_vague("10.000-12.000 Soldaten"));
        assert!(!is_vague("etwa 1.500 Soldaten"));
    }

    #[test]
    fn years_are_not_quantities() {
        assert!(q("im Jahr 2024 und von 2014-2023").is_empty());
    }
}
