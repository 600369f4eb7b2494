//! The sqlx repository: one API over SQLite (embedded default) and PostgreSQL.
//! Row types stay private to this module; callers get records made of domain types.

mod accounts;
mod audit;
mod backup;
mod connect;
mod copy;
mod definitions;
mod entry;
mod groups;
mod history;
mod read;
mod records;
mod returns;
mod review;
mod rows;
mod seed;
mod settings;
mod term_cache;
mod tokens;

pub use accounts::UserRecord;
pub use backup::{BackupError, BackupSummary, inspect as inspect_backup};
pub use connect::{Backend, pg_test_database};
pub use copy::CopyReport;
pub use definitions::{Archivable, IndicatorInput, TargetHistoryRecord, TermEdit, TermInput};
pub use entry::{Actor, Conflict, Origin, ValueChange, WriteError};
pub use history::AuditRecord;
pub use read::{Figures, TermCounts};
pub use records::{
    GroupRecord, IndicatorRecord, SourceRecord, TargetRecord, TermData, TermRecord, ValueRecord,
};
pub use returns::{ReturnRecord, Returns};
pub use review::Decision;
pub use seed::{NewGroup, NewIndicator, NewSource, NewTarget, NewTerm, NewValue, SeedPlan};
pub use tokens::ApiTokenRecord;

use sqlx::{PgPool, SqlitePool};

