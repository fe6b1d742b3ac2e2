//! Links back into the reader: `dossier open ARTICLE#OFFSET` arguments and the equivalent
//! `dossier://open/…` URIs that exports carry for each note, and parsing both back.
//!
//! ARTICLE is an article's source path, content id or title. After `#` comes a byte offset
//! into the article's text, or a quote to look for. Pure; no IO.

use std::fmt::Write as _;

/// Where to open the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenTarget {
    /// Source path, content id or title of the article.
    pub article: String,
    /// Where in the article.
    pub spot: Spot,
}

/// A place inside an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Spot {
    /// The start (or the remembered reading position).
    Start,
    /// A byte offset into the article's text.
    Offset(usize),
    /// The first occurrence of this text.
    Quote(String),
}

/// URI scheme and authority of links into the reader.
pub const URI_PREFIX: &str = "dossier://open/";

/// The `dossier open` argument for `offset` in the article at `source`.
pub fn open_arg(source: &str, offset: usize) -> String {
    format!("{source}#{offset}")
}

/// The `dossier://open/SOURCE#OFFSET` URI for `offset` in the article at `source`, with the
/// source percent-encoded so the link survives Markdown, Org and YAML.
pub fn open_uri(source: &str, offset: usize) -> String {
    format!("{URI_PREFIX}{}#{offset}", percent_encode(source))
}

/// Reads an `ARTICLE[#OFFSET|#QUOTE]` argument or a `dossier://open/…` URI. The part after the
/// last `#` is an offset when it is all digits, else a quote. `is_article` says whether a
/// string names an article as a whole (then a `#` inside it, as in a path, is kept).
pub fn parse_open_target(arg: &str, is_article: impl Fn(&str) -> bool) -> OpenTarget {
    let (arg, encoded) = match arg.strip_prefix(URI_PREFIX) {
        Some(rest) => (rest, true),
        None => (arg, false),
    };
    let decode = |s: &str| {
        if encoded {
            percent_decode(s)
        } else {
            s.to_string()
        }
    };
    if !encoded && is_article(arg) {
        return OpenTarget {
            article: arg.to_string(),
            spot: Spot::Start,
        };
    }
    let Some((article, fragment)) = arg.split_once('#') else {
        return OpenTarget {
            article: decode(arg),
            spot: Spot::Start,
        };
    };
    let fragment = decode(fragment);
    let spot = if fragment.is_empty() {
        Spot::Start
    } else if fragment.bytes().all(|b| b.is_ascii_digit()) {
        fragment.parse().map_or(Spot::Quote(fragment), Spot::Offset)
    } else {
        Spot::Quote(fragment)
    };
    OpenTarget {
        article: decode(article),
        spot,
    }
}

/// Percent-encodes everything but unreserved characters and `/`.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Decodes `%XX` escapes (invalid ones are kept as they are; bad UTF-8 is replaced).
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_round_trips_paths_with_spaces_and_hashes() {
        let uri = open_uri("notes/Über #1.md", 42);
        assert_eq!(uri, "dossier://open/notes/%C3%9Cber%20%231.md#42");
        let t = parse_open_target(&uri, |_| false);
        assert_eq!(t.article, "notes/Über #1.md");
        assert_eq!(t.spot, Spot::Offset(42));
    }

    #[test]
    fn argument_reads_offset_quote_or_nothing() {
        let none = |_: &str| false;
        assert_eq!(
            parse_open_target("seeds/a#120", none).spot,
            Spot::Offset(120)
        );
        assert_eq!(
            parse_open_target("Some title#the quoted words", none),
            OpenTarget {
                article: "Some title".into(),
                spot: Spot::Quote("the quoted words".into())
            }
        );
        assert_eq!(parse_open_target("a.md", none).spot, Spot::Start);
        let whole = parse_open_target("dir/#1.md", |s| s == "dir/#1.md");
        assert_eq!(whole.article, "dir/#1.md");
        assert_eq!(open_arg("a.md", 3), "a.md#3");
        assert_eq!(percent_decode("100%"), "100%");
    }
}
