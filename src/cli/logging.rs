//! Logging through `tracing` into `dossier.log` in the state directory (the cache directory
//! where the platform has none, or the `--cache-dir` given). Never to the terminal: the reader
//! owns it while it runs. The level comes from `--log-level` or `DOSSIER_LOG` (a `tracing`
//! filter such as `debug` or `dossier=trace`).

use super::args::Common;
use std::path::PathBuf;
use std::sync::Mutex;

/// Default filter when neither `--log-level` nor `DOSSIER_LOG` is set.
pub const DEFAULT_LEVEL: &str = "info";

/// The log file in use.
pub fn log_file(common: &Common) -> Option<PathBuf> {
    if let Some(dir) = &common.cache_dir {
        return Some(dir.join("dossier.log"));
    }
    let project = directories::ProjectDirs::from("", "", "dossier")?;
    let dir = project
        .state_dir()
        .map(|d| d.to_path_buf())
        .unwrap_or_else(|| project.cache_dir().to_path_buf());
    Some(dir.join("dossier.log"))
}

/// Starts logging into the file; returns why it could not (then nothing is logged).
pub fn init(common: &Common) -> Result<(), String> {
    let filter = tracing_subscriber::EnvFilter::try_new(&common.log_level)
        .map_err(|e| format!("bad --log-level/DOSSIER_LOG '{}': {e}", common.log_level))?;
    let Some(path) = log_file(common) else {
        return Err("no directory for the log file".into());
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false)
        .with_writer(Mutex::new(file))
        .try_init()
        .map_err(|e| e.to_string())?;
    tracing::debug!(version = env!("CARGO_PKG_VERSION"), "started");
    Ok(())
}
