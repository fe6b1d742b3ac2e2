//! The status line: article n/N, position, mode, key hints and messages.

use super::truncate;
use crate::state::{AppState, Overlay, Pane, Severity};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// Draws the status line.
pub fn draw_status(state: &AppState, frame: &mut Frame, area: Rect, theme: &Theme) {
    let mode = match (&state.overlays.open, state.screen.focus) {
        (Some(Overlay::QuitConfirm), _) => "QUIT?",
        (Some(Overlay::Help { .. }), _) => "HELP",
        (Some(Overlay::Note(_)), _) => "NOTE",
        (Some(Overlay::Bookmarks { .. }), _) => "MARKS",
        (Some(Overlay::Palette(_)), _) => "JUMP",
        (Some(Overlay::Find { .. }), _) => "FIND",
        (Some(Overlay::Card { .. }), _) => "ENTITY",
        (Some(Overlay::Entities { .. }), _) => "INDEX",
        (Some(Overlay::Group { .. }), _) => "COMPARE",
        (Some(Overlay::Timeline { .. }), _) => "TIMELINE",
        (Some(Overlay::Sources(_)), _) => "SOURCES",
        (Some(Overlay::Server(_)), _) => "SERVER",
        (None, Pane::List) => "LIST",
        (None, Pane::Reader) => "READ",
        (None, Pane::Claims) => "CLAIMS",
    };
    let n = if state.list_len() == 0 {
        0
    } else {
        state.list.selected + 1
    };
    let saving = if state.saved.saving {
        ""
    } else {
        " │ NOT SAVING"
    };
    let team = match &state.work.team {
        None => String::new(),
        Some(t) if t.online => format!(" │ team {} ✓", t.user),
        Some(_) => " │ offline".to_string(),
    };
    let left = format!(
        " {mode} │ {n}/{} │ {:>3}%{saving}{team} ",
        state.list_len(),
        state.reader_percent()
    );
    let pending = if state.keys.pending.is_empty() {
        String::new()
    } else {
        format!(" {} …", crate::keymap::format_sequence(&state.keys.pending))
    };
    let width = usize::from(area.width);
    let room = width.saturating_sub(left.width() + pending.width() + 1);
    if let Some(Overlay::Find { input }) = &state.overlays.open {
        let prompt = format!("/{input}");
        let line = Line::from(vec![
            Span::styled(left.clone(), theme.status_mode()),
            Span::raw(" "),
            Span::styled(truncate(&prompt, room), theme.key()),
        ]);
        frame.render_widget(Paragraph::new(line), area);
        let x = area.x + (left.width() + 1 + prompt.width().min(room)) as u16;
        frame.set_cursor_position(ratatui::layout::Position {
            x: x.min(area.right().saturating_sub(1)),
            y: area.y,
        });
        return;
    }
    let (text, style) = match state.messages.last() {
        Some(m) => (
            m.text.clone(),
            match m.severity {
                Severity::Info => theme.info(),
                Severity::Warning => theme.warning(),
            },
        ),
        None => match state.work.indexing {
            Some(ix) => {
                let total = if ix.total > 0 {
                    ix.total.to_string()
                } else {
                    "…".into()
                };
                let eta = ix
                    .eta_secs
                    .map(|s| format!(" · ETA {s}s"))
                    .unwrap_or_default();
                (
                    format!("indexing {}/{total} · {} MB/s{eta}", ix.done, ix.mb_per_s),
                    theme.info(),
                )
            }
            None => match state.cursor_links().as_slice() {
                [] => (state.key_hints(), theme.dim()),
                links => (
                    links
                        .iter()
                        .map(|(text, url)| {
                            format!(
                                "↗ {} → {}",
                                crate::sanitize::sanitize(text),
                                crate::sanitize::sanitize(url)
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(" · "),
                    theme.info(),
                ),
            },
        },
    };
    let line = Line::from(vec![
        Span::styled(left, theme.status_mode()),
        Span::styled(pending, theme.key()),
        Span::raw(" "),
        Span::styled(truncate(&text, room), style),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}
