//! Maps semantic parts of the screen to styles. Every style reads without colour too: each one
//! carries a modifier (bold, underline, italic, reverse, dim), and colours are the 16 basic ANSI
//! ones, dropped entirely under `NO_COLOR`.

use crate::highlight::Tags;
use crate::model::{EntityKind, Stance};
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

    /// The glyph of a claim's stance: plain for asserted, cyan for attributed, yellow for
    /// uncertain (the glyphs differ in fill too).
    pub fn stance(&self, stance: Stance) -> Style {
        match stance {
            Stance::Asserted => Style::new().add_modifier(Modifier::BOLD),
            Stance::Attributed => self.fg(Style::new().add_modifier(Modifier::BOLD), Color::Cyan),
            Stance::Uncertain => self.fg(Style::new().add_modifier(Modifier::BOLD), Color::Yellow),
        }
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

    /// An entity mention of `kind`: a colour plus a modifier combination unique to the kind, so
    /// kinds stay apart without colour.
    pub fn entity(&self, kind: EntityKind) -> Style {
        let (color, modifier) = match kind {
            EntityKind::Person => (Color::Yellow, Modifier::BOLD),
            EntityKind::Organization => (Color::Cyan, Modifier::BOLD | Modifier::ITALIC),
            EntityKind::Place => (Color::Green, Modifier::UNDERLINED),
            EntityKind::Date => (Color::Magenta, Modifier::ITALIC),
            EntityKind::Quantity => (Color::LightRed, Modifier::BOLD | Modifier::UNDERLINED),
            EntityKind::Misc => (Color::LightBlue, Modifier::ITALIC | Modifier::UNDERLINED),
        };
        self.fg(Style::new().add_modifier(modifier), color)
    }

    /// The style of a run of reading-pane text: the line's base style, then the entity, then
    /// selection-like marks on top.
    pub fn tagged(&self, base: Style, tags: Tags) -> Style {
        let mut style = base;
        if let Some(kind) = tags.entity {
            style = style.patch(self.entity(kind));
        }
        if tags.matched {
            style = style.add_modifier(Modifier::REVERSED | Modifier::UNDERLINED);
        }
        if tags.cursor || tags.selected_claim {
            style = style.add_modifier(Modifier::REVERSED);
        }
        style
    }

    /// The gutter glyph's style for lines with claim text or notes.
    pub fn gutter(&self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::BOLD), Color::Magenta)
    }

    /// Matched characters in a palette row or search hit, on top of the row's style.
    pub fn matched(&self, base: Style) -> Style {
        let s = base.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        if self.color { s.fg(Color::Yellow) } else { s }
    }

    /// Keys in the help overlay.
    pub fn key(&self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::BOLD), Color::Yellow)
    }
}
