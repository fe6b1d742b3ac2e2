//! Colour themes as data: the built-in themes (dark, light, high-contrast, 16-colour), the
//! `theme.toml` format, and whether to use colour at all (`NO_COLOR`, `CLICOLOR_FORCE`).
//!
//! Only colours live here; every style also carries a modifier chosen in `tui::theme`, so the
//! screen reads without colour. Must not import `ratatui`, `crossterm` or `directories`.

use serde::Deserialize;
use std::collections::BTreeMap;

/// A terminal colour: one of the 16 ANSI colours, a 256-colour index or 24-bit RGB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    /// The terminal's default.
    Reset,
    /// ANSI colour 0-15 by number (0 black … 7 white-ish gray, 8 dark gray … 15 white).
    Ansi(u8),
    /// 256-colour palette index.
    Indexed(u8),
    /// 24-bit colour.
    Rgb(u8, u8, u8),
}

/// Names of the 16 ANSI colours, in their numeric order.
pub const ANSI_NAMES: [&str; 16] = [
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "dark-gray",
    "light-red",
    "light-green",
    "light-yellow",
    "light-blue",
    "light-magenta",
    "light-cyan",
    "white",
];

const RED: Color = Color::Ansi(1);
const GREEN: Color = Color::Ansi(2);
const YELLOW: Color = Color::Ansi(3);
const MAGENTA: Color = Color::Ansi(5);
const CYAN: Color = Color::Ansi(6);
const GRAY: Color = Color::Ansi(7);
const DARK_GRAY: Color = Color::Ansi(8);
const LIGHT_RED: Color = Color::Ansi(9);
const LIGHT_BLUE: Color = Color::Ansi(12);
const WHITE: Color = Color::Ansi(15);

impl Color {
    /// Reads `"light-blue"`, `"#5fafff"`, `"75"` (a 256-colour index) or `"reset"`.
    pub fn parse(text: &str) -> Result<Color, String> {
        let t = text.trim().to_lowercase().replace(['_', ' '], "-");
        if t == "reset" || t == "default" {
            return Ok(Color::Reset);
        }
        let t = t.replace("grey", "gray");
        if let Some(i) = ANSI_NAMES.iter().position(|n| *n == t) {
            return Ok(Color::Ansi(i as u8));
        }
        if let Some(hex) = t.strip_prefix('#')
            && hex.len() == 6
            && hex.bytes().all(|b| b.is_ascii_hexdigit())
        {
            let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0);
            return Ok(Color::Rgb(byte(0), byte(2), byte(4)));
        }
        if let Ok(n) = t.parse::<u8>() {
            return Ok(Color::Indexed(n));
        }
        Err(format!(
            "unknown colour '{text}' (use a name such as light-blue, #rrggbb or 0-255)"
        ))
    }
}

/// The colour of every part of the screen that has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColorTheme {
    /// Border and title of the focused pane.
    pub focus: Color,
    /// Borders of the other panes.
    pub border: Color,
    /// The article title in the reader.
    pub title: Color,
    /// Headings in the reader.
    pub heading: Color,
    /// Byline and date line.
    pub meta: Color,
    /// Secondary text: references, counts, hints.
    pub dim: Color,
    /// Labels such as claim kinds.
    pub label: Color,
    /// Informational messages.
    pub info: Color,
    /// Warnings.
    pub warning: Color,
    /// Gutter glyphs.
    pub gutter: Color,
    /// Matched characters in search results.
    pub matched: Color,
    /// Keys in the help overlay.
    pub key: Color,
    /// Person mentions.
    pub person: Color,
    /// Organisation mentions.
    pub organization: Color,
    /// Place mentions.
    pub place: Color,
    /// Date mentions.
    pub date: Color,
    /// Quantity mentions.
    pub quantity: Color,
    /// Other named things.
    pub misc: Color,
}

/// Names of the built-in themes.
pub const BUILTIN: [&str; 4] = ["dark", "light", "high-contrast", "16-colour"];

