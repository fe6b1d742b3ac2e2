//! Maps semantic parts of the screen to styles. Every style reads without colour too: each one
//! carries a modifier (bold, underline, italic, reverse, dim), and colours are the 16 basic ANSI
//! ones by default, dropped entirely under `NO_COLOR`. Which colour each part gets comes from a
//! [`ColorTheme`] (built in or read from a `theme.toml` by `crate::colors`).

use crate::colors::{self, ColorTheme};
use crate::highlight::{StyleSet, Tags};
use crate::model::{EntityKind, Stance, TextStyle};
use crate::reflow::LineKind;
use ratatui::style::{Color, Modifier, Style};

/// Styles for one colour setting.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    color: bool,
    colors: ColorTheme,
}

/// The terminal colour of a theme colour.
pub fn to_color(c: colors::Color) -> Color {
    match c {
        colors::Color::Reset => Color::Reset,
        colors::Color::Ansi(n) => match n {
            0 => Color::Black,
            1 => Color::Red,
            2 => Color::Green,
            3 => Color::Yellow,
            4 => Color::Blue,
            5 => Color::Magenta,
            6 => Color::Cyan,
            7 => Color::Gray,
            8 => Color::DarkGray,
            9 => Color::LightRed,
            10 => Color::LightGreen,
            11 => Color::LightYellow,
            12 => Color::LightBlue,
            13 => Color::LightMagenta,
            14 => Color::LightCyan,
            _ => Color::White,
        },
        colors::Color::Indexed(n) => Color::Indexed(n),
        colors::Color::Rgb(r, g, b) => Color::Rgb(r, g, b),
    }
}

impl Theme {
    /// The 16-colour theme with or without colours.
    pub fn new(no_color: bool) -> Self {
        Self::with_colors(ColorTheme::default(), no_color)
    }

    /// A theme with the given colours, or none at all.
    pub fn with_colors(colors: ColorTheme, no_color: bool) -> Self {
        Self {
            color: !no_color,
            colors,
        }
    }

    fn fg(&self, style: Style, color: colors::Color) -> Style {
        if self.color {
            style.fg(to_color(color))
        } else {
            style
        }
    }

    /// Border of a pane; the focused one stands out by weight as well as colour.
    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(Style::new().add_modifier(Modifier::BOLD), self.colors.focus)
        } else {
            self.fg(Style::new().add_modifier(Modifier::DIM), self.colors.border)
        }
    }

    /// Pane titles.
    pub fn pane_title(&self, focused: bool) -> Style {
        let s = Style::new().add_modifier(Modifier::BOLD);
        if focused {
            self.fg(s, self.colors.focus)
        } else {
            s
        }
    }

    /// A line of the reading pane.
    pub fn line(&self, kind: LineKind) -> Style {
        match kind {
            LineKind::Title => {
                self.fg(Style::new().add_modifier(Modifier::BOLD), self.colors.title)
            }
            LineKind::Meta => self.fg(
                Style::new().add_modifier(Modifier::ITALIC),
                self.colors.meta,
            ),
            LineKind::Heading | LineKind::ReferencesHeading => self.fg(
                Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                self.colors.heading,
            ),
            LineKind::Reference => {
                self.fg(Style::new().add_modifier(Modifier::DIM), self.colors.dim)
            }
            LineKind::Paragraph | LineKind::ListItem | LineKind::Blank => Style::new(),
        }
    }

    /// The selected item of a list (also marked with a glyph).
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// Secondary text: bylines, counts, hints.
    pub fn dim(&self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::DIM), self.colors.dim)
    }

    /// Emphasised secondary text: claim kinds and stances.
    pub fn label(&self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::BOLD), self.colors.label)
    }

    /// The glyph of a claim's stance: plain for asserted, the accent (focus) colour for
    /// attributed, the title colour for uncertain (the glyphs differ in fill too).
    pub fn stance(&self, stance: Stance) -> Style {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        match stance {
            Stance::Asserted => bold,
            Stance::Attributed => self.fg(bold, self.colors.focus),
            Stance::Uncertain => self.fg(bold, self.colors.title),
        }
    }

    /// The mode block at the left of the status line.
    pub fn status_mode(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// An informational message.
    pub fn info(&self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::BOLD), self.colors.info)
    }

    /// A warning message.
    pub fn warning(&self) -> Style {
        self.fg(
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            self.colors.warning,
        )
    }

    /// An entity mention of `kind`: a colour plus a modifier combination unique to the kind, so
    /// kinds stay apart without colour.
    pub fn entity(&self, kind: EntityKind) -> Style {
        let (color, modifier) = match kind {
            EntityKind::Person => (self.colors.person, Modifier::BOLD),
            EntityKind::Organization => {
                (self.colors.organization, Modifier::BOLD | Modifier::ITALIC)
            }
            EntityKind::Place => (self.colors.place, Modifier::UNDERLINED),
            EntityKind::Date => (self.colors.date, Modifier::ITALIC),
            EntityKind::Quantity => (self.colors.quantity, Modifier::BOLD | Modifier::UNDERLINED),
            EntityKind::Misc => (self.colors.misc, Modifier::ITALIC | Modifier::UNDERLINED),
        };
        self.fg(Style::new().add_modifier(modifier), color)
    }

    /// The style of a run of reading-pane text: the line's base style, then the entity, then
    /// selection-like marks on top.
    pub fn tagged(&self, base: Style, tags: Tags) -> Style {
        let mut style = base;
        if !tags.style.is_empty() {
            style = self.authored(style, tags.style);
        }
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

    /// The author's markup (Markdown articles) on top of a run's style: emphasis in italics,
    /// strong in bold, code and footnote markers in the key colour, links underlined in the
    /// info colour, quotes in italics.
    pub fn authored(&self, base: Style, set: StyleSet) -> Style {
        let mut style = base;
        if set.has(TextStyle::Emphasis) || set.has(TextStyle::Quote) {
            style = style.add_modifier(Modifier::ITALIC);
        }
        if set.has(TextStyle::Strong) {
            style = style.add_modifier(Modifier::BOLD);
        }
        if set.has(TextStyle::Strikethrough) {
            style = style.add_modifier(Modifier::CROSSED_OUT);
        }
        if set.has(TextStyle::Code) || set.has(TextStyle::FootnoteMarker) {
            style = self.fg(style, self.colors.key);
        }
        if set.has(TextStyle::Link) {
            style = self.fg(style.add_modifier(Modifier::UNDERLINED), self.colors.info);
        }
        style
    }

    /// The gutter glyph's style for lines with claim text or notes.
    pub fn gutter(&self) -> Style {
        self.fg(
            Style::new().add_modifier(Modifier::BOLD),
            self.colors.gutter,
        )
    }

    /// Matched characters in a palette row or search hit, on top of the row's style.
    pub fn matched(&self, base: Style) -> Style {
        let s = base.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        self.fg(s, self.colors.matched)
    }

    /// Keys in the help overlay.
    pub fn key(&self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::BOLD), self.colors.key)
    }
}
