//! An allocation-free re-implementation of fuzzy-matcher's skim V2 score (`fuzzy_match`), for
//! ranking hundreds of thousands of labels per keystroke.
//!
//! It follows `SkimMatcherV2::fuzzy` with `with_pos = false` step for step: the same greedy
//! first-match indices, in-place bonuses, affine gaps, and the same two-row score matrix, whose
//! rows are reused every other pattern char (cells left of a row's first match keep the values
//! of two chars before, and the score depends on that, so it is kept). The library keeps its
//! matrix between calls on a thread and a few cells of a call may then start with the previous
//! call's values; here every call starts from a fresh matrix, which is what the library computes
//! on a new matcher. Tests compare the two on many labels and patterns.
//!
//! Case follows the library's smart case: case sensitive when the pattern has an ASCII
//! uppercase letter. ASCII labels and patterns are scored on bytes; anything else on chars.

use std::cell::RefCell;

const SCORE_MATCH: i32 = 16;
const GAP_START: i32 = -3;
const GAP_EXTENSION: i32 = -1;
const BONUS_FIRST_CHAR_MULTIPLIER: i32 = 2;
const BONUS_HEAD: i32 = SCORE_MATCH / 2;
const BONUS_BREAK: i32 = SCORE_MATCH / 2 + GAP_EXTENSION;
const BONUS_CAMEL: i32 = SCORE_MATCH / 2 + 2 * GAP_EXTENSION;
const BONUS_CONSECUTIVE: i32 = -(GAP_START + GAP_EXTENSION);
const PENALTY_CASE_MISMATCH: i32 = GAP_EXTENSION * 2;
const NEG_INFINITY: i32 = i16::MIN as i32;

/// skim's character classes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CharType {
    Empty,
    Upper,
    Lower,
    Number,
    HardSep,
    SoftSep,
}

const fn char_type(ch: char) -> CharType {
    match ch {
        '\0' => CharType::Empty,
        ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => CharType::HardSep,
        '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => CharType::SoftSep,
        '0'..='9' => CharType::Number,
        'A'..='Z' => CharType::Upper,
        _ => CharType::Lower,
    }
}

/// [`char_type`] of every ASCII byte.
const ASCII_TYPES: [CharType; 128] = {
    let mut t = [CharType::Lower; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = char_type(i as u8 as char);
        i += 1;
    }
    t
};

fn in_place_bonus(prev: CharType, cur: CharType) -> i32 {
    match (prev, cur) {
        (CharType::Empty, _) | (CharType::HardSep, _) => BONUS_HEAD,
        (CharType::SoftSep, _) => BONUS_BREAK,
        (CharType::Lower, CharType::Upper) | (CharType::Number, CharType::Upper) => BONUS_CAMEL,
        _ => 0,
    }
}

/// A unit of text the scorer compares: a byte of ASCII text or a char.
trait Unit: Copy + PartialEq {
    fn class(self) -> CharType;
    fn eq_ignore_case(self, other: Self) -> bool;
}

impl Unit for u8 {
    #[inline]
    fn class(self) -> CharType {
        ASCII_TYPES[usize::from(self & 0x7f)]
    }
    #[inline]
    fn eq_ignore_case(self, other: Self) -> bool {
        self.eq_ignore_ascii_case(&other)
    }
}

impl Unit for char {
    #[inline]
    fn class(self) -> CharType {
        char_type(self)
    }
    #[inline]
    fn eq_ignore_case(self, other: Self) -> bool {
        self.eq_ignore_ascii_case(&other)
    }
}

/// Buffers reused across calls on one thread.
#[derive(Default)]
struct Scratch {
    choice: Vec<char>,
    pattern: Vec<char>,
    /// A non-ASCII choice as bytes, each other char replaced by [`OTHER`].
    bytes: Vec<u8>,
    first: Vec<usize>,
    bonus: Vec<i32>,
    /// Two rows of (m_score, p_score, bonus).
    rows: [Vec<(i32, i32, i32)>; 2],
}

/// Stands for every non-ASCII char of a choice when the pattern is ASCII: such a char never
/// matches a pattern char and is of class `Lower`, as DEL is, so the score is the same.
const OTHER: u8 = 0x7f;

