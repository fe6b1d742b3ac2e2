//! Pure parsing of one article's text: metadata heuristics, body blocks and references.
//!
//! Every rule here is general (line shape, vocabulary, position); none names a particular file.
//! No IO; must not import UI crates.

use super::article_id;
use super::boilerplate::{
    has_issn, is_bare_url, is_boilerplate, is_kicker, is_reference, is_reference_heading, is_url,
};
use super::frontmatter::{FrontMatter, split_front_matter};
use crate::dates::{find_dates, parse_date};
use crate::model::{Article, Block, BlockKind, Lang, PartialDate, Span};

/// Longest title, in characters, made from a first line, or cut from a lead sentence.
const MAX_TITLE_CHARS: usize = 80;

/// Longest lead sentence, in characters, taken whole as a title.
const MAX_LEAD_TITLE_CHARS: usize = 160;

/// Longest lead sentence, in characters, taken whole as a title when it has no first clause to
/// stand for it: a long sentence reads better than one cut off.
const MAX_WHOLE_LEAD_CHARS: usize = 240;

/// Shortest first clause, in characters, that stands for a long lead sentence.
const MIN_CLAUSE_TITLE_CHARS: usize = 20;

/// Parses an article with heuristics for front matter, metadata, boilerplate and references.
///
/// A Markdown file (by its name) is first turned into plain text and styles
/// ([`super::markdown`]); the article's text is then the text a reader sees, its front matter
/// kept verbatim at the top.
pub fn parse_article(source: &str, text: &str) -> Article {
    let (fm, body_start) = split_front_matter(text).unwrap_or_default();
    if super::markdown::is_markdown(source) {
        let rendered = super::markdown::render(&text[body_start..]);
        let plain = format!("{}{}", &text[..body_start], rendered.text);
        let units = segment(&plain, body_start);
        let mut p = Parser::new(&plain, units);
        p.run(&fm);
        let mut article = p.finish(source, fm);
        article.styles = rendered
            .styles
            .into_iter()
            .map(|mut s| {
                s.span = Span::new(s.span.start + body_start, s.span.end + body_start);
                s
            })
            .collect();
        return article;
    }
    let units = segment(text, body_start);
    let mut p = Parser::new(text, units);
    p.run(&fm);
    let mut article = p.finish(source, fm);
    super::markup::clean_article(&mut article);
    article
}

/// Parses an article with no heuristics: every blank-line separated paragraph is body and the
/// title is the first line.
pub fn parse_raw(source: &str, text: &str) -> Article {
    let body = paragraphs(text);
    let first_line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let title = match shorten(first_line) {
        t if t.is_empty() => fallback_title(source),
        t => t,
    };
    Article {
        source: source.to_string(),
        title,
        lang: detect_lang(text),
        ..Article::untitled(article_id(text), text.to_string(), body)
    }
}

/// One paragraph block for each run of lines between blank lines, without the whitespace
/// around it.
pub fn paragraphs(text: &str) -> Vec<Block> {
    let mut body = Vec::new();
    let mut para: Option<(usize, usize)> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            if let Some((start, end)) = para.take()
                && let Some(span) = trimmed_span(text, start, end)
            {
                body.push(Block {
                    kind: BlockKind::Paragraph,
                    span,
                });
            }
        } else {
            let start = para.map_or(pos, |(start, _)| start);
            para = Some((start, pos + line.len()));
        }
        pos += line.len();
    }
    if let Some((start, end)) = para
        && let Some(span) = trimmed_span(text, start, end)
    {
        body.push(Block {
            kind: BlockKind::Paragraph,
            span,
        });
    }
    body
}

/// The span of `text[start..end]` without surrounding whitespace, or `None` when blank.
fn trimmed_span(text: &str, start: usize, end: usize) -> Option<Span> {
    let slice = text.get(start..end)?;
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    (!trimmed.is_empty()).then(|| Span::new(start + lead, start + lead + trimmed.len()))
}

/// Splits text into units: paragraphs separated by blank lines, or single lines where lines are
/// not wrapped continuations of each other.
fn segment(text: &str, start: usize) -> Vec<Span> {
    let mut lines: Vec<Option<Span>> = Vec::new();
    let mut pos = start;
    for line in text[start..].split_inclusive('\n') {
        lines.push(trimmed_span(text, pos, pos + line.len()));
        pos += line.len();
    }
    let mut units = Vec::new();
    let mut group: Vec<Span> = Vec::new();
    for line in lines.into_iter().chain(std::iter::once(None)) {
        match line {
            Some(span) => group.push(span),
            None if !group.is_empty() => {
                merge_group(text, &group, &mut units);
                group.clear();
            }
            None => {}
        }
    }
    units
}

fn merge_group(text: &str, group: &[Span], out: &mut Vec<Span>) {
    let s = |sp: &Span| &text[sp.start..sp.end];
    let lens: Vec<usize> = group.iter().map(|sp| s(sp).chars().count()).collect();
    // A hard-wrapped paragraph: three or more lines, all but the last of similar, long length.
    let body_lens = &lens[..lens.len().saturating_sub(1)];
    let hard_wrapped = group.len() >= 3
        && body_lens.iter().all(|&l| l >= 40)
        && body_lens.iter().max().unwrap_or(&0) - body_lens.iter().min().unwrap_or(&0) <= 20
        && group
            .iter()
            .take(group.len() - 1)
            .any(|sp| !ends_sentence(s(sp)))
        && !group.iter().any(|sp| bullet_len(s(sp)).is_some());
    let mut current = group[0];
    for pair in group.windows(2) {
        let (prev, next) = (&pair[0], &pair[1]);
        let next_text = s(next);
        let continues = hard_wrapped
            || (!ends_sentence(s(prev))
                && bullet_len(next_text).is_none()
                && next_text.chars().next().is_some_and(char::is_lowercase));
        if continues {
            current.end = next.end;
        } else {
            out.push(current);
            current = *next;
        }
    }
    out.push(current);
}

fn ends_sentence(line: &str) -> bool {
    without_note_marker(line)
        .ends_with(['.', '!', '?', ':', ';', '…', '"', '“', '”', '»', '«', ')'])
}

