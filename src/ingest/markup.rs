//! Markup left in plain-text files by the tools that exported them: HTML character references
//! (`&quot;`, `&amp;`, `&#8211;`, `&#x201E;`) are decoded and `^{…}` superscript groups lose
//! their braces (digits become superscript digits, so a note marker still reads as one).
//!
//! The article is parsed from the text as it was written (some rules read the markup, such as a
//! footnote line starting with `^`); [`clean_article`] then rewrites its text and moves every
//! span to match. Pure; no IO. Must not import UI crates.

use crate::model::{Article, Span};

/// One replacement: `old` bytes of the input became `new_len` bytes at `new_start`.
#[derive(Debug, Clone, Copy)]
struct Edit {
    old_start: usize,
    old_end: usize,
    new_start: usize,
    new_len: usize,
}

/// Named references a news export leaves behind, with their characters.
const NAMED: &[(&str, char)] = &[
    ("quot", '"'),
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("bdquo", '„'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("auml", 'ä'),
    ("ouml", 'ö'),
    ("uuml", 'ü'),
    ("Auml", 'Ä'),
    ("Ouml", 'Ö'),
    ("Uuml", 'Ü'),
    ("szlig", 'ß'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("euro", '€'),
    ("copy", '©'),
    ("deg", '°'),
    ("sect", '§'),
    ("middot", '·'),
];

/// The character a reference at the start of `s` (just after `&`) stands for, and the bytes it
/// takes up to and including `;`. Soft hyphens and control characters decode to nothing.
fn reference(s: &str) -> Option<(Option<char>, usize)> {
    let end = s.bytes().take(12).position(|b| b == b';')?;
    let name = &s[..end];
    let c = if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() => u32::from_str_radix(hex, 16).ok()?,
            None if !num.is_empty() && num.bytes().all(|b| b.is_ascii_digit()) => {
                num.parse().ok()?
            }
            _ => return None,
        };
        let c = char::from_u32(code)?;
        (!c.is_control() && c != '\u{ad}').then_some(c)
    } else if name == "shy" {
        None
    } else {
        Some(NAMED.iter().find(|(n, _)| *n == name)?.1)
    };
    Some((c, end + 1))
}

fn superscript(d: char) -> char {
    match d {
        '0' => '⁰',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '4' => '⁴',
        '5' => '⁵',
        '6' => '⁶',
        '7' => '⁷',
        '8' => '⁸',
        '9' => '⁹',
        other => other,
    }
}

/// One pass over `text`: `rule` looks at the text from a position and returns the bytes it
/// replaces and their replacement, or `None` to keep the character there.
fn pass(text: &str, rule: impl Fn(&str) -> Option<(usize, String)>) -> (String, Vec<Edit>) {
    let mut out = String::with_capacity(text.len());
    let mut edits = Vec::new();
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        if let Some((len, new)) = rule(&text[i..]) {
            edits.push(Edit {
                old_start: i,
                old_end: i + len,
                new_start: out.len(),
                new_len: new.len(),
            });
            out.push_str(&new);
            i += len;
        } else {
            out.push(c);
            i += c.len_utf8();
        }
    }
    (out, edits)
}

/// `^{…}` on one line, at most 24 bytes inside: the braces go, digits become superscripts.
fn superscript_group(s: &str) -> Option<(usize, String)> {
    let inner = s.strip_prefix("^{")?;
    let close = inner.bytes().take(24).position(|b| b == b'}')?;
    let content = &inner[..close];
    if content.contains('\n') {
        return None;
    }
    let new = if !content.is_empty() && content.bytes().all(|b| b.is_ascii_digit()) {
        content.chars().map(superscript).collect()
    } else {
        content.to_string()
    };
    Some((close + 3, new))
}

fn character_reference(s: &str) -> Option<(usize, String)> {
    let rest = s.strip_prefix('&')?;
    let (c, len) = reference(rest)?;
    Some((len + 1, c.map(String::from).unwrap_or_default()))
}

