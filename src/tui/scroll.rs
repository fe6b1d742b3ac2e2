//! Scrolling with terminal scroll regions: when a new frame is mostly the previous one moved up
//! or down by a few rows across the whole width, let the terminal move those rows (set a scroll
//! region, scroll, reset it: some fifteen bytes) and draw only what is new, instead of
//! rewriting every cell of the pane.
//!
//! Terminal scroll regions (DECSTBM) span whole rows, so this applies when the rows that move are
//! the same across the full width: the reading pane alone (zoomed, or one pane on a narrow
//! screen). With side panes that do not move, [`detect`] finds nothing worth it and the frame is
//! drawn by ordinary diffing. [`detect`] and [`shift`] are pure; the event loop uses them around
//! ratatui's own diff.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};
use std::hash::BuildHasher;
use std::ops::Range;

/// Rows `rows` (whole width) moved by `lines`: up (content moves towards the top) or down.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scroll {
    /// The scroll region, in screen rows (end exclusive).
    pub rows: Range<u16>,
    /// How many rows the content moves.
    pub lines: u16,
    /// True when the content moves up (the view scrolled towards the end of the text).
    pub up: bool,
}

/// Fewest rows a scroll must save (rows that match after it and did not before, less the rows
/// it blanks) to be worth the escape sequences.
const MIN_GAIN: usize = 3;

fn row_hashes(buf: &Buffer) -> Vec<u64> {
    let w = usize::from(buf.area.width);
    // The same keys for both frames, so that equal rows hash equal.
    let state = std::hash::BuildHasherDefault::<std::hash::DefaultHasher>::default();
    buf.content
        .chunks(w.max(1))
        .map(|row| state.hash_one(row))
        .collect()
}

fn row(buf: &Buffer, r: usize) -> &[Cell] {
    let w = usize::from(buf.area.width);
    &buf.content[r * w..(r + 1) * w]
}

/// The scroll of at most `max_lines` rows that turns most of `old` into `new`, if one saves at
/// least `MIN_GAIN` rows of drawing. Both buffers must cover the same area.
pub fn detect(old: &Buffer, new: &Buffer, max_lines: u16) -> Option<Scroll> {
    if old.area != new.area || old.area.width == 0 {
        return None;
    }
    let h = usize::from(old.area.height);
    let (ho, hn) = (row_hashes(old), row_hashes(new));
    // Row r of the new frame is row r + k (up) or r - k (down) of the old one.
    let same = |r: usize, from: usize| hn[r] == ho[from] && row(new, r) == row(old, from);
    let mut best: Option<(usize, Scroll)> = None;
    for k in 1..=usize::from(max_lines).min(h.saturating_sub(1)) {
        for up in [true, false] {
            let source = |r: usize| if up { r + k } else { r.wrapping_sub(k) };
            let valid = |r: usize| if up { r + k < h } else { r >= k };
            let mut r = 0;
            while r < h {
                if !(valid(r) && same(r, source(r))) {
                    r += 1;
                    continue;
                }
                // A run of rows that the scroll brings into place.
                let start = r;
                let mut gained = 0usize;
                while r < h && valid(r) && same(r, source(r)) {
                    gained += usize::from(hn[r] != ho[r] || row(new, r) != row(old, r));
                    r += 1;
                }
                let gain = gained.saturating_sub(k);
                if gain >= MIN_GAIN && best.as_ref().is_none_or(|(g, _)| gain > *g) {
                    // The region covers the run and the rows it moves from (up: below it;
                    // down: above it), which the scroll blanks.
                    let rows = if up { start..r + k } else { start - k..r };
                    let rows = rows.start as u16..rows.end as u16;
                    let base = old.area.y;
                    best = Some((
                        gain,
                        Scroll {
                            rows: base + rows.start..base + rows.end,
                            lines: k as u16,
                            up,
                        },
                    ));
                }
            }
        }
    }
    best.map(|(_, s)| s)
}

