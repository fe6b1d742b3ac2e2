//! The three panes: article list, reading pane, claims.

use super::truncate;
use crate::action::Action;
use crate::corpus::sources::stance_glyph;
use crate::highlight::{Mark, MarkLayer, segments};
use crate::keymap::Section;
use crate::model::{EntityKind, Span as ModelSpan};
use crate::state::update::CLAIM_ITEM_ROWS;
use crate::state::{AppState, ClaimCard, Pane};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

/// Glyph in front of the selected item, so the selection shows without reverse video too.
const SELECTED: &str = "▶ ";
const UNSELECTED: &str = "  ";

fn pane_block<'a>(title: String, focused: bool, theme: &Theme) -> Block<'a> {
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(theme.border(focused))
        .title(Line::from(Span::styled(title, theme.pane_title(focused))))
}

/// One article in the list pane: its title lines, a byline and its counts.
struct ListRow<'a> {
    titles: Vec<String>,
    selected: bool,
    /// Authors or outlet; the file name (from `source`) stands in when neither is known.
    byline: String,
    source: &'a str,
    date: Option<String>,
    counts: String,
}

impl ListRow<'_> {
    /// The row's lines: the titles (the first with the selection glyph), the byline cut after a
    /// whole word, the counts.
    fn push(self, lines: &mut Vec<Line<'static>>, width: usize, theme: &Theme) {
        let title_style = if self.selected {
            theme.selected()
        } else {
            theme.pane_title(false)
        };
        for (n, title) in self.titles.into_iter().enumerate() {
            let glyph = if n == 0 && self.selected {
                SELECTED
            } else {
                UNSELECTED
            };
            lines.push(Line::from(vec![
                Span::styled(glyph, title_style),
                Span::styled(title, title_style),
            ]));
        }
        let mut byline = self.byline;
        if byline.is_empty() {
            // No author or outlet: the file name still tells articles apart.
            byline = self
                .source
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_string();
        }
        if let Some(date) = self.date {
            if !byline.is_empty() {
                byline.push_str(" · ");
            }
            byline.push_str(&date);
        }
        lines.push(Line::from(Span::styled(
            format!(
                "  {}",
                super::truncate_words(&byline, width.saturating_sub(2))
            ),
            theme.dim(),
        )));
        lines.push(Line::from(Span::styled(
            truncate(&self.counts, width),
            theme.dim(),
        )));
    }
}