/// The text without a trailing footnote marker ("…berichtete.[1]", "…sagte er.²", "[^n]" (a Markdown footnote)), so
/// a sentence that cites a note still ends like a sentence.
fn without_note_marker(t: &str) -> &str {
    let t = t.trim_end();
    let t = t.trim_end_matches(['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '⁰']);
    if let Some(inner_end) = t.strip_suffix(']')
        && let Some(open) = inner_end.rfind('[')
    {
        let label = inner_end[open + 1..].trim_start_matches('^');
        if !label.is_empty() && label.len() <= 4 && label.chars().all(|c| c.is_ascii_alphanumeric())
        {
            return &t[..open];
        }
    }
    t
}

/// Byte length of a Markdown heading marker (`## `) and the whitespace after it.
fn markdown_heading_len(line: &str) -> Option<usize> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    let rest = &line[hashes..];
    let after = rest.trim_start();
    ((1..=6).contains(&hashes) && rest.starts_with([' ', '\t']) && !after.is_empty())
        .then(|| line.len() - after.len())
}

/// Byte length of a leading bullet and the whitespace after it.
fn bullet_len(line: &str) -> Option<usize> {
    let mut chars = line.char_indices();
    let (_, c) = chars.next()?;
    let needs_space = matches!(c, '-' | '*' | '–' | '—');
    if !(needs_space || matches!(c, '•' | '·' | '▪' | '►' | '◦' | '‣' | '●' | '■')) {
        return None;
    }
    let rest = &line[c.len_utf8()..];
    let after = rest.trim_start();
    if after.is_empty() || (needs_space && !rest.starts_with(char::is_whitespace)) {
        return None;
    }
    Some(line.len() - after.len())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Not yet classified: body text.
    Open,
    /// Metadata, boilerplate or a byline: neither body nor reference.
    Drop,
    /// A reference shown after the body.
    Reference,
}

struct Parser<'a> {
    text: &'a str,
    units: Vec<Span>,
    roles: Vec<Role>,
    /// Units before the first prose paragraph: where kickers, datelines, titles and bylines live.
    top_end: usize,
    title: Option<String>,
    /// Authors with the index of the unit that named them, to order them by appearance.
    authors: Vec<(usize, String)>,
    outlet: Option<String>,
    date: Option<PartialDate>,
    doi: Option<String>,
    url: Option<String>,
    /// A trimmed end for a unit whose trailing byline sentence was removed.
    cut: Vec<Option<usize>>,
    /// First unit after a reference heading ("Bibliografische Angaben"), when there is one.
    ref_section: Option<usize>,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str, units: Vec<Span>) -> Self {
        let n = units.len();
        let mut p = Parser {
            text,
            units,
            roles: vec![Role::Open; n],
            top_end: 0,
            title: None,
            authors: Vec::new(),
            outlet: None,
            date: None,
            doi: None,
            url: None,
            cut: vec![None; n],
            ref_section: None,
        };
        p.top_end = (0..n).find(|&i| is_prose(p.u(i))).unwrap_or(n).min(12);
        p
    }

    fn u(&self, i: usize) -> &'a str {
        let sp = self.units[i];
        &self.text[sp.start..sp.end]
    }

    fn run(&mut self, fm: &FrontMatter) {
        self.mark_boilerplate();
        self.scan_top_metadata();
        self.mark_reference_section();
        self.mark_bios();
        self.pick_title(fm.title.as_deref());
        self.mark_top_bylines();
        self.mark_late_bylines();
        self.mark_references();
        self.mark_lead_byline();
        self.find_outlet();
        self.find_doi_and_url();
    }

    fn mark_boilerplate(&mut self) {
        for i in 0..self.units.len() {
            let t = self.u(i);
            if is_boilerplate(t) || (i < self.top_end && is_kicker(t)) {
                self.roles[i] = Role::Drop;
            }
        }
    }

    /// Datelines, DOI and URL lines and journal headers above the first paragraph.
    fn scan_top_metadata(&mut self) {
        let top_has_issn = (0..self.top_end).any(|i| has_issn(&self.u(i).to_lowercase()));
        for i in 0..self.top_end {
            let t = self.u(i);
            if is_bare_url(t) {
                self.roles[i] = Role::Drop;
                continue;
            }
            if self.roles[i] != Role::Open {
                continue;
            }
            if top_has_issn && is_all_caps(t) {
                self.outlet.get_or_insert_with(|| title_case(t));
                self.roles[i] = Role::Drop;
                continue;
            }
            if let Some(date) = dateline_date(t) {
                self.date.get_or_insert(date);
                self.roles[i] = Role::Drop;
            }
        }
    }

    /// Everything after a "Bibliografische Angaben"/"References" heading is a reference.
    fn mark_reference_section(&mut self) {
        // Only in the second half: a "Quellen" heading early on heads body text.
        let from = self.top_end.max(self.units.len() / 2).max(1);
        let Some(start) = (from..self.units.len())
            .find(|&i| self.roles[i] == Role::Open && is_reference_heading(self.u(i)))
        else {
            return;
        };
        self.roles[start] = Role::Drop;
        self.ref_section = Some(start + 1);
        for i in start + 1..self.units.len() {
            if self.roles[i] == Role::Open && is_bio(self.u(i)).is_none() {
                self.roles[i] = Role::Reference;
            }
        }
    }

    /// Author bio lines in the last part of the article ("X ist Analyst am …").
    fn mark_bios(&mut self) {
        let n = self.units.len();
        let from = (n / 2).max(self.top_end + 1);
        for i in from..n {
            if matches!(self.roles[i], Role::Open | Role::Reference)
                && let Some(name) = is_bio(self.u(i))
            {
                push_author(&mut self.authors, i, name);
                self.roles[i] = Role::Drop;
            }
        }
    }

    fn pick_title(&mut self, fm_title: Option<&str>) {
        if let Some(t) = fm_title {
            self.title = Some(t.to_string());
        }
        for i in 0..self.top_end {
            if self.roles[i] != Role::Open {
                continue;
            }
            let t = self.u(i);
            if !is_headline(t) || is_person_name(t) {
                continue;
            }
            let cleaned = clean_title(t);
            match &self.title {
                Some(existing) if existing != &cleaned => {}
                _ => {
                    self.title = Some(cleaned);
                    self.roles[i] = Role::Drop;
                }
            }
            break;
        }
    }

    /// Name lines, "Von X und Y" lines and affiliation lines above the first paragraph.
    fn mark_top_bylines(&mut self) {
        let mut after_name = false;
        for i in 0..self.top_end {
            if self.roles[i] != Role::Open {
                after_name = false;
                continue;
            }
            let t = self.u(i);
            if is_person_name(t) {
                push_author(&mut self.authors, i, clean_name(t));
                self.roles[i] = Role::Drop;
                after_name = true;
                continue;
            }
            if let Some(names) = byline_names(t) {
                for name in names {
                    push_author(&mut self.authors, i, name);
                }
                self.roles[i] = Role::Drop;
                after_name = true;
                continue;
            }
            if after_name && is_affiliation(t) {
                self.roles[i] = Role::Drop;
            }
            after_name = false;
        }
    }

    /// "Von X" bylines just after a standfirst.
    fn mark_late_bylines(&mut self) {
        for i in self.top_end..self.units.len().min(self.top_end + 3) {
            if self.roles[i] == Role::Open
                && let Some(names) = byline_names(self.u(i))
            {
                for name in names {
                    push_author(&mut self.authors, i, name);
                }
                self.roles[i] = Role::Drop;
            }
        }
    }

    fn mark_references(&mut self) {
        for i in 0..self.units.len() {
            if self.roles[i] == Role::Open && is_reference(self.u(i)) {
                self.roles[i] = Role::Reference;
            }
        }
    }

    /// "Eine Analyse von X." closing the lead paragraph names the author.
    fn mark_lead_byline(&mut self) {
        let Some(i) = (0..self.units.len().min(self.top_end + 3))
            .find(|&i| self.roles[i] == Role::Open && is_prose(self.u(i)))
        else {
            return;
        };
        let t = self.u(i);
        let start = last_sentence_start(t);
        if start == 0 {
            return;
        }
        if let Some(names) = lead_byline_names(&t[start..]) {
            for name in names {
                push_author(&mut self.authors, i, name);
            }
            self.cut[i] = Some(self.units[i].start + t[..start].trim_end().len());
        }
    }

    fn find_outlet(&mut self) {
        // Bibliographic lines are trusted above the article or in a reference section, not in
        // footnotes, which name other outlets.
        let section = self.ref_section.unwrap_or(self.units.len());
        let bib = (0..self.units.len())
            .filter(|&i| i < self.top_end || (i >= section && self.roles[i] == Role::Reference))
            .find_map(|i| bibliographic_outlet(self.u(i)));
        // Self-descriptions ("Die X steht für …", "© X") are page furniture, never body text.
        let claimed = (0..self.units.len())
            .filter(|&i| self.roles[i] == Role::Drop)
            .find_map(|i| claimed_outlet(self.u(i)));
        let quelle = (0..self.units.len()).find_map(|i| source_line_outlet(self.u(i)));
        if let Some(name) = bib {
            self.outlet = Some(best_spelling(&name, self.text));
        } else if let Some(name) = claimed {
            self.outlet = Some(name);
        } else if self.outlet.is_none() {
            self.outlet = quelle;
        }
    }

    fn find_doi_and_url(&mut self) {
        for i in 0..self.units.len() {
            let t = self.u(i);
            let labelled_doi = t
                .chars()
                .take(3)
                .flat_map(char::to_lowercase)
                .collect::<String>()
                .starts_with("doi");
            if self.doi.is_none()
                && (i < self.top_end || labelled_doi)
                && self.roles[i] != Role::Reference
                && let Some(doi) = find_doi(t)
            {
                self.doi = Some(doi);
            }
            if self.url.is_none() {
                self.url = labelled_url(t).or_else(|| canonical_link(t)).or_else(|| {
                    (i < self.top_end && is_bare_url(t) && find_doi(t).is_none())
                        .then(|| t.trim_matches(['<', '>']).to_string())
                });
            }
        }
    }

    fn finish(self, source: &str, fm: FrontMatter) -> Article {
        let n = self.units.len();
        // open_after[i]: some unit after i is body text (a heading needs text to head).
        let mut open_after = vec![false; n];
        for i in (0..n.saturating_sub(1)).rev() {
            open_after[i] = open_after[i + 1] || self.roles[i + 1] == Role::Open;
        }
        let mut body = Vec::new();
        let mut references = Vec::new();
        for (i, &next_open) in open_after.iter().enumerate() {
            let mut span = self.units[i];
            if let Some(end) = self.cut[i] {
                span.end = end;
            }
            match self.roles[i] {
                Role::Drop => {}
                Role::Reference => references.push(Block {
                    kind: BlockKind::Reference,
                    span,
                }),
                Role::Open => {
                    let t = &self.text[span.start..span.end];
                    let block = if let Some(len) = markdown_heading_len(t) {
                        Block {
                            kind: BlockKind::Heading,
                            span: Span::new(span.start + len, span.end),
                        }
                    } else if let Some(len) = bullet_len(t) {
                        Block {
                            kind: BlockKind::ListItem,
                            span: Span::new(span.start + len, span.end),
                        }
                    } else if next_open && is_heading(t) {
                        Block {
                            kind: BlockKind::Heading,
                            span,
                        }
                    } else {
                        Block {
                            kind: BlockKind::Paragraph,
                            span,
                        }
                    };
                    body.push(block);
                }
            }
        }
        if body.is_empty() {
            // Nothing looked like body: show every unit rather than an empty article.
            body = self
                .units
                .iter()
                .map(|&span| Block {
                    kind: BlockKind::Paragraph,
                    span,
                })
                .collect();
            references.clear();
        }
        let title = self
            .title
            .clone()
            .filter(|t| !t.is_empty())
            .or_else(|| {
                body.iter()
                    .find(|b| b.kind == BlockKind::Paragraph)
                    .or(body.first())
                    .map(|b| title_from_lead(&self.text[b.span.start..b.span.end]))
            })
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| fallback_title(source));
        let mut found = self.authors.clone();
        found.sort_by_key(|(unit, _)| *unit);
        let candidates: Vec<String> = if fm.authors.is_empty() {
            found.into_iter().map(|(_, name)| name).collect()
        } else {
            fm.authors
        };
        let mut authors: Vec<String> = Vec::new();
        for name in candidates {
            if !authors.contains(&name) {
                authors.push(name);
            }
        }
        if authors.is_empty()
            && let Some(last) = body.iter().rev().find(|b| b.kind == BlockKind::Paragraph)
            && let Some(initials) = sign_off(&self.text[last.span.start..last.span.end])
        {
            authors.push(initials);
        }
        let lang = match fm.lang.as_deref().map(str::to_lowercase).as_deref() {
            Some(l) if l.starts_with("en") => Lang::En,
            Some(l) if l.starts_with("de") => Lang::De,
            _ => detect_lang(self.text),
        };
        Article {
            id: article_id(self.text),
            source: source.to_string(),
            title,
            authors,
            outlet: fm.outlet.or(self.outlet),
            date: fm.date.as_deref().and_then(parse_date).or(self.date),
            lang,
            doi: fm.doi.map(|d| strip_doi_prefix(&d)).or(self.doi),
            url: fm.url.or(self.url),
            text: self.text.to_string(),
            body,
            references,
            styles: Vec::new(),
        }
    }
}

