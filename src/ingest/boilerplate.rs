//! Generic rules that recognise page furniture and references in article text.
//!
//! Boilerplate is UI, paywall, sharing, image, licence and subscription text that web pages and
//! PDFs wrap around an article; references are footnotes, citations and bare URLs. The rules are
//! vocabulary and shape based and never name one article. Pure; must not import UI crates.

/// Whole lines (compared case-insensitively, trailing punctuation ignored) that are page furniture.
const FURNITURE_LINES: &[&str] = &[
    "teilen",
    "artikel teilen",
    "share",
    "share this",
    "share this article",
    "bild",
    "foto",
    "image",
    "photo",
    "lizenz",
    "license",
    "licence",
    "alle rechte vorbehalten",
    "all rights reserved",
    "meine news",
    "mehr von den autoren",
    "mehr von dem autor",
    "mehr von der autorin",
    "mehr vom autor",
    "mehr zum thema",
    "mehr zum autor",
    "drucken",
    "print",
    "merken",
    "kommentare",
    "kommentieren",
    "anzeige",
    "werbung",
    "advertisement",
    "weiterlesen",
    "read more",
    "newsletter",
    "jetzt abonnieren",
    "abonnieren",
    "subscribe",
    "login",
    "anmelden",
    "einloggen",
    "registrieren",
    "online exklusiv",
    "online exclusive",
    "exklusiv",
    "plus",
    "premium",
    "audio",
    "video",
    "podcast",
    "feedback",
    "nach oben",
    "zurück",
    "back to top",
    "tweet",
    "facebook",
    "twitter",
    "whatsapp",
    "e-mail",
    "email",
    "linkedin",
    "xing",
    "pocket",
    "link kopieren",
    "copy link",
    "themen",
    "schlagworte",
    "tags",
    "artikel anhören",
    "vorlesen",
    "listen",
    "zur startseite",
    "startseite",
    "home",
    "menü",
    "menu",
    "suche",
    "search",
    "cookie-einstellungen",
    "datenschutz",
    "impressum",
];

/// Line openings that mark furniture (compared case-insensitively).
const FURNITURE_PREFIXES: &[&str] = &[
    "bild:",
    "foto:",
    "fotos:",
    "image:",
    "photo:",
    "bildquelle",
    "quelle:",
    "source:",
    "disclaimer:",
    "haftungsausschluss:",
    "copyright",
    "©",
    "(c) ",
    "lizenz:",
    "license:",
    "für vollzugriff",
    "artikel können sie",
    "sie haben noch",
    "jetzt weiterlesen",
    "um diesen artikel",
    "mit einem abo",
    "abo abschließen",
    "jetzt abo",
    "zum abo",
    "jetzt testen",
    "sign up",
    "already a subscriber",
    "bereits abonnent",
    "lesen sie auch",
    "lesen sie mehr",
    "auch interessant",
    "read also",
    "related:",
    "mehr zum thema:",
];

/// Phrases that mark furniture anywhere in a short line.
const FURNITURE_PHRASES: &[&str] = &[
    "alle rechte vorbehalten",
    "all rights reserved",
    "kostenlos lesen",
    "vollzugriff",
    "bitte einloggen",
    "please log in",
    "log in to read",
    "cookies akzeptieren",
];

/// Words of subscription pitches; two of them in one short paragraph make it a pitch.
const PITCH_WORDS: &[&str] = &[
    " abo ",
    " abo,",
    " abo.",
    " abos",
    "abonn",
    "kostenlos",
    "qualitätsjournalismus",
    "unser angebot",
    "subscribe",
    "subscription",
    "paywall",
    "einloggen",
    "registrieren",
    "newsletter",
    "freuen uns",
    "unterstützen sie",
    "support our",
    "free articles",
];

