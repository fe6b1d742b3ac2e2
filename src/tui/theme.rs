//! Maps semantic parts of the screen to styles. Every style reads without colour too: each one
//! carries a modifier (bold, underline, italic, reverse, dim), and colours are the 16 basic ANSI
//! ones, dropped entirely under `NO_COLOR`.

use crate::reflow::LineKind;
use ratatui::style::{Color, Modifier, Style};

/// Styles for one colour setting.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    color: bool,
}

impl Theme {
    /// A theme with or without colours.
    pub fn new(no_color: bool) -> Self {
        Self { color: !no_color }
    }

    fn fg(&self, style: Style, color: Color) -> Style {
        if self.color { style.fg(color) } else { style }
    }

    /// Border of a pane; the focused one stands out by weight as well as colour.
    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(Style::new().add_modifier(Modifier::BOLD), Color::Cyan)
        } else {
            self.fg(Style::new().add_modifier(Modifier::DIM), Color::DarkGray)
        }
    }

    /// Pane titles.
    pub fn pane_title(&self, focused: bool) -> Style {
        let s = Style::new().add_modifier(Modifier::BOLD);
        if focused { self.fg(s, Color::Cyan) } else { s }
    }

    /// A line of the reading pane.
    pub fn line(&self, kind: LineKind) -> Style {
        match kind {
            LineKind::Title => self.fg(Style::new().add_modifier(Modifier::BOLD), Color::Yellow),
            LineKind::Meta => self.fg(Style::new().add_modifier(Modifier::ITALIC), Color::Gray),
            LineKind::Heading | LineKind::ReferencesHeading => self.fg(
                Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                Color::LightBlue,
            ),
            LineKind::Reference => self.fg(Style::new().add_modifier(Modifier::DIM), Color::Gray),
            LineKind::Paragraph | LineKind::ListItem | LineKind::Blank => Style::new(),
        }
    }

    /// The selected item of a list (also marked with a glyph).
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// Secondary text: bylines, counts, hints.
    pub fn dim(&self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::DIM), Color::Gray)
    }

    /// Emphasised secondary text: claim kinds and stances.
    pub fn label(&self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::BOLD), Color::Magenta)
    }

    /// The mode block at the left of the status line.
    pub fn status_mode(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// An informational message.
    pub fn info(&self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::BOLD), Color::Green)
    }

    /// A warning message.
    pub fn warning(&self) -> Style {
        self.fg(
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            Color::Red,
        )
    }

    /// Keys in the help overlay.
    pub fn key(&self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::BOLD), Color::Yellow)
    }
}