fn fallback_title(source: &str) -> String {
    let name = source.rsplit(['/', '\\']).next().unwrap_or(source);
    let stem = name.rsplit_once('.').map(|(s, _)| s).unwrap_or(name);
    if stem.is_empty() {
        "Untitled".to_string()
    } else {
        stem.to_string()
    }
}

/// A paragraph of running text: long and closed by sentence punctuation, or very long.
fn is_prose(t: &str) -> bool {
    let chars = t.chars().count();
    (chars >= 80 && ends_sentence(t) && !t.trim_end().ends_with(':')) || chars >= 200
}

fn is_all_caps(t: &str) -> bool {
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 8
        && t.split_whitespace().count() >= 2
        && letters.iter().filter(|c| c.is_uppercase()).count() * 10 >= letters.len() * 9
}

fn title_case(t: &str) -> String {
    t.split_whitespace()
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// The author's initials a German news text ends with: "… hieß es aus Seoul. (nak)",
/// "(dpa/AFP)". Two to five letters per part, at most three parts.
fn sign_off(paragraph: &str) -> Option<String> {
    let t = paragraph.trim_end();
    let inner = t.strip_suffix(')')?.rsplit_once('(')?.1;
    let before = t[..t.len() - inner.len() - 2].trim_end();
    let parts: Vec<&str> = inner.split('/').collect();
    let ok = before.ends_with(['.', '!', '?', '“', '"', '»'])
        && parts.len() <= 3
        && parts
            .iter()
            .all(|p| (2..=5).contains(&p.len()) && p.chars().all(|c| c.is_alphabetic()));
    ok.then(|| inner.to_string())
}

/// Bytes of a clock time at the start of `rest`: "10.30 BST", ", 14:05 Uhr", "um 9:15".
fn clock_time_len(rest: &str) -> usize {
    let mut end = 0;
    let mut seen_time = false;
    for (i, word) in rest.split_inclusive(' ').scan(0, |pos, w| {
        let at = *pos;
        *pos += w.len();
        Some((at, w))
    }) {
        let w = word.trim().trim_matches(',');
        let is_time = w.len() <= 5
            && w.contains([':', '.'])
            && w.split([':', '.'])
                .all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()));
        let is_zone = seen_time
            && (w == "Uhr"
                || (w.len() <= 4 && w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase())));
        if w.is_empty() || (!seen_time && matches!(w, "um" | "at" | "-" | "–")) {
            end = i + word.len();
        } else if is_time {
            seen_time = true;
            end = i + word.len();
        } else if is_zone {
            end = i + word.len();
        } else {
            break;
        }
    }
    if seen_time { end } else { 0 }
}

