//! The last return of each figure still on its way: who returned it, when and why.
//! Read from the audit history rather than the figure's row, so that the comment
//! outlives the figure's next change and reaches the approver's card when the
//! figure comes back.

use super::records::{corrupt, timestamp};
use super::{Db, DbError, on_pool};
use crate::clock::Timestamp;
use crate::domain::Period;
use std::collections::HashMap;

/// One return of a figure by an approver.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnRecord {
    pub by: Option<String>,
    pub at: Timestamp,
    pub comment: Option<String>,
}

/// Figure (indicator id, period) → its last return that no approval has followed.
pub type Returns = HashMap<(i64, Period), ReturnRecord>;

// A return counts until the figure is approved: the newest of the two decides.
const LAST_RETURNS: &str = "SELECT a.indicator_id, a.period, a.username, a.at, a.note FROM audit_log a \
     WHERE a.term_id = $1 AND a.action = 'value.return' AND a.id = (SELECT MAX(b.id) FROM audit_log b \
     WHERE b.indicator_id = a.indicator_id AND b.period = a.period AND b.action IN ('value.return', 'value.approve'))";

type ReturnRow = (i64, String, Option<String>, String, Option<String>);

impl Db {
    /// The returns of a term's figures that are not approved since.
    pub async fn open_returns(&self, term_id: i64) -> Result<Returns, DbError> {
        let rows: Vec<ReturnRow> =
            on_pool!(self, p => sqlx::query_as(LAST_RETURNS).bind(term_id).fetch_all(p).await?);
        rows.into_iter()
            .map(|(indicator_id, period, by, at, comment)| {
                let period = Period::parse(&period).ok_or_else(|| corrupt("period", &period))?;
                let at = timestamp("return time", &at)?;
                Ok(((indicator_id, period), ReturnRecord { by, at, comment }))
            })
            .collect()
    }
}