/// Draws the list pane's frame, titled " Articles (COUNT)WHERE " (a dot first when focused), and
/// returns the area inside it. Shared by the local and the published list.
fn list_frame(
    count: &str,
    place: &str,
    frame: &mut Frame,
    area: Rect,
    focused: bool,
    theme: &Theme,
) -> Rect {
    let marker = if focused { "● " } else { "" };
    let block = pane_block(
        format!(" {marker}Articles ({count}){place} "),
        focused,
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// Draws the article list.
pub fn draw_list(state: &AppState, frame: &mut Frame, area: Rect, focused: bool, theme: &Theme) {
    if let Some(remote) = &state.remote {
        return draw_remote_list(state, remote, frame, area, focused, theme);
    }
    let inner = list_frame(
        &state.corpus.len().to_string(),
        "",
        frame,
        area,
        focused,
        theme,
    );
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height);
    let mut lines = Vec::new();
    for (i, entry) in state.corpus.iter().enumerate().skip(state.list.top) {
        if lines.len() >= rows {
            break;
        }
        let selected = i == state.list.selected;
        let claims = entry.analysis.claims.len();
        let bookmarks = state.saved.counts.get(i).copied().unwrap_or(0);
        let counts = format!(
            "  {claims} claim{} · {bookmarks} bookmark{}",
            if claims == 1 { "" } else { "s" },
            if bookmarks == 1 { "" } else { "s" }
        );
        let item = ListRow {
            titles: state.list_title_lines(i),
            selected,
            byline: entry.article.byline(),
            source: &entry.article.source,
            date: entry.article.date.as_ref().map(|d| d.iso()),
            counts,
        };
        item.push(&mut lines, width, theme);
    }
    if state.corpus.is_empty() {
        let text = if state.work.indexing.is_some() {
            "Indexing…"
        } else {
            "No articles loaded."
        };
        lines.push(Line::from(Span::styled(text, theme.dim())));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Draws the list of the corpus published on the team server: the rows of the pages held, a
/// placeholder for rows still on their way.
fn draw_remote_list(
    state: &AppState,
    remote: &crate::state::remote::RemoteList,
    frame: &mut Frame,
    area: Rect,
    focused: bool,
    theme: &Theme,
) {
    let total = remote
        .window
        .total
        .map_or_else(|| "…".to_string(), |n| n.to_string());
    let inner = list_frame(
        &total,
        &format!(" on {}", remote.remote.server()),
        frame,
        area,
        focused,
        theme,
    );
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height);
    let mut lines = Vec::new();
    for i in state.list.top..state.list_len() {
        if lines.len() >= rows {
            break;
        }
        let selected = i == state.list.selected;
        let title_style = if selected {
            theme.selected()
        } else {
            theme.pane_title(false)
        };
        let glyph = if selected { SELECTED } else { UNSELECTED };
        let Some(row) = remote.window.row(i) else {
            lines.push(Line::from(vec![
                Span::styled(glyph, title_style),
                Span::styled("…", theme.dim()),
            ]));
            lines.resize(
                lines.len() + crate::state::remote::ROW_HEIGHT - 1,
                Line::default(),
            );
            continue;
        };
        let mut titles = state.list_title_lines(i);
        titles.resize(crate::state::remote::TITLE_LINES, String::new());
        let counts = format!(
            "  {} claim{}",
            row.claims,
            if row.claims == 1 { "" } else { "s" }
        );
        let item = ListRow {
            titles,
            selected,
            byline: row.outlet.clone(),
            source: &row.source,
            date: row.published.clone(),
            counts,
        };
        item.push(&mut lines, width, theme);
    }
    if state.list_len() == 0 {
        let text = match (&remote.error, remote.window.total) {
            (Some(e), _) => format!("The team server did not answer: {e}"),
            (None, None) => "Asking the team server…".to_string(),
            (None, Some(_)) => "No articles published on the team server.".to_string(),
        };
        lines.push(Line::from(Span::styled(
            truncate(&crate::reflow::sanitize(&text), width),
            theme.dim(),
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Draws the reading pane.
pub fn draw_reader(state: &AppState, frame: &mut Frame, area: Rect, focused: bool, theme: &Theme) {
    let marker = if focused { "● " } else { "" };
    let title = state
        .current()
        .map(|e| e.article.title.as_str())
        .unwrap_or("");
    // Two border cells, two blanks around the title and the focus marker.
    let title = super::truncate_words(
        title,
        usize::from(area.width).saturating_sub(4 + marker.width()),
    );
    let percent = format!(" {}% ", state.reader_percent());
    let block = pane_block(format!(" {marker}{title} "), focused, theme)
        .title_bottom(Line::from(Span::styled(percent, theme.pane_title(focused))).right_aligned());
    let block = if area.width >= 70 {
        block.title_bottom(legend(state, theme))
    } else {
        block
    };
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let text_area = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let Some(entry) = state.current() else { return };
    let text = entry.article.text.as_str();
    let shown = state.claims.row_of(state.claims.selected).is_some();
    let selected_claim = match (
        state.screen.focus,
        entry.analysis.claims.get(state.claims.selected),
    ) {
        (Pane::Claims, Some(c)) if shown => MarkLayer::new(vec![(c.span, Mark::SelectedClaim)]),
        _ => MarkLayer::default(),
    };
    let cursor = match (state.screen.focus, state.cursor) {
        (Pane::Reader, Some(c)) => MarkLayer::new(vec![(c.span, Mark::Cursor)]),
        _ => MarkLayer::default(),
    };
    let layers = [
        &state.reader.styles,
        &state.reader.entities,
        &state.reader.claims,
        &state.reader.matches,
        &selected_claim,
        &cursor,
    ];
    let mut lines = Vec::new();
    let mut gutter = Vec::new();
    for l in state
        .reader
        .layout
        .lines(state.reader.top, usize::from(inner.height))
    {
        let base = theme.line(l.kind);
        let segs = segments(l, text, &layers);
        let range = l
            .pieces
            .first()
            .zip(l.pieces.last())
            .map(|(a, b)| ModelSpan::new(a.span.start, b.span.end));
        let bookmark =
            range.and_then(|r| state.reader.bookmarks.iter().find(|b| b.span.overlaps(r)));
        let glyph = match bookmark {
            Some(b) if b.has_note => "✎",
            Some(_) => "●",
            None if segs.iter().any(|(_, t)| t.claim) => "▎",
            None => "",
        };
        gutter.push(Line::from(Span::styled(glyph, theme.gutter())));
        lines.push(Line::from(
            segs.into_iter()
                .map(|(range, tags)| {
                    Span::styled(l.text.get(range).unwrap_or(""), theme.tagged(base, tags))
                })
                .collect::<Vec<_>>(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), text_area);
    let gutter_area = Rect {
        x: inner.x,
        width: 1.min(inner.width),
        ..inner
    };
    frame.render_widget(Paragraph::new(gutter), gutter_area);
}

/// The legend of entity kinds for the reading pane's bottom border; kinds switched off show dim.
fn legend(state: &AppState, theme: &Theme) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    for (i, kind) in EntityKind::ALL.into_iter().enumerate() {
        let label = match kind {
            EntityKind::Person => "person",
            EntityKind::Organization => "org",
            EntityKind::Place => "place",
            EntityKind::Date => "date",
            EntityKind::Quantity => "qty",
            EntityKind::Misc => "misc",
        };
        let style = if state.highlights.shows(kind) {
            theme.entity(kind)
        } else {
            theme.dim()
        };
        spans.push(Span::styled(format!("{}:{label}", i + 1), style));
        spans.push(Span::raw(" "));
    }
    let style = if state.highlights.claims {
        theme.gutter()
    } else {
        theme.dim()
    };
    spans.push(Span::styled("0:▎claim", style));
    spans.push(Span::raw(" "));
    Line::from(spans)
}

/// Draws the claims pane: a card per shown claim with the source by name, the stance as a glyph
/// and a word, the kind, and two lines of text. The title counts shown and total claims.
pub fn draw_claims(state: &AppState, frame: &mut Frame, area: Rect, focused: bool, theme: &Theme) {
    let marker = if focused { "● " } else { "" };
    let pane = &state.claims;
    let total = pane.cards.len();
    let title = if pane.filter.is_empty() {
        format!(" {marker}Claims ({total}) ")
    } else {
        format!(
            " {marker}Claims ({} of {total}) · {} ",
            pane.shown.len(),
            pane.filter.describe()
        )
    };
    let title = truncate(&title, usize::from(area.width).saturating_sub(2));
    let block = pane_block(title, focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if pane.shown.is_empty() {
        let text = if total == 0 && state.analysis_pending() {
            vec![Line::from(Span::styled(
                "Claims are still being extracted from this long article; they appear here when its analysis is done.",
                theme.dim(),
            ))]
        } else if total == 0 {
            vec![
                Line::from(Span::styled(
                    "No claims extracted from this article.",
                    theme.dim(),
                )),
                Line::from(""),
                Line::from(Span::styled(
                    "Claims are statements the article asserts or attributes to a source: figures, quotes, reported statements and assessments.",
                    theme.dim(),
                )),
            ]
        } else {
            let clear = state
                .key_for(Section::Claims, Action::ClearClaimFilters)
                .map(|k| format!("{k} shows every claim."))
                .unwrap_or_default();
            vec![
                Line::from(Span::styled(
                    format!("None of the {total} claims is {}.", pane.filter.describe()),
                    theme.dim(),
                )),
                Line::from(""),
                Line::from(Span::styled(clear, theme.dim())),
            ]
        };
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
        return;
    }
    let width = usize::from(inner.width);
    let visible = (usize::from(inner.height) / CLAIM_ITEM_ROWS).max(1);
    let mut lines = Vec::new();
    for &i in pane.shown.iter().skip(state.claims.top).take(visible) {
        let Some(card) = pane.cards.get(i) else {
            continue;
        };
        let selected = i == state.claims.selected;
        lines.push(claim_header(card, selected, width, theme));
        // Two lines of the claim; a longer one ends after a whole word with "…".
        let wrapped = super::wrapped_at_most(&card.text, width.saturating_sub(2).max(4), 2, 0);
        for row in &wrapped {
            lines.push(Line::from(format!("  {row}")));
        }
        if wrapped.len() < 2 {
            lines.push(Line::from(""));
        }
        lines.push(Line::from(""));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A card's first line: selection glyph, stance glyph, source, stance word, kind. When the width
/// runs short the kind goes first, then the stance word (its glyph stays); the source is cut
/// last.
fn claim_header(card: &ClaimCard, selected: bool, width: usize, theme: &Theme) -> Line<'static> {
    let glyph = if selected { SELECTED } else { UNSELECTED };
    let base = if selected {
        theme.selected()
    } else {
        Style::new()
    };
    let room = width.saturating_sub(glyph.width() + 2);
    let stance = card.stance.name();
    let kind = card.kind.name();
    let source_w = card.source.width();
    let tail = if source_w + 3 + stance.len() + 3 + kind.len() <= room {
        format!(" · {stance} · {kind}")
    } else if source_w + 3 + stance.len() <= room {
        format!(" · {stance}")
    } else {
        String::new()
    };
    let source = truncate(&card.source, room.saturating_sub(tail.width()));
    Line::from(vec![
        Span::styled(glyph, base),
        Span::styled(
            format!("{} ", stance_glyph(card.stance)),
            base.patch(theme.stance(card.stance)),
        ),
        // A real source stands out; "the article" and the author are no source of their own.
        Span::styled(
            source,
            base.patch(if card.key.is_some() {
                theme.label()
            } else {
                theme.dim()
            }),
        ),
        Span::styled(tail, base.patch(theme.dim())),
    ])
}