/// A date line above the title: mostly a date, labelled ("Stand: …"), or "Place, date".
fn dateline_date(t: &str) -> Option<PartialDate> {
    let found = find_dates(t);
    let (span, date) = *found.first()?;
    // A weekday before the date and a clock time after it belong to the date
    // ("Tuesday 17 September 2024 10.30 BST").
    let weekday = t.len() - crate::dates::strip_weekday(t).len();
    let time = clock_time_len(&t[span.end..]);
    let content: usize = t.chars().filter(|c| !c.is_whitespace()).count();
    let date_chars: usize = t[span.start..span.end]
        .chars()
        .chain(t[..weekday.min(span.start)].chars())
        .chain(t[span.end..span.end + time].chars())
        .filter(|c| !c.is_whitespace())
        .count();
    let lower = t.to_lowercase();
    let labelled = [
        "stand",
        "veröffentlicht",
        "aktualisiert",
        "erschienen",
        "datum",
        "published",
        "updated",
        "date",
        "posted",
    ]
    .iter()
    .any(|l| lower.starts_with(l));
    let place = span.end == t.trim_end_matches('.').len()
        && t[..span.start].trim_end().ends_with(',')
        && t[..span.start].split_whitespace().count() <= 3;
    (date_chars * 2 >= content || labelled || place).then_some(date)
}

/// Strips footnote markers and collapses whitespace in a title line.
fn clean_title(t: &str) -> String {
    let t = markdown_heading_len(t).map_or(t, |len| &t[len..]);
    let joined = t.split_whitespace().collect::<Vec<_>>().join(" ");
    joined
        .trim_end_matches([
            '*', '†', '‡', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '⁰', ' ',
        ])
        .to_string()
}

/// A line that reads like a headline: short, no closing period, not starting lowercase.
fn is_headline(t: &str) -> bool {
    let cleaned = clean_title(t);
    let chars = cleaned.chars().count();
    let words = cleaned.split_whitespace().count();
    let Some(first) = cleaned.chars().next() else {
        return false;
    };
    (3..=200).contains(&chars)
        && words <= 30
        && !first.is_lowercase()
        && cleaned.chars().any(char::is_alphabetic)
        && !cleaned.ends_with(['.', ',', ';', ':'])
        && cleaned.matches(", ").count() <= 1
        && bullet_len(t).is_none()
        && !t.contains('\n')
        && !is_url(t)
        && !is_reference(t)
}

/// A section heading between paragraphs: short, no closing punctuation, not lowercase.
fn is_heading(t: &str) -> bool {
    let chars = t.chars().count();
    let Some(first) = t.chars().next() else {
        return false;
    };
    chars <= 150
        && t.split_whitespace().count() <= 20
        && !first.is_lowercase()
        && t.chars().any(char::is_alphabetic)
        && !without_note_marker(t).ends_with(['.', '!', '?', ':', ';', ','])
        && !t.contains('\n')
}

const NAME_PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "di", "du", "la", "le", "al", "bin", "ibn", "zu",
    "ten", "ter", "y", "dos", "del",
];

const NOT_NAME_STARTS: &[&str] = &[
    "Die", "Der", "Das", "Ein", "Eine", "The", "A", "An", "Im", "In", "Am", "Von", "By", "Mit",
    "Und", "Wie", "Was", "Wer", "Warum", "Neue", "Neuer", "Neues", "New", "Mehr", "Alle",
];

/// English job titles that follow a name in a byline, often after modifiers that are
/// capitalised like a name ("Technology Correspondent", "Global Affairs Editor").
const ROLES_EN: &[&str] = &[
    "correspondent",
    "editor",
    "reporter",
    "writer",
    "columnist",
    "journalist",
    "analyst",
    "producer",
];

/// Endings of German job titles, which are compounds ("Wirtschaftsredakteurin") and may
/// follow an adjective ("Leitende Redakteurin").
const ROLES_DE: &[&str] = &[
    "redakteur",
    "redakteurin",
    "redakteure",
    "korrespondent",
    "korrespondentin",
    "korrespondenten",
    "reporterin",
    "journalistin",
    "kolumnist",
    "kolumnistin",
    "autorin",
    "mitarbeiter",
    "mitarbeiterin",
    "volontär",
    "volontärin",
    "ressortleiter",
    "ressortleiterin",
];

/// The job a token names, when it names one: `Some(true)` for an English title, `Some(false)`
/// for a German one ("Correspondent", "Correspondents", "Wirtschaftsredakteurin").
fn role_word(token: &str) -> Option<bool> {
    let lower = token
        .trim_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    if ROLES_EN.contains(&singular) {
        return Some(true);
    }
    (lower.len() > 3 && ROLES_DE.iter().any(|e| lower.ends_with(e))).then_some(false)
}

/// True when `token` names a job.
fn is_role_word(token: &str) -> bool {
    role_word(token).is_some()
}

/// A name followed by a job title without punctuation: "Alex Hern Technology Correspondent" ->
/// "Alex Hern" (an English title's capitalised modifiers cannot be told from a surname, so two
/// name words stay), "Anna Berg Leitende Redakteurin" -> "Anna Berg" (words before a German
/// title that end like an adjective go with it).
fn strip_role(name: &str) -> String {
    let tokens: Vec<&str> = name.split_whitespace().collect();
    let Some((k, english)) = tokens
        .iter()
        .enumerate()
        .find_map(|(i, t)| role_word(t).map(|e| (i, e)))
    else {
        return name.to_string();
    };
    let mut kept: Vec<&str> = tokens[..k].to_vec();
    if english {
        let mut named = 0;
        kept.retain(|t| {
            if NAME_PARTICLES.contains(t) {
                named < 2
            } else {
                named += 1;
                named <= 2
            }
        });
    } else {
        while kept.len() > 2
            && kept.last().is_some_and(|w| {
                ["e", "er", "es", "en"].iter().any(|e| w.ends_with(e)) && w.len() > 4
            })
        {
            kept.pop();
        }
    }
    kept.join(" ")
}