/// The units of `choice` for an ASCII pattern without [`OTHER`], or `None` when the pattern
/// needs chars.
fn ascii_units<'a>(choice: &'a str, pattern: &str, buf: &'a mut Vec<u8>) -> Option<&'a [u8]> {
    if !pattern.is_ascii() || pattern.as_bytes().contains(&OTHER) {
        return None;
    }
    if choice.is_ascii() {
        return Some(choice.as_bytes());
    }
    buf.clear();
    buf.extend(
        choice
            .chars()
            .map(|c| u8::try_from(c).ok().filter(u8::is_ascii).unwrap_or(OTHER)),
    );
    Some(buf)
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// The skim V2 score of `pattern` in `choice`, or `None` when it does not match; equal to
/// `SkimMatcherV2::default().fuzzy_match(choice, pattern)` on a fresh matcher.
pub fn fuzzy_score(choice: &str, pattern: &str) -> Option<i64> {
    if pattern.is_empty() {
        return Some(0);
    }
    let case_sensitive = pattern.bytes().any(|b| b.is_ascii_uppercase());
    SCRATCH.with(|s| {
        let mut s = s.borrow_mut();
        let s = &mut *s;
        if let Some(units) = ascii_units(choice, pattern, &mut s.bytes) {
            score_units(
                units,
                pattern.as_bytes(),
                case_sensitive,
                &mut s.first,
                &mut s.bonus,
                &mut s.rows,
            )
        } else {
            s.choice.clear();
            s.choice.extend(choice.chars());
            s.pattern.clear();
            s.pattern.extend(pattern.chars());
            score_units(
                &s.choice,
                &s.pattern,
                case_sensitive,
                &mut s.first,
                &mut s.bonus,
                &mut s.rows,
            )
        }
    })
}

/// An upper bound on [`fuzzy_score`] computed without the score matrix: for each pattern char,
/// the best gain any of its matching positions could bring (a match after the previous pattern
/// char gets at most the consecutive bonus, any other one its in-place bonus less a gap);
/// `None` when the pattern does not match. Never below the score (tests check it).
pub fn score_bound(choice: &str, pattern: &str) -> Option<i64> {
    if pattern.is_empty() {
        return Some(0);
    }
    let case_sensitive = pattern.bytes().any(|b| b.is_ascii_uppercase());
    if choice.is_ascii() && pattern.is_ascii() {
        bound_bytes(choice.as_bytes(), pattern.as_bytes(), case_sensitive)
    } else {
        SCRATCH.with(|s| {
            let mut s = s.borrow_mut();
            let s = &mut *s;
            if let Some(units) = ascii_units(choice, pattern, &mut s.bytes) {
                return bound_bytes(units, pattern.as_bytes(), case_sensitive);
            }
            s.choice.clear();
            s.choice.extend(choice.chars());
            s.pattern.clear();
            s.pattern.extend(pattern.chars());
            bound_units(&s.choice, &s.pattern, case_sensitive)
        })
    }
}

fn bound_units<U: Unit>(choice: &[U], pattern: &[U], case_sensitive: bool) -> Option<i64> {
    bound_over(choice, pattern, case_sensitive, |p, from| {
        (from..choice.len()).filter(move |&j| units_equal(choice[j], p, case_sensitive))
    })
}

/// [`bound_units`] on bytes, visiting only the matching positions (found with memchr).
fn bound_bytes(choice: &[u8], pattern: &[u8], case_sensitive: bool) -> Option<i64> {
    bound_over(choice, pattern, case_sensitive, |p, from| {
        let (a, b) = if case_sensitive {
            (p, p)
        } else {
            (p.to_ascii_lowercase(), p.to_ascii_uppercase())
        };
        memchr::memchr2_iter(a, b, &choice[from..]).map(move |j| from + j)
    })
}

/// The bound, given `matches(p, from)`: the positions from `from` on where `p` matches, in
/// order. For each pattern char the scorer's row starts at its greedy first match; the char
/// adds at most its best gain at any match from there.
fn bound_over<U: Unit, I: Iterator<Item = usize>>(
    choice: &[U],
    pattern: &[U],
    case_sensitive: bool,
    matches: impl Fn(U, usize) -> I,
) -> Option<i64> {
    let mut total: i64 = 0;
    let mut first = 0;
    for (i, &p) in pattern.iter().enumerate() {
        let mut at = matches(p, first);
        let start = at.next()?;
        let best = std::iter::once(start)
            .chain(at)
            .map(|j| best_gain(choice, pattern, i, j, start, case_sensitive))
            .max()
            .unwrap_or(i32::MIN);
        total += i64::from(best);
        first = start + 1;
    }
    Some(total)
}

/// The most that matching pattern char `i` at choice position `j` (a match, at or after the
/// row's first match `start`) can add to the score.
#[inline]
fn best_gain<U: Unit>(
    choice: &[U],
    pattern: &[U],
    i: usize,
    j: usize,
    start: usize,
    case_sensitive: bool,
) -> i32 {
    let (c, p) = (choice[j], pattern[i]);
    let prev_type = if j == 0 {
        CharType::Empty
    } else {
        choice[j - 1].class()
    };
    let mut in_place = in_place_bonus(prev_type, c.class());
    if j == 0 {
        in_place *= BONUS_FIRST_CHAR_MULTIPLIER;
    }
    let match_score = if !case_sensitive && p != c {
        (SCORE_MATCH + PENALTY_CASE_MISMATCH).max(0)
    } else {
        SCORE_MATCH
    };
    let gain = if i == 0 {
        GAP_EXTENSION + in_place
    } else {
        let after_gap = GAP_START + GAP_EXTENSION + in_place;
        if units_equal(choice[j - 1], pattern[i - 1], case_sensitive) {
            // The left cell's bonus is this row's own chain, or a value left from two rows
            // before at the row's first cell: at most the largest bonus.
            let carried = if j == start || units_equal(choice[j - 1], p, case_sensitive) {
                BONUS_HEAD * BONUS_FIRST_CHAR_MULTIPLIER
            } else {
                0
            };
            after_gap.max(carried.max(in_place.max(BONUS_CONSECUTIVE)))
        } else {
            after_gap
        }
    };
    gain + match_score
}

#[inline]
fn units_equal<U: Unit>(a: U, b: U, case_sensitive: bool) -> bool {
    if case_sensitive {
        a == b
    } else {
        a.eq_ignore_case(b)
    }
}

fn score_units<U: Unit>(
    choice: &[U],
    pattern: &[U],
    case_sensitive: bool,
    first: &mut Vec<usize>,
    bonus: &mut Vec<i32>,
    rows: &mut [Vec<(i32, i32, i32)>; 2],
) -> Option<i64> {
    // Greedy first matches (the library's `cheap_matches`).
    first.clear();
    let mut pi = 0;
    for (idx, &c) in choice.iter().enumerate() {
        if pi == pattern.len() {
            break;
        }
        if units_equal(c, pattern[pi], case_sensitive) {
            first.push(idx);
            pi += 1;
        }
    }
    if pi < pattern.len() {
        return None;
    }
    let cols = choice.len() + 1;
    bonus.clear();
    bonus.resize(cols, 0);
    let mut prev = CharType::Empty;
    for (j, &c) in choice.iter().enumerate() {
        let t = c.class();
        bonus[j + 1] = in_place_bonus(prev, t);
        prev = t;
    }
    if cols > 1 {
        bonus[1] *= BONUS_FIRST_CHAR_MULTIPLIER;
    }
    // A fresh matrix: every cell at its default, then row 0 reset with p = gap extension.
    for row in rows.iter_mut() {
        row.clear();
        row.resize(cols, (NEG_INFINITY, NEG_INFINITY, 0));
    }
    for cell in rows[0].iter_mut() {
        cell.1 = GAP_EXTENSION;
    }
    let [row0, row1] = rows;
    for (i, &p_ch) in pattern.iter().enumerate() {
        // Row i + 1 of the matrix lives in slot (i + 1) % 2, row i in slot i % 2.
        let (cur, prev_row) = if i % 2 == 0 {
            (&mut *row1, &*row0)
        } else {
            (&mut *row0, &*row1)
        };
        let to_skip = first[i];
        for (j, &c_ch) in choice.iter().enumerate().skip(to_skip) {
            let col = j + 1;
            if units_equal(c_ch, p_ch, case_sensitive) {
                let match_score = if !case_sensitive && p_ch != c_ch {
                    (SCORE_MATCH + PENALTY_CASE_MISMATCH).max(0)
                } else {
                    SCORE_MATCH
                };
                let (prev_m, prev_p, _) = prev_row[j];
                let in_place = bonus[col];
                let consecutive = cur[j].2.max(in_place.max(BONUS_CONSECUTIVE));
                cur[j].2 = consecutive;
                let via_match = prev_m + consecutive;
                let via_skip = prev_p + in_place;
                cur[col].0 = via_match.max(via_skip) + match_score;
            } else {
                cur[col].0 = NEG_INFINITY;
                cur[col].2 = 0;
            }
            let gap_open = GAP_START + GAP_EXTENSION + cur[j].0;
            let gap_extend = GAP_EXTENSION + cur[j].1;
            cur[col].1 = gap_open.max(gap_extend);
        }
    }
    let last = if pattern.len() % 2 == 1 {
        &*row1
    } else {
        &*row0
    };
    let from = first.last().copied().unwrap_or(0);
    last[from..].iter().map(|c| c.0).max().map(i64::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;

    fn reference(choice: &str, pattern: &str) -> Option<i64> {
        SkimMatcherV2::default().fuzzy_match(choice, pattern)
    }

    #[test]
    fn scores_equal_the_library_on_hand_picked_cases() {
        let choices = [
            "Wladimir Putin",
            "Putin",
            "putin",
            "Die Rede von Putin in Moskau",
            "P u t i n",
            "Pute in Not",
            "pppuuuttt",
            "abaabab",
            "FooBar foo-bar foo_bar",
            "HTTPServer",
            "Pjongjang testet Raketen",
            "Grüne Welle über Zürich",
            "Ärzte – „Zitat“ 🚀 Start",
            "",
        ];
        let patterns = [
            "p", "pu", "put", "putin", "Putin", "pt", "ptn", "aba", "abab", "fb", "FB", "hs", "ze",
            "zu", "ü", "🚀", "s", "aa", "pp", "ppu", "pupu",
        ];
        for c in choices {
            for p in patterns {
                let score = fuzzy_score(c, p);
                assert_eq!(score, reference(c, p), "{c:?} / {p:?}");
                assert!(score_bound(c, p) >= score, "{c:?} / {p:?}");
                assert_eq!(score_bound(c, p).is_some(), score.is_some());
            }
        }
    }

    #[test]
    fn scores_equal_the_library_on_random_text() {
        let alphabet: Vec<char> = "aabbpuutinn AB-./()_x1ÜüéPUT\u{7f}–".chars().collect();
        let mut next = crate::search::tests::numbers(0x2545_f491_4f6c_dd1d);
        let ascii: Vec<char> = "aabbpuutinn AB-./()_x1PUT".chars().collect();
        for round in 0..20_000 {
            // Every other round ASCII only, for the byte paths.
            let alphabet = if round % 2 == 0 { &alphabet } else { &ascii };
            let len = next(40);
            let choice: String = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
            let plen = 1 + next(5);
            let pattern: String = (0..plen).map(|_| alphabet[next(alphabet.len())]).collect();
            let pattern = pattern.trim().to_string();
            let score = fuzzy_score(&choice, &pattern);
            assert_eq!(
                score,
                reference(&choice, &pattern),
                "{choice:?} / {pattern:?}"
            );
            if choice.is_ascii() && pattern.is_ascii() {
                let cs = pattern.bytes().any(|b| b.is_ascii_uppercase());
                assert_eq!(
                    bound_bytes(choice.as_bytes(), pattern.as_bytes(), cs),
                    bound_units(choice.as_bytes(), pattern.as_bytes(), cs),
                    "{choice:?} / {pattern:?}"
                );
            }
            let bound = score_bound(&choice, &pattern);
            assert_eq!(bound.is_some(), score.is_some(), "{choice:?} / {pattern:?}");
            assert!(
                bound >= score,
                "{choice:?} / {pattern:?}: {bound:?} < {score:?}"
            );
        }
    }
}
