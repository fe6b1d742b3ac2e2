//! Date expressions in German and English text: whole strings and dates found in running text.
//!
//! Pure functions over `&str`, no IO and no clock. Must not import UI crates (`ratatui`,
//! `crossterm`). Spans are byte ranges into the text that was scanned.

use crate::model::{DatePart, PartialDate, Span};

/// Parses a whole string as one date ("17. Januar 2025", "2024-06-19", "Herbst 2024").
///
/// Leading prepositions ("am", "im", "on") and trailing punctuation are ignored; a day or month
/// without a year yields `None`.
pub fn parse_date(s: &str) -> Option<PartialDate> {
    let trimmed = s.trim().trim_end_matches(['.', ',', ';', ':']).trim();
    if trimmed.is_empty() {
        return None;
    }
    // An ISO timestamp such as "2024-06-19T10:00:00Z": keep its date part.
    if let Some(date) = iso_prefix(trimmed) {
        return Some(date);
    }
    if trimmed.len() == 4 && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        let year: i32 = trimmed.parse().ok()?;
        return is_plausible_year(year).then(|| PartialDate::y(year));
    }
    let mut rest = strip_weekday(trimmed);
    for prep in ["am ", "Am ", "im ", "Im ", "on ", "On ", "in ", "In "] {
        if let Some(r) = rest.strip_prefix(prep) {
            rest = r.trim_start();
            break;
        }
    }
    let found = find_dates(rest);
    match found.as_slice() {
        [(span, date)] if span.start == 0 && span.end == rest.len() => Some(*date),
        _ => None,
    }
}

/// Finds the date expressions in running text that carry a year, in text order, with byte spans.
pub fn find_dates(text: &str) -> Vec<(Span, PartialDate)> {
    find_dates_with_default_year(text, None)
}

