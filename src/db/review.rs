//! Sending a figure to review and deciding on it: one figure submitted alone (a
//! returned figure sent back unchanged, or a program's figure), approved or
//! returned. Separation of duties: nobody approves a figure they changed last.

use super::audit::{Entry, commit_audited};
use super::entry::{CURRENT, Conflict, CurrentRow, SET_STATE, TERM_LOCKED, TERM_OF, refuse_locked};
use super::{Actor, Db, WriteError, write_tx};
use crate::domain::{Period, ValueState};

/// How a reviewer decides on a submitted figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Return,
}

const APPROVE: &str = "UPDATE indicator_values SET state = 'approved', review_comment = $1, approved_value = value, \
     approved_qualifier = qualifier, approved_at = $2, version = version + 1, updated_at = $2 WHERE indicator_id = $3 AND period = $4";

/// The term of `indicator_id` and its stored figure for the period `key`, read in
/// transaction `tx`: not found when either is missing, locked when the term is.
macro_rules! figure_in_open_term {
    ($tx:ident, $indicator_id:expr, $key:expr) => {{
        let term_id: Option<i64> = sqlx::query_scalar(TERM_OF)
            .bind($indicator_id)
            .fetch_optional(&mut *$tx)
            .await?;
        let term_id = term_id.ok_or(WriteError::NotFound)?;
        refuse_locked!($tx, term_id);
        let current: Option<CurrentRow> = sqlx::query_as(CURRENT)
            .bind($indicator_id)
            .bind($key)
            .fetch_optional(&mut *$tx)
            .await?;
        (term_id, current.ok_or(WriteError::NotFound)?)
    }};
}

impl Db {
    /// Sends one draft or returned figure to review. With `expected_version`, a
    /// figure changed since the caller read it is a conflict and nothing changes.
    pub async fn submit_value(
        &self,
        indicator_id: i64,
        period: Period,
        expected_version: Option<i64>,
        actor: &Actor,
    ) -> Result<(), WriteError> {
        let key = period.key();
        write_tx!(self, tx, now => {
            let (term_id, current) = figure_in_open_term!(tx, indicator_id, &key);
            if expected_version.is_some_and(|v| v != current.version) {
                return Err(WriteError::Conflicts(vec![Conflict::with(indicator_id, period, Some(&current))]));
            }
            if !matches!(current.state()?, ValueState::Draft | ValueState::Returned) {
                return Err(WriteError::WrongState);
            }
            sqlx::query(SET_STATE).bind(ValueState::Submitted.key()).bind(None::<String>).bind(&now).bind(indicator_id).bind(&key)
                .execute(&mut *tx).await?;
            let (old, new) = (Some(current.value.clone()), Some(current.value));
            let entry = Entry { action: "value.submit", term: Some(term_id), indicator: Some(indicator_id), period: Some(&key), old, new, note: None };
            commit_audited!(tx, actor, &now, entry);
            Ok(())
        })
    }

    /// Approves or returns one submitted figure.
    pub async fn review_value(
        &self,
        indicator_id: i64,
        period: Period,
        decision: Decision,
        comment: Option<&str>,
        actor: &Actor,
    ) -> Result<(), WriteError> {
        let key = period.key();
        write_tx!(self, tx, now => {
            let (term_id, current) = figure_in_open_term!(tx, indicator_id, &key);
            if !current.state()?.can_review() {
                return Err(WriteError::WrongState);
            }
            if decision == Decision::Approve && current.updated_by == Some(actor.user_id) {
                // Read in the decision's transaction: an admin's change of the rule
                // holds for every decision after it.
                let off: i64 = sqlx::query_scalar(super::settings::SEPARATION_OFF).fetch_one(&mut *tx).await?;
                if off == 0 {
                    return Err(WriteError::OwnFigure);
                }
            }
            let action = match decision {
                Decision::Approve => {
                    sqlx::query(APPROVE).bind(comment).bind(&now).bind(indicator_id).bind(&key).execute(&mut *tx).await?;
                    "value.approve"
                }
                Decision::Return => {
                    sqlx::query(SET_STATE).bind(ValueState::Returned.key()).bind(comment).bind(&now).bind(indicator_id).bind(&key)
                        .execute(&mut *tx).await?;
                    "value.return"
                }
            };
            let (old, new) = (Some(current.value.clone()), Some(current.value));
            let entry = Entry { action, term: Some(term_id), indicator: Some(indicator_id), period: Some(&key), old, new, note: comment };
            commit_audited!(tx, actor, &now, entry);
            Ok(())
        })
    }
}