/// A pool for one of the two backends. Pools are reference-counted: cloning is cheap.
#[derive(Clone, Debug)]
pub(crate) enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// The database handle shared by the whole server.
#[derive(Clone, Debug)]
pub struct Db {
    pool: Pool,
    /// Statements sent through this handle (and its clones), for tests that check a
    /// page costs a fixed number of queries. One relaxed atomic add per query.
    queries: std::sync::Arc<std::sync::atomic::AtomicU64>,
    /// The terms read last, while the data version stays (`term_cache.rs`).
    terms: std::sync::Arc<term_cache::TermCache>,
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("unsupported database URL (expected sqlite://… or postgres://…)")]
    UnsupportedUrl,
    #[error("cannot open the database: {0}")]
    Open(String),
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("database error: {0}")]
    Sqlx(#[from] sqlx::Error),
    /// A unique value is taken (a username, a code).
    #[error("{0} is already taken")]
    Conflict(&'static str),
    /// A stored row that the domain rules refuse (hand-edited database, bug).
    #[error("corrupt stored data: {0}")]
    Corrupt(String),
    /// The change would break what is stored (values outside a term's new years, a
    /// group still in use). The text is the message key to show.
    #[error("refused: {0}")]
    Refused(&'static str),
}

/// Runs the same body on whichever pool the handle holds. The SQL inside must be valid
/// on both backends (`$1` placeholders, standard SQL); where it cannot be, branch on
/// `Db::backend()` and keep both texts static.
/// Each use counts one query in `Db::queries_run` (a body that sends several
/// statements adds the rest with `Db::count_queries`).
macro_rules! on_pool {
    ($db:expr, $pool:ident => $body:expr) => {{
        $db.count_queries(1);
        match &$db.pool {
            $crate::db::Pool::Sqlite($pool) => $body,
            $crate::db::Pool::Postgres($pool) => $body,
        }
    }};
}
pub(crate) use on_pool;

/// Runs `body` in a write transaction `tx` ([`BeginWrite`]) on whichever pool the handle
/// holds: how every write starts. With `now`, also the time the change is recorded at
/// (taken before the transaction, as the audit entry and the data version store it).
/// The body ends with `commit_audited!` or `tx.commit()`; a return before that rolls
/// the transaction back.
macro_rules! write_tx {
    ($db:expr, $tx:ident, $now:ident => $body:expr) => {{
        let $now = $crate::clock::now_iso();
        $crate::db::write_tx!($db, $tx => $body)
    }};
    ($db:expr, $tx:ident => $body:expr) => {
        $crate::db::on_pool!($db, pool => {
            let mut $tx = $crate::db::BeginWrite::begin_write(pool).await?;
            $body
        })
    };
}
pub(crate) use write_tx;

/// Starts a transaction that will write, as the only writer. On SQLite it takes the write lock at once
/// (`BEGIN IMMEDIATE`), so concurrent writers queue on the busy timeout; a plain
/// `BEGIN` would start as a reader and fail with SQLITE_BUSY when two try to
/// upgrade at the same moment (seen with eight concurrent API writers).
/// The key of the PostgreSQL advisory lock every write takes ("rdwr"); advisory
/// locks are per database, so installations sharing a server do not wait on each other.
const WRITE_LOCK: i64 = 0x7264_7772;

pub(crate) trait BeginWrite {
    type Database: sqlx::Database;
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, Self::Database>, sqlx::Error>;
}

impl BeginWrite for SqlitePool {
    type Database = sqlx::Sqlite;
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error> {
        self.begin_with("BEGIN IMMEDIATE").await
    }
}

impl BeginWrite for PgPool {
    type Database = sqlx::Postgres;
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Postgres>, sqlx::Error> {
        let mut tx = self.begin().await?;
        // One writer at a time, as SQLite's BEGIN IMMEDIATE gives: every check a write
        // makes (the version the writer saw, the review state, the lock) then reads
        // what the writer before it committed. At READ COMMITTED alone, two writers
        // both passed their checks and the second overwrote the first (a lost update;
        // an approval and a return of one figure both "succeeded"). Writes are rare;
        // readers never wait for this lock, which ends with the transaction.
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(WRITE_LOCK)
            .execute(&mut *tx)
            .await?;
        Ok(tx)
    }
}

impl DbError {
    /// The database cannot be reached or cannot take writes right now (server down,
    /// pool exhausted, read-only, disk full, locked too long): worth a 503 and a
    /// "try again later", not a 500. The failed statement changed nothing.
    pub fn is_unavailable(&self) -> bool {
        match self {
            DbError::Open(_) => true,
            DbError::Sqlx(e) => sqlx_unavailable(e),
            _ => false,
        }
    }

    /// The engine's own error code (SQLSTATE, or SQLite's result code), for logs.
    pub fn code(&self) -> Option<String> {
        match self {
            DbError::Sqlx(e) => e
                .as_database_error()
                .and_then(|d| d.code())
                .map(|c| c.into_owned()),
            _ => None,
        }
    }

    /// Maps a unique-constraint violation on a write to `Conflict(what)`.
    pub(crate) fn from_write(e: sqlx::Error, what: &'static str) -> DbError {
        match e.as_database_error() {
            Some(d) if d.is_unique_violation() => DbError::Conflict(what),
            _ => DbError::Sqlx(e),
        }
    }
}

/// SQLite primary result codes and PostgreSQL SQLSTATE classes that mean "the store
/// is unreachable or refuses writes" rather than "this request is wrong".
fn sqlx_unavailable(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Io(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed
        | sqlx::Error::Tls(_) => true,
        sqlx::Error::Database(d) => {
            let code = d.code().map(|c| c.into_owned()).unwrap_or_default();
            // SQLite: 5 BUSY, 6 LOCKED, 8 READONLY, 10 IOERR, 13 FULL, 14 CANTOPEN
            // (extended codes keep the primary code in their low byte).
            // (SQLSTATEs such as 55000 are digits too: ask which engine spoke.)
            if d.try_downcast_ref::<sqlx::sqlite::SqliteError>().is_some() {
                return code
                    .parse::<i32>()
                    .is_ok_and(|n| matches!(n & 0xff, 5 | 6 | 8 | 10 | 13 | 14));
            }
            // PostgreSQL: 08 connection, 28 the server refuses our credentials, 53
            // insufficient resources (disk full, too many connections), 57P0x shutdown
            // or cannot connect now, 3D000 the database is gone, 55000 it is not
            // accepting connections, 25006 read-only transaction.
            code.starts_with("08")
                || code.starts_with("28")
                || code.starts_with("53")
                || code.starts_with("57P0")
                || matches!(code.as_str(), "3D000" | "55000" | "25006")
        }
        _ => false,
    }
}

impl Db {
    fn new(pool: Pool) -> Db {
        Db {
            pool,
            queries: std::sync::Arc::default(),
            terms: std::sync::Arc::default(),
        }
    }

    /// For tests that count the queries of a cold read: forgets the kept terms.
    #[doc(hidden)]
    pub fn forget_kept_terms(&self) {
        self.terms.clear();
    }

    pub(crate) fn count_queries(&self, n: u64) {
        self.queries
            .fetch_add(n, std::sync::atomic::Ordering::Relaxed);
    }

    /// How many queries this handle and its clones have sent since it was opened
    /// (a transaction's statements count as one).
    pub fn queries_run(&self) -> u64 {
        self.queries.load(std::sync::atomic::Ordering::Relaxed)
    }

    pub fn backend(&self) -> Backend {
        match self.pool {
            Pool::Sqlite(_) => Backend::Sqlite,
            Pool::Postgres(_) => Backend::Postgres,
        }
    }

    pub async fn close(&self) {
        on_pool!(self, p => p.close().await)
    }
}