/// Moves the rows of `buf` as the terminal does for `scroll`: rows leave the region at one edge
/// and blank rows enter at the other.
pub fn shift(buf: &mut Buffer, scroll: &Scroll) {
    let w = usize::from(buf.area.width);
    let top = usize::from(scroll.rows.start.saturating_sub(buf.area.y));
    let bottom =
        usize::from(scroll.rows.end.saturating_sub(buf.area.y)).min(usize::from(buf.area.height));
    let k = usize::from(scroll.lines);
    if top >= bottom || w == 0 {
        return;
    }
    let region = &mut buf.content[top * w..bottom * w];
    let n = region.len();
    let moved = (k * w).min(n);
    if scroll.up {
        region.rotate_left(moved);
        region[n - moved..].fill(Cell::EMPTY);
    } else {
        region.rotate_right(moved);
        region[..moved].fill(Cell::EMPTY);
    }
}

/// Widest run of unchanged cells written again rather than jumped over: a cursor move
/// (`ESC [ row ; col H`) costs more bytes than a few characters.
const MAX_GAP: u16 = 4;

/// Adds to `updates` (in row-major order, as [`Buffer::diff`] gives them) the unchanged cells of
/// short gaps between two updates on the same row, so that the terminal gets one run of text
/// instead of a cursor move per word. Only plain one-column cells are bridged.
fn bridge_gaps<'a>(
    updates: Vec<(u16, u16, &'a Cell)>,
    screen: &'a Buffer,
) -> Vec<(u16, u16, &'a Cell)> {
    let narrow = |c: &Cell| {
        let s = c.symbol();
        s.len() == 1 && s.as_bytes()[0].is_ascii_graphic() || s == " "
    };
    let mut out: Vec<(u16, u16, &Cell)> = Vec::with_capacity(updates.len());
    for (x, y, cell) in updates {
        if let Some(&(px, py, prev)) = out.last()
            && py == y
            && x > px + 1
            && x - px - 1 <= MAX_GAP
            && narrow(prev)
        {
            let gap: Vec<(u16, u16, &Cell)> = (px + 1..x)
                .filter_map(|gx| screen.cell((gx, y)).map(|c| (gx, y, c)))
                .collect();
            if gap.len() == usize::from(x - px - 1) && gap.iter().all(|(_, _, c)| narrow(c)) {
                out.extend(gap);
            }
        }
        out.push((x, y, cell));
    }
    out
}

/// A backend that keeps a copy of what the terminal shows and turns frames that scroll into a
/// scroll-region operation plus the cells that are new. Everything else passes through to
/// `inner` unchanged; with `enabled` off, so do frames (a full redraw where scroll regions are
/// not wanted).
#[derive(Debug)]
pub struct ScrollingBackend<B: Backend> {
    inner: B,
    /// What the terminal shows, while it is known (after a full clear); `None` otherwise.
    shown: Option<Buffer>,
    enabled: bool,
    scrolls: usize,
}

impl<B: Backend> ScrollingBackend<B> {
    /// Moves what the terminal is known to show as a scroll of `region` does.
    fn shift_shown(&mut self, region: &Range<u16>, lines: u16, up: bool) {
        if let Some(shown) = &mut self.shown {
            let rows = region.clone();
            shift(shown, &Scroll { rows, lines, up });
        }
    }

    /// Wraps `inner`, whose screen is blank (as ratatui assumes of a new terminal).
    pub fn new(inner: B, enabled: bool) -> Self {
        let shown = inner
            .size()
            .ok()
            .map(|s| Buffer::empty(Rect::new(0, 0, s.width, s.height)));
        ScrollingBackend {
            inner,
            shown,
            enabled,
            scrolls: 0,
        }
    }

    /// How many frames were drawn with a scroll region.
    pub fn scrolls(&self) -> usize {
        self.scrolls
    }

    /// The wrapped backend.
    pub fn inner(&self) -> &B {
        &self.inner
    }

    /// The wrapped backend, for writes of its own (they must not change the screen's cells).
    pub fn inner_mut(&mut self) -> &mut B {
        &mut self.inner
    }
}

/// Writes of the wrapped backend's own (mouse modes, clipboard), which leave the cells alone.
impl<B: Backend + std::io::Write> std::io::Write for ScrollingBackend<B> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.inner.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        std::io::Write::flush(&mut self.inner)
    }
}