/// Kicker words shown above a headline ("Analyse", "Kommentar"); furniture only near the top.
const KICKERS: &[&str] = &[
    "analyse",
    "kommentar",
    "meinung",
    "interview",
    "gastbeitrag",
    "essay",
    "reportage",
    "hintergrund",
    "exklusiv",
    "online exklusiv",
    "eilmeldung",
    "liveblog",
    "kolumne",
    "leitartikel",
    "opinion",
    "analysis",
    "commentary",
    "op-ed",
    "exclusive",
    "feature",
    "breaking news",
    "news",
    "nachrichten",
    "politik",
    "wirtschaft",
    "kultur",
    "ausland",
    "inland",
    "international",
    "world",
    "welt",
];

/// Headings that open a block of references ("Bibliografische Angaben", "Literatur").
const REFERENCE_HEADINGS: &[&str] = &[
    "bibliografische angaben",
    "bibliographische angaben",
    "bibliographic information",
    "literatur",
    "literaturverzeichnis",
    "quellen",
    "quellenverzeichnis",
    "references",
    "bibliography",
    "sources",
    "notes",
    "endnotes",
    "fußnoten",
    "anmerkungen",
    "einzelnachweise",
    "zitierweise",
    "zitiervorschlag",
    "how to cite",
    "further reading",
    "weiterführende literatur",
];

fn normalised(line: &str) -> String {
    let line = line.replace('\u{a0}', " ");
    line.trim()
        .trim_end_matches(['.', ':', '!', ' '])
        .trim()
        .to_lowercase()
}

/// True when [`normalised`] `line` is one of `list`, without lowercasing a line too long to be.
fn normalised_in(line: &str, list: &[&str]) -> bool {
    // Lowercasing never lowers the count of chars, and this trims at least what `normalised`
    // trims, so a line with more chars than every entry matches none.
    let longest = list.iter().map(|w| w.chars().count()).max().unwrap_or(0);
    let core = line
        .trim()
        .trim_end_matches(|c: char| matches!(c, '.' | ':' | '!') || c.is_whitespace());
    if core.chars().take(longest + 1).count() > longest {
        return false;
    }
    list.contains(&normalised(line).as_str())
}

/// True when `text` lowercased starts with `prefix`, lowercasing only as much as that takes.
fn starts_with_lower(text: &str, prefix: &str) -> bool {
    let head: String = text
        .chars()
        .take(prefix.chars().count())
        .flat_map(char::to_lowercase)
        .collect();
    head.starts_with(prefix)
}

/// True for a line that is page furniture: paywall, sharing, image, licence, UI or pitch text.
pub(crate) fn is_boilerplate(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() {
        return true;
    }
    if normalised_in(t, FURNITURE_LINES) || is_lone_number(t) || is_file_size(t) {
        return true;
    }
    let chars = t.chars().count();
    if chars > 600 {
        // Every other test below is for shorter text.
        return starts_with_lower(t, "disclaimer");
    }
    let lower = t.to_lowercase().replace('\u{a0}', " ");
    if chars <= 300 && FURNITURE_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    // Disclaimers can be long; they never start an article's own paragraph this way.
    if lower.starts_with("disclaimer") {
        return true;
    }
    if chars <= 300 && FURNITURE_PHRASES.iter().any(|p| lower.contains(p)) {
        return true;
    }
    if chars <= 300 && has_issn(&lower) {
        return true;
    }
    if chars <= 600 {
        let padded = format!(" {lower} ");
        let hits = PITCH_WORDS.iter().filter(|w| padded.contains(*w)).count();
        if hits >= 2 {
            return true;
        }
    }
    is_photo_caption(t)
}

/// True for a short kicker line ("Analyse", "Online exklusiv") as shown above a headline.
pub(crate) fn is_kicker(text: &str) -> bool {
    normalised_in(text, KICKERS)
}

/// True for a heading that opens a block of references.
pub(crate) fn is_reference_heading(text: &str) -> bool {
    normalised_in(text, REFERENCE_HEADINGS)
}

/// True for a line with an ISSN or e-ISSN.
pub(crate) fn has_issn(lower: &str) -> bool {
    lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| w == "issn" || w == "e-issn")
}

fn is_lone_number(t: &str) -> bool {
    t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit())
}

