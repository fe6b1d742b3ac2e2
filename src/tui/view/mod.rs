//! Pure views: `draw` reads [`AppState`] and paints a frame; nothing here changes state or does
//! IO.

mod compare;
mod cross;
mod help;
mod notes;
mod palette;
mod panes;
mod sources;
mod status;
mod table;
mod timeline;

use crate::state::{AppState, Overlay, Pane};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect as TuiRect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Converts our rectangle to ratatui's.
fn rect(r: crate::state::Rect) -> TuiRect {
    TuiRect {
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
    }
}

/// Cuts `text` to at most `width` cells, ending in "…" when cut; control characters are replaced.
pub fn truncate(text: &str, width: usize) -> String {
    let text = crate::reflow::sanitize(text);
    if text.width() <= width {
        return text;
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Draws the whole screen.
pub fn draw(state: &AppState, frame: &mut Frame) {
    let theme = Theme::with_colors(state.colors, state.no_color);
    let geometry = state.geometry();
    if geometry.too_small {
        let (w, h) = state.size;
        let msg = format!(
            "terminal too small: {w}×{h}, dossier needs at least {}×{} (ctrl-c quits)",
            crate::state::geometry::MIN_SIZE.0,
            crate::state::geometry::MIN_SIZE.1
        );
        frame.render_widget(
            Paragraph::new(Line::from(msg)).wrap(Wrap { trim: true }),
            frame.area(),
        );
        return;
    }
    for (pane, area) in &geometry.panes {
        let focused = *pane == state.focus;
        match pane {
            Pane::List => panes::draw_list(state, frame, rect(*area), focused, &theme),
            Pane::Reader => panes::draw_reader(state, frame, rect(*area), focused, &theme),
            Pane::Claims => panes::draw_claims(state, frame, rect(*area), focused, &theme),
        }
    }
    status::draw_status(state, frame, rect(geometry.status), &theme);
    match &state.overlay {
        Some(Overlay::QuitConfirm) => notes::draw_quit_confirm(state, frame, &theme),
        Some(Overlay::Help { scroll }) => help::draw_help(state, frame, *scroll, &theme),
        Some(Overlay::Note(editor)) => notes::draw_note(state, editor, frame, &theme),
        Some(Overlay::Bookmarks { selected }) => {
            notes::draw_bookmarks(state, *selected, frame, &theme)
        }
        Some(Overlay::Palette(p)) => palette::draw_palette(state, p, frame, &theme),
        Some(Overlay::Card {
            canonical,
            selected,
        }) => palette::draw_card(state, canonical, *selected, frame, &theme),
        Some(Overlay::Entities {
            selected,
            sort,
            kind,
        }) => cross::draw_entities(state, *selected, *sort, *kind, frame, &theme),
        Some(Overlay::Group { group, selected }) => {
            compare::draw_group(state, *group, *selected, frame, &theme)
        }
        Some(Overlay::Timeline { selected, entity }) => {
            timeline::draw_timeline(state, *selected, entity.as_deref(), frame, &theme)
        }
        Some(Overlay::Sources(view)) => sources::draw_sources(state, view, frame, &theme),
        Some(Overlay::Find { .. }) | None => {}
    }
}
