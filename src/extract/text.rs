//! Tokenizer and sentence splitter for German and English news text.
//!
//! Owns the text basics of issue 3 §1: abbreviations ("z. B.", "Dr.", "bzw."), ordinals
//! ("17. Jan. 2025"), thousands and decimals ("10.000", "1,32"), ranges ("10.000-12.000" as
//! three tokens), quotes, hyphenated compounds ("UN-Sicherheitsrat", "Hwasong-11A") and footnote
//! digits glued to punctuation. Pure functions over `&str`; no terminal imports.

use crate::model::Span;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with digits and inner hyphens ("Hwasong-11A", "UN-Sicherheitsrat").
    Word,
    /// A number with optional thousands separators and decimals ("10.000", "1,6").
    Number,
    /// An ordinal number with its dot ("17.").
    Ordinal,
    /// An abbreviation or initial with its dot ("Dr.", "z.", "J.").
    Abbrev,
    /// A footnote mark: digits glued to preceding punctuation ("Krieg.12").
    Footnote,
    /// Punctuation, quotes, brackets, dashes and other symbols (one character each).
    Punct,
}

/// One token: its byte span in the analysed text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the text given to [`tokenize`] (shifted by its `offset`).
    pub span: Span,
    /// What the token is.
    pub kind: TokenKind,
}

/// Abbreviations that keep their dot and never end a sentence (lowercase, without the dot).
const ABBREVIATIONS: &[&str] = &[
    "z", "b", "u", "a", "s", "o", "d", "h", "v", "ca", "bzw", "vgl", "dr", "prof", "nr", "str",
    "st", "mr", "mrs", "ms", "jr", "sr", "inc", "ltd", "co", "etc", "usw", "evtl", "ggf", "inkl",
    "ggü", "jan", "feb", "febr", "mär", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "oct",
    "nov", "dez", "dec", "abs", "art", "bd", "hrsg", "mio", "mrd", "tsd", "min", "max", "zit",
    "sog", "bspw", "insb", "gen", "lt", "kap", "chr", "jh", "jhd", "vs", "e", "i", "al", "dt",
    "engl", "frz", "ehem", "zb", "ua", "dh", "uvm", "bzgl", "no", "vol", "pp", "ff", "mind", "rd",
    "gegr",
];

/// True for superscript digits used as footnote marks ("Waffen.²").
fn is_superscript(c: char) -> bool {
    matches!(c, '¹' | '²' | '³' | '⁰' | '⁴'..='⁹')
}

/// True for characters that form words.
fn is_word_char(c: char) -> bool {
    (c.is_alphanumeric() && !is_superscript(c)) || c == '\u{AD}'
}