fn is_file_size(t: &str) -> bool {
    let Some((num, unit)) = t.rsplit_once(' ').or_else(|| {
        let idx = t.find(|c: char| c.is_alphabetic())?;
        Some((&t[..idx], &t[idx..]))
    }) else {
        return false;
    };
    let num = num.trim();
    let is_num = !num.is_empty()
        && num
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',');
    let units = ["b", "kb", "mb", "gb", "kib", "mib", "gib", "byte", "bytes"];
    is_num && units.contains(&unit.trim().to_lowercase().as_str())
}

/// A caption that ends with a photo credit in parentheses, or that names its image source.
fn is_photo_caption(t: &str) -> bool {
    if t.chars().count() > 400 {
        return false;
    }
    let lower = t.to_lowercase().replace('\u{a0}', " ");
    if let Some(open) = lower.rfind('(')
        && lower.ends_with(')')
    {
        let credit = &lower[open..];
        let agencies = [
            "ap",
            "dpa",
            "afp",
            "reuters",
            "getty",
            "imago",
            "sputnik",
            "epa",
            "picture alliance",
            "foto",
            "photo",
            "bild",
            "keystone",
            "apa",
            "anadolu",
            "xinhua",
            "shutterstock",
        ];
        let words: Vec<&str> = credit
            .split(|c: char| !c.is_alphanumeric() && c != ' ')
            .flat_map(|p| p.split(' '))
            .filter(|w| !w.is_empty())
            .collect();
        let has_agency = agencies.iter().any(|a| {
            if a.contains(' ') {
                credit.contains(a)
            } else {
                words.contains(a)
            }
        });
        if has_agency && (credit.contains('/') || credit.contains(" via ") || credit.contains(','))
        {
            return true;
        }
    }
    // "Der gefälschte Ausweis … Quelle: offizielle Telegram-Seite": a caption with its source.
    t.chars().count() <= 250 && (lower.contains(". quelle:") || lower.contains(". foto:"))
}

/// True for a footnote, citation or bare URL line.
pub(crate) fn is_reference(text: &str) -> bool {
    let t = text.trim();
    let chars = t.chars().count();
    if t.is_empty() || chars > 600 {
        return false;
    }
    let first = t.chars().next().unwrap_or(' ');
    if first == '^' || is_superscript_digit(first) {
        return true;
    }
    if is_bare_url(t) {
        return true;
    }
    if let Some(rest) = strip_footnote_marker(t) {
        return is_citation_like(rest);
    }
    is_citation_like(t)
}

fn is_superscript_digit(c: char) -> bool {
    matches!(c, '¹' | '²' | '³' | '⁴' | '⁵' | '⁶' | '⁷' | '⁸' | '⁹' | '⁰')
}

/// The text after a footnote marker: `*`, `[n]`, `n.` or `n)`.
fn strip_footnote_marker(t: &str) -> Option<&str> {
    if let Some(rest) = t.strip_prefix('*') {
        return Some(rest.trim_start());
    }
    if let Some(rest) = t.strip_prefix('[') {
        let (num, after) = rest.split_once(']')?;
        return (!num.is_empty() && num.len() <= 3 && num.bytes().all(|b| b.is_ascii_digit()))
            .then(|| after.trim_start());
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let after = &t[digits..];
        let after = after
            .strip_prefix('.')
            .or_else(|| after.strip_prefix(')'))
            .unwrap_or(after);
        if after.starts_with(' ') {
            return Some(after.trim_start());
        }
    }
    None
}

/// True when the whole line is one URL.
pub(crate) fn is_bare_url(t: &str) -> bool {
    let t = t.trim().trim_start_matches('<').trim_end_matches('>');
    !t.contains(char::is_whitespace) && is_url(t)
}

/// True when `word` starts like a URL.
pub(crate) fn is_url(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.")
}