/// A line that is just a person's name: 2-4 capitalised tokens (plus particles), no verb.
fn is_person_name(t: &str) -> bool {
    let t = t.trim();
    let tokens: Vec<&str> = t.split_whitespace().collect();
    if tokens.iter().any(|w| is_role_word(w)) {
        return false;
    }
    let named = tokens
        .iter()
        .filter(|w| !NAME_PARTICLES.contains(w))
        .count();
    if !(2..=4).contains(&named) || tokens.len() > 6 || t.chars().count() > 50 {
        return false;
    }
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return false;
    };
    if NAME_PARTICLES.contains(first)
        || NAME_PARTICLES.contains(last)
        || NOT_NAME_STARTS.contains(first)
    {
        return false;
    }
    tokens
        .iter()
        .all(|w| NAME_PARTICLES.contains(w) || is_name_token(w))
}

fn is_name_token(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let rest: Vec<char> = chars.collect();
    if !first.is_uppercase() {
        return false;
    }
    // An initial ("M.") or a capitalised word, not an acronym ("NATO").
    if rest == ['.'] {
        return true;
    }
    let upper_rest = rest.iter().filter(|c| c.is_uppercase()).count();
    !rest.is_empty()
        && rest
            .iter()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        && upper_rest * 2 < rest.len().max(1)
        && !rest.iter().any(|c| c.is_ascii_digit())
}

/// A name with trailing punctuation and any affiliation after a comma or bracket removed.
fn clean_name(t: &str) -> String {
    let mut s = t.trim();
    for sep in [" (", ", ", " – ", " — ", " | ", " - ", "/"] {
        if let Some((head, _)) = s.split_once(sep) {
            s = head;
        }
    }
    s.trim()
        .trim_end_matches(['.', ',', ';', ':', '*'])
        .trim()
        .to_string()
}

fn push_author(authors: &mut Vec<(usize, String)>, unit: usize, name: String) {
    if !name.is_empty() {
        authors.push((unit, name));
    }
}

/// Names joined by "und", "and", "&" or commas; stops at the first part that is not a name.
fn split_names(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let normalised = s
        .replace(" und ", ", ")
        .replace(" and ", ", ")
        .replace(" & ", ", ");
    for part in normalised.split(", ") {
        let name = strip_role(&clean_name(part));
        if is_person_name(&name) {
            out.push(name);
        } else {
            break;
        }
    }
    out
}

/// "Von X und Y" / "By X and Y" / "Text: X" byline lines.
fn byline_names(t: &str) -> Option<Vec<String>> {
    if t.chars().count() > 120 {
        return None;
    }
    let rest = [
        "Von ",
        "von ",
        "By ",
        "by ",
        "Text: ",
        "Autor: ",
        "Autorin: ",
        "Author: ",
    ]
    .iter()
    .find_map(|p| t.strip_prefix(p))?;
    let names = split_names(rest);
    (!names.is_empty()).then_some(names)
}

/// "Eine Analyse von X." / "Ein Kommentar von X" / "An analysis by X." as a lead's last sentence.
fn lead_byline_names(sentence: &str) -> Option<Vec<String>> {
    let s = sentence.trim();
    if s.chars().count() > 100 {
        return None;
    }
    let rest = ["Eine ", "Ein ", "An ", "A "]
        .iter()
        .find_map(|p| s.strip_prefix(p))?;
    let (kind, names) = rest
        .split_once(" von ")
        .or_else(|| rest.split_once(" by "))?;
    if kind.split_whitespace().count() > 2 {
        return None;
    }
    let names = split_names(names.trim_end_matches('.'));
    (!names.is_empty()).then_some(names)
}

/// Affiliation shown under a byline: commas or slashes, no sentence, not too long.
fn is_affiliation(t: &str) -> bool {
    t.chars().count() <= 250
        && !t.ends_with('.')
        && (t.matches(',').count() >= 2 || t.contains('/'))
}

/// "X ist Gastwissenschaftler am …": returns the name when the line is an author bio.
fn is_bio(t: &str) -> Option<String> {
    if t.chars().count() > 300 {
        return None;
    }
    let (head, tail) = [" ist ", " is ", " war ", " was "]
        .iter()
        .find_map(|v| t.split_once(v))?;
    if !is_person_name(head) {
        return None;
    }
    let markers = [
        " am ",
        " an der ",
        " bei ",
        " at ",
        " für ",
        " of ",
        "institut",
        "universit",
        "center",
        "centre",
        "zentrum",
        "stiftung",
        "fellow",
        "professor",
        "analyst",
        "journalist",
        "redakteur",
        "autor",
        "author",
        "direktor",
        "director",
        "leiter",
        "wissenschaftler",
        "researcher",
        "korrespondent",
        "correspondent",
        "editor",
        "berater",
    ];
    let lower = format!(" {} ", tail.to_lowercase());
    markers
        .iter()
        .any(|m| lower.contains(m))
        .then(|| clean_name(head))
}

const ABBREVIATIONS: &[&str] = &[
    "dr", "prof", "st", "nr", "bzw", "ca", "vgl", "etc", "usw", "mr", "mrs", "ms", "jan", "feb",
    "mär", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "oct", "nov", "dez", "dec", "inc",
    "ltd", "co", "gen", "sen", "rep", "abs", "art", "evtl", "ggf", "inkl", "max", "min", "mio",
    "mrd", "tsd", "vs", "bzgl", "chr", "no", "vol", "hl", "jr", "sr", "z.b", "u.a", "d.h", "s",
];

/// Words that open sentences and do not follow an ordinal number: after "4." they mean the
/// point ended a sentence.
const SENTENCE_OPENERS: &[&str] = &[
    "Der", "Die", "Das", "Den", "Dem", "Ein", "Eine", "Er", "Sie", "Es", "Wir", "Ich", "Man",
    "Damit", "Dabei", "Doch", "Auch", "The", "It", "He", "She", "They", "We",
];

/// Byte offsets just after each sentence end in `t`.
fn sentence_ends(t: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    // Only the three one-byte marks can end a sentence: found by bytes, with no list of every
    // character (a 19 MB paragraph would need 300 MB for it).
    for (pos, c) in t.bytes().enumerate().filter_map(|(pos, b)| match b {
        b'.' | b'!' | b'?' => Some((pos, char::from(b))),
        _ => None,
    }) {
        let rest = &t[pos + 1..];
        let Some(next) = rest.chars().next() else {
            continue;
        };
        if !next.is_whitespace() {
            continue;
        }
        let following = rest.chars().find(|c| !c.is_whitespace());
        // A sentence may start with a figure ("… leiden. 30 Jahre sind vergangen"); after a
        // number or an abbreviation (checked below) the point is not an end.
        let starts_new = following.is_some_and(|f| {
            f.is_uppercase()
                || f.is_ascii_digit()
                || matches!(f, '„' | '"' | '“' | '»' | '‚' | '\'')
        });
        if !starts_new {
            continue;
        }
        if c == '.' {
            // After the whitespace character, whatever its width (a no-break space is two
            // bytes).
            let word_start = t[..pos]
                .char_indices()
                .rev()
                .find(|&(_, ch)| ch.is_whitespace() || ch == '(')
                .map_or(0, |(i, ch)| i + ch.len_utf8());
            let word = &t[word_start..pos];
            let lower = word.to_lowercase();
            let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            let is_number = !word.is_empty() && word.chars().all(|ch| ch.is_ascii_digit());
            // "seit 1870.. Das": a doubled point ends the sentence whatever stands before it.
            let doubled = word.ends_with('.');
            let follows_digit = following.is_some_and(|f| f.is_ascii_digit());
            // "für PlayStation 4. Der GameStandard verlost …": after a number, a word that
            // starts sentences rather than follows an ordinal ("am 4. Juli") ends it.
            let next_word: String = t[pos + 1..]
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            let ends_anyway =
                doubled || (is_number && SENTENCE_OPENERS.contains(&next_word.as_str()));
            if !ends_anyway
                && (is_initial
                    || is_number
                    || ABBREVIATIONS.contains(&lower.as_str())
                    || word.contains('.')
                    || (follows_digit && lower.chars().count() <= 3))
            {
                continue;
            }
        }
        ends.push(pos + c.len_utf8());
    }
    ends
}

