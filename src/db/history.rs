//! Reading the audit history. Nothing in the app writes to it except the
//! transactions that make the changes; the database refuses updates and deletes.

use super::{Db, DbError, on_pool};

/// One change of an indicator: also an entry of `GET /api/v1/indicators/{id}/history`.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct AuditRecord {
    pub id: i64,
    pub at: String,
    pub username: Option<String>,
    pub origin: String,
    pub action: String,
    pub period: Option<String>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub note: Option<String>,
}

const BY_INDICATOR: &str = "SELECT id, at, username, origin, action, period, old_value, new_value, note \
     FROM audit_log WHERE indicator_id = $1 ORDER BY id DESC LIMIT 500";
// The term's own entries: locks, its creation, corrections, archiving.
const BY_TERM: &str = "SELECT id, at, username, origin, action, period, old_value, new_value, note \
     FROM audit_log WHERE term_id = $1 AND indicator_id IS NULL ORDER BY id DESC LIMIT 500";
const COUNT: &str = "SELECT COUNT(*) FROM audit_log";

impl Db {
    /// The newest 500 changes of one indicator, newest first.
    pub async fn indicator_history(&self, indicator_id: i64) -> Result<Vec<AuditRecord>, DbError> {
        Ok(on_pool!(self, p => sqlx::query_as(BY_INDICATOR).bind(indicator_id).fetch_all(p).await?))
    }

    /// The newest 500 entries about a term itself (not its figures), newest first.
    pub async fn term_history(&self, term_id: i64) -> Result<Vec<AuditRecord>, DbError> {
        Ok(on_pool!(self, p => sqlx::query_as(BY_TERM).bind(term_id).fetch_all(p).await?))
    }

    pub async fn audit_count(&self) -> Result<i64, DbError> {
        Ok(on_pool!(self, p => sqlx::query_scalar(COUNT).fetch_one(p).await?))
    }
}