/// Where `pos` of the input of a pass is in its output: inside a replaced stretch, its start
/// (or for an end, the end of the replacement).
fn map(edits: &[Edit], pos: usize, is_end: bool) -> usize {
    let k = edits.partition_point(|e| e.old_end <= pos);
    if let Some(e) = edits.get(k)
        && e.old_start < pos
    {
        return if is_end {
            e.new_start + e.new_len
        } else {
            e.new_start
        };
    }
    match k.checked_sub(1).map(|j| &edits[j]) {
        Some(prev) => prev.new_start + prev.new_len + (pos - prev.old_end),
        None => pos,
    }
}

/// `text` with leftover markup decoded or removed, and the edits of each pass, or `None` when
/// there is none.
fn clean(text: &str) -> Option<(String, [Vec<Edit>; 2])> {
    if !text.contains("^{") && !text.contains('&') {
        return None;
    }
    let (braced, first) = pass(text, superscript_group);
    let (decoded, second) = pass(&braced, character_reference);
    (!first.is_empty() || !second.is_empty()).then_some((decoded, [first, second]))
}

/// A short string (a title, a name) with leftover markup decoded or removed.
pub(crate) fn clean_str(s: &str) -> String {
    clean(s).map_or_else(|| s.to_string(), |(t, _)| t)
}

/// Rewrites the article's text without leftover markup and moves its blocks and styles to
/// match. The id then names the text shown, as for a rendered Markdown file.
pub(crate) fn clean_article(article: &mut Article) {
    article.title = clean_str(&article.title);
    for name in &mut article.authors {
        *name = clean_str(name);
    }
    if let Some(outlet) = &mut article.outlet {
        *outlet = clean_str(outlet);
    }
    let Some((text, passes)) = clean(&article.text) else {
        return;
    };
    let move_span = |s: Span| {
        let (mut start, mut end) = (s.start, s.end);
        for edits in &passes {
            start = map(edits, start, false);
            end = map(edits, end, true).max(start);
        }
        Span::new(start, end)
    };
    for block in article.body.iter_mut().chain(article.references.iter_mut()) {
        block.span = move_span(block.span);
    }
    for style in &mut article.styles {
        style.span = move_span(style.span);
    }
    article.id = super::article_id(&text);
    article.text = text;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn character_references_are_decoded() {
        assert_eq!(
            clean_str("&quot;WeltTrends&quot; &amp; mehr &#8211; &#x201E;so&#8220; &lt;b&gt;"),
            "\"WeltTrends\" & mehr – „so“ <b>"
        );
        assert_eq!(
            clean_str("Stra&szlig;e, M&uuml;ller&shy;s"),
            "Straße, Müllers"
        );
    }

    #[test]
    fn text_that_only_looks_like_markup_is_kept() {
        for t in [
            "Texas A&M University Press",
            "AT&T; und B&Q",
            "Preis: 5 & 6 Euro; ok",
            "&#xZZ; &#; &unknown;",
            "x^2 und ^{",
        ] {
            assert_eq!(clean_str(t), t, "{t}");
        }
    }

    #[test]
    fn superscript_groups_lose_their_braces() {
        assert_eq!(clean_str("Ende.^{12} Weiter"), "Ende.¹² Weiter");
        assert_eq!(
            clean_str("^{* &}quot;WeltTrends. Das Journal\", 202"),
            "* \"WeltTrends. Das Journal\", 202"
        );
    }

    #[test]
    fn spans_move_with_the_text() {
        use crate::model::{Block, BlockKind};
        let text = "Titel &amp; Zeile\n\n^{1} Fu&szlig;note hier.\n";
        let span_of = |s: &str| {
            let at = text.find(s).unwrap();
            Span::new(at, at + s.len())
        };
        let mut a = Article {
            source: "a.txt".into(),
            title: "Titel &amp; Zeile".into(),
            references: vec![Block {
                kind: BlockKind::Reference,
                span: span_of("^{1} Fu&szlig;note hier."),
            }],
            ..Article::untitled(
                super::super::article_id(text),
                text.into(),
                vec![Block {
                    kind: BlockKind::Paragraph,
                    span: span_of("Titel &amp; Zeile"),
                }],
            )
        };
        let old_id = a.id.clone();
        clean_article(&mut a);
        assert_eq!(a.title, "Titel & Zeile");
        assert_eq!(a.slice(a.body[0].span), "Titel & Zeile");
        assert_eq!(a.slice(a.references[0].span), "¹ Fußnote hier.");
        assert_ne!(a.id, old_id);
    }
}
