//! Markdown articles as their author meant them to be read: the markup is turned into plain
//! text plus style spans (emphasis, strong, code, links with their targets, block quotes,
//! footnote markers), so everything downstream (extraction, search, bookmarks, the reading pane)
//! works on the text a reader sees, never on asterisks and brackets.
//!
//! Block structure is written in the shapes the article parser already knows: paragraphs
//! separated by blank lines, `#` headings, `- ` list items, and footnote definitions as
//! `[n] text` reference lines. Front matter is left to the parser. Pure; no IO; must not import
//! UI crates.

use crate::model::{Span, StyledSpan, TextStyle};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// True when `source` names a Markdown file (by its extension, ignoring case).
pub fn is_markdown(source: &str) -> bool {
    let lower = source.to_ascii_lowercase();
    [".md", ".markdown", ".mdown", ".mkd"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// Plain text of a Markdown document and the styles laid over it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendered {
    /// The text without markup.
    pub text: String,
    /// Styles, as byte spans of [`Rendered::text`], in order of their start.
    pub styles: Vec<StyledSpan>,
}

/// Renders `markdown` (without its front matter) to plain text and styles.
pub fn render(markdown: &str) -> Rendered {
    // No smart punctuation: quotation marks stay as the author typed them („…“ in German).
    let options =
        Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    let mut w = Writer::default();
    for event in Parser::new_ext(markdown, options) {
        w.event(event);
    }
    w.finish()
}

/// Open inline styles and their start offsets.
#[derive(Default)]
struct Writer {
    out: String,
    styles: Vec<StyledSpan>,
    /// Inline styles opened and not yet closed: style, start, link target.
    open: Vec<(TextStyle, usize, Option<String>)>,
    /// Start offsets of open block quotes.
    quotes: Vec<usize>,
    /// Nesting of lists: `None` for bullets, `Some(n)` for the next number of an ordered list.
    lists: Vec<Option<u64>>,
    /// A list item marker written, waiting for the item's first text (its paragraph must not
    /// start a new block).
    item_open: bool,
    /// Inside an image: its alt text is not part of the article's text.
    image_depth: usize,
    /// Start of an open code block.
    code_block: Option<usize>,
    /// Cells of the table row being read.
    row: Option<Vec<String>>,
}

impl Writer {
    /// Ends the current block: the next one starts after a blank line.
    fn new_block(&mut self) {
        let trimmed = self.out.trim_end_matches([' ', '\t']).len();
        self.out.truncate(trimmed);
        if self.out.is_empty() {
            return;
        }
        while !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    fn text(&mut self, s: &str) {
        if self.image_depth > 0 {
            return;
        }
        if let Some(row) = &mut self.row {
            if let Some(cell) = row.last_mut() {
                cell.push_str(s);
            }
            return;
        }
        self.item_open = false;
        self.out.push_str(s);
    }

    fn open(&mut self, style: TextStyle, url: Option<String>) {
        self.open.push((style, self.out.len(), url));
    }

    fn close(&mut self, style: TextStyle) {
        if let Some(i) = self.open.iter().rposition(|(s, _, _)| *s == style) {
            let (style, start, url) = self.open.remove(i);
            self.push_style(start, style, url);
        }
    }

    fn push_style(&mut self, start: usize, style: TextStyle, url: Option<String>) {
        // Styles never cover the whitespace at their ends.
        let text = &self.out[start..];
        let lead = text.len() - text.trim_start().len();
        let end = start + text.trim_end().len();
        let start = start + lead;
        if start < end {
            self.styles.push(StyledSpan {
                span: Span::new(start, end),
                style,
                url,
            });
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(s) => self.text(&s),
            Event::Code(s) => {
                let start = self.out.len();
                self.text(&s);
                if self.row.is_none() && self.image_depth == 0 {
                    self.push_style(start, TextStyle::Code, None);
                }
            }
            Event::FootnoteReference(label) => {
                let start = self.out.len();
                self.text(&format!("[{label}]"));
                if self.row.is_none() && self.image_depth == 0 {
                    self.push_style(start, TextStyle::FootnoteMarker, None);
                }
            }
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.text("\n"),
            Event::Rule => self.new_block(),
            Event::TaskListMarker(done) => self.text(if done { "☑ " } else { "☐ " }),
            // Raw HTML is markup, not text; math is shown as written.
            Event::Html(_) | Event::InlineHtml(_) => {}
            Event::InlineMath(s) | Event::DisplayMath(s) => self.text(&s),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => {
                if !self.item_open {
                    self.new_block();
                }
            }
            Tag::Heading { level, .. } => {
                self.new_block();
                let hashes = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    HeadingLevel::H4 => 4,
                    HeadingLevel::H5 => 5,
                    HeadingLevel::H6 => 6,
                };
                self.out.push_str(&"#".repeat(hashes));
                self.out.push(' ');
            }
            Tag::BlockQuote(_) => {
                self.new_block();
                self.quotes.push(self.out.len());
            }
            Tag::CodeBlock(_) => {
                self.new_block();
                self.code_block = Some(self.out.len());
            }
            Tag::List(first) => self.lists.push(first),
            Tag::Item => {
                self.new_block();
                let depth = self.lists.len().saturating_sub(1);
                self.out.push_str(&"  ".repeat(depth));
                self.out.push_str("- ");
                if let Some(Some(n)) = self.lists.last_mut() {
                    self.out.push_str(&format!("{n}. "));
                    *n += 1;
                }
                self.item_open = true;
            }
            Tag::FootnoteDefinition(label) => {
                self.new_block();
                self.out.push_str(&format!("[{label}] "));
                self.item_open = true;
            }
            Tag::Table(_) => self.new_block(),
            Tag::TableHead | Tag::TableRow => self.row = Some(Vec::new()),
            Tag::TableCell => {
                if let Some(row) = &mut self.row {
                    row.push(String::new());
                }
            }
            Tag::Emphasis => self.open(TextStyle::Emphasis, None),
            Tag::Strong => self.open(TextStyle::Strong, None),
            Tag::Strikethrough => self.open(TextStyle::Strikethrough, None),
            Tag::Link { dest_url, .. } => self.open(TextStyle::Link, Some(dest_url.to_string())),
            Tag::Image { .. } => self.image_depth += 1,
            Tag::HtmlBlock
            | Tag::MetadataBlock(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::Superscript
            | Tag::Subscript => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::FootnoteDefinition => {
                self.item_open = false;
                self.new_block();
            }
            TagEnd::BlockQuote(_) => {
                if let Some(start) = self.quotes.pop() {
                    self.push_style(start, TextStyle::Quote, None);
                }
                self.new_block();
            }
            TagEnd::CodeBlock => {
                if let Some(start) = self.code_block.take() {
                    self.push_style(start, TextStyle::Code, None);
                }
                self.new_block();
            }
            TagEnd::List(_) => {
                self.lists.pop();
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(cells) = self.row.take() {
                    let cells: Vec<&str> = cells.iter().map(|c| c.trim()).collect();
                    self.new_block();
                    self.out.push_str(&cells.join(" · "));
                    self.new_block();
                }
            }
            TagEnd::Emphasis => self.close(TextStyle::Emphasis),
            TagEnd::Strong => self.close(TextStyle::Strong),
            TagEnd::Strikethrough => self.close(TextStyle::Strikethrough),
            TagEnd::Link => self.close(TextStyle::Link),
            TagEnd::Image => self.image_depth = self.image_depth.saturating_sub(1),
            _ => {}
        }
    }

    fn finish(mut self) -> Rendered {
        let end = self.out.trim_end().len();
        self.out.truncate(end);
        self.out.push('\n');
        self.styles.sort_by_key(|s| (s.span.start, s.span.end));
        Rendered {
            text: self.out,
            styles: self.styles,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn styled(r: &Rendered, style: TextStyle) -> Vec<&str> {
        r.styles
            .iter()
            .filter(|s| s.style == style)
            .map(|s| &r.text[s.span.start..s.span.end])
            .collect()
    }

    #[test]
    fn emphasis_strong_code_and_links_become_styles_over_plain_text() {
        let r = render(
            "Der **Rat** hat *neue* Sanktionen mit `Code` beraten, wie [Reuters](https://r.example/a) berichtete.\n",
        );
        assert_eq!(
            r.text,
            "Der Rat hat neue Sanktionen mit Code beraten, wie Reuters berichtete.\n"
        );
        assert_eq!(styled(&r, TextStyle::Strong), ["Rat"]);
        assert_eq!(styled(&r, TextStyle::Emphasis), ["neue"]);
        assert_eq!(styled(&r, TextStyle::Code), ["Code"]);
        assert_eq!(styled(&r, TextStyle::Link), ["Reuters"]);
        let link = r.styles.iter().find(|s| s.style == TextStyle::Link);
        assert_eq!(
            link.and_then(|l| l.url.as_deref()),
            Some("https://r.example/a")
        );
    }

    #[test]
    fn blocks_keep_the_shapes_the_parser_knows() {
        let r = render(
            "# Titel\n\nErster Absatz\nin zwei Zeilen.\n\n> Ein Zitat.\n\n- eins\n- zwei\n\n1. a\n2. b\n",
        );
        assert_eq!(
            r.text,
            "# Titel\n\nErster Absatz in zwei Zeilen.\n\nEin Zitat.\n\n- eins\n\n- zwei\n\n- 1. a\n\n- 2. b\n"
        );
        assert_eq!(styled(&r, TextStyle::Quote), ["Ein Zitat."]);
    }

    #[test]
    fn footnotes_are_joined_to_their_definitions_as_references() {
        let r = render("Das steht fest.[^1]\n\n[^1]: Reuters, 24. Juni 2025.\n");
        assert!(r.text.starts_with("Das steht fest.[1]\n\n"), "{:?}", r.text);
        assert!(
            r.text.contains("[1] Reuters, 24. Juni 2025."),
            "{:?}",
            r.text
        );
        assert_eq!(styled(&r, TextStyle::FootnoteMarker), ["[1]"]);
    }

    #[test]
    fn images_html_and_entities_leave_no_markup() {
        let r = render(
            "Vor ![Foto: dpa](bild.jpg) dem <b>Haus</b> &quot;stand&quot; er &amp; sie.\n\n<div>weg</div>\n",
        );
        assert_eq!(r.text, "Vor  dem Haus \"stand\" er & sie.\n");
    }

    #[test]
    fn tables_become_one_line_per_row() {
        let r = render("| Land | Truppen |\n|---|---|\n| Nordkorea | 12.000 |\n");
        assert_eq!(r.text, "Land · Truppen\n\nNordkorea · 12.000\n");
    }

    #[test]
    fn only_markdown_file_names_are_markdown() {
        assert!(is_markdown("a/b/Bericht.MD"));
        assert!(is_markdown("x.markdown"));
        assert!(!is_markdown("seeds/000.txt"));
        assert!(!is_markdown("md"));
    }
}