/// True for apostrophes that may sit inside a word ("Kim's", "don't").
fn is_inner_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text` into tokens whose spans are shifted by `offset`.
///
/// A hyphen joins two alphanumeric parts into one word unless both parts are plain numbers
/// (a range such as "2014-2023" stays three tokens).
pub fn tokenize(text: &str, offset: usize) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if c.is_ascii_digit() {
            let end = scan_number(text, i);
            // Footnote digits glued to the preceding punctuation.
            let glued = i > 0
                && matches!(bytes[i - 1], b'.' | b',' | b';' | b':' | b')' | b'"')
                && out.last().is_some_and(|t: &Token| {
                    t.span.end == i + offset && t.kind == TokenKind::Punct
                });
            let followed_by_space = text[end..].chars().next().is_none_or(|n| n.is_whitespace());
            if glued && followed_by_space && end - i <= 3 && !text[i..end].contains(['.', ',']) {
                out.push(Token {
                    span: Span::new(i + offset, end + offset),
                    kind: TokenKind::Footnote,
                });
                i = end;
                continue;
            }
            // A number directly followed by letters is a word ("11A", "2024er", "G7" handled below).
            if text[end..]
                .chars()
                .next()
                .is_some_and(|n| n.is_alphabetic())
            {
                let wend = scan_word(text, i);
                out.push(Token {
                    span: Span::new(i + offset, wend + offset),
                    kind: TokenKind::Word,
                });
                i = wend;
                continue;
            }
            // "17." is an ordinal when what follows is lowercase, a month or a number.
            if end < text.len()
                && bytes[end] == b'.'
                && end - i <= 2
                && is_ordinal_context(&text[end + 1..])
            {
                out.push(Token {
                    span: Span::new(i + offset, end + 1 + offset),
                    kind: TokenKind::Ordinal,
                });
                i = end + 1;
                continue;
            }
            out.push(Token {
                span: Span::new(i + offset, end + offset),
                kind: TokenKind::Number,
            });
            i = end;
            continue;
        }
        if is_word_char(c) {
            let end = scan_word(text, i);
            let word = &text[i..end];
            if end < text.len() && bytes[end] == b'.' && is_abbreviation(word, &text[end + 1..]) {
                out.push(Token {
                    span: Span::new(i + offset, end + 1 + offset),
                    kind: TokenKind::Abbrev,
                });
                i = end + 1;
                continue;
            }
            out.push(Token {
                span: Span::new(i + offset, end + offset),
                kind: TokenKind::Word,
            });
            i = end;
            continue;
        }
        let len = c.len_utf8();
        if is_superscript(c) {
            let end = text[i..]
                .char_indices()
                .find(|&(_, d)| !is_superscript(d))
                .map_or(text.len(), |(k, _)| i + k);
            out.push(Token {
                span: Span::new(i + offset, end + offset),
                kind: TokenKind::Footnote,
            });
            i = end;
            continue;
        }
        // "..." stays one token.
        if c == '.' && text[i..].starts_with("...") {
            out.push(Token {
                span: Span::new(i + offset, i + 3 + offset),
                kind: TokenKind::Punct,
            });
            i += 3;
            continue;
        }
        out.push(Token {
            span: Span::new(i + offset, i + len + offset),
            kind: TokenKind::Punct,
        });
        i += len;
    }
    out
}

/// End of a number starting at `i`: digits with inner "." or "," followed by a digit.
fn scan_number(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    let mut j = i;
    while j < b.len() {
        if b[j].is_ascii_digit() {
            j += 1;
        } else if (b[j] == b'.' || b[j] == b',') && j + 1 < b.len() && b[j + 1].is_ascii_digit() {
            // "17.1" in "17.12.2024" is fine as one number; the date parser handles it.
            j += 1;
        } else {
            break;
        }
    }
    j
}

/// End of a word starting at `i`, with inner hyphens and apostrophes.
fn scan_word(text: &str, i: usize) -> usize {
    // A leading run of ASCII letters and digits (most of most words) is word characters.
    let ascii = text.as_bytes()[i..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let mut j = i + ascii;
    let mut part_start = i;
    let mut chars = text[j..].char_indices().peekable();
    let base = j;
    while let Some((k, c)) = chars.next() {
        let pos = base + k;
        if is_word_char(c) {
            j = pos + c.len_utf8();
            continue;
        }
        let next = chars.peek().map(|&(_, n)| n);
        let joins = match c {
            '-' | '‑' => next.is_some_and(is_word_char),
            _ if is_inner_apostrophe(c) => next.is_some_and(char::is_alphabetic) && j > i,
            _ => false,
        };
        if !joins {
            break;
        }
        if c == '-' || c == '‑' {
            // Do not join two plain numbers: that is a range.
            let left = &text[part_start..pos];
            let right_end = scan_word_part(text, pos + c.len_utf8());
            let right = &text[pos + c.len_utf8()..right_end];
            if is_plain_number(left) && is_plain_number(right) {
                break;
            }
            part_start = pos + c.len_utf8();
        }
        j = pos + c.len_utf8();
    }
    j
}

/// End of one hyphen-free part of a word.
fn scan_word_part(text: &str, i: usize) -> usize {
    text[i..]
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(text.len(), |(k, _)| i + k)
}

/// True for strings of digits only.
fn is_plain_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// True when the text after a "N." continues a date or an ordinal phrase.
fn is_ordinal_context(rest: &str) -> bool {
    let rest = rest.trim_start();
    let Some(c) = rest.chars().next() else {
        return false;
    };
    if c.is_lowercase() {
        return true;
    }
    if c.is_ascii_digit() {
        return true;
    }
    // A month name or abbreviation after the number: "am 3. März", "bis 12. Okt".
    let end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    crate::dates::month_of(&rest[..end]).is_some()
}

/// True when `word` followed by a dot is an abbreviation rather than a sentence end.
fn is_abbreviation(word: &str, rest: &str) -> bool {
    let mut chars = word.chars();
    let first = chars.next();
    // Single letters are initials ("J. Smith") or parts of "z. B.", "u. a.".
    if first.is_some_and(char::is_alphabetic) && chars.next().is_none() {
        return true;
    }
    let lower = word.to_lowercase();
    if !ABBREVIATIONS.contains(&lower.as_str()) {
        return false;
    }
    // "Nov." at the end of a sentence before a capitalised word is still an abbreviation in
    // dates ("17. Nov. 2024"); only month abbreviations followed by a capital letter are ambiguous.
    let _ = rest;
    true
}

/// Splits the tokens of one block into sentences, returning index ranges into `tokens`.
pub fn sentences(text: &str, offset: usize, tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let tok = |t: &Token| &text[t.span.start - offset..t.span.end - offset];
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let s = tok(t);
        // A dot glued to both neighbours sits inside a figure ("$1.6bn", "€9.9bn").
        let inside_figure = s == "."
            && i > 0
            && tokens[i - 1].span.end == t.span.start
            && tokens.get(i + 1).is_some_and(|n| {
                n.span.start == t.span.end && tok(n).starts_with(|c: char| c.is_ascii_digit())
            });
        let is_end = t.kind == TokenKind::Punct
            && matches!(s, "." | "!" | "?" | "…" | "...")
            && !inside_figure;
        if is_end {
            // Take closing quotes, brackets and footnotes along.
            let mut j = i + 1;
            while j < tokens.len() {
                let u = &tokens[j];
                let us = tok(u);
                // Only marks glued to the end: after a space a quote opens the next sentence.
                let glued = tokens[j - 1].span.end == u.span.start;
                if u.kind == TokenKind::Footnote
                    || (glued
                        && u.kind == TokenKind::Punct
                        && matches!(
                            us,
                            "\"" | "“" | "”" | "«" | "»" | "'" | "’" | "‘" | ")" | "]"
                        ))
                {
                    j += 1;
                } else {
                    break;
                }
            }
            let next_starts = tokens.get(j).is_none_or(|n| {
                let ns = tok(n);
                ns.chars().next().is_some_and(|c| {
                    c.is_uppercase() || c.is_ascii_digit() || "„\"«»“‚(['".contains(c)
                })
            });
            if next_starts {
                out.push(start..j);
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

/// True for the German definite and indefinite articles in lowercase ("der", "eines"); callers
/// add the words their rule also treats as articles.
pub fn is_german_article(lower: &str) -> bool {
    matches!(
        lower,
        "der"
            | "die"
            | "das"
            | "den"
            | "dem"
            | "des"
            | "ein"
            | "eine"
            | "einen"
            | "einem"
            | "einer"
            | "eines"
    )
}

/// The lowercase form of a word, borrowed when it has no capitals (most tokens).
pub fn lowercase(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() {
        return if word.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Owned(word.to_ascii_lowercase())
        } else {
            std::borrow::Cow::Borrowed(word)
        };
    }
    if word.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// Sentence spans of a text (a convenience over [`tokenize`] and [`sentences`]).
pub fn sentence_spans(text: &str) -> Vec<Span> {
    let tokens = tokenize(text, 0);
    sentences(text, 0, &tokens)
        .into_iter()
        .filter(|r| !r.is_empty())
        .map(|r| Span::new(tokens[r.start].span.start, tokens[r.end - 1].span.end))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0)
            .iter()
            .map(|t| &text[t.span.start..t.span.end])
            .collect()
    }

    #[test]
    fn abbreviations_keep_their_dots() {
        assert_eq!(
            words("z. B. Dr. Müller u. a. bzw. mehr"),
            ["z.", "B.", "Dr.", "Müller", "u.", "a.", "bzw.", "mehr"]
        );
    }

    #[test]
    fn ordinal_dates_are_single_tokens() {
        assert_eq!(
            words("am 17. Jan. 2025 und 1. November"),
            ["am", "17.", "Jan.", "2025", "und", "1.", "November"]
        );
    }

    #[test]
    fn numbers_keep_separators_and_ranges_split() {
        assert_eq!(
            words("10.000-12.000 Soldaten"),
            ["10.000", "-", "12.000", "Soldaten"]
        );
        assert_eq!(
            words("1,6 Millionen, 1,32 Millionen"),
            ["1,6", "Millionen", ",", "1,32", "Millionen"]
        );
        assert_eq!(words("20 bis 60"), ["20", "bis", "60"]);
        assert_eq!(words("von 2014-2023"), ["von", "2014", "-", "2023"]);
    }

    #[test]
    fn hyphenated_compounds_stay_together() {
        assert_eq!(
            words("Ukraine-Front UN-Sicherheitsrat Hwasong-11A KN-23"),
            ["Ukraine-Front", "UN-Sicherheitsrat", "Hwasong-11A", "KN-23"]
        );
    }

    #[test]
    fn quotes_are_separate_tokens() {
        assert_eq!(
            words("„Krieg“ »Frieden« \"war\""),
            ["„", "Krieg", "“", "»", "Frieden", "«", "\"", "war", "\""]
        );
    }

    #[test]
    fn superscript_footnotes_end_sentences() {
        let text = "Sie habe geschossen.² Ukrainischen Angaben zufolge";
        assert_eq!(sentence_spans(text).len(), 2);
    }

    #[test]
    fn footnote_digits_are_marked() {
        let text = "im Krieg.12 Danach";
        let toks = tokenize(text, 0);
        assert_eq!(toks[3].kind, TokenKind::Footnote);
        assert_eq!(&text[toks[3].span.start..toks[3].span.end], "12");
    }

    #[test]
    fn sentences_split_at_ends_but_not_at_abbreviations() {
        let text = "Am 17. Jan. 2025 sagte Dr. Kim etwas, z. B. dies. Dann kam „Krieg.“ Danach 10.000 Soldaten. Ende";
        let spans: Vec<&str> = sentence_spans(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(
            spans,
            [
                "Am 17. Jan. 2025 sagte Dr. Kim etwas, z. B. dies.",
                "Dann kam „Krieg.“",
                "Danach 10.000 Soldaten.",
                "Ende"
            ]
        );
    }

    #[test]
    fn spans_are_shifted_by_the_offset() {
        let toks = tokenize("ab", 10);
        assert_eq!(toks[0].span, Span::new(10, 12));
    }
}
