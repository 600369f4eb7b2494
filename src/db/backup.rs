//! Online backup and restore of a SQLite installation. `backup` uses `VACUUM INTO`,
//! which reads one consistent snapshot while the server keeps writing (WAL readers
//! never block the writer) and writes a compact standalone file. `restore` replaces
//! every table of the live database with the backup's in one transaction, so a
//! running server sees either the old record or the restored one, never a mix.
//! PostgreSQL installations use the engine's own tools (pg_dump / pg_restore).

use super::{Db, DbError, Pool};
use sqlx::{Connection, Row, SqliteConnection};
use std::collections::BTreeSet;
use std::path::Path;

/// What a backup or a restore found in the file: rows per table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupSummary {
    pub tables: Vec<(String, i64)>,
}

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(
        "this is a PostgreSQL database: back it up with pg_dump -Fc and restore with pg_restore (see README)"
    )]
    Postgres,
    #[error("{0} already exists; choose a new file name so that no backup is overwritten")]
    Exists(String),
    #[error("{0} does not exist")]
    Missing(String),
    #[error("{0} is not a usable backup: {1}")]
    NotABackup(String, String),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<sqlx::Error> for BackupError {
    fn from(e: sqlx::Error) -> Self {
        BackupError::Db(DbError::Sqlx(e))
    }
}

/// Tables that belong to the moment, not to the record: after a restore everyone
/// signs in again and no half-used setup link or throttle survives.
const TRANSIENT: &[&str] = &["sessions", "login_failures", "setup_tokens"];

impl Db {
    /// Writes a consistent copy of the whole database to `to` (a new file), then
    /// checks the copy and counts its rows.
    pub async fn backup_to(&self, to: &Path) -> Result<BackupSummary, BackupError> {
        let Pool::Sqlite(pool) = &self.pool else {
            return Err(BackupError::Postgres);
        };
        if to.exists() {
            return Err(BackupError::Exists(to.display().to_string()));
        }
        let target = to.to_string_lossy().to_string();
        sqlx::query("VACUUM INTO ?")
            .bind(&target)
            .execute(pool)
            .await?;
        inspect(to).await
    }

    /// Replaces the whole record with the backup in `from`, in one transaction.
    /// The file must pass an integrity check and carry exactly this program's
    /// migrations; otherwise nothing is touched.
    pub async fn restore_from(&self, from: &Path) -> Result<BackupSummary, BackupError> {
        let Pool::Sqlite(pool) = &self.pool else {
            return Err(BackupError::Postgres);
        };
        let summary = inspect(from).await?;
        let mut conn = pool.acquire().await.map_err(DbError::Sqlx)?;
        sqlx::query("ATTACH DATABASE ? AS backup")
            .bind(from.to_string_lossy().to_string())
            .execute(&mut *conn)
            .await?;
        // Rows refer to each other and are replaced table by table: enforcement is
        // off on this connection while it runs, and `foreign_key_check` proves the
        // result whole before the commit. (SQLite's deferred-constraint counter does
        // not balance across whole-table deletes, so `defer_foreign_keys` fails.)
        sqlx::query("PRAGMA foreign_keys = OFF")
            .execute(&mut *conn)
            .await?;
        let result = replace_all(&mut conn, &summary).await;
        // Whatever happened, leave the pooled connection as the pool made it.
        let restored = sqlx::query("PRAGMA foreign_keys = ON")
            .execute(&mut *conn)
            .await;
        let detached = sqlx::query("DETACH DATABASE backup")
            .execute(&mut *conn)
            .await;
        result?;
        restored?;
        detached?;
        Ok(summary)
    }
}

async fn replace_all(
    conn: &mut SqliteConnection,
    summary: &BackupSummary,
) -> Result<(), BackupError> {
    let mut tx = conn.begin().await?;
    let before: i64 = sqlx::query_scalar("SELECT version FROM main.data_version WHERE id = 1")
        .fetch_one(&mut *tx)
        .await?;
    // The audit history refuses deletes by trigger; a restore replaces it as a
    // whole, so the triggers step aside inside this transaction and come back
    // exactly as they were before it commits.
    let triggers: Vec<(String, String)> = sqlx::query_as(
        "SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL",
    )
    .fetch_all(&mut *tx)
    .await?;
    for (name, _) in &triggers {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DROP TRIGGER main.\"{}\"",
            name.replace('"', "\"\"")
        )))
        .execute(&mut *tx)
        .await?;
    }
    for (table, _) in &summary.tables {
        // Table names come from the backup's own catalogue and were checked to be
        // exactly this program's tables (see `inspect`); they are quoted anyway.
        sqlx::query(sqlx::AssertSqlSafe(format!("DELETE FROM main.\"{table}\"")))
            .execute(&mut *tx)
            .await?;
        if !TRANSIENT.contains(&table.as_str()) {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "INSERT INTO main.\"{table}\" SELECT * FROM backup.\"{table}\""
            )))
            .execute(&mut *tx)
            .await?;
        }
    }
    for (_, sql) in &triggers {
        // The definitions come from this database's own catalogue.
        sqlx::query(sqlx::AssertSqlSafe(sql.clone()))
            .execute(&mut *tx)
            .await?;
    }
    // Pages cached for an older data version must not come back after a restore.
    sqlx::query(
        "UPDATE main.data_version SET version = MAX(version, ?) + 1, \
         changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = 1",
    )
    .bind(before)
    .execute(&mut *tx)
    .await?;
    let broken: Vec<String> = sqlx::query("PRAGMA main.foreign_key_check")
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|r| r.try_get::<String, _>(0).unwrap_or_default())
        .collect();
    if !broken.is_empty() {
        return Err(BackupError::NotABackup(
            "backup".into(),
            format!("rows refer to missing rows in {}", broken.join(", ")),
        ));
    }
    tx.commit().await?;
    Ok(())
}

/// Opens `file` read-only, checks it and counts the rows of each table.
pub async fn inspect(file: &Path) -> Result<BackupSummary, BackupError> {
    let name = file.display().to_string();
    if !file.is_file() {
        return Err(BackupError::Missing(name));
    }
    let bad = |why: String| BackupError::NotABackup(name.clone(), why);
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(file)
        .read_only(true);
    let mut conn = SqliteConnection::connect_with(&options)
        .await
        .map_err(|e| bad(e.to_string()))?;
    let check: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut conn)
        .await
        .map_err(|e| bad(e.to_string()))?;
    if check != "ok" {
        return Err(bad(format!("integrity check says {check}")));
    }
    let applied: BTreeSet<i64> = sqlx::query_scalar("SELECT version FROM _sqlx_migrations")
        .fetch_all(&mut conn)
        .await
        .map_err(|_| bad("it holds no resolution-dashboard data".into()))?
        .into_iter()
        .collect();
    let expected: BTreeSet<i64> = sqlx::migrate!("./migrations/sqlite")
        .iter()
        .map(|m| m.version)
        .collect();
    if applied != expected {
        return Err(bad(format!(
            "it was made by another version of the program (migrations {applied:?}, this program has {expected:?})"
        )));
    }
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations' ORDER BY name",
    )
    .fetch_all(&mut conn)
    .await?;
    let mut tables = Vec::with_capacity(names.len());
    for table in names {
        if !table.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(bad(format!("unexpected table {table:?}")));
        }
        let rows: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT COUNT(*) FROM \"{table}\""
        )))
        .fetch_one(&mut conn)
        .await?;
        tables.push((table, rows));
    }
    conn.close().await?;
    Ok(BackupSummary { tables })
}
