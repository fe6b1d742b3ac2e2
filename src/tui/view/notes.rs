//! The note editor and the bookmarks view.

use crate::keymap::Section;
use crate::state::hints;
use crate::state::{AppState, NoteEditor};
use crate::store;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

fn popup(frame: &Frame, max_width: u16, height: u16) -> Rect {
    let area = frame.area();
    let width = area.width.saturating_sub(4).min(max_width);
    let height = height.min(area.height.saturating_sub(2));
    Rect {
        x: (area.width - width) / 2,
        y: (area.height.saturating_sub(height)) / 2,
        width,
        height,
    }
}

/// What a bookmark marks, for the note editor and the bookmarks list: its quote in quotation
/// marks, or, for a bookmark on a place with no quoted text, the words around that place
/// ("…before ‸ after…"); `None` when there is neither.
fn passage(b: &store::Bookmark) -> Option<String> {
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let quote = squeeze(&b.anchor.quote);
    if !quote.is_empty() {
        return Some(format!("„{quote}“"));
    }
    // Context kept at its full length was most likely cut inside a word: that word goes.
    let full = |s: &str| s.chars().count() >= store::CONTEXT_CHARS;
    let mut before = squeeze(&b.anchor.prefix);
    if full(&b.anchor.prefix) {
        before = before
            .split_once(' ')
            .map_or(String::new(), |(_, r)| r.to_string());
    }
    let mut after = squeeze(&b.anchor.suffix);
    if full(&b.anchor.suffix) {
        after = after
            .rsplit_once(' ')
            .map_or(String::new(), |(l, _)| l.to_string());
    }
    if before.is_empty() && after.is_empty() {
        return None;
    }
    Some(format!("at …{before} ‸ {after}…"))
}

/// Draws the note editor over the reader, with the passage it annotates.
pub fn draw_note(state: &AppState, editor: &NoteEditor, frame: &mut Frame, theme: &Theme) {
    let area = popup(frame, 90, 18);
    let passage = state
        .saved
        .bookmarks
        .iter()
        .find(|b| b.id == editor.id)
        .and_then(passage);
    let mut hint = state.hints(Section::Note, hints::NOTE_HINTS);
    hint.push("saved as you pause".to_string());
    let hint = format!(" {} ", hint.join(" · "));
    let room = usize::from(area.width.saturating_sub(2));
    let block = super::overlay_block(" Note ", &hint, room, theme);
    let inner = super::draw_frame(frame, area, block);
    let width = usize::from(inner.width);
    // The passage wraps (three lines at most) above the note's text.
    let mut lines: Vec<Line> = Vec::new();
    if let Some(passage) = passage {
        lines.extend(
            super::wrapped_at_most(&passage, width, 3, 1)
                .into_iter()
                .map(|l| Line::from(Span::styled(l, theme.dim()))),
        );
        lines.push(Line::from(""));
    }
    let head = lines.len();
    let text_rows = usize::from(inner.height).saturating_sub(head);
    let (rows, (crow, ccol)) = editor.area.wrapped(width);
    let first = crow.saturating_sub(text_rows.saturating_sub(1));
    lines.extend(
        rows.iter()
            .skip(first)
            .take(text_rows)
            .map(|r| Line::from(r.clone())),
    );
    frame.render_widget(Paragraph::new(lines), inner);
    let y = inner.y + head as u16 + (crow - first) as u16;
    let x = inner.x + (ccol as u16).min(inner.width.saturating_sub(1));
    frame.set_cursor_position(Position { x, y });
}

