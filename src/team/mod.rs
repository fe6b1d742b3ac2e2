//! Team mode: bookmarks, notes and reading positions shared through a PostgreSQL server, and a
//! corpus published to it.
//!
//! The local store stays the source of truth: [`sync::sync_round`] pushes what changed locally
//! and pulls what others changed, and every step can be repeated after a failure without losing
//! or duplicating anything. [`corpus`] publishes articles and runs search and aggregations as
//! SQL. Connections come from [`Pool`]; the schema is versioned in `migrations/` and applied by
//! [`migrate::migrate`].
//!
//! Paths, the password and the clock are passed in by the caller. This module must not import
//! `ratatui`, `crossterm` or `directories`.

pub mod background;
pub mod cluster;
pub mod corpus;
pub mod migrate;
pub mod paged;
pub mod pgpass;
pub mod publish;
pub mod sync;

use openssl::ssl::{SslConnector, SslMethod, SslVerifyMode};
use postgres::config::{Host, SslMode};
use postgres::{Client, Config, NoTls};
use postgres_openssl::MakeTlsConnector;
use serde::Deserialize;
use std::str::FromStr;
use std::sync::Mutex;
use std::time::Duration;

/// The `[team]` table of `config.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamConfig {
    /// `postgres://host:port/db?sslmode=…` without a password.
    pub url: Option<String>,
    /// The database user, also the author name written on notes.
    pub user: Option<String>,
}

/// Errors of team mode.
#[derive(Debug, thiserror::Error)]
pub enum TeamError {
    /// The server URL cannot be understood.
    #[error("team url '{url}': {message}")]
    Url {
        /// The URL with any password removed.
        url: String,
        /// What is wrong.
        message: String,
    },
    /// No user name was given.
    #[error("team mode needs a user: set [team] user in config.toml or put it in the url")]
    NoUser,
    /// TLS could not be set up.
    #[error("tls setup: {0}")]
    Tls(String),
    /// The server could not be reached or refused the login.
    #[error("cannot connect to the team server {server}: {source}")]
    Connect {
        /// host:port/db.
        server: String,
        /// The driver's error.
        #[source]
        source: postgres::Error,
    },
    /// The server refused a write because this user may only read.
    #[error(
        "the team server refused to store changes for user '{user}': this user may read but not write ({detail})"
    )]
    ReadOnly {
        /// The user.
        user: String,
        /// The server's message.
        detail: String,
    },
    /// A query failed.
    #[error("team server: {}", query_message(.0))]
    Query(#[from] postgres::Error),
    /// A migration file is malformed or the server's schema is newer than this program.
    #[error("schema: {0}")]
    Schema(String),
    /// The local sync state could not be read or written.
    #[error("{path}: {message}")]
    State {
        /// The sync state file.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// The local store refused a change.
    #[error("local store: {0}")]
    Store(#[from] crate::store::StoreError),
}

/// The server's own message for a failed query ("canceling statement due to statement
/// timeout"), or the driver's when the server said nothing.
fn query_message(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => db.message().to_string(),
        None => e.to_string(),
    }
}

impl TeamError {
    /// True when the server could not be reached (so the caller shows "offline" and retries).
    pub fn is_offline(&self) -> bool {
        match self {
            TeamError::Connect { .. } => true,
            TeamError::Query(e) => e.is_closed() || e.as_db_error().is_none(),
            _ => false,
        }
    }

    /// Turns a permission error from the server into [`TeamError::ReadOnly`].
    pub(crate) fn from_write(e: postgres::Error, user: &str) -> TeamError {
        match e.as_db_error() {
            Some(db) if db.code() == &postgres::error::SqlState::INSUFFICIENT_PRIVILEGE => {
                TeamError::ReadOnly {
                    user: user.to_string(),
                    detail: db.message().to_string(),
                }
            }
            _ => TeamError::Query(e),
        }
    }
}

/// How TLS is used, after libpq's `sslmode` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tls {
    /// Plain TCP (`disable`).
    Disable,
    /// TLS when the server offers it, without certificate checks (`prefer`, the default).
    Prefer,
    /// TLS required, without certificate checks (`require`).
    Require,
    /// TLS required, the certificate checked against the system's roots (`verify-ca`).
    VerifyCa,
    /// As `verify-ca`, and the host name must match the certificate (`verify-full`).
    VerifyFull,
}

/// Where and as whom to connect; never holds a password read from the config.
#[derive(Debug, Clone)]
pub struct Settings {
    config: Config,
    tls: Tls,
    /// The user, also the author written on notes.
    pub user: String,
    /// `host:port/db`, for messages and to tell servers apart in the sync state.
    pub server: String,
}