/// True for text that reads like a bibliographic citation.
fn is_citation_like(t: &str) -> bool {
    let chars = t.chars().count();
    let lower = t.to_lowercase();
    if lower.starts_with("vgl.") || lower.starts_with("ibid") || lower.starts_with("ebd.") {
        return true;
    }
    if chars > 500 {
        return false;
    }
    if lower.contains("vgl. http")
        || lower.contains("vgl. www")
        || lower.contains("retrieved from http")
    {
        return true;
    }
    if ends_with_url(t) && chars <= 400 {
        return true;
    }
    has_author_year(t)
}

fn ends_with_url(t: &str) -> bool {
    t.split_whitespace()
        .last()
        .is_some_and(|w| is_url(w.trim_end_matches(['.', ')', ','])))
}

/// "Name / Name (2024):" or "Name (2024)." near the start of a line.
fn has_author_year(t: &str) -> bool {
    let Some(open) = t.find('(') else {
        return false;
    };
    if open == 0 || t[..open].chars().count() > 120 {
        return false;
    }
    let head = t[..open].trim();
    if !head.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let rest = &t[open + 1..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 {
        return false;
    }
    let after = rest[digits..].trim_start_matches(|c: char| c.is_ascii_lowercase());
    let Some(after) = after.strip_prefix(')') else {
        return false;
    };
    let after = after.trim_start();
    // The head must read like names: few words, most capitalised.
    let words: Vec<&str> = head
        .split_whitespace()
        .filter(|w| *w != "/" && *w != "&")
        .collect();
    let caps = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    (after.starts_with(':') || after.starts_with('.') || after.starts_with(','))
        && !words.is_empty()
        && words.len() <= 10
        && caps * 2 >= words.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_furniture_lines_are_boilerplate() {
        for line in [
            "Teilen",
            "Bild",
            "Bild: Putin und Kim",
            "Lizenz",
            "Alle Rechte vorbehalten",
            "Meine news",
            "7 MB",
            "0",
            "Für Vollzugriff bitte einloggen.",
            "Artikel können Sie noch kostenlos lesen.",
            "Mehr von den Autoren",
            "XXI: 2024 e-ISSN 2451-0610 ISSN 1733-2680",
            "© 2024 Example Verlag",
            "Disclaimer: The views expressed belong solely to the authors.",
            "Online exklusiv",
        ] {
            assert!(is_boilerplate(line), "{line}");
        }
    }

    #[test]
    fn prose_is_not_boilerplate() {
        for line in [
            "Die Regierung teilte am Mittwoch mit, sie habe gesicherte Erkenntnisse.",
            "Hintergrund",
            "Teilen ist ein Grundprinzip der Genossenschaft.",
            "In 2024 wurden 12 MB Daten übertragen, hieß es.",
        ] {
            assert!(!is_boilerplate(line), "{line}");
        }
    }

    #[test]
    fn footnotes_citations_and_urls_are_references() {
        for line in [
            "^{* &quot;WeltTrends&quot;, 202, Herbst 2024, S. 5–12.",
            "² Kelsey Davenport (2024): Russia Uses Missiles. März 2024, vgl. https://example.org/x",
            "⁴ Ibid.",
            "Victor Cha / Ellen Kim (2024): The New Alliance. CSIS, 20. Juni 2024, vgl. https://e.org",
            "Xiaoming Zhang (2002): Red Wings over the Yalu. Texas A&M University Press.",
            "[3] Doe, J. Title. https://example.org/paper",
            "https://example.org/a/b",
            "Lara Jakes. What Weapons? New York Times, 17. Juni 2024. https://www.nytimes.com/x.html.",
        ] {
            assert!(is_reference(line), "{line}");
        }
    }

    #[test]
    fn prose_and_bullets_are_not_references() {
        for line in [
            "Die USA (2024) sind besorgt, sagte der Sprecher.",
            "Im Koreakrieg (1950-1953) starben viele Menschen.",
            "* Ein Punkt einer Liste ohne Quelle",
            "Russland und Nordkorea schmieden eine neue Allianz*",
        ] {
            assert!(!is_reference(line), "{line}");
        }
    }
}