impl<B: Backend> Backend for ScrollingBackend<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let Some(shown) = self.shown.as_mut().filter(|_| self.enabled) else {
            return self.inner.draw(content);
        };
        let before = shown.clone();
        let updates: Vec<(u16, u16, &Cell)> = content.collect();
        for &(x, y, cell) in &updates {
            match shown.cell_mut((x, y)) {
                Some(c) => *c = cell.clone(),
                None => {
                    // Outside the known screen: stop tracking and draw as asked.
                    self.shown = None;
                    return self.inner.draw(updates.into_iter());
                }
            }
        }
        let max_lines = shown.area.height / 2;
        match detect(&before, shown, max_lines) {
            Some(scroll) => {
                self.scrolls += 1;
                if scroll.up {
                    self.inner
                        .scroll_region_up(scroll.rows.clone(), scroll.lines)?;
                } else {
                    self.inner
                        .scroll_region_down(scroll.rows.clone(), scroll.lines)?;
                }
                let mut moved = before;
                shift(&mut moved, &scroll);
                let updates = bridge_gaps(moved.diff(shown), shown);
                self.inner.draw(updates.into_iter())
            }
            None => {
                let updates = bridge_gaps(before.diff(shown), shown);
                self.inner.draw(updates.into_iter())
            }
        }
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.shown = None;
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()?;
        self.shown = self
            .inner
            .size()
            .ok()
            .map(|s| Buffer::empty(Rect::new(0, 0, s.width, s.height)));
        Ok(())
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        if clear_type == ClearType::All {
            return self.clear();
        }
        self.shown = None;
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }

    fn scroll_region_up(&mut self, region: Range<u16>, line_count: u16) -> Result<(), Self::Error> {
        self.shift_shown(&region, line_count, true);
        self.inner.scroll_region_up(region, line_count)
    }

    fn scroll_region_down(
        &mut self,
        region: Range<u16>,
        line_count: u16,
    ) -> Result<(), Self::Error> {
        self.shift_shown(&region, line_count, false);
        self.inner.scroll_region_down(region, line_count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Style};

    fn screen(lines: &[&str]) -> Buffer {
        let width = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0) as u16;
        let mut b = Buffer::empty(Rect::new(0, 0, width, lines.len() as u16));
        for (y, l) in lines.iter().enumerate() {
            b.set_string(0, y as u16, l, Style::default());
        }
        b
    }

    fn text(b: &Buffer) -> Vec<String> {
        let w = usize::from(b.area.width);
        b.content
            .chunks(w)
            .map(|r| r.iter().map(|c| c.symbol()).collect::<String>())
            .collect()
    }

    /// A frame: title, sixteen text rows starting at line `first`, status.
    fn view(first: usize) -> Buffer {
        let mut lines = vec!["== title ==".to_string()];
        lines.extend((first..first + 16).map(|i| format!("| line {i:03} |")));
        lines.push("-- status --".to_string());
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        screen(&refs)
    }

    #[test]
    fn a_one_line_step_is_a_one_line_scroll_of_the_text_rows() {
        let (old, new) = (view(10), view(11));
        let s = detect(&old, &new, 4).unwrap();
        assert_eq!(
            s,
            Scroll {
                rows: 1..17,
                lines: 1,
                up: true
            }
        );
        let mut shifted = old.clone();
        shift(&mut shifted, &s);
        // After the scroll only the last text row differs: the one new line.
        let differing: Vec<usize> = (0..18)
            .filter(|&r| row(&shifted, r) != row(&new, r))
            .collect();
        assert_eq!(differing, [16]);
        assert_eq!(text(&shifted)[16].trim(), "");
    }

    #[test]
    fn scrolling_back_and_by_several_lines() {
        let s = detect(&view(11), &view(10), 4).unwrap();
        assert_eq!((s.rows.clone(), s.lines, s.up), (1..17, 1, false));
        let s = detect(&view(10), &view(13), 4).unwrap();
        assert_eq!((s.rows.clone(), s.lines, s.up), (1..17, 3, true));
        let mut shifted = view(13);
        shift(&mut shifted, &detect(&view(13), &view(10), 4).unwrap());
        assert_eq!(text(&shifted)[4], text(&view(10))[4]);
        assert_eq!(text(&shifted)[1].trim(), "");
    }

    #[test]
    fn nothing_worth_scrolling_is_left_to_diffing() {
        assert_eq!(detect(&view(10), &view(10), 4), None, "unchanged");
        assert_eq!(detect(&view(10), &view(40), 4), None, "a page away");
        assert_eq!(
            detect(&view(10), &view(15), 4),
            None,
            "more rows than allowed"
        );
        assert_eq!(detect(&view(10), &view(24), 15), None, "too few rows move");
        // Side columns that stay put break every row: no full-width scroll.
        let with_side = |first: usize| {
            let lines: Vec<String> = (0..10)
                .map(|r| format!("side {r} | line {:03}", first + r))
                .collect();
            let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
            screen(&refs)
        };
        assert_eq!(detect(&with_side(10), &with_side(11), 4), None);
        let small = Buffer::empty(Rect::new(0, 0, 10, 3));
        assert_eq!(
            detect(&small, &Buffer::empty(Rect::new(0, 0, 11, 3)), 4),
            None
        );
    }

    /// Draws frames of the reader through the scrolling backend and checks, after each, that
    /// the screen is exactly what a plain redraw shows.
    #[test]
    fn the_screen_stays_exact_through_scrolls_jumps_and_clears() {
        use crate::keymap::{Keymap, parse_sequence};
        use crate::reflow::Hyphenators;
        use crate::state::{AppState, Corpus, Input, Options};
        use ratatui::Terminal;
        use ratatui::backend::TestBackend;

        let articles = crate::ingest::bundled();
        let analyses = crate::extract::analyze_corpus(&articles);
        let entries = Corpus::from_pairs(articles.into_iter().zip(analyses));
        let mut state = AppState::new(
            entries,
            Keymap::builtin(),
            Hyphenators::load(),
            Options::default(),
        );
        for zoomed in [true, false] {
            let (w, h) = (100, 30);
            state.handle(Input::Resize(w, h));
            if zoomed != state.screen.zoom {
                for k in parse_sequence("z").unwrap() {
                    state.handle(Input::Key(k));
                }
            }
            let mut term =
                Terminal::new(ScrollingBackend::new(TestBackend::new(w, h), true)).unwrap();
            let keys = "j j j j ctrl-d j k k ctrl-u G g g J j j z j j z";
            for (i, chord) in parse_sequence(keys).unwrap().into_iter().enumerate() {
                state.handle(Input::Key(chord));
                term.draw(|f| crate::tui::view::draw(&state, f)).unwrap();
                let mut plain = Terminal::new(TestBackend::new(w, h)).unwrap();
                plain.draw(|f| crate::tui::view::draw(&state, f)).unwrap();
                assert_eq!(
                    term.backend().inner().buffer(),
                    plain.backend().buffer(),
                    "after key {i} ({chord:?}), zoomed {zoomed}"
                );
                if i == 7 {
                    term.clear().unwrap();
                }
            }
            let scrolls = term.backend().scrolls();
            if zoomed {
                assert!(scrolls >= 8, "line steps at full width scroll: {scrolls}");
            }
        }
    }

    #[test]
    fn short_gaps_between_changes_are_written_through() {
        let screen = screen(&["ab  cdefgh       ij"]);
        let cells = |xs: &[u16]| -> Vec<(u16, u16, &Cell)> {
            xs.iter().map(|&x| (x, 0, &screen[(x, 0)])).collect()
        };
        let bridged: Vec<u16> = bridge_gaps(cells(&[0, 4, 9, 17]), &screen)
            .iter()
            .map(|(x, _, _)| *x)
            .collect();
        // 0 -> 4 and 4 -> 9 are bridged; the seven cells before 17 are jumped.
        assert_eq!(bridged, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 17]);
        // A wide character before the gap is not bridged from.
        let mut wide = Buffer::empty(Rect::new(0, 0, 8, 1));
        wide.set_string(0, 0, "日x  y", Style::default());
        let updates: Vec<(u16, u16, &Cell)> = vec![(0, 0, &wide[(0, 0)]), (5, 0, &wide[(5, 0)])];
        assert_eq!(bridge_gaps(updates, &wide).len(), 2);
    }

    #[test]
    fn styles_count_as_content() {
        let old = view(10);
        let mut new = view(11);
        // Same text one row up, but highlighted differently: not the same row.
        for x in 0..new.area.width {
            new[(x, 4)].set_fg(Color::Red);
        }
        let s = detect(&old, &new, 4).unwrap();
        let mut shifted = old.clone();
        shift(&mut shifted, &s);
        assert_ne!(
            row(&shifted, 4),
            row(&new, 4),
            "the restyled row is redrawn"
        );
    }
}
