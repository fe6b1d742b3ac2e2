//! Versioned schema migrations: the files of `migrations/` are compiled in and applied in
//! order, each in its own transaction, and recorded in `dossier_migrations`. An advisory lock
//! keeps two clients from migrating at once.

use super::TeamError;
use postgres::Client;

/// One migration: its number, name and SQL.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    /// Applied in increasing order; never reused.
    pub version: i32,
    /// The file name without the number and extension.
    pub name: &'static str,
    /// The statements.
    pub sql: &'static str,
}

/// Every migration of this program, in order.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "notes",
        sql: include_str!("../../migrations/001_notes.sql"),
    },
    Migration {
        version: 2,
        name: "corpus",
        sql: include_str!("../../migrations/002_corpus.sql"),
    },
    Migration {
        version: 3,
        name: "list",
        sql: include_str!("../../migrations/003_list.sql"),
    },
    Migration {
        version: 4,
        name: "search",
        sql: include_str!("../../migrations/004_search.sql"),
    },
    Migration {
        version: 5,
        name: "summaries",
        sql: include_str!("../../migrations/005_summaries.sql"),
    },
    Migration {
        version: 6,
        name: "search_pending",
        sql: include_str!("../../migrations/006_search_pending.sql"),
    },
];

/// Advisory lock key held while migrating ("dossier" in ASCII, truncated).
const LOCK_KEY: i64 = 0x646f_7373_6965;

/// Applies the migrations the server has not seen; returns how many were applied. Fails when
/// the server records a migration newer than this program knows.
pub fn migrate(client: &mut Client) -> Result<usize, TeamError> {
    // A user who may only read cannot create anything; when the schema is current there is
    // nothing to create, so look first.
    let current = schema_version(client)?;
    let known = MIGRATIONS.last().map_or(0, |m| m.version);
    if current > known {
        return Err(newer(current, known));
    }
    if current == known {
        return Ok(0);
    }
    apply(client, known).map_err(|e| match e {
        TeamError::Query(q)
            if q.as_db_error().is_some_and(|d| {
                d.code() == &postgres::error::SqlState::INSUFFICIENT_PRIVILEGE
            }) =>
        {
            TeamError::Schema(format!(
                "the server's schema is at version {current} and this dossier needs {known}, \
                 but this user may not change it ({q}); ask the server's owner to run \
                 `dossier team migrate`"
            ))
        }
        other => other,
    })
}

/// Brings a server's schema up to `version` exactly, applying no later migration: a server as
/// an older dossier left it (the upgrade tests start from one).
pub fn migrate_to(client: &mut Client, version: i32) -> Result<usize, TeamError> {
    apply(client, version)
}

/// Applies the migrations after the server's newest, up to `known`.
fn apply(client: &mut Client, known: i32) -> Result<usize, TeamError> {
    client.batch_execute(
        "CREATE TABLE IF NOT EXISTS dossier_migrations (
             version integer PRIMARY KEY,
             name text NOT NULL,
             applied timestamptz NOT NULL DEFAULT now()
         )",
    )?;
    let mut applied = 0;
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&LOCK_KEY])?;
    let newest: Option<i32> = tx
        .query_one("SELECT max(version) FROM dossier_migrations", &[])?
        .get(0);
    if let Some(newest) = newest
        && newest > known
    {
        return Err(newer(newest, known));
    }
    for m in MIGRATIONS {
        if newest.is_some_and(|n| m.version <= n) || m.version > known {
            continue;
        }
        tx.batch_execute(m.sql)?;
        tx.execute(
            "INSERT INTO dossier_migrations (version, name) VALUES ($1, $2)",
            &[&m.version, &m.name],
        )?;
        applied += 1;
    }
    tx.commit()?;
    Ok(applied)
}

fn newer(server: i32, known: i32) -> TeamError {
    TeamError::Schema(format!(
        "the server's schema is at version {server}, newer than this dossier knows ({known}); \
         update dossier"
    ))
}

/// The highest migration recorded on the server (0 for none).
pub fn schema_version(client: &mut Client) -> Result<i32, TeamError> {
    let exists: bool = client
        .query_one("SELECT to_regclass('dossier_migrations') IS NOT NULL", &[])?
        .get(0);
    if !exists {
        return Ok(0);
    }
    let v: Option<i32> = client
        .query_one("SELECT max(version) FROM dossier_migrations", &[])?
        .get(0);
    Ok(v.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_numbered_in_order_without_gaps() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version as usize, i + 1, "{}", m.name);
            assert!(!m.sql.trim().is_empty());
        }
    }
}
