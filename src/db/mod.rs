//! The sqlx repository: one API over SQLite (embedded default) and PostgreSQL.
//! Row types stay private to this module; callers get records made of domain types.

mod accounts;
mod connect;
mod copy;
mod definitions;
mod entry;
mod history;
mod read;
mod records;
mod rows;
mod seed;

pub use accounts::UserRecord;
pub use connect::{Backend, pg_test_database};
pub use copy::CopyReport;
pub use definitions::{IndicatorInput, TargetHistoryRow, TermInput};
pub use entry::{Actor, Conflict, Decision, Origin, ValueChange, WriteError};
pub use history::AuditRecord;
pub use read::{Figures, TermCounts};
pub use records::{
    GroupRecord, IndicatorRecord, SourceRecord, TargetRecord, TermData, TermRecord, ValueRecord,
};
pub use seed::{NewGroup, NewIndicator, NewSource, NewTarget, NewTerm, NewValue, SeedPlan};

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

impl DbError {
    /// Maps a unique-constraint violation on a write to `Conflict(what)`.
    pub(crate) fn from_write(e: sqlx::Error, what: &'static str) -> DbError {
        match e.as_database_error() {
            Some(d) if d.is_unique_violation() => DbError::Conflict(what),
            _ => DbError::Sqlx(e),
        }
    }
}

impl Db {
    fn new(pool: Pool) -> Db {
        Db {
            pool,
            queries: std::sync::Arc::default(),
        }
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