impl Settings {
    /// Builds the settings from a URL (or libpq key=value string) and an optional user name.
    /// `password` comes from the environment or `~/.pgpass` (see [`pgpass`]), never from the URL:
    /// a URL that carries one is refused so that it does not end up in a config file.
    pub fn new(
        url: &str,
        user: Option<&str>,
        password: &dyn Fn(&str, u16, &str, &str) -> Option<String>,
    ) -> Result<Settings, TeamError> {
        let (rest, tls) = split_sslmode(url)?;
        let mut config = Config::from_str(&rest).map_err(|e| TeamError::Url {
            url: url.to_string(),
            message: e.to_string(),
        })?;
        if config.get_password().is_some() {
            return Err(TeamError::Url {
                url: redact(url),
                message: "the url holds a password; put it in PGPASSWORD or ~/.pgpass instead"
                    .into(),
            });
        }
        if let Some(user) = user.filter(|u| !u.is_empty()) {
            config.user(user);
        }
        let Some(user) = config.get_user().map(str::to_string) else {
            return Err(TeamError::NoUser);
        };
        if config.get_hosts().is_empty() {
            config.host("localhost");
        }
        let host = match config.get_hosts().first() {
            Some(Host::Tcp(h)) => h.clone(),
            #[cfg(unix)]
            Some(Host::Unix(p)) => p.display().to_string(),
            None => "localhost".to_string(),
        };
        let port = config.get_ports().first().copied().unwrap_or(5432);
        let db = config.get_dbname().unwrap_or(&user).to_string();
        if config.get_dbname().is_none() {
            config.dbname(&db);
        }
        if let Some(pw) = password(&host, port, &db, &user) {
            config.password(pw);
        }
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(5));
        }
        config.application_name("dossier");
        config.ssl_mode(match tls {
            Tls::Disable => SslMode::Disable,
            Tls::Prefer => SslMode::Prefer,
            _ => SslMode::Require,
        });
        Ok(Settings {
            config,
            tls,
            server: format!("{host}:{port}/{db}"),
            user,
        })
    }

    /// The TLS mode in use.
    pub fn tls(&self) -> Tls {
        self.tls
    }

    /// Opens one connection.
    pub fn connect(&self) -> Result<Client, TeamError> {
        let connected = if self.tls == Tls::Disable {
            self.config.connect(NoTls)
        } else {
            self.config.connect(tls_connector(self.tls)?)
        };
        connected.map_err(|source| TeamError::Connect {
            server: self.server.clone(),
            source,
        })
    }

    /// Asks the server to cancel what the connection `token` came from is running (a search
    /// the user has typed past). Connects afresh, as the protocol wants, with the same TLS mode.
    pub fn cancel(&self, token: &postgres::CancelToken) -> Result<(), TeamError> {
        let cancelled = if self.tls == Tls::Disable {
            token.cancel_query(NoTls)
        } else {
            token.cancel_query(tls_connector(self.tls)?)
        };
        cancelled.map_err(|source| TeamError::Connect {
            server: self.server.clone(),
            source,
        })
    }
}

fn tls_connector(tls: Tls) -> Result<MakeTlsConnector, TeamError> {
    let mut builder =
        SslConnector::builder(SslMethod::tls()).map_err(|e| TeamError::Tls(e.to_string()))?;
    if matches!(tls, Tls::Prefer | Tls::Require) {
        // libpq's prefer and require encrypt without checking who answers.
        builder.set_verify(SslVerifyMode::NONE);
    }
    let mut connector = MakeTlsConnector::new(builder.build());
    if tls == Tls::VerifyCa {
        connector.set_callback(|config, _| {
            config.set_verify_hostname(false);
            Ok(())
        });
    }
    Ok(connector)
}

/// Takes `sslmode` out of a URL's query (or a key=value string), since the driver knows only
/// three of libpq's six values.
fn split_sslmode(url: &str) -> Result<(String, Tls), TeamError> {
    let parse = |v: &str| match v {
        "disable" | "allow" => Ok(Tls::Disable),
        "prefer" => Ok(Tls::Prefer),
        "require" => Ok(Tls::Require),
        "verify-ca" => Ok(Tls::VerifyCa),
        "verify-full" => Ok(Tls::VerifyFull),
        other => Err(TeamError::Url {
            url: redact(url),
            message: format!(
                "unknown sslmode '{other}' (disable, prefer, require, verify-ca, verify-full)"
            ),
        }),
    };
    let mut tls = Tls::Prefer;
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        let Some((base, query)) = url.split_once('?') else {
            return Ok((url.to_string(), tls));
        };
        let mut kept = Vec::new();
        for pair in query.split('&') {
            match pair.split_once('=') {
                Some(("sslmode", v)) => tls = parse(v)?,
                _ => kept.push(pair),
            }
        }
        let rest = if kept.is_empty() {
            base.to_string()
        } else {
            format!("{base}?{}", kept.join("&"))
        };
        return Ok((rest, tls));
    }
    let mut kept = Vec::new();
    for word in url.split_whitespace() {
        match word.split_once('=') {
            Some(("sslmode", v)) => tls = parse(v)?,
            _ => kept.push(word),
        }
    }
    Ok((kept.join(" "), tls))
}

