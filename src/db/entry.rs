//! Writing figures: saving drafts (all or nothing, with version checks so no
//! update is lost), submitting, approving or returning, locking a term. Every
//! change appends to the audit history in the same transaction.

use super::audit::{Entry, audit, bump_version, commit_audited};
use super::records::typed;
use super::{Backend, Db, DbError, on_pool, write_tx};
use crate::domain::{CheckedFigure, Figure, Period, ValueState, VnDecimal};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Where a change came from, recorded in the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Form,
    Import,
    Api,
    Cli,
}

impl Origin {
    pub fn key(self) -> &'static str {
        match self {
            Origin::Form => "form",
            Origin::Import => "import",
            Origin::Api => "api",
            Origin::Cli => "cli",
        }
    }
}

/// Who changes something, and through what.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: i64,
    pub username: String,
    pub origin: Origin,
}

/// One figure to save for one indicator and period.
#[derive(Debug, Clone)]
pub struct ValueChange {
    pub indicator_id: i64,
    pub period: Period,
    pub figure: Figure,
    /// The version the writer saw (0: the value did not exist yet). None: no check.
    pub expected_version: Option<i64>,
}

impl ValueChange {
    /// A checked figure for one indicator and period: what every writer saves.
    pub fn new(indicator_id: i64, period: Period, checked: CheckedFigure) -> Self {
        ValueChange {
            indicator_id,
            period,
            figure: checked.figure,
            expected_version: checked.expected_version,
        }
    }
}

/// Someone else changed the value since the writer read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub indicator_id: i64,
    pub period: Period,
    /// The stored value now (canonical text), none if it was removed.
    pub current_value: Option<String>,
    pub current_version: i64,
    pub current_by: Option<String>,
}

