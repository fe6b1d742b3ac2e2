//! Citation keys: short, stable names for articles (`havertz2024russland`), the same on every
//! export of the same corpus, unique within it.
//!
//! A key is the first author's family name (or the outlet, else `anon`), the year, and the
//! first title word of four or more letters, folded to lowercase ASCII. Articles that would
//! share a key are told apart by a letter suffix given in content-id order, so the key of an
//! article does not depend on the order bookmarks were made or files were read.

use super::ArticleMeta;
use std::collections::HashMap;

/// The key of `meta` before collisions are resolved.
pub fn base_key(meta: &ArticleMeta) -> String {
    let who = meta
        .authors
        .first()
        .and_then(|a| family_name(a))
        .or_else(|| meta.outlet.as_deref().map(str::to_string))
        .map(|s| fold(&s))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "anon".to_string());
    let year = meta.date.map(|d| d.year.to_string()).unwrap_or_default();
    let word = meta
        .title
        .split(|c: char| !c.is_alphanumeric())
        .map(fold)
        .find(|w| w.chars().count() >= 4)
        .unwrap_or_default();
    format!("{who}{year}{word}")
}

/// Keys for every article in `metas`, in the same order, unique among them.
pub fn assign(metas: &[&ArticleMeta]) -> Vec<String> {
    let bases: Vec<String> = metas.iter().map(|m| base_key(m)).collect();
    let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, b) in bases.iter().enumerate() {
        groups.entry(b.as_str()).or_default().push(i);
    }
    let mut keys = bases.clone();
    for (base, mut members) in groups {
        if members.len() < 2 {
            continue;
        }
        members.sort_by(|&a, &b| metas[a].id.0.cmp(&metas[b].id.0).then(a.cmp(&b)));
        let distinct = members
            .windows(2)
            .filter(|w| metas[w[0]].id != metas[w[1]].id)
            .count();
        if distinct == 0 {
            continue;
        }
        // The same article met twice (found and gone) keeps one key.
        let mut n = 0;
        for (k, &i) in members.iter().enumerate() {
            if k > 0 && metas[members[k - 1]].id != metas[i].id {
                n += 1;
            }
            keys[i] = format!("{base}{}", suffix(n));
        }
    }
    keys
}

/// `a`, `b`, … `z`, `aa`, `ab`, …
fn suffix(mut n: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'a' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    String::from_utf8_lossy(&out).into_owned()
}

/// The family name in a display name: the last word, with particles (`von`, `de`) in front.
pub fn family_name(name: &str) -> Option<String> {
    let (_, family) = split_name(name);
    (!family.is_empty()).then_some(family)
}

/// Splits a display name into given names and family name (particles stay with the family
/// name): `"Ursula von der Leyen"` → (`"Ursula"`, `"von der Leyen"`). `"Leyen, Ursula von der"`
/// is read as family, given.
pub fn split_name(name: &str) -> (String, String) {
    let name = name.trim();
    if let Some((family, given)) = name.split_once(',') {
        return (given.trim().to_string(), family.trim().to_string());
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some((&last, rest)) = words.split_last() else {
        return (String::new(), String::new());
    };
    let mut first_family = rest.len();
    while first_family > 0
        && rest[first_family - 1]
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
    {
        first_family -= 1;
    }
    let given = rest[..first_family].join(" ");
    let mut family: Vec<&str> = rest[first_family..].to_vec();
    family.push(last);
    (given, family.join(" "))
}

/// Lowercase ASCII letters and digits only; common Latin letters with diacritics are
/// transliterated (`ü` → `ue`, `é` → `e`, `ß` → `ss`), anything else dropped.
pub fn fold(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            'ä' | 'æ' => out.push_str("ae"),
            'ö' | 'ø' | 'œ' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            'à' | 'á' | 'â' | 'ã' | 'å' | 'ą' | 'ă' | 'ā' => out.push('a'),
            'ç' | 'ć' | 'č' => out.push('c'),
            'ď' | 'đ' => out.push('d'),
            'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' | 'ē' => out.push('e'),
            'ğ' => out.push('g'),
            'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ī' => out.push('i'),
            'ł' | 'ľ' => out.push('l'),
            'ñ' | 'ń' | 'ň' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ő' | 'ō' => out.push('o'),
            'ř' => out.push('r'),
            'ś' | 'š' | 'ş' | 'ș' => out.push('s'),
            'ť' | 'ţ' | 'ț' => out.push('t'),
            'ù' | 'ú' | 'û' | 'ů' | 'ű' | 'ū' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'ź' | 'ż' | 'ž' => out.push('z'),
            _ => {}
        }
    }
    out
}

/// Keys for the articles of an export, in its order.
pub fn for_items(items: &[super::ExportArticle]) -> Vec<String> {
    let metas: Vec<&ArticleMeta> = items.iter().map(|g| &g.meta).collect();
    assign(&metas)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleId, PartialDate};

    fn meta(id: &str, author: &str, year: i32, title: &str) -> ArticleMeta {
        ArticleMeta {
            id: ArticleId(id.into()),
            source: format!("{id}.md"),
            title: title.into(),
            authors: vec![author.into()],
            outlet: None,
            date: Some(PartialDate::y(year)),
            doi: None,
            url: None,
            found: true,
        }
    }

    #[test]
    fn key_is_family_year_and_first_long_title_word() {
        let m = meta("1", "Ralf Havertz", 2024, "Russland und Nordkorea");
        assert_eq!(base_key(&m), "havertz2024russland");
        let m = meta("1", "Jürgen Weiß", 2023, "Die Öl-Frage");
        assert_eq!(base_key(&m), "weiss2023frage");
    }

    #[test]
    fn colliding_keys_get_suffixes_in_id_order_whatever_the_input_order() {
        let a = meta("b-id", "A. Smith", 2020, "Trade policy");
        let b = meta("a-id", "B. Smith", 2020, "Trade wars");
        let c = meta("c-id", "C. Jones", 2020, "Trade");
        assert_eq!(
            assign(&[&a, &b, &c]),
            ["smith2020tradeb", "smith2020tradea", "jones2020trade"]
        );
        assert_eq!(
            assign(&[&c, &b, &a]),
            ["jones2020trade", "smith2020tradea", "smith2020tradeb"]
        );
    }

    #[test]
    fn names_split_with_particles_and_commas() {
        assert_eq!(
            split_name("Ursula von der Leyen"),
            ("Ursula".to_string(), "von der Leyen".to_string())
        );
        assert_eq!(
            split_name("Havertz, Ralf"),
            ("Ralf".to_string(), "Havertz".to_string())
        );
        assert_eq!(
            split_name("Reuters"),
            (String::new(), "Reuters".to_string())
        );
        assert_eq!(suffix(0), "a");
        assert_eq!(suffix(26), "aa");
    }
}
