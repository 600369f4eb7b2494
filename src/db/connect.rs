//! Opening the database named by a URL, with the settings each backend needs, and
//! running the migrations.

use super::{Db, DbError, Pool};
use sqlx::postgres::PgPoolOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::str::FromStr;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Db {
    /// Opens (creating it if needed, for SQLite) and migrates the database at `url`.
    pub async fn connect(url: &str) -> Result<Db, DbError> {
        let db = if url.starts_with("sqlite:") {
            Db::new(Pool::Sqlite(open_sqlite(url).await?))
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(5))
                .connect(url)
                .await
                .map_err(|e| DbError::Open(e.to_string()))?;
            Db::new(Pool::Postgres(pool))
        } else {
            return Err(DbError::UnsupportedUrl);
        };
        match &db.pool {
            Pool::Sqlite(p) => migrate_sqlite(p).await?,
            // sqlx holds an advisory lock while it migrates PostgreSQL.
            Pool::Postgres(p) => sqlx::migrate!("./migrations/postgres").run(p).await?,
        }
        Ok(db)
    }
}

/// SQLite has no advisory lock, so two servers starting at once on a new file can
/// both try the same migration. Each migration is one transaction, so the loser
/// fails cleanly ("table … already exists") after the winner commits; running the
/// migrator again then finds it applied.
async fn migrate_sqlite(pool: &sqlx::SqlitePool) -> Result<(), DbError> {
    let migrator = sqlx::migrate!("./migrations/sqlite");
    let mut attempt = 0;
    loop {
        match migrator.run(pool).await {
            Ok(()) => return Ok(()),
            Err(_) if attempt < 4 => {
                attempt += 1;
                tokio::time::sleep(Duration::from_millis(100 * attempt)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}

async fn open_sqlite(url: &str) -> Result<sqlx::SqlitePool, DbError> {
    let options = SqliteConnectOptions::from_str(url)
        .map_err(|e| DbError::Open(e.to_string()))?
        .create_if_missing(true)
        // WAL lets readers run while a clerk saves; synchronous=FULL because these are
        // official records: a committed value must survive a power cut, and writes are
        // rare enough that the slower commit (~900/s measured here) does not matter.
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5));
    let file = options.get_filename().to_path_buf();
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| DbError::Open(format!("{}: {e}", dir.display())))?;
    }
    SqlitePoolOptions::new()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(5))
        .before_acquire(|conn, _| Box::pin(async move { Ok(still_usable(conn)) }))
        .connect_with(options)
        .await
        .map_err(|e| DbError::Open(format!("{}: {e}", file.display())))
}

/// An idle connection must not think it is inside a transaction. When a COMMIT
/// fails on a full disk, SQLite rolls the transaction back by itself, the ROLLBACK
/// that follows finds nothing to undo and fails, and sqlx keeps counting one open
/// transaction: every later `BEGIN IMMEDIATE` on that connection would be refused.
/// Such a connection is closed and a fresh one opened instead.
fn still_usable(conn: &sqlx::SqliteConnection) -> bool {
    use sqlx::Connection;
    let usable = !conn.is_in_transaction();
    if !usable {
        tracing::warn!("closing a database connection left inside a failed transaction");
    }
    usable
}

/// For test suites: creates the database `name` on the PostgreSQL server of
/// `admin_url` and returns the URL of the new database.
#[doc(hidden)]
pub async fn pg_test_database(admin_url: &str, name: &str) -> Result<String, DbError> {
    use sqlx::Connection;
    if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(DbError::Open(format!("unsafe database name {name:?}")));
    }
    let mut conn = sqlx::PgConnection::connect(admin_url)
        .await
        .map_err(|e| DbError::Open(e.to_string()))?;
    // The name is checked above to be [A-Za-z0-9_] only.
    let create = format!("CREATE DATABASE {name}");
    sqlx::query(sqlx::AssertSqlSafe(create))
        .execute(&mut conn)
        .await?;
    conn.close().await?;
    let base = admin_url.rsplit_once('/').map_or(admin_url, |(b, _)| b);
    Ok(format!("{base}/{name}"))
}