impl ColorTheme {
    /// The 16-colour theme: only the basic ANSI colours, which every terminal maps to its own
    /// palette (the default).
    pub fn ansi16() -> Self {
        ColorTheme {
            focus: CYAN,
            border: DARK_GRAY,
            title: YELLOW,
            heading: LIGHT_BLUE,
            meta: GRAY,
            dim: GRAY,
            label: MAGENTA,
            info: GREEN,
            warning: RED,
            gutter: MAGENTA,
            matched: YELLOW,
            key: YELLOW,
            person: YELLOW,
            organization: CYAN,
            place: GREEN,
            date: MAGENTA,
            quantity: LIGHT_RED,
            misc: LIGHT_BLUE,
        }
    }

    /// Softer 256-colour tones for a dark background.
    pub fn dark() -> Self {
        use Color::Indexed as I;
        ColorTheme {
            focus: I(81),
            border: I(240),
            title: I(222),
            heading: I(111),
            meta: I(250),
            dim: I(245),
            label: I(176),
            info: I(114),
            warning: I(203),
            gutter: I(176),
            matched: I(220),
            key: I(222),
            person: I(221),
            organization: I(80),
            place: I(114),
            date: I(183),
            quantity: I(209),
            misc: I(117),
        }
    }

    /// Darker tones that stay legible on a white or cream background.
    pub fn light() -> Self {
        use Color::Indexed as I;
        ColorTheme {
            focus: I(25),
            border: I(248),
            title: I(130),
            heading: I(24),
            meta: I(240),
            dim: I(242),
            label: I(90),
            info: I(28),
            warning: I(160),
            gutter: I(90),
            matched: I(166),
            key: I(130),
            person: I(130),
            organization: I(30),
            place: I(28),
            date: I(91),
            quantity: I(160),
            misc: I(25),
        }
    }

    /// Bright colours only, white where others use gray.
    pub fn high_contrast() -> Self {
        let (y, c, g, m) = (
            Color::Ansi(11),
            Color::Ansi(14),
            Color::Ansi(10),
            Color::Ansi(13),
        );
        ColorTheme {
            focus: y,
            border: WHITE,
            title: y,
            heading: c,
            meta: WHITE,
            dim: WHITE,
            label: m,
            info: g,
            warning: Color::Ansi(9),
            gutter: m,
            matched: y,
            key: y,
            person: y,
            organization: c,
            place: g,
            date: m,
            quantity: Color::Ansi(9),
            misc: WHITE,
        }
    }

    /// A built-in theme by name (`16-color` and `ansi` are accepted for `16-colour`).
    pub fn builtin(name: &str) -> Option<Self> {
        match name.trim().to_lowercase().as_str() {
            "dark" => Some(Self::dark()),
            "light" => Some(Self::light()),
            "high-contrast" | "highcontrast" | "contrast" => Some(Self::high_contrast()),
            "16-colour" | "16-color" | "16" | "ansi" => Some(Self::ansi16()),
            _ => None,
        }
    }

    fn slot(&mut self, name: &str) -> Option<&mut Color> {
        Some(match name {
            "focus" => &mut self.focus,
            "border" => &mut self.border,
            "title" => &mut self.title,
            "heading" => &mut self.heading,
            "meta" => &mut self.meta,
            "dim" => &mut self.dim,
            "label" => &mut self.label,
            "info" => &mut self.info,
            "warning" => &mut self.warning,
            "gutter" => &mut self.gutter,
            "matched" => &mut self.matched,
            "key" => &mut self.key,
            "person" => &mut self.person,
            "organization" | "organisation" => &mut self.organization,
            "place" => &mut self.place,
            "date" => &mut self.date,
            "quantity" => &mut self.quantity,
            "misc" => &mut self.misc,
            _ => return None,
        })
    }
}

impl Default for ColorTheme {
    fn default() -> Self {
        Self::ansi16()
    }
}

/// Names of the colour slots a theme file may set.
pub const SLOTS: [&str; 18] = [
    "focus",
    "border",
    "title",
    "heading",
    "meta",
    "dim",
    "label",
    "info",
    "warning",
    "gutter",
    "matched",
    "key",
    "person",
    "organization",
    "place",
    "date",
    "quantity",
    "misc",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    /// Shown nowhere yet; allowed so theme files can say what they are.
    #[allow(dead_code)]
    name: Option<String>,
    base: Option<String>,
    #[serde(default)]
    colors: BTreeMap<String, String>,
}