fn last_sentence_start(t: &str) -> usize {
    let ends = sentence_ends(t);
    let start = ends.last().copied().unwrap_or(0);
    start + (t[start..].len() - t[start..].trim_start().len())
}

/// A title made from a lead: its first sentence, whole when it has at most
/// [`MAX_LEAD_TITLE_CHARS`] characters (a cut sentence reads worse than a long one); for a longer
/// one, its first clause before a dash, bar or colon ("Alpinisten sollen … unterstützen – Neue
/// Echos …"); else the whole sentence up to [`MAX_WHOLE_LEAD_CHARS`]; only beyond that cut at a
/// word boundary with "…".
fn title_from_lead(lead: &str) -> String {
    let end = sentence_ends(lead).first().copied().unwrap_or(lead.len());
    let sentence = lead[..end].split_whitespace().collect::<Vec<_>>().join(" ");
    let sentence = sentence.trim_end_matches('.').to_string();
    let chars = sentence.chars().count();
    if chars <= MAX_LEAD_TITLE_CHARS {
        return sentence;
    }
    let clause = [" – ", " — ", " | ", ": "]
        .iter()
        .filter_map(|sep| sentence.split_once(sep).map(|(head, _)| head.trim()))
        .filter(|head| {
            (MIN_CLAUSE_TITLE_CHARS..=MAX_LEAD_TITLE_CHARS).contains(&head.chars().count())
        })
        .min_by_key(|head| head.len());
    if let Some(head) = clause {
        return head.to_string();
    }
    if chars <= MAX_WHOLE_LEAD_CHARS {
        return sentence;
    }
    shorten(&sentence)
}

/// Cuts text at a word boundary to at most [`MAX_TITLE_CHARS`] characters, adding "…".
fn shorten(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= MAX_TITLE_CHARS {
        return text;
    }
    let mut out = String::new();
    for word in text.split(' ') {
        let extra = if out.is_empty() { 0 } else { 1 };
        if out.chars().count() + extra + word.chars().count() > MAX_TITLE_CHARS - 1 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = text.chars().take(MAX_TITLE_CHARS - 1).collect();
    }
    let trimmed = out.trim_end_matches([',', ';', ':', '–', '-', '—', ' ']);
    format!("{trimmed}…")
}

/// "Outlet, Rubrik, 17. Januar 2025": the first comma-separated part of a line with a date.
fn bibliographic_outlet(t: &str) -> Option<String> {
    if t.chars().count() > 150 || find_dates(t).is_empty() {
        return None;
    }
    let parts: Vec<&str> = t.split(", ").collect();
    if parts.len() < 2 {
        return None;
    }
    let name = parts[0].trim().trim_matches(['"', '„', '“', '”']);
    let words = name.split_whitespace().count();
    let ok = (1..=6).contains(&words)
        && name.chars().next().is_some_and(char::is_uppercase)
        && !name.chars().any(|c| c.is_ascii_digit())
        && find_dates(name).is_empty();
    ok.then(|| name.to_string())
}

/// "Die Internationale Politik steht für …" or "© 2024 Verlag X": an outlet naming itself.
fn claimed_outlet(t: &str) -> Option<String> {
    if let Some(idx) = t.find(" steht für ") {
        let head = &t[..idx];
        let head = ["Die ", "Der ", "Das ", "The "]
            .iter()
            .find_map(|a| head.strip_prefix(a))
            .unwrap_or(head);
        let words: Vec<&str> = head.split_whitespace().collect();
        let caps = words
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count();
        if (1..=5).contains(&words.len()) && caps * 2 > words.len() && !head.contains([',', '.']) {
            return Some(head.to_string());
        }
    }
    let rest = t
        .strip_prefix('©')
        .or_else(|| t.strip_prefix("Copyright ©"))
        .or_else(|| t.strip_prefix("Copyright"))?;
    let rest = rest.trim_start_matches(|c: char| {
        c.is_ascii_digit() || c.is_whitespace() || matches!(c, '-' | '–' | ',')
    });
    let name = rest.split(['|', '.', ',', '–']).next()?.trim();
    (!name.is_empty() && name.chars().count() <= 60).then(|| name.to_string())
}

/// "Quelle: Reuters" as a line of its own.
fn source_line_outlet(t: &str) -> Option<String> {
    let rest = t
        .strip_prefix("Quelle:")
        .or_else(|| t.strip_prefix("Source:"))?
        .trim();
    let ok = !rest.is_empty() && rest.chars().count() <= 40 && !is_url(rest) && !rest.contains(':');
    ok.then(|| rest.trim_end_matches('.').to_string())
}