/// Draws the list of all bookmarks with their notes.
pub fn draw_bookmarks(state: &AppState, selected: usize, frame: &mut Frame, theme: &Theme) {
    let area = popup(frame, 110, frame.area().height.saturating_sub(2));
    let marks = &state.derived.bookmarks;
    let room = usize::from(area.width.saturating_sub(2));
    let by = state
        .overlays
        .author_filter
        .as_ref()
        .map(|who| format!("· by {who} "))
        .unwrap_or_default();
    let block = super::overlay_block(
        &format!(" Bookmarks ({}) {by}", marks.len()),
        &state.hint_line(Section::Bookmarks, hints::BOOKMARKS_HINTS),
        room,
        theme,
    );
    let inner = super::draw_frame(frame, area, block);
    let width = usize::from(inner.width);
    if marks.is_empty() {
        let text = format!(
            "No bookmarks yet. Keys: {}.",
            state
                .hints(Section::Bookmarks, hints::NO_BOOKMARKS_HINTS)
                .join(", ")
        );
        frame.render_widget(
            Paragraph::new(Span::styled(text, theme.dim())).wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    // Each bookmark: its article and target, the passage and the note's first line, each
    // wrapped rather than cut (two, three and two lines at most).
    let lines = super::table::visible_rows(marks.len(), selected, usize::from(inner.height), |i| {
        let Some((row, b)) = marks
            .get(i)
            .and_then(|r| Some((r, state.saved.bookmarks.get(r.bookmark)?)))
        else {
            return Vec::new();
        };
        let is_sel = i == selected;
        let style = if is_sel {
            theme.selected()
        } else {
            theme.pane_title(false)
        };
        let status = if row.orphaned { " [orphaned]" } else { "" };
        // In team mode, notes others made carry their author.
        let by = state
            .work
            .team
            .as_ref()
            .and_then(|t| t.authors.get(&b.id).filter(|(a, _)| *a != t.user))
            .map(|(a, _)| format!(" · by {a}"))
            .unwrap_or_default();
        let head = format!("{} · {}{by}{status}", b.title, b.target.name());
        let text_w = width.saturating_sub(2);
        let mut rows: Vec<Line<'static>> = Vec::new();
        for (n, l) in super::wrapped_at_most(&head, text_w, 2, 0)
            .into_iter()
            .enumerate()
        {
            let glyph = if is_sel && n == 0 { "▶ " } else { "  " };
            rows.push(Line::from(vec![
                Span::styled(glyph, style),
                Span::styled(l, style),
            ]));
        }
        for l in passage(b)
            .map(|p| super::wrapped_at_most(&p, text_w, 3, 1))
            .unwrap_or_default()
        {
            rows.push(Line::from(format!("  {l}")));
        }
        let note = b.note.lines().next().unwrap_or("");
        if note.is_empty() {
            rows.push(Line::from(""));
        } else {
            for (n, l) in super::wrapped_at_most(note, text_w.saturating_sub(2), 2, 0)
                .into_iter()
                .enumerate()
            {
                let mark = if n == 0 { "✎ " } else { "  " };
                rows.push(Line::from(Span::styled(
                    format!("  {mark}{l}"),
                    theme.label(),
                )));
            }
        }
        rows
    });
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Draws the dialog shown when quitting with changes that could not be saved. Its lines wrap;
/// when the screen is too low for all of them, the blank line goes first, then the problem and
/// the count are shortened to a line each, so the keys stay in view.
pub fn draw_quit_confirm(state: &AppState, frame: &mut Frame, theme: &Theme) {
    let lines = state.quit_confirm_lines();
    let screen = frame.area();
    let width = usize::from(screen.width.saturating_sub(4).min(90).saturating_sub(2));
    let room = usize::from(screen.height.saturating_sub(4));
    let wrap_all = |max: usize, blank: bool| -> Vec<String> {
        lines
            .iter()
            .enumerate()
            .flat_map(|(i, l)| {
                if l.is_empty() {
                    return if blank {
                        vec![String::new()]
                    } else {
                        Vec::new()
                    };
                }
                // The count and the problem may be shortened; each key line wraps under its text.
                let (max, hang) = if i < 2 { (max, 0) } else { (usize::MAX, 4) };
                super::wrapped_at_most(l, width, max, hang)
            })
            .collect()
    };
    let mut text = wrap_all(usize::MAX, true);
    if text.len() > room {
        text = wrap_all(usize::MAX, false);
    }
    if text.len() > room {
        text = wrap_all(1, false);
    }
    let area = popup(frame, 90, text.len() as u16 + 2);
    let room = usize::from(area.width.saturating_sub(2));
    let block = super::overlay_block(" Quit with unsaved changes? ", "", room, theme);
    let text: Vec<Line> = text.into_iter().map(Line::from).collect();
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(text).block(block), area);
}
