//! `dossier completions SHELL` and `dossier man`: shell completion scripts (clap_complete) and
//! roff man pages (clap_mangen), generated from the same command definition as `--help`.

use anyhow::{Context, Result};
use std::io::Write;
use std::path::Path;

/// Writes the completion script for `shell` to standard output.
pub fn completions(shell: clap_complete::Shell) -> Result<()> {
    let mut cmd = super::help::command();
    let mut out = std::io::stdout().lock();
    clap_complete::generate(shell, &mut cmd, "dossier", &mut out);
    Ok(out.flush()?)
}

/// The main man page, `dossier(1)`, listing every subcommand.
pub fn man_page() -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    clap_mangen::Man::new(super::help::command()).render(&mut bytes)?;
    Ok(bytes)
}

/// Writes `dossier.1` to standard output, or with `dir`, `dossier.1` and one
/// `dossier-NAME.1` per subcommand into that directory.
pub fn man(dir: Option<&Path>) -> Result<()> {
    let Some(dir) = dir else {
        let mut out = std::io::stdout().lock();
        out.write_all(&man_page()?)?;
        return Ok(out.flush()?);
    };
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    clap_mangen::generate_to(super::help::command(), dir)
        .with_context(|| format!("cannot write man pages into {}", dir.display()))?;
    Ok(())
}
