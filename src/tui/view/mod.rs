//! Pure views: `draw` reads [`AppState`] and paints a frame; nothing here changes state or does
//! IO.

mod compare;
mod cross;
mod help;
mod notes;
mod palette;
mod panes;
mod server;
mod sources;
mod status;
mod table;
mod timeline;

use crate::state::{AppState, Overlay, Pane};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect as TuiRect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};
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

/// An overlay's frame: a double border with the title on top and the key hints below, each
/// cut to the items that fit in `room` cells (no hint line when `hint` is empty).
fn overlay_block<'a>(title: &str, hint: &str, room: usize, theme: &Theme) -> Block<'a> {
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.border(true))
        .title(Line::from(Span::styled(
            fit_items(title, room),
            theme.pane_title(true),
        )));
    if hint.is_empty() {
        return block;
    }
    block.title_bottom(Line::from(Span::styled(fit_items(hint, room), theme.dim())))
}

/// Clears `area`, draws `block` over it and returns the inside.
fn draw_frame(frame: &mut Frame, area: TuiRect, block: Block<'_>) -> TuiRect {
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    inner
}

/// Room for a popup's title or bottom hint: the popup is the screen less two cells each side,
/// less its corners.
fn popup_room(frame: &Frame) -> usize {
    usize::from(frame.area().width.saturating_sub(6))
}

/// The items of a title or hint (" a · b · c ") that fit in `width` cells: whole items, the
/// last ones left out rather than cut; cut with "…" only when not even the first fits.
fn fit_items(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for item in text.trim().split(" · ") {
        let candidate = if out.is_empty() {
            format!(" {item} ")
        } else {
            format!("{}· {item} ", out)
        };
        if candidate.width() > width {
            break;
        }
        out = candidate;
    }
    if out.is_empty() {
        truncate(text, width)
    } else {
        out
    }
}

/// The end of `text` in at most `width` cells, starting at a word: a word the cut runs through
/// is left out, so context never starts mid-word ("ge an der Front").
fn tail_at_word(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.trim_start().to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut used = 0;
    let mut start = chars.len();
    while start > 0 {
        let w = chars[start - 1].width().unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        start -= 1;
    }
    let tail: String = chars[start..].iter().collect();
    if start > 0 && !chars[start - 1].is_whitespace() {
        tail.find(' ')
            .map_or_else(String::new, |i| tail[i..].trim_start().to_string())
    } else {
        tail.trim_start().to_string()
    }
}

/// The start of `text` in at most `width` cells, ending at a word: context that trails off at a
/// word boundary needs no "…".
fn head_at_word(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            if !c.is_whitespace() {
                match out.rfind(' ') {
                    Some(i) => out.truncate(i),
                    None => out.clear(),
                }
            }
            break;
        }
        used += w;
        out.push(c);
    }
    out.trim_end().to_string()
}

/// `text` wrapped to `width` in at most `max` lines, the last cut with "…" when more would
/// follow; lines after the first are indented by `hang` cells.
fn wrapped_at_most(text: &str, width: usize, max: usize, hang: usize) -> Vec<String> {
    let indent = " ".repeat(hang.min(width / 2));
    let options = textwrap::Options::new(width.max(1)).subsequent_indent(&indent);
    let clean = crate::reflow::sanitize(text);
    let all: Vec<String> = textwrap::wrap(&clean, options)
        .into_iter()
        .map(|l| l.into_owned())
        .collect();
    crate::reflow::shorten_lines(all, width, max)
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

/// Cuts a title or other prose to at most `width` cells like [`truncate`], but at a word
/// boundary when one lies past the first third of what fits, so a title never ends mid-word
/// ("Nordkoreas Militäreinsatz in…", not "Nordkoreas Militäreinsa…").
pub fn truncate_words(text: &str, width: usize) -> String {
    let clean = crate::reflow::sanitize(text);
    if clean.width() <= width {
        return clean;
    }
    let cut = truncate(&clean, width);
    let Some(kept) = cut.strip_suffix('…') else {
        return cut;
    };
    // The character after the kept prefix: when it is a blank, the cut is already at a word end.
    let next = clean[kept.len()..].chars().next();
    if next.is_some_and(char::is_whitespace) {
        return format!("{}…", kept.trim_end());
    }
    match kept.rfind(char::is_whitespace) {
        Some(i) if kept[..i].width() * 3 >= width.saturating_sub(1) => {
            let head = kept[..i].trim_end_matches(|c: char| {
                c.is_whitespace() || matches!(c, ',' | ';' | ':' | '–' | '—' | '-')
            });
            format!("{head}…")
        }
        _ => cut,
    }
}

/// Draws the whole screen.
pub fn draw(state: &AppState, frame: &mut Frame) {
    let theme = Theme::with_colors(state.screen.colors, state.screen.no_color);
    let geometry = state.geometry();
    if geometry.too_small {
        let (w, h) = state.screen.size;
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
        let focused = *pane == state.screen.focus;
        match pane {
            Pane::List => panes::draw_list(state, frame, rect(*area), focused, &theme),
            Pane::Reader => panes::draw_reader(state, frame, rect(*area), focused, &theme),
            Pane::Claims => panes::draw_claims(state, frame, rect(*area), focused, &theme),
        }
    }
    status::draw_status(state, frame, rect(geometry.status), &theme);
    match &state.overlays.open {
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
        Some(Overlay::Server(view)) => server::draw_server(state, view, frame, &theme),
        Some(Overlay::Find { .. }) | None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_lose_whole_items_not_parts_of_one() {
        let hint = " enter jump · j next · k previous · q close ";
        assert_eq!(fit_items(hint, 80), hint);
        assert_eq!(fit_items(hint, 28), " enter jump · j next ");
        assert_eq!(fit_items(hint, 5), " ent…");
    }

    #[test]
    fn titles_are_cut_at_a_word() {
        let title = "Nordkoreas Militäreinsatz in Europa";
        assert_eq!(truncate_words(title, 40), title);
        assert_eq!(truncate_words(title, 34), "Nordkoreas Militäreinsatz in…");
        assert_eq!(truncate_words(title, 24), "Nordkoreas…");
        // A cut right before a blank keeps the whole word.
        assert_eq!(truncate_words(title, 26), "Nordkoreas Militäreinsatz…");
        // No blank past the first third: the word is cut as before.
        assert_eq!(truncate_words("Unterstützungsleistungen", 10), "Unterstüt…");
        // A title that fits and ends in an ellipsis is left alone.
        assert_eq!(truncate_words("Was nun…", 8), "Was nun…");
        // Punctuation before the cut goes.
        assert_eq!(
            truncate_words("Kiew, Moskau und Pjöngjang", 14),
            "Kiew, Moskau…"
        );
    }

    #[test]
    fn context_tails_start_at_a_word() {
        assert_eq!(tail_at_word("vor der Front", 20), "vor der Front");
        assert_eq!(tail_at_word("die Lage an der Front", 12), "an der Front");
        assert_eq!(tail_at_word("die Lage an der Front", 11), "der Front");
        assert_eq!(tail_at_word("Unterstützungsleistungen", 6), "");
        assert_eq!(head_at_word("an der Front stehen", 12), "an der Front");
        assert_eq!(head_at_word("an der Front stehen", 10), "an der");
        assert_eq!(head_at_word("kurz", 10), "kurz");
    }
}
