//! Reading the audit history. Nothing in the app writes to it except the
//! transactions that make the changes; the database refuses updates and deletes.

use super::records::timestamp;
use super::{Db, DbError, on_pool};
use crate::clock::Timestamp;

/// One change of an indicator: also an entry of `GET /api/v1/indicators/{id}/history`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct AuditRecord {
    pub id: i64,
    // Written to the millisecond ("2026-11-26T14:05:09.123Z") as it always was: a
    // (non-doc) comment, so that the OpenAPI document stays as it was too.
    #[serde(serialize_with = "crate::clock::json::millis")]
    #[schema(value_type = String)]
    pub at: Timestamp,
    pub username: Option<String>,
    pub origin: String,
    pub action: String,
    pub period: Option<String>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub note: Option<String>,
}

/// An audit entry as the SQL returns it.
#[derive(sqlx::FromRow)]
struct AuditRow {
    id: i64,
    at: String,
    username: Option<String>,
    origin: String,
    action: String,
    period: Option<String>,
    old_value: Option<String>,
    new_value: Option<String>,
    note: Option<String>,
}

impl TryFrom<AuditRow> for AuditRecord {
    type Error = DbError;
    fn try_from(r: AuditRow) -> Result<Self, DbError> {
        Ok(AuditRecord {
            id: r.id,
            at: timestamp("audit time", &r.at)?,
            username: r.username,
            origin: r.origin,
            action: r.action,
            period: r.period,
            old_value: r.old_value,
            new_value: r.new_value,
            note: r.note,
        })
    }
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
        let rows: Vec<AuditRow> = on_pool!(self, p => sqlx::query_as(BY_INDICATOR).bind(indicator_id).fetch_all(p).await?);
        rows.into_iter().map(AuditRecord::try_from).collect()
    }

    /// The newest 500 entries about a term itself (not its figures), newest first.
    pub async fn term_history(&self, term_id: i64) -> Result<Vec<AuditRecord>, DbError> {
        let rows: Vec<AuditRow> =
            on_pool!(self, p => sqlx::query_as(BY_TERM).bind(term_id).fetch_all(p).await?);
        rows.into_iter().map(AuditRecord::try_from).collect()
    }

    pub async fn audit_count(&self) -> Result<i64, DbError> {
        Ok(on_pool!(self, p => sqlx::query_scalar(COUNT).fetch_one(p).await?))
    }
}
