//! `dossier config`: the effective configuration as a commented `config.toml` (so its output
//! can be saved and edited), or with `--paths`, where configuration, data, cache and logs live.

use super::args::Common;
use super::setup::{Config, dirs};
use anyhow::Result;
use dossier::colors::{BUILTIN, ColorTheme, parse_theme};
use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;

/// Prints the effective configuration, or the paths.
pub fn run(config: &Config, paths: bool, warnings: &[String], common: &Common) -> Result<()> {
    let text = if paths {
        paths_text(common)
    } else {
        config_text(config, warnings, common)
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(())
}

fn shown(p: Option<&std::path::Path>) -> String {
    p.map_or_else(|| "(none)".to_string(), |p| p.display().to_string())
}

fn paths_text(common: &Common) -> String {
    let d = dirs(common);
    let config_file = d.config.as_ref().map(|c| c.join("config.toml"));
    let keymap = common
        .keymap
        .clone()
        .or_else(|| d.config.as_ref().map(|c| c.join("keymap.toml")));
    let theme = d.config.as_ref().map(|c| c.join("theme.toml"));
    let mut out = String::new();
    for (name, path) in [
        ("config", config_file),
        ("keymap", keymap),
        ("theme", theme),
        ("data", d.data.clone()),
        ("cache", d.cache.clone()),
        ("log", super::logging::log_file(common)),
    ] {
        let _ = writeln!(out, "{name:<7} {}", shown(path.as_deref()));
    }
    out
}

fn config_text(config: &Config, warnings: &[String], common: &Common) -> String {
    let d = dirs(common);
    let file = d.config.as_ref().map(|c| c.join("config.toml"));
    let exists = file.as_ref().is_some_and(|f| f.is_file());
    let mut out = String::from("# dossier: effective configuration\n");
    let _ = writeln!(
        out,
        "# file: {} ({})",
        shown(file.as_deref()),
        if exists {
            "read"
        } else {
            "not present: defaults"
        }
    );
    for w in warnings {
        let _ = writeln!(out, "# warning: {}", w.replace('\n', " "));
    }
    out.push_str(
        "# Directories can be moved with DOSSIER_CONFIG_DIR, DOSSIER_DATA_DIR and \
         DOSSIER_CACHE_DIR;\n# `dossier config --paths` lists them.\n\n",
    );
    let _ = writeln!(
        out,
        "# Start with mouse support on (wheel scrolls, click focuses and selects).\nmouse = {}\n",
        config.mouse
    );
    let _ = writeln!(
        out,
        "# Scroll with terminal scroll regions (false: every scroll redraws the pane).\n\
         scroll_regions = {}\n",
        config.scroll_regions
    );
    let _ = writeln!(
        out,
        "# Colour theme: dark, light, high-contrast or 16-colour, or the path of a theme file.\n\
         # A theme.toml beside this file is used when no theme is named. NO_COLOR turns colours\n\
         # off, CLICOLOR_FORCE=1 keeps them on.\ntheme = {}",
        toml_string(&effective_theme(config, common))
    );
    out
}

/// The theme setting in effect, as it would be written in config.toml.
fn effective_theme(config: &Config, common: &Common) -> String {
    if let Some(name) = common.theme.as_ref().or(config.theme.as_ref()) {
        return name.clone();
    }
    dirs(common)
        .config
        .map(|d| d.join("theme.toml"))
        .filter(|f| f.is_file())
        .map_or_else(|| "16-colour".to_string(), |f| f.display().to_string())
}

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The colour theme in effect: `--theme`, else `theme` in config.toml, else a `theme.toml`
/// in the configuration directory, else the 16-colour theme. A name that is not built in is
/// a theme file (relative paths from the configuration directory). Problems become warnings
/// and the default theme is used.
pub fn load_theme(
    common: &Common,
    dirs: &super::setup::Dirs,
    config: &Config,
    warnings: &mut Vec<String>,
) -> ColorTheme {
    let file_in_config = dirs.config.as_ref().map(|d| d.join("theme.toml"));
    let path = match common.theme.as_ref().or(config.theme.as_ref()) {
        Some(name) => {
            if let Some(theme) = ColorTheme::builtin(name) {
                return theme;
            }
            let p = PathBuf::from(name);
            match &dirs.config {
                Some(dir) if p.is_relative() && !p.exists() => dir.join(p),
                _ => p,
            }
        }
        None => match file_in_config.filter(|f| f.is_file()) {
            Some(f) => f,
            None => return ColorTheme::default(),
        },
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let (theme, problems) = parse_theme(&path.display().to_string(), &text);
            warnings.extend(problems);
            theme
        }
        Err(e) => {
            warnings.push(format!(
                "theme '{}' is neither built in ({}) nor a readable file: {e}; using the \
                 default theme",
                path.display(),
                BUILTIN.join(", ")
            ));
            ColorTheme::default()
        }
    }
}