impl Conflict {
    /// The conflict on `indicator_id` and `period` with what is stored now (none:
    /// nothing is).
    pub(super) fn with(indicator_id: i64, period: Period, current: Option<&CurrentRow>) -> Self {
        Conflict {
            indicator_id,
            period,
            current_value: current.map(|r| r.value.clone()),
            current_version: current.map_or(0, |r| r.version),
            current_by: current.and_then(|r| r.updated_by_name.clone()),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("the term is locked")]
    Locked,
    #[error("{} value(s) changed since they were read", .0.len())]
    Conflicts(Vec<Conflict>),
    #[error("no such indicator in this term: {0}")]
    UnknownIndicator(i64),
    #[error("no such value")]
    NotFound,
    #[error("the value is not in a state that allows this")]
    WrongState,
    /// Separation of duties: the approver changed the figure last.
    #[error("the approver changed this figure last; another approver must approve it")]
    OwnFigure,
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<sqlx::Error> for WriteError {
    fn from(e: sqlx::Error) -> Self {
        WriteError::Db(DbError::Sqlx(e))
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub(super) struct CurrentRow {
    pub(super) indicator_id: i64,
    pub(super) value: String,
    pub(super) qualifier: String,
    pub(super) note: Option<String>,
    pub(super) source_document: Option<String>,
    pub(super) quote: Option<String>,
    pub(super) state: String,
    pub(super) version: i64,
    pub(super) updated_by: Option<i64>,
    pub(super) updated_by_name: Option<String>,
}

impl CurrentRow {
    /// Whether saving `f` would store what is stored already. A returned figure saved
    /// unchanged (its row sent again with the rest of the form) stays returned.
    fn holds(&self, f: &Figure) -> bool {
        VnDecimal::from_canonical(&self.value).ok() == Some(f.value)
            && self.qualifier == f.qualifier.key()
            && self.note == f.note
            && self.source_document == f.source_document
            && self.quote == f.quote
    }

    /// The stored review state; a word the domain does not know is corrupt data.
    pub(super) fn state(&self) -> Result<ValueState, DbError> {
        typed("value state", &self.state, ValueState::parse)
    }
}

pub(super) const TERM_LOCKED: &str = "SELECT locked FROM terms WHERE id = $1";
const IN_TERM: &str = "SELECT COUNT(*) FROM indicators WHERE id = $1 AND term_id = $2";
pub(super) const CURRENT: &str = "SELECT v.indicator_id, CAST(v.value AS TEXT) AS value, v.qualifier, v.note, v.source_document, v.quote, v.state, \
     v.version, v.updated_by, u.username AS updated_by_name \
     FROM indicator_values v LEFT JOIN users u ON u.id = v.updated_by WHERE v.indicator_id = $1 AND v.period = $2";
/// For a save of many values (an import): the term's indicators and the stored
/// values of one period, read at once instead of two statements per value.
const IDS_IN_TERM: &str = "SELECT id FROM indicators WHERE term_id = $1";
const CURRENT_IN_TERM: &str = "SELECT v.indicator_id, CAST(v.value AS TEXT) AS value, v.qualifier, v.note, v.source_document, v.quote, v.state, \
     v.version, v.updated_by, u.username AS updated_by_name \
     FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id LEFT JOIN users u ON u.id = v.updated_by \
     WHERE i.term_id = $1 AND v.period = $2";
/// From this many changes on, a save reads what it checks in bulk.
const BULK_LOOKUP: usize = 32;
/// Read in bulk: the term's indicator ids, and the stored values by (indicator, period).
type Bulk = (HashSet<i64>, HashMap<(i64, String), CurrentRow>);
const UPDATE_SQLITE: &str = "UPDATE indicator_values SET value = $1, qualifier = $2, note = $3, source_document = $4, quote = $5, \
     state = 'draft', review_comment = NULL, version = version + 1, updated_by = $6, updated_at = $7 \
     WHERE indicator_id = $8 AND period = $9";
const UPDATE_PG: &str = "UPDATE indicator_values SET value = CAST($1 AS NUMERIC), qualifier = $2, note = $3, source_document = $4, \
     quote = $5, state = 'draft', review_comment = NULL, version = version + 1, updated_by = $6, updated_at = $7 \
     WHERE indicator_id = $8 AND period = $9";
const INSERT_SQLITE: &str = "INSERT INTO indicator_values (value, qualifier, note, source_document, quote, state, version, \
     updated_by, updated_at, indicator_id, period) VALUES ($1, $2, $3, $4, $5, 'draft', 1, $6, $7, $8, $9)";
const INSERT_PG: &str = "INSERT INTO indicator_values (value, qualifier, note, source_document, quote, state, version, \
     updated_by, updated_at, indicator_id, period) VALUES (CAST($1 AS NUMERIC), $2, $3, $4, $5, 'draft', 1, $6, $7, $8, $9)";
pub(super) const SET_STATE: &str = "UPDATE indicator_values SET state = $1, review_comment = $2, version = version + 1, updated_at = $3 \
     WHERE indicator_id = $4 AND period = $5";
pub(super) const TERM_OF: &str = "SELECT term_id FROM indicators WHERE id = $1";
const SUBMITTABLE: &str = "SELECT v.indicator_id, v.period, CAST(v.value AS TEXT) AS value FROM indicator_values v \
     JOIN indicators i ON i.id = v.indicator_id WHERE i.term_id = $1 AND v.period = $2 AND v.state = 'draft'";
const SET_LOCK: &str = "UPDATE terms SET locked = $1 WHERE id = $2";

/// Refuses a write to term `term_id` when it does not exist or is locked; checked in
/// the write's transaction `tx`, so that a lock taken meanwhile is seen. A macro, as
/// `tx` is a transaction of either backend.
macro_rules! refuse_locked {
    ($tx:ident, $term_id:expr) => {{
        let locked: Option<i64> = sqlx::query_scalar(TERM_LOCKED)
            .bind($term_id)
            .fetch_optional(&mut *$tx)
            .await?;
        match locked {
            None => return Err(WriteError::NotFound),
            Some(l) if l != 0 => return Err(WriteError::Locked),
            Some(_) => {}
        }
    }};
}
pub(super) use refuse_locked;

impl Db {
    /// Saves drafts of many values at once: every change or none. A change whose
    /// expected version is stale is a conflict, and then nothing is written.
    /// Returns how many values actually changed.
    pub async fn save_values(
        &self,
        term_id: i64,
        changes: &[ValueChange],
        actor: &Actor,
    ) -> Result<usize, WriteError> {
        let (update, insert) = match self.backend() {
            Backend::Sqlite => (UPDATE_SQLITE, INSERT_SQLITE),
            Backend::Postgres => (UPDATE_PG, INSERT_PG),
        };
        write_tx!(self, tx, now => {
            refuse_locked!(tx, term_id);
            let mut bulk: Option<Bulk> = None;
            if changes.len() >= BULK_LOOKUP {
                let ids: Vec<i64> = sqlx::query_scalar(IDS_IN_TERM).bind(term_id).fetch_all(&mut *tx).await?;
                let periods: BTreeSet<String> = changes.iter().map(|c| c.period.key()).collect();
                let mut stored = HashMap::new();
                for period in periods {
                    let rows: Vec<CurrentRow> =
                        sqlx::query_as(CURRENT_IN_TERM).bind(term_id).bind(&period).fetch_all(&mut *tx).await?;
                    stored.extend(rows.into_iter().map(|r| ((r.indicator_id, period.clone()), r)));
                }
                bulk = Some((ids.into_iter().collect(), stored));
            }
            let mut conflicts = Vec::new();
            let mut changed = 0;
            for c in changes {
                let period = c.period.key();
                let in_term = match &bulk {
                    Some((ids, _)) => ids.contains(&c.indicator_id),
                    None => {
                        let n: i64 = sqlx::query_scalar(IN_TERM).bind(c.indicator_id).bind(term_id).fetch_one(&mut *tx).await?;
                        n > 0
                    }
                };
                if !in_term {
                    return Err(WriteError::UnknownIndicator(c.indicator_id));
                }
                let current: Option<CurrentRow> = match &bulk {
                    Some((_, stored)) => stored.get(&(c.indicator_id, period.clone())).cloned(),
                    None => sqlx::query_as(CURRENT).bind(c.indicator_id).bind(&period).fetch_optional(&mut *tx).await?,
                };
                let current_version = current.as_ref().map_or(0, |r| r.version);
                // What is stored already is no conflict, whatever version the writer
                // saw: a double click on "Lưu", or the same figure typed in two tabs,
                // loses nothing and writes nothing (and blames nobody).
                let same = current.as_ref().is_some_and(|r| r.holds(&c.figure));
                if !same && c.expected_version.is_some_and(|v| v != current_version) {
                    conflicts.push(Conflict::with(c.indicator_id, c.period, current.as_ref()));
                    continue;
                }
                let figure = &c.figure;
                let new_value = figure.value.canonical();
                if same {
                    continue;
                }
                let sql = if current.is_some() { update } else { insert };
                sqlx::query(sql)
                    .bind(&new_value)
                    .bind(figure.qualifier.key())
                    .bind(&figure.note)
                    .bind(&figure.source_document)
                    .bind(&figure.quote)
                    .bind(actor.user_id)
                    .bind(&now)
                    .bind(c.indicator_id)
                    .bind(&period)
                    .execute(&mut *tx)
                    .await?;
                audit!(tx, actor, Entry {
                    action: "value.save",
                    term: Some(term_id),
                    indicator: Some(c.indicator_id),
                    period: Some(&period),
                    old: current.as_ref().map(|r| r.value.clone()),
                    new: Some(new_value.clone()),
                    note: figure.note.as_deref(),
                });
                // The same value twice in one save sees its first change, as it
                // would reading it back.
                if let Some((_, stored)) = &mut bulk {
                    stored.insert((c.indicator_id, period.clone()), CurrentRow {
                        indicator_id: c.indicator_id,
                        value: new_value.clone(),
                        qualifier: figure.qualifier.key().to_string(),
                        note: figure.note.clone(),
                        source_document: figure.source_document.clone(),
                        quote: figure.quote.clone(),
                        state: ValueState::Draft.key().to_string(),
                        version: current_version + 1,
                        updated_by: Some(actor.user_id),
                        updated_by_name: Some(actor.username.clone()),
                    });
                }
                changed += 1;
            }
            if !conflicts.is_empty() {
                return Err(WriteError::Conflicts(conflicts));
            }
            if changed > 0 {
                bump_version!(tx, &now);
            }
            tx.commit().await?;
            Ok(changed)
        })
    }

    /// Sends the drafts of one period of a term to review. A returned figure is not
    /// among them: it goes back only once changed, or sent alone ([`Db::submit_value`]).
    pub async fn submit_period(
        &self,
        term_id: i64,
        period: Period,
        actor: &Actor,
    ) -> Result<usize, WriteError> {
        write_tx!(self, tx, now => {
            refuse_locked!(tx, term_id);
            let rows: Vec<(i64, String, String)> =
                sqlx::query_as(SUBMITTABLE).bind(term_id).bind(period.key()).fetch_all(&mut *tx).await?;
            for (indicator_id, period, value) in &rows {
                sqlx::query(SET_STATE).bind(ValueState::Submitted.key()).bind(None::<String>).bind(&now).bind(indicator_id).bind(period)
                    .execute(&mut *tx).await?;
                let (old, new) = (Some(value.clone()), Some(value.clone()));
                let entry = Entry { action: "value.submit", term: Some(term_id), indicator: Some(*indicator_id), period: Some(period), old, new, note: None };
                audit!(tx, actor, entry);
            }
            if !rows.is_empty() {
                bump_version!(tx, &now);
            }
            tx.commit().await?;
            Ok(rows.len())
        })
    }

    /// Locks or unlocks a term (recorded in the history).
    pub async fn set_term_lock(
        &self,
        term_id: i64,
        locked: bool,
        actor: &Actor,
    ) -> Result<(), WriteError> {
        write_tx!(self, tx, now => {
            let n = sqlx::query(SET_LOCK).bind(i64::from(locked)).bind(term_id).execute(&mut *tx).await?.rows_affected();
            if n == 0 {
                return Err(WriteError::NotFound);
            }
            let action = if locked { "term.lock" } else { "term.unlock" };
            commit_audited!(tx, actor, &now, Entry { action, term: Some(term_id), ..Entry::default() });
            Ok(())
        })
    }

    pub async fn term_locked(&self, term_id: i64) -> Result<Option<bool>, DbError> {
        let l: Option<i64> = on_pool!(self, p => sqlx::query_scalar(TERM_LOCKED).bind(term_id).fetch_optional(p).await?);
        Ok(l.map(|l| l != 0))
    }
}