/// Prefers a spelling of `name` found elsewhere in `text` within one edit when `name` itself
/// occurs only once (a typo in a bibliographic line).
fn best_spelling(name: &str, text: &str) -> String {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let n = name.split_whitespace().count();
    if n == 0 || words.len() < n {
        return name.to_string();
    }
    let mut own = 0;
    let mut variants: Vec<(String, usize)> = Vec::new();
    for window in words.windows(n) {
        let candidate = window.join(" ");
        if candidate == name {
            own += 1;
        } else if candidate.chars().next().is_some_and(char::is_uppercase)
            && edit_distance(&candidate, name) == 1
        {
            match variants.iter_mut().find(|(v, _)| *v == candidate) {
                Some((_, count)) => *count += 1,
                None => variants.push((candidate, 1)),
            }
        }
    }
    match variants.into_iter().max_by_key(|(_, c)| *c) {
        Some((variant, count)) if own <= 1 && count >= 1 => variant,
        _ => name.to_string(),
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

fn strip_doi_prefix(d: &str) -> String {
    let d = d.trim();
    for prefix in [
        "https://doi.org/",
        "http://doi.org/",
        "https://dx.doi.org/",
        "http://dx.doi.org/",
        "doi:",
        "DOI:",
    ] {
        if let Some(rest) = d.strip_prefix(prefix) {
            return rest.trim().to_string();
        }
    }
    d.to_string()
}

/// The first DOI (`10.NNNN/…`) in a line, without resolver prefix or trailing punctuation.
fn find_doi(t: &str) -> Option<String> {
    let mut from = 0;
    while let Some(rel) = t[from..].find("10.") {
        let start = from + rel;
        from = start + 3;
        if start > 0
            && t[..start]
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric())
        {
            continue;
        }
        let after = &t[start + 3..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if !(4..=9).contains(&digits) || !after[digits..].starts_with('/') {
            continue;
        }
        let end = t[start..]
            .find(char::is_whitespace)
            .map(|e| start + e)
            .unwrap_or(t.len());
        let doi = t[start..end].trim_end_matches(['.', ',', ';', ')', ']', '>', '"', '\'']);
        if doi.len() > 3 + digits + 1 {
            return Some(doi.to_string());
        }
    }
    None
}

/// "URL: https://…" or "Canonical: …" lines.
fn labelled_url(t: &str) -> Option<String> {
    let lower = t.to_lowercase();
    let label = [
        "url:",
        "canonical:",
        "canonical url:",
        "link:",
        "original:",
        "source url:",
    ]
    .iter()
    .find(|l| lower.starts_with(*l))?;
    let rest = t[label.len()..].trim();
    (is_url(rest) && !rest.contains(char::is_whitespace)).then(|| rest.to_string())
}

/// `<link rel="canonical" href="…">`.
fn canonical_link(t: &str) -> Option<String> {
    if !t.contains("rel=\"canonical\"") {
        return None;
    }
    let start = t.find("href=\"")? + 6;
    let end = t[start..].find('"')? + start;
    Some(t[start..end].to_string())
}

const DE_STOP: &[&str] = &[
    "der", "die", "und", "das", "ist", "nicht", "den", "mit", "von", "sich", "des", "auf", "für",
    "eine", "ein", "dem", "zu", "im", "auch", "es", "als", "wird", "werden", "bei", "nach", "wie",
    "aber", "noch", "um", "hat", "sind", "über", "dass", "sie", "er", "wir",
];

const EN_STOP: &[&str] = &[
    "the", "and", "of", "to", "is", "that", "for", "it", "with", "as", "was", "on", "are", "be",
    "by", "this", "from", "at", "have", "has", "not", "which", "an", "or", "were", "their", "will",
    "they", "he", "she", "we", "been",
];

/// German or English, by counting common function words.
fn detect_lang(text: &str) -> Lang {
    use crate::extract::fasthash::FastSet;
    use std::sync::LazyLock;
    static STOP: LazyLock<(FastSet<&str>, FastSet<&str>)> = LazyLock::new(|| {
        (
            DE_STOP.iter().copied().collect(),
            EN_STOP.iter().copied().collect(),
        )
    });
    // Lowercasing never shortens a word in chars, so longer words cannot be function words.
    let longest = DE_STOP
        .iter()
        .chain(EN_STOP)
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0);
    let (de_stop, en_stop) = &*STOP;
    let mut de = 0usize;
    let mut en = 0usize;
    let mut lower = String::new();
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty() && w.len() <= 4 * longest && w.chars().count() <= longest)
    {
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        if de_stop.contains(lower.as_str()) {
            de += 1;
        }
        if en_stop.contains(lower.as_str()) {
            en += 1;
        }
    }
    if en > de { Lang::En } else { Lang::De }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_recognised_and_headlines_are_not() {
        assert!(is_person_name("Anna Kostenko"));
        assert!(is_person_name("Mary Beth D. Nikitin"));
        assert!(is_person_name("Ursula von der Leyen"));
        assert!(!is_person_name("Nordkoreas Militäreinsatz in Europa"));
        assert!(!is_person_name("Fazit"));
        assert!(!is_person_name("Die Rolle des Ukrainekrieges"));
        assert!(!is_person_name("NATO Gipfel"));
    }

    #[test]
    fn lead_bylines_and_bios_name_authors() {
        assert_eq!(
            lead_byline_names("Eine Analyse von Seyed Alireza Mousavi."),
            Some(vec!["Seyed Alireza Mousavi".to_string()])
        );
        assert_eq!(
            lead_byline_names("Ein Kommentar von Jane Doe und John Roe."),
            Some(vec!["Jane Doe".to_string(), "John Roe".to_string()])
        );
        assert_eq!(
            is_bio("William Alberque ist Gastwissenschaftler am Stimson Center."),
            Some("William Alberque".to_string())
        );
        assert_eq!(is_bio("Nordkorea ist ein Staat am Pazifik."), None);
        assert_eq!(
            byline_names("By Jane Doe and John Roe, Reuters"),
            Some(vec!["Jane Doe".to_string(), "John Roe".to_string()])
        );
    }

    #[test]
    fn datelines_with_weekday_and_time_give_the_date() {
        assert_eq!(
            dateline_date("Tuesday 17 September 2024 10.30 BST"),
            Some(PartialDate::ymd(2024, 9, 17))
        );
        assert_eq!(
            dateline_date("Dienstag, 17. September 2024, 14:05 Uhr"),
            Some(PartialDate::ymd(2024, 9, 17))
        );
        assert_eq!(clock_time_len(" 10.30 BST"), " 10.30 BST".len());
        assert_eq!(clock_time_len(" und dann"), 0);
    }

    #[test]
    fn a_closing_sign_off_names_the_author() {
        assert_eq!(
            sign_off("Das sagte er am Montag in Seoul. (nak)").as_deref(),
            Some("nak")
        );
        assert_eq!(sign_off("Am Ende. (dpa/AFP)").as_deref(), Some("dpa/AFP"));
        assert_eq!(sign_off("Er kam (wieder)"), None);
        assert_eq!(sign_off("Die Zahl (2024)"), None);
    }

    #[test]
    fn bylines_keep_the_name_and_drop_the_role() {
        assert_eq!(
            byline_names("By Alex Hern, Technology Correspondent"),
            Some(vec!["Alex Hern".to_string()])
        );
        assert_eq!(
            byline_names("By Alex Hern Technology Correspondent"),
            Some(vec!["Alex Hern".to_string()])
        );
        assert_eq!(
            byline_names("Von Anna Berg, Redakteurin"),
            Some(vec!["Anna Berg".to_string()])
        );
        assert_eq!(
            byline_names("Von Anna Berg und Jan de Vries, Wirtschaftsredakteure"),
            Some(vec!["Anna Berg".to_string(), "Jan de Vries".to_string()])
        );
        assert!(!is_person_name("Technology Correspondent"));
        assert!(!is_person_name("Leitende Redakteurin"));
        assert_eq!(strip_role("Anna Berg Leitende Redakteurin"), "Anna Berg");
        assert_eq!(
            strip_role("Alex Hern Global Technology Editor"),
            "Alex Hern"
        );
    }

    #[test]
    fn titles_from_leads_are_cut_at_words() {
        let lead = "Berichte über nordkoreanische Soldaten, die in Russland für einen möglichen Einsatz in der Ukraine trainieren, sorgen für Unruhe. Zweiter Satz.";
        // A whole sentence rather than a cut one.
        assert_eq!(
            title_from_lead(lead),
            "Berichte über nordkoreanische Soldaten, die in Russland für einen möglichen Einsatz in der Ukraine trainieren, sorgen für Unruhe"
        );
        let long = lead.replace(
            ". Zweiter Satz.",
            ", und noch viele weitere Worte verlängern diesen Satz, der keinen Gedankenstrich und keinen Doppelpunkt hat, über jede Grenze hinaus, die ein Titel noch ganz tragen könnte, ohne dass ihn jemand lesen wollte.",
        );
        assert!(long.chars().count() > MAX_WHOLE_LEAD_CHARS);
        let title = title_from_lead(&long);
        assert!(title.starts_with("Berichte über nordkoreanische Soldaten"));
        assert!(title.ends_with('…'));
        assert!(title.chars().count() <= MAX_TITLE_CHARS);
        assert_eq!(title_from_lead("Kurz. Und mehr."), "Kurz");
        assert_eq!(
            title_from_lead("Dr. Müller kam am 17. Jan. nach Wien. Dann ging er."),
            "Dr. Müller kam am 17. Jan. nach Wien"
        );
    }

    #[test]
    fn long_leads_give_their_first_clause_or_their_whole_sentence_not_a_cut_one() {
        let dashed = "Alpinisten oder Hüttenwarte sollen mithilfe einer App den Aufbau von Echotopos unterstützen – Neue Echos sollen verifiziert und mit Spezialmikrophonen aufgezeichnet werden. Bern – Den Klang.";
        assert_eq!(
            title_from_lead(dashed),
            "Alpinisten oder Hüttenwarte sollen mithilfe einer App den Aufbau von Echotopos unterstützen"
        );
        let plain = "Während sich das Innenministerium intensiv um neuerliche Flüchtlingsrückschiebungen nach Ungarn bemüht, setzte der Verwaltungsgerichtshof diese laut Informationen in zwei Fällen aus. Wien – Ungarns Politik.";
        let title = title_from_lead(plain);
        assert!(title.ends_with("in zwei Fällen aus"), "{title}");
        assert!(!title.contains('…'));
        // A sentence that starts with a figure still ends the one before it.
        assert_eq!(
            title_from_lead(
                "Der Krieg verschärft die Probleme jener Kinder. 30 Jahre sind vergangen."
            ),
            "Der Krieg verschärft die Probleme jener Kinder"
        );
        assert_eq!(
            title_from_lead("Eine Schau zeigt Wien seit 1870.. Das Museum öffnet."),
            "Eine Schau zeigt Wien seit 1870"
        );
        assert_eq!(
            title_from_lead("Der GameStandard verlost ein Spiel für PlayStation 4. Der Rest."),
            "Der GameStandard verlost ein Spiel für PlayStation 4"
        );
        assert_eq!(
            title_from_lead("Am 4. Juli kam er nach Wien. Dann ging er."),
            "Am 4. Juli kam er nach Wien"
        );
        assert_eq!(
            title_from_lead("Der Band erschien als Nr. 5 der Reihe. Mehr."),
            "Der Band erschien als Nr. 5 der Reihe"
        );
    }

    #[test]
    fn bylines_name_people_not_their_jobs() {
        for (line, name) in [
            ("By Alex Hern, Technology Correspondent", "Alex Hern"),
            ("Von Anna Berg, Korrespondentin in Moskau", "Anna Berg"),
            ("Von Jan Roth, Chefredakteur", "Jan Roth"),
            ("Von Jan Roth, Korrespondent", "Jan Roth"),
            ("Von Eva Lind, Redakteurin", "Eva Lind"),
        ] {
            assert_eq!(byline_names(line), Some(vec![name.to_string()]), "{line}");
        }
        assert!(byline_names("Von Korrespondent").is_none());
    }

    #[test]
    fn leftover_markup_is_decoded_in_the_text_and_the_metadata() {
        let text = "Der Titel mit &quot;Zitat&quot; &amp; mehr\n\nVon Anna Berg\n\nDie Regierung teilte am Mittwoch mit, sie habe gesicherte Erkenntnisse &#8211; so der Sprecher.^{1} Das ist eine lange Zeile.\n\n^{* &}quot;WeltTrends. Das außenpolitische Journal&quot;, 202, Herbst 2024, S. 5–12.\n";
        let a = parse_article("a.txt", text);
        assert_eq!(a.title, "Der Titel mit \"Zitat\" & mehr");
        assert_eq!(a.authors, vec!["Anna Berg".to_string()]);
        let shown: Vec<&str> = a
            .body
            .iter()
            .chain(&a.references)
            .map(|b| a.slice(b.span))
            .collect();
        assert!(
            shown
                .iter()
                .all(|t| !t.contains("&quot;") && !t.contains("^{")),
            "{shown:?}"
        );
        assert!(
            shown
                .iter()
                .any(|t| t.contains("Erkenntnisse – so der Sprecher.¹"))
        );
        assert_eq!(
            a.slice(a.references[0].span),
            "* \"WeltTrends. Das außenpolitische Journal\", 202, Herbst 2024, S. 5–12."
        );
    }

    #[test]
    fn doi_is_found_without_resolver() {
        assert_eq!(
            find_doi("https://doi.org/10.48269/2451-0610-ksm-2024-008"),
            Some("10.48269/2451-0610-ksm-2024-008".to_string())
        );
        assert_eq!(
            find_doi("doi: 10.1000/xyz123."),
            Some("10.1000/xyz123".to_string())
        );
        assert_eq!(find_doi("Version 10.12 ist da"), None);
    }

    #[test]
    fn misspelt_outlet_prefers_the_spelling_used_elsewhere() {
        let text = "Internationale Poltik, Online Exklusiv\nDie Internationale Politik steht für Analysen.";
        assert_eq!(
            best_spelling("Internationale Poltik", text),
            "Internationale Politik"
        );
        assert_eq!(
            best_spelling("Der Standard", "Der Standard berichtet"),
            "Der Standard"
        );
    }

    #[test]
    fn one_line_paragraphs_are_separate_units_and_wrapped_lines_join() {
        let text = "Titel der Seite\nErster Absatz endet hier.\nZweiter Absatz endet auch.\n";
        assert_eq!(segment(text, 0).len(), 3);
        let wrapped =
            "Dies ist ein umbrochener Absatz, der über\nmehrere Zeilen geht und erst hier endet.\n";
        assert_eq!(segment(wrapped, 0).len(), 1);
    }

    #[test]
    fn a_sentence_ending_in_a_footnote_marker_is_prose_not_a_heading() {
        for t in [
            "Der Rat hat neue Sanktionen beraten, wie die Agentur Reuters berichtete.[1]",
            "Der Rat hat neue Sanktionen beraten, wie die Agentur Reuters berichtete.²",
            "Der Rat hat neue Sanktionen beraten, wie die Agentur Reuters berichtete.[^a]",
        ] {
            assert!(ends_sentence(t), "{t}");
            assert!(!is_heading(t), "{t}");
        }
        assert!(is_heading("Die Lage in Korea [Update]"));
        assert!(!ends_sentence("Liste [12345]"));
    }
}