/// Reads a `theme.toml`:
///
/// ```toml
/// name = "paper"
/// base = "light"            # a built-in theme to start from (default: 16-colour)
/// [colors]
/// heading = "#005f87"
/// person = "dark-gray"
/// date = "91"
/// ```
///
/// Returns the theme with every valid setting applied and the problems found (each naming the
/// file and the key), so one bad colour does not lose the rest.
pub fn parse_theme(path: &str, text: &str) -> (ColorTheme, Vec<String>) {
    let file: ThemeFile = match toml::from_str(text) {
        Ok(f) => f,
        Err(e) => {
            return (
                ColorTheme::default(),
                vec![format!("{path}: {}; using the default theme", e.message())],
            );
        }
    };
    let mut problems = Vec::new();
    let mut theme = match file.base.as_deref() {
        None => ColorTheme::default(),
        Some(b) => ColorTheme::builtin(b).unwrap_or_else(|| {
            problems.push(format!(
                "{path}: unknown base theme '{b}' (built in: {})",
                BUILTIN.join(", ")
            ));
            ColorTheme::default()
        }),
    };
    for (key, value) in &file.colors {
        let parsed = Color::parse(value);
        match (theme.slot(key), parsed) {
            (Some(slot), Ok(c)) => *slot = c,
            (Some(_), Err(e)) => problems.push(format!("{path}: colors.{key}: {e}")),
            (None, _) => problems.push(format!(
                "{path}: unknown colour slot '{key}' (slots: {})",
                SLOTS.join(", ")
            )),
        }
    }
    (theme, problems)
}

/// Whether to draw colours, after `NO_COLOR` (set and non-empty: no colour) and
/// `CLICOLOR_FORCE` (set and not `0`: colour whatever else says).
pub fn use_color(no_color: Option<&str>, clicolor_force: Option<&str>) -> bool {
    if clicolor_force.is_some_and(|v| !v.is_empty() && v != "0") {
        return true;
    }
    no_color.is_none_or(str::is_empty)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_by_name_hex_and_index() {
        assert_eq!(Color::parse("Light Blue"), Ok(Color::Ansi(12)));
        assert_eq!(Color::parse("dark-grey"), Ok(Color::Ansi(8)));
        assert_eq!(Color::parse("#5fafFF"), Ok(Color::Rgb(0x5f, 0xaf, 0xff)));
        assert_eq!(Color::parse("75"), Ok(Color::Indexed(75)));
        assert!(Color::parse("bluish").is_err());
    }

    #[test]
    fn a_theme_file_starts_from_its_base_and_reports_each_bad_entry() {
        let (t, problems) = parse_theme(
            "theme.toml",
            "name = \"paper\"\nbase = \"light\"\n[colors]\nheading = \"#005f87\"\n\
             person = \"nope\"\nshadow = \"red\"\n",
        );
        assert_eq!(t.heading, Color::Rgb(0, 0x5f, 0x87));
        assert_eq!(t.person, ColorTheme::light().person);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("colors.person"));
        assert!(problems[1].contains("unknown colour slot 'shadow'"));
        let (_, bad) = parse_theme("t.toml", "colours = 1");
        assert!(bad[0].starts_with("t.toml:"), "{bad:?}");
    }

    #[test]
    fn builtins_are_found_by_name() {
        for name in BUILTIN {
            assert!(ColorTheme::builtin(name).is_some(), "{name}");
        }
        assert_eq!(ColorTheme::builtin("16-color"), Some(ColorTheme::ansi16()));
        assert!(ColorTheme::builtin("solarized").is_none());
    }

    #[test]
    fn no_color_and_clicolor_force() {
        assert!(use_color(None, None));
        assert!(!use_color(Some("1"), None));
        assert!(use_color(Some(""), None));
        assert!(use_color(Some("1"), Some("1")));
        assert!(!use_color(Some("1"), Some("0")));
    }
}