/// Finds date expressions like [`find_dates`], completing year-less ones ("am 19. Juni") with
/// `year` when it is given.
pub fn find_dates_with_default_year(text: &str, year: Option<i32>) -> Vec<(Span, PartialDate)> {
    // Without a default year every pattern needs a number ("Ende Oktober" alone gives no year).
    if year.is_none() && !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let toks = tokenize(text);
    let mut out: Vec<(Span, PartialDate)> = Vec::new();
    let mut last_end_tok: Option<usize> = None;
    let mut i = 0;
    while i < toks.len() {
        let m = Matcher {
            toks: &toks,
            text,
            default_year: year,
            last_end_tok,
        };
        if let Some((end, date)) = m.match_at(i) {
            let span = Span::new(toks[i].start, toks[end - 1].end);
            out.push((span, date));
            last_end_tok = Some(end);
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

fn iso_prefix(s: &str) -> Option<PartialDate> {
    let b = s.as_bytes();
    if b.len() < 10 || !(b[4] == b'-' && b[7] == b'-') {
        return None;
    }
    if b.len() > 10 && !(b[10] == b'T' || b[10] == b' ') {
        return None;
    }
    let y: i32 = s.get(0..4)?.parse().ok()?;
    let m: u8 = s.get(5..7)?.parse().ok()?;
    let d: u8 = s.get(8..10)?.parse().ok()?;
    full_date(y, m, d)
}

fn is_plausible_year(y: i32) -> bool {
    (1000..=2100).contains(&y)
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

fn full_date(y: i32, m: u8, d: u8) -> Option<PartialDate> {
    let ok = is_plausible_year(y) && (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m);
    ok.then(|| PartialDate::ymd(y, m, d))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Num,
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    kind: Kind,
    /// True when whitespace separates this token from the previous one.
    gap: bool,
}

fn tokenize(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    // The character at byte `i` (a boundary): ASCII without decoding.
    let char_at = |i: usize| match bytes[i] {
        b if b.is_ascii() => b as char,
        _ => text[i..].chars().next().unwrap_or('\0'),
    };
    let mut toks: Vec<Tok> = Vec::new();
    let mut gap = true;
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let c = char_at(i);
        i += c.len_utf8();
        if c.is_whitespace() {
            gap = true;
            continue;
        }
        let kind = if c.is_ascii_digit() {
            Kind::Num
        } else if c.is_alphabetic() {
            Kind::Word
        } else {
            Kind::Punct(c)
        };
        if kind != Kind::Punct(c) {
            while i < bytes.len() {
                let next = char_at(i);
                let same = match kind {
                    Kind::Num => next.is_ascii_digit(),
                    _ => next.is_alphabetic(),
                };
                if !same {
                    break;
                }
                i += next.len_utf8();
            }
        }
        toks.push(Tok {
            start,
            end: i,
            kind,
            gap,
        });
        gap = false;
    }
    toks
}

/// Month number for a month name or abbreviation (German, Austrian or English, in any case), and
/// whether the word is an abbreviation. The one month lexicon of the program: dates, sentence
/// ends after ordinal days, units and names all ask it.
pub fn month_of(word: &str) -> Option<(u8, bool)> {
    // Month names are short: lowercase into a stack buffer, never allocating.
    if word.len() > 12
        || word.len() < 3
        || !matches!(
            word.as_bytes()[0],
            b'j' | b'J'
                | b'f'
                | b'F'
                | b'm'
                | b'M'
                | b'a'
                | b'A'
                | b's'
                | b'S'
                | b'o'
                | b'O'
                | b'n'
                | b'N'
                | b'd'
                | b'D'
        )
    {
        return None;
    }
    // The second letter narrows it down further (a non-ASCII one is looked at below).
    let second = word.as_bytes()[1];
    if second.is_ascii() {
        let second = second.to_ascii_lowercase();
        let possible = match word.as_bytes()[0].to_ascii_lowercase() {
            b'j' | b'm' => matches!(second, b'a' | b'u' | b'r'),
            b'f' | b's' | b'd' => second == b'e',
            b'a' => matches!(second, b'p' | b'u'),
            b'o' => matches!(second, b'k' | b'c'),
            b'n' => second == b'o',
            _ => false,
        };
        if !possible {
            return None;
        }
    }
    let mut buf = [0u8; 40];
    let mut n = 0;
    if word.is_ascii() {
        // The longest month name in ASCII is "september".
        if word.len() > 9 {
            return None;
        }
        for b in word.bytes() {
            buf[n] = b.to_ascii_lowercase();
            n += 1;
        }
    } else {
        for c in word.chars().flat_map(char::to_lowercase) {
            n += c.encode_utf8(&mut buf[n..]).len();
        }
    }
    let lower = std::str::from_utf8(&buf[..n]).ok()?;
    let full = match lower {
        "januar" | "jänner" | "january" => Some(1),
        "februar" | "feber" | "february" => Some(2),
        "märz" | "maerz" | "march" => Some(3),
        "april" => Some(4),
        "mai" | "may" => Some(5),
        "juni" | "june" => Some(6),
        "juli" | "july" => Some(7),
        "august" => Some(8),
        "september" => Some(9),
        "oktober" | "october" => Some(10),
        "november" => Some(11),
        "dezember" | "december" => Some(12),
        _ => None,
    };
    if let Some(m) = full {
        return Some((m, false));
    }
    let abbr = match lower {
        "jan" | "jän" => 1,
        "feb" => 2,
        "mär" | "mrz" | "mar" => 3,
        "apr" => 4,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "okt" | "oct" => 10,
        "nov" => 11,
        "dez" | "dec" => 12,
        _ => return None,
    };
    Some((abbr, true))
}

fn qualifier_of(word: &str) -> Option<DatePart> {
    match word {
        "Anfang" | "Beginn" | "early" | "Early" => Some(DatePart::Early),
        "Mitte" | "mid" | "Mid" => Some(DatePart::Mid),
        "Ende" | "late" | "Late" => Some(DatePart::Late),
        _ => None,
    }
}

fn season_of(word: &str) -> Option<DatePart> {
    match word {
        "Frühjahr" | "Frühling" | "spring" | "Spring" => Some(DatePart::Spring),
        "Sommer" | "summer" | "Summer" => Some(DatePart::Summer),
        "Herbst" | "autumn" | "Autumn" | "fall" | "Fall" => Some(DatePart::Autumn),
        "Winter" | "winter" => Some(DatePart::Winter),
        _ => None,
    }
}

/// Words after which a bare four-digit number is read as a year.
const YEAR_CONTEXT: &[&str] = &[
    "jahr", "jahre", "jahres", "jahren", "seit", "bis", "von", "vom", "ab", "in", "vor", "nach",
    "zwischen", "während", "anno", "since", "until", "till", "from", "to", "between", "by",
    "during", "year", "before", "after",
];

/// Words after a number that show it counts something rather than naming a year.
const COUNT_NOUNS: &[&str] = &[
    "euro",
    "dollar",
    "franken",
    "menschen",
    "soldaten",
    "mann",
    "meter",
    "kilometer",
    "km",
    "prozent",
    "stück",
    "personen",
    "einwohner",
    "people",
    "troops",
    "soldiers",
    "men",
    "euros",
    "dollars",
    "tonnen",
    "tons",
    "besucher",
    "mitarbeiter",
    "stimmen",
    "votes",
    "seiten",
    "pages",
];

struct Matcher<'a> {
    toks: &'a [Tok],
    text: &'a str,
    default_year: Option<i32>,
    last_end_tok: Option<usize>,
}

impl Matcher<'_> {
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    fn s(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map(|t| &self.text[t.start..t.end])
            .unwrap_or("")
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    /// True when token `i` directly follows the previous token with no whitespace.
    fn adjacent(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.gap)
    }

    fn num(&self, i: usize, min_len: usize, max_len: usize) -> Option<u32> {
        let t = self.tok(i)?;
        let len = t.end - t.start;
        if t.kind != Kind::Num || len < min_len || len > max_len {
            return None;
        }
        self.s(i).parse().ok()
    }

    fn word(&self, i: usize) -> Option<&str> {
        let t = self.tok(i)?;
        (t.kind == Kind::Word).then(|| self.s(i))
    }

    fn is_capitalised(&self, i: usize) -> bool {
        self.s(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// A four-digit year at token `i` that is a standalone number (not "10.000", "1970er").
    fn year_at(&self, i: usize) -> Option<i32> {
        let y = self.num(i, 4, 4)? as i32;
        if !is_plausible_year(y) {
            return None;
        }
        if let Some(prev) = i.checked_sub(1)
            && self.adjacent(i)
            && (self.is_punct(prev, '.') || self.is_punct(prev, ','))
            && prev > 0
            && self
                .tok(prev - 1)
                .is_some_and(|t| t.kind == Kind::Num && !t.gap)
        {
            return None;
        }
        if self.adjacent(i + 1) {
            match self.tok(i + 1).map(|t| t.kind) {
                Some(Kind::Word) | Some(Kind::Num) => return None,
                Some(Kind::Punct('.')) | Some(Kind::Punct(','))
                    if self.adjacent(i + 2)
                        && self.tok(i + 2).is_some_and(|t| t.kind == Kind::Num) =>
                {
                    return None;
                }
                _ => {}
            }
        }
        Some(y)
    }

    /// Skips one adjacent '.' at `i`, returning the next index.
    fn skip_dot(&self, i: usize) -> usize {
        if self.is_punct(i, '.') && self.adjacent(i) {
            i + 1
        } else {
            i
        }
    }

    fn match_at(&self, i: usize) -> Option<(usize, PartialDate)> {
        let t = self.tok(i)?;
        // A number glued to a preceding number or letter is part of something else.
        if self.adjacent(i)
            && i > 0
            && matches!(
                self.tok(i - 1).map(|p| p.kind),
                Some(Kind::Num) | Some(Kind::Word)
            )
        {
            return None;
        }
        match t.kind {
            Kind::Num => self
                .match_iso(i)
                .or_else(|| self.match_numeric(i))
                .or_else(|| self.match_day_month(i))
                .or_else(|| self.match_bare_year(i)),
            // Qualifiers, seasons and month names are at most 12 bytes long.
            Kind::Word if t.end - t.start > 12 => None,
            Kind::Word => self
                .match_qualified(i)
                .or_else(|| self.match_season(i))
                .or_else(|| self.match_month_first(i)),
            Kind::Punct(_) => None,
        }
    }

    fn match_iso(&self, i: usize) -> Option<(usize, PartialDate)> {
        let y = self.num(i, 4, 4)? as i32;
        let ok = self.is_punct(i + 1, '-')
            && self.adjacent(i + 1)
            && self.adjacent(i + 2)
            && self.is_punct(i + 3, '-')
            && self.adjacent(i + 3)
            && self.adjacent(i + 4);
        if !ok {
            return None;
        }
        let m = self.num(i + 2, 2, 2)? as u8;
        let d = self.num(i + 4, 2, 2)? as u8;
        if self.adjacent(i + 5) && self.tok(i + 5).is_some_and(|t| t.kind == Kind::Num) {
            return None;
        }
        Some((i + 5, full_date(y, m, d)?))
    }

    fn match_numeric(&self, i: usize) -> Option<(usize, PartialDate)> {
        let d = self.num(i, 1, 2)? as u8;
        let ok = self.is_punct(i + 1, '.')
            && self.adjacent(i + 1)
            && self.adjacent(i + 2)
            && self.is_punct(i + 3, '.')
            && self.adjacent(i + 3)
            && self.adjacent(i + 4);
        if !ok {
            return None;
        }
        let m = self.num(i + 2, 1, 2)? as u8;
        let y = self.num(i + 4, 4, 4)? as i32;
        if self.adjacent(i + 5)
            && matches!(
                self.tok(i + 5).map(|t| t.kind),
                Some(Kind::Num) | Some(Kind::Word)
            )
        {
            return None;
        }
        Some((i + 5, full_date(y, m, d)?))
    }

    fn match_day_month(&self, i: usize) -> Option<(usize, PartialDate)> {
        let d = self.num(i, 1, 2)? as u8;
        let mut j = i + 1;
        if (self.is_punct(j, '.') && self.adjacent(j))
            || (self.adjacent(j) && matches!(self.word(j), Some("st" | "nd" | "rd" | "th")))
        {
            j += 1;
        }
        let (m, _abbr) = month_of(self.word(j)?)?;
        if !self.is_capitalised(j) {
            return None;
        }
        j = self.skip_dot(j + 1);
        let mut k = j;
        if self.is_punct(k, ',') {
            k += 1;
        }
        if let Some(y) = self.year_at(k) {
            return Some((k + 1, full_date(y, m, d)?));
        }
        let y = self.default_year?;
        Some((j, full_date(y, m, d)?))
    }

    fn match_bare_year(&self, i: usize) -> Option<(usize, PartialDate)> {
        let y = self.year_at(i)?;
        let prev = i.checked_sub(1)?;
        let prev_word = self.word(prev)?.to_lowercase();
        let after_date = self.last_end_tok == Some(prev)
            || (prev > 0 && self.last_end_tok == Some(prev - 1) && self.word(prev - 1).is_none());
        let in_context = YEAR_CONTEXT.contains(&prev_word.as_str())
            || (matches!(prev_word.as_str(), "und" | "and" | "oder" | "or") && after_date);
        if !in_context {
            return None;
        }
        if let Some(next) = self.word(i + 1)
            && COUNT_NOUNS.contains(&next.to_lowercase().as_str())
        {
            return None;
        }
        Some((i + 1, PartialDate::y(y)))
    }

    fn match_qualified(&self, i: usize) -> Option<(usize, PartialDate)> {
        let part = qualifier_of(self.word(i)?)?;
        let mut j = i + 1;
        if self.is_punct(j, '-') && self.adjacent(j) {
            j += 1;
        }
        if let Some(y) = self.year_at(j) {
            return Some((j + 1, PartialDate::y(y).with_part(part)));
        }
        let (m, abbr) = month_of(self.word(j)?)?;
        if !self.is_capitalised(j) {
            return None;
        }
        let after = self.skip_dot(j + 1);
        if let Some(y) = self.year_at(after) {
            return Some((after + 1, PartialDate::ym(y, m).with_part(part)));
        }
        if abbr {
            return None;
        }
        let y = self.default_year?;
        Some((j + 1, PartialDate::ym(y, m).with_part(part)))
    }

    fn match_season(&self, i: usize) -> Option<(usize, PartialDate)> {
        let part = season_of(self.word(i)?)?;
        let mut j = i + 1;
        if self.word(j) == Some("of") {
            j += 1;
        }
        let y = self.year_at(j)?;
        Some((j + 1, PartialDate::y(y).with_part(part)))
    }

    fn match_month_first(&self, i: usize) -> Option<(usize, PartialDate)> {
        let (m, abbr) = month_of(self.word(i)?)?;
        if !self.is_capitalised(i) {
            return None;
        }
        let j = self.skip_dot(i + 1);
        // English order: "March 3, 2024", "March 3rd 2024".
        if let Some(d) = self.num(j, 1, 2) {
            let mut k = j + 1;
            if self.adjacent(k) && matches!(self.word(k), Some("st" | "nd" | "rd" | "th")) {
                k += 1;
            }
            let mut l = k;
            if self.is_punct(l, ',') {
                l += 1;
            }
            if let Some(y) = self.year_at(l) {
                return Some((l + 1, full_date(y, m, d as u8)?));
            }
            if !abbr && let Some(y) = self.default_year {
                return Some((k, full_date(y, m, d as u8)?));
            }
            return None;
        }
        if let Some(y) = self.year_at(j) {
            return Some((j + 1, PartialDate::ym(y, m)));
        }
        if abbr {
            return None;
        }
        let y = self.default_year?;
        let prev = self.word(i.checked_sub(1)?)?.to_lowercase();
        let preps = [
            "im", "in", "seit", "ab", "bis", "vom", "since", "until", "during", "seit",
        ];
        preps
            .contains(&prev.as_str())
            .then(|| (i + 1, PartialDate::ym(y, m)))
    }
}

/// Weekday names, English and German, written out.
const WEEKDAY_NAMES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag",
];

/// Weekday abbreviations, English and German.
const WEEKDAY_ABBREVIATIONS: &[&str] = &[
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "mo", "di", "mi",
    "do", "fr", "sa", "so",
];

/// True when `lower` (lowercase) is a weekday written out, German or English ("montag",
/// "friday"); abbreviations are not, since most of them are also words ("so", "do", "sun").
pub fn is_weekday_name(lower: &str) -> bool {
    WEEKDAY_NAMES.contains(&lower)
}

/// `text` without a leading weekday ("Tuesday 17 September 2024", "Dienstag, 17. September
/// 2024", "Di., 17.09.2024"); unchanged when it does not start with one.
pub fn strip_weekday(text: &str) -> &str {
    let word_end = text
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(text.len());
    let word = text[..word_end].to_lowercase();
    if word.is_empty()
        || !(is_weekday_name(&word) || WEEKDAY_ABBREVIATIONS.contains(&word.as_str()))
    {
        return text;
    }
    let rest = text[word_end..].trim_start_matches(['.', ',']);
    // "So" and "Mo" are also words: only a weekday when a digit follows.
    if word.len() <= 2 && !rest.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
        return text;
    }
    if rest.len() == text.len() - word_end && !rest.starts_with(' ') {
        return text;
    }
    rest.trim_start()
}

/// Days since 1970-01-01 of a calendar day (proleptic Gregorian; Howard Hinnant's
/// `days_from_civil`).
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The days a partial date covers, as days since 1970-01-01, end exclusive: one day for a full
/// date, the whole month for "Oktober 2024", its third for "Ende Oktober", three months for a
/// season, the whole year for a bare year (its quarter for "Anfang 2024").
pub fn day_span(date: &PartialDate) -> (i64, i64) {
    let y = date.year;
    let month_span = |m: u8| {
        let start = days_from_civil(y, m, 1);
        (start, start + i64::from(days_in_month(y, m).max(1)))
    };
    match (date.month, date.day, date.part) {
        (Some(m), Some(d), _) => {
            let start = days_from_civil(y, m, d);
            (start, start + 1)
        }
        (Some(m), None, part) => {
            let (start, end) = month_span(m);
            match part {
                Some(DatePart::Early) => (start, start + 10),
                Some(DatePart::Mid) => (start + 10, start + 20),
                Some(DatePart::Late) => (start + 20, end),
                _ => (start, end),
            }
        }
        (None, _, part) => {
            let (from, to) = match part {
                Some(DatePart::Early) => (1, 3),
                Some(DatePart::Mid) => (5, 8),
                Some(DatePart::Late) => (10, 12),
                Some(DatePart::Spring) => (3, 5),
                Some(DatePart::Summer) => (6, 8),
                Some(DatePart::Autumn) => (9, 11),
                Some(DatePart::Winter) => (12, 12),
                None => (1, 12),
            };
            (month_span(from).0, month_span(to).1)
        }
    }
}

/// The calendar day of a count of days since 1970-01-01 (inverse of [`days_from_civil`]).
pub fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    // The values are in range by construction: a month 1-12 and a day 1-31.
    (
        i32::try_from(y).unwrap_or(i32::MAX),
        u8::try_from(m).unwrap_or(1),
        u8::try_from(d).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {

    #[test]
    fn dates_with_weekdays_parse() {
        assert_eq!(
            parse_date("Tuesday 17 September 2024"),
            Some(PartialDate::ymd(2024, 9, 17))
        );
        assert_eq!(
            parse_date("Dienstag, 17. September 2024"),
            Some(PartialDate::ymd(2024, 9, 17))
        );
        assert_eq!(
            parse_date("Tue, 17 Sep 2024"),
            Some(PartialDate::ymd(2024, 9, 17))
        );
        assert_eq!(strip_weekday("Sonntagsfrage 2024"), "Sonntagsfrage 2024");
        assert_eq!(strip_weekday("So wird 2024"), "So wird 2024");
    }

    #[test]
    fn days_round_trip_and_spans_cover_the_partial_date() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(
            days_from_civil(2024, 3, 1) - days_from_civil(2024, 2, 28),
            2
        );
        for d in [-1000, 0, 19_000, 20_000, 20_104] {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), d);
        }
        let oct = day_span(&PartialDate::ym(2024, 10));
        assert_eq!(oct.1 - oct.0, 31);
        let late = day_span(&PartialDate::ym(2024, 10).with_part(DatePart::Late));
        assert_eq!((late.0, late.1), (oct.0 + 20, oct.1));
        let year = day_span(&PartialDate::y(2024));
        assert_eq!(year.1 - year.0, 366);
        let day = day_span(&PartialDate::ymd(2024, 6, 19));
        assert_eq!(day.1 - day.0, 1);
    }

    use super::*;

    fn found(text: &str) -> Vec<(String, String)> {
        find_dates(text)
            .into_iter()
            .map(|(s, d)| (text[s.start..s.end].to_string(), d.to_string()))
            .collect()
    }

    #[test]
    fn parses_german_day_month_year_forms() {
        assert_eq!(
            parse_date("17. Jan. 2025"),
            Some(PartialDate::ymd(2025, 1, 17))
        );
        assert_eq!(
            parse_date("17. Januar 2025"),
            Some(PartialDate::ymd(2025, 1, 17))
        );
        assert_eq!(
            parse_date("19. Juni 2024"),
            Some(PartialDate::ymd(2024, 6, 19))
        );
        assert_eq!(
            parse_date("3. Jänner 2023"),
            Some(PartialDate::ymd(2023, 1, 3))
        );
        assert_eq!(
            parse_date("5. Sept. 2022"),
            Some(PartialDate::ymd(2022, 9, 5))
        );
        assert_eq!(
            parse_date("5. Sept 2022"),
            Some(PartialDate::ymd(2022, 9, 5))
        );
        assert_eq!(
            parse_date("19.06.2024"),
            Some(PartialDate::ymd(2024, 6, 19))
        );
    }

    #[test]
    fn parses_english_and_iso_forms() {
        assert_eq!(
            parse_date("March 3, 2024"),
            Some(PartialDate::ymd(2024, 3, 3))
        );
        assert_eq!(
            parse_date("3 March 2024"),
            Some(PartialDate::ymd(2024, 3, 3))
        );
        assert_eq!(
            parse_date("2024-06-19"),
            Some(PartialDate::ymd(2024, 6, 19))
        );
        assert_eq!(
            parse_date("2024-06-19T08:00:00Z"),
            Some(PartialDate::ymd(2024, 6, 19))
        );
        assert_eq!(parse_date("2024"), Some(PartialDate::y(2024)));
    }

    #[test]
    fn parses_partial_dates_with_qualifiers() {
        let late_oct = PartialDate::ym(2024, 10).with_part(DatePart::Late);
        assert_eq!(parse_date("Ende Oktober 2024"), Some(late_oct));
        assert_eq!(
            parse_date("Herbst 2024"),
            Some(PartialDate::y(2024).with_part(DatePart::Autumn))
        );
        assert_eq!(
            parse_date("Anfang 2023"),
            Some(PartialDate::y(2023).with_part(DatePart::Early))
        );
        assert_eq!(
            parse_date("Mitte Juni 2024"),
            Some(PartialDate::ym(2024, 6).with_part(DatePart::Mid))
        );
        assert_eq!(
            parse_date("im November 2024"),
            Some(PartialDate::ym(2024, 11))
        );
        assert_eq!(parse_date("Februar 2022"), Some(PartialDate::ym(2022, 2)));
    }

    #[test]
    fn rejects_dates_without_year_and_invalid_days() {
        assert_eq!(parse_date("am 19. Juni"), None);
        assert_eq!(parse_date("31. Juni 2024"), None);
        assert_eq!(parse_date("30.02.2024"), None);
        assert_eq!(parse_date("2024-13-01"), None);
        assert_eq!(parse_date("Platz 36"), None);
        assert_eq!(parse_date(""), None);
    }

    #[test]
    fn default_year_completes_day_and_month() {
        let text = "Am 19. Juni unterzeichneten sie.";
        assert!(find_dates(text).is_empty());
        let with = find_dates_with_default_year(text, Some(2024));
        assert_eq!(with.len(), 1);
        assert_eq!(&text[with[0].0.start..with[0].0.end], "19. Juni");
        assert_eq!(with[0].1, PartialDate::ymd(2024, 6, 19));
    }

    #[test]
    fn finds_dates_in_running_text_with_spans() {
        let text = "Seit November 2024 kämpfen sie; am 1. November 2024 und im Herbst 2024.";
        assert_eq!(
            found(text),
            vec![
                ("November 2024".to_string(), "2024-11".to_string()),
                ("1. November 2024".to_string(), "2024-11-01".to_string()),
                ("Herbst 2024".to_string(), "2024 (autumn)".to_string()),
            ]
        );
    }

    #[test]
    fn bare_years_only_in_date_contexts() {
        let text = "der Krieg von 2014 bis 2023, im Jahr 1970, seit 2022 aber etwa 10.000 Soldaten \
                    aus den 1970er-Jahren auf Platz 36 mit 2024 Military";
        let years: Vec<String> = found(text).into_iter().map(|(s, _)| s).collect();
        assert_eq!(years, vec!["2014", "2023", "1970", "2022"]);
    }

    #[test]
    fn counts_after_bis_are_not_years() {
        assert!(found("bis 2000 Soldaten").is_empty());
        assert!(found("um 1.500 Soldaten").is_empty());
    }

    #[test]
    fn english_qualifiers_and_seasons() {
        assert_eq!(
            found("in late March 2024"),
            vec![("late March 2024".into(), "2024-03 (late)".into())]
        );
        assert_eq!(
            found("by mid-2024"),
            vec![("mid-2024".into(), "2024 (mid)".into())]
        );
        assert_eq!(
            found("in the fall of 2023"),
            vec![("fall of 2023".into(), "2023 (autumn)".into())]
        );
    }

    #[test]
    fn spans_are_char_boundaries_in_text_with_umlauts() {
        let text = "Im März 2024 und Mitte März 2024 – „Ende Jänner 2025“.";
        for (span, _) in find_dates(text) {
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
        assert_eq!(find_dates(text).len(), 3);
    }

    #[test]
    fn more_forms_and_non_dates() {
        assert_eq!(
            parse_date("March 3rd, 2024"),
            Some(PartialDate::ymd(2024, 3, 3))
        );
        assert_eq!(parse_date("Nov. 2024"), Some(PartialDate::ym(2024, 11)));
        assert_eq!(parse_date("17.1.2025"), Some(PartialDate::ymd(2025, 1, 17)));
        assert_eq!(
            parse_date("Anfang Februar 2025"),
            Some(PartialDate::ym(2025, 2).with_part(DatePart::Early))
        );
        assert_eq!(parse_date("29. Februar 2023"), None);
        assert_eq!(
            parse_date("29. Februar 2024"),
            Some(PartialDate::ymd(2024, 2, 29))
        );
        let years: Vec<String> = found("between 2014 and 2023")
            .into_iter()
            .map(|(s, _)| s)
            .collect();
        assert_eq!(years, vec!["2014", "2023"]);
        assert_eq!(
            found("im Winter 2024/25"),
            vec![("Winter 2024".into(), "2024 (winter)".into())]
        );
        assert!(
            found("Mai Thi Nguyen-Kim sprach in den 1990erund frühen 2000er Jahren").is_empty()
        );
        assert!(found("https://www.nytimes.com/2024/06/17/world").is_empty());
        assert!(find_dates_with_default_year("May I ask?", Some(2024)).is_empty());
        assert_eq!(
            find_dates_with_default_year("seit Juni kämpfen sie", Some(2024)).len(),
            1
        );
    }
}