/// PostgreSQL text cannot hold NUL; it is stored as U+FFFD.
pub(crate) fn pg_text(s: &str) -> String {
    if s.contains('\0') {
        s.replace('\0', "\u{fffd}")
    } else {
        s.to_string()
    }
}

/// A URL with the password part, if any, replaced by `***`.
pub fn redact(url: &str) -> String {
    let Some(scheme_end) = url.find("://") else {
        return url.to_string();
    };
    let after = &url[scheme_end + 3..];
    let auth_end = after.find(['/', '?']).unwrap_or(after.len());
    let Some(at) = after[..auth_end].rfind('@') else {
        return url.to_string();
    };
    match after[..at].split_once(':') {
        Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &after[at..]),
        None => url.to_string(),
    }
}

/// A small pool of connections for background work: idle clients are reused, broken ones
/// dropped, and at most `max` are open at once.
pub struct Pool {
    settings: Settings,
    idle: Mutex<Vec<Client>>,
    max: usize,
}

/// A connection borrowed from a [`Pool`]; it goes back when dropped.
pub struct Pooled<'a> {
    pool: &'a Pool,
    client: Option<Client>,
}

impl Pool {
    /// A pool over `settings` keeping at most `max` idle connections.
    pub fn new(settings: Settings, max: usize) -> Pool {
        Pool {
            settings,
            idle: Mutex::new(Vec::new()),
            max: max.max(1),
        }
    }

    /// The settings the pool connects with.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// An idle connection that is still open, or a new one.
    pub fn get(&self) -> Result<Pooled<'_>, TeamError> {
        loop {
            let reused = self.idle.lock().ok().and_then(|mut idle| idle.pop());
            match reused {
                Some(client) if !client.is_closed() => {
                    return Ok(Pooled {
                        pool: self,
                        client: Some(client),
                    });
                }
                Some(_) => continue,
                None => break,
            }
        }
        Ok(Pooled {
            pool: self,
            client: Some(self.settings.connect()?),
        })
    }
}

impl std::ops::Deref for Pooled<'_> {
    type Target = Client;
    fn deref(&self) -> &Client {
        // Only `drop` takes the client out.
        match &self.client {
            Some(c) => c,
            None => unreachable!("pooled client used after drop"),
        }
    }
}

impl std::ops::DerefMut for Pooled<'_> {
    fn deref_mut(&mut self) -> &mut Client {
        match &mut self.client {
            Some(c) => c,
            None => unreachable!("pooled client used after drop"),
        }
    }
}

impl Drop for Pooled<'_> {
    fn drop(&mut self) {
        if let Some(client) = self.client.take()
            && !client.is_closed()
            && let Ok(mut idle) = self.pool.idle.lock()
            && idle.len() < self.pool.max
        {
            idle.push(client);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_password(_: &str, _: u16, _: &str, _: &str) -> Option<String> {
        None
    }

    #[test]
    fn sslmode_values_of_libpq_are_understood() {
        let (rest, tls) = split_sslmode("postgres://h:5/db?sslmode=verify-full&x=1").unwrap();
        assert_eq!(
            (rest.as_str(), tls),
            ("postgres://h:5/db?x=1", Tls::VerifyFull)
        );
        let (rest, tls) = split_sslmode("host=h sslmode=require user=u").unwrap();
        assert_eq!((rest.as_str(), tls), ("host=h user=u", Tls::Require));
        assert!(split_sslmode("postgres://h/db?sslmode=sometimes").is_err());
    }

    #[test]
    fn a_password_in_the_url_is_refused_and_not_echoed() {
        let err = Settings::new("postgres://ann:secret@h/db", None, &no_password)
            .unwrap_err()
            .to_string();
        assert!(err.contains("PGPASSWORD"), "{err}");
        assert!(!err.contains("secret"), "{err}");
    }

    #[test]
    fn user_from_config_and_password_from_the_callback() {
        let lookup = |host: &str, port: u16, db: &str, user: &str| {
            (host == "db.example" && port == 5433 && db == "news" && user == "ann")
                .then(|| "pw".to_string())
        };
        let s = Settings::new("postgres://db.example:5433/news", Some("ann"), &lookup).unwrap();
        assert_eq!(s.user, "ann");
        assert_eq!(s.server, "db.example:5433/news");
        assert_eq!(s.config.get_password(), Some(&b"pw"[..]));
        assert_eq!(s.tls(), Tls::Prefer);
    }

    #[test]
    fn no_user_is_an_error() {
        assert!(matches!(
            Settings::new("postgres://h/db", None, &no_password),
            Err(TeamError::NoUser)
        ));
    }

    #[test]
    fn redact_hides_only_the_password() {
        assert_eq!(redact("postgres://a:b@h/d"), "postgres://a:***@h/d");
        assert_eq!(redact("postgres://a@h/d"), "postgres://a@h/d");
    }
}
