//! Changing definitions (admin): terms, indicator groups, indicators and their typed
//! targets. A changed target supersedes the old one, which stays in the table as
//! history (a mid-term review moves targets). Every change is audited.

use super::BeginWrite;
use super::audit::{Entry, commit_audited};
use super::records::{corrupt, timestamp, typed};
use super::{Actor, Backend, Db, DbError, on_pool};
use crate::clock::Timestamp;
use crate::domain::{Indicator, TargetKind, VnDecimal};

/// A new term, as the admin opens it.
#[derive(Debug, Clone)]
pub struct TermInput {
    pub term: TermEdit,
    /// Carry over the indicator list (codes, names, units, groups) of this term.
    pub copy_from: Option<i64>,
}

/// A term's name and years, as the admin writes them when opening or correcting a
/// term, and as a seed gives them.
#[derive(Debug, Clone)]
pub struct TermEdit {
    pub name: String,
    pub name_en: Option<String>,
    pub start_year: i32,
    pub end_year: i32,
}

impl TermEdit {
    /// The term as the audit log names it: its name and years.
    fn summary(&self) -> String {
        format!("{} {}–{}", self.name, self.start_year, self.end_year)
    }
}

/// An indicator's definition as the admin saves it, and where it stands in its term.
#[derive(Debug, Clone)]
pub struct IndicatorInput {
    pub definition: Indicator,
    pub group_id: Option<i64>,
    pub parent_id: Option<i64>,
}

/// One target of an indicator, current or superseded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetHistoryRecord {
    pub kind: TargetKind,
    pub value: VnDecimal,
    pub quote: Option<String>,
    pub recorded_at: Timestamp,
    pub superseded_at: Option<Timestamp>,
}

/// A target as the SQL returns it.
#[derive(sqlx::FromRow)]
struct TargetHistoryRow {
    kind: String,
    value: String,
    quote: Option<String>,
    recorded_at: String,
    superseded_at: Option<String>,
}

impl TryFrom<TargetHistoryRow> for TargetHistoryRecord {
    type Error = DbError;
    fn try_from(r: TargetHistoryRow) -> Result<Self, DbError> {
        Ok(TargetHistoryRecord {
            kind: typed("target kind", &r.kind, TargetKind::parse)?,
            value: VnDecimal::from_canonical(&r.value)
                .map_err(|_| corrupt("target value", &r.value))?,
            quote: r.quote,
            recorded_at: timestamp("target recorded at", &r.recorded_at)?,
            superseded_at: r
                .superseded_at
                .map(|t| timestamp("target superseded at", &t))
                .transpose()?,
        })
    }
}

const INSERT_TERM: &str =
    "INSERT INTO terms (name, name_en, start_year, end_year) VALUES ($1, $2, $3, $4) RETURNING id";
const COPY_INDICATORS: &str = "INSERT INTO indicators (term_id, group_id, parent_id, code, name, name_en, unit_kind, unit, unit_en, direction, position, headline) \
     SELECT $1, group_id, NULL, code, name, name_en, unit_kind, unit, unit_en, direction, position, headline FROM indicators WHERE term_id = $2 AND archived = 0";
// Parents are matched by code within the new term.
const COPY_PARENTS: &str = "UPDATE indicators SET parent_id = (SELECT n.id FROM indicators o JOIN indicators op ON op.id = o.parent_id \
     JOIN indicators n ON n.term_id = $1 AND n.code = op.code WHERE o.term_id = $2 AND o.code = indicators.code) WHERE term_id = $1";
const TERM_NOW: &str = "SELECT name, start_year, end_year FROM terms WHERE id = $1";
const UPDATE_TERM: &str =
    "UPDATE terms SET name = $1, name_en = $2, start_year = $3, end_year = $4 WHERE id = $5";
// Yearly figures the new years would leave outside the term ('term' totals always fit).
const VALUES_OUTSIDE: &str = "SELECT COUNT(*) FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id \
     WHERE i.term_id = $1 AND (CASE WHEN v.period = 'term' THEN NULL ELSE CAST(v.period AS INTEGER) END) NOT BETWEEN $2 AND $3";
const ARCHIVE_TERM: &str = "UPDATE terms SET archived = $1 WHERE id = $2";
const INSERT_INDICATOR: &str = "INSERT INTO indicators (term_id, group_id, parent_id, code, name, name_en, unit_kind, unit, unit_en, direction, position) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, (SELECT COALESCE(MAX(position), 0) + 1 FROM indicators WHERE term_id = $1)) RETURNING id";
const UPDATE_INDICATOR: &str = "UPDATE indicators SET group_id = $1, parent_id = $2, code = $3, name = $4, name_en = $5, unit_kind = $6, \
     unit = $7, unit_en = $8, direction = $9 WHERE id = $10";
const ARCHIVE_INDICATOR: &str = "UPDATE indicators SET archived = $1 WHERE id = $2";
const TERM_OF: &str = "SELECT term_id FROM indicators WHERE id = $1";
const ARCHIVED_OF_TERM: &str = "SELECT id, code, name FROM indicators WHERE term_id = $1 AND archived = 1 ORDER BY position, id";
const SUPERSEDE: &str =
    "UPDATE targets SET superseded_at = $1 WHERE indicator_id = $2 AND superseded_at IS NULL";
const INSERT_TARGET_SQLITE: &str = "INSERT INTO targets (indicator_id, kind, value, quote, recorded_at) VALUES ($1, $2, $3, $4, $5)";
const INSERT_TARGET_PG: &str = "INSERT INTO targets (indicator_id, kind, value, quote, recorded_at) VALUES ($1, $2, CAST($3 AS NUMERIC), $4, $5)";
const TARGETS: &str = "SELECT kind, CAST(value AS TEXT) AS value, quote, recorded_at, superseded_at FROM targets \
     WHERE indicator_id = $1 ORDER BY id DESC";

impl Db {
    pub async fn create_term(&self, input: &TermInput, actor: &Actor) -> Result<i64, DbError> {
        let now = crate::clock::now_iso();
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let id: i64 = sqlx::query_scalar(INSERT_TERM)
                .bind(&input.term.name).bind(&input.term.name_en).bind(i64::from(input.term.start_year)).bind(i64::from(input.term.end_year))
                .fetch_one(&mut *tx).await.map_err(|e| DbError::from_write(e, "term years"))?;
            if let Some(from) = input.copy_from {
                sqlx::query(COPY_INDICATORS).bind(id).bind(from).execute(&mut *tx).await?;
                sqlx::query(COPY_PARENTS).bind(id).bind(from).execute(&mut *tx).await?;
            }
            let new = Some(input.term.summary());
            commit_audited!(tx, actor, &now, Entry { action: "term.create", term: Some(id), new, ..Entry::default() });
            Ok(id)
        })
    }

    /// Corrects a term's name and years. Refused when a yearly figure would fall
    /// outside the new years; false when there is no such term.
    pub async fn update_term(
        &self,
        id: i64,
        edit: &TermEdit,
        actor: &Actor,
    ) -> Result<bool, DbError> {
        let now = crate::clock::now_iso();
        let first_year = i64::from(edit.start_year) + 1;
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let old: Option<(String, i64, i64)> = sqlx::query_as(TERM_NOW).bind(id).fetch_optional(&mut *tx).await?;
            let Some((old_name, old_start, old_end)) = old else { return Ok(false) };
            let outside: i64 = sqlx::query_scalar(VALUES_OUTSIDE).bind(id).bind(first_year).bind(i64::from(edit.end_year))
                .fetch_one(&mut *tx).await?;
            if outside > 0 {
                return Err(DbError::Refused("admin.values_outside_years"));
            }
            sqlx::query(UPDATE_TERM).bind(&edit.name).bind(&edit.name_en).bind(i64::from(edit.start_year))
                .bind(i64::from(edit.end_year)).bind(id)
                .execute(&mut *tx).await.map_err(|e| DbError::from_write(e, "term years"))?;
            let old = Some(format!("{old_name} {old_start}–{old_end}"));
            let new = Some(edit.summary());
            commit_audited!(tx, actor, &now, Entry { action: "term.update", term: Some(id), old, new, ..Entry::default() });
            Ok(true)
        })
    }

    pub async fn set_term_archived(
        &self,
        term_id: i64,
        archived: bool,
        actor: &Actor,
    ) -> Result<bool, DbError> {
        let now = crate::clock::now_iso();
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let n = sqlx::query(ARCHIVE_TERM).bind(i64::from(archived)).bind(term_id).execute(&mut *tx).await?.rows_affected();
            if n == 0 {
                // No such term: nothing to record (the transaction is rolled back).
                return Ok(false);
            }
            let action = if archived { "term.archive" } else { "term.restore" };
            commit_audited!(tx, actor, &now, Entry { action, term: Some(term_id), ..Entry::default() });
            Ok(true)
        })
    }

    /// Creates (`id` None) or updates an indicator definition of a term.
    pub async fn save_indicator(
        &self,
        term_id: i64,
        id: Option<i64>,
        input: &IndicatorInput,
        actor: &Actor,
    ) -> Result<i64, DbError> {
        let now = crate::clock::now_iso();
        let (d, unit) = (&input.definition, &input.definition.unit);
        let summary = format!("{} {} ({})", d.code, d.name, unit.label);
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let id = match id {
                None => sqlx::query_scalar(INSERT_INDICATOR)
                    .bind(term_id).bind(input.group_id).bind(input.parent_id).bind(d.code.as_str()).bind(&d.name)
                    .bind(&d.name_en).bind(unit.kind.key()).bind(&unit.label).bind(&unit.label_en).bind(d.direction.key())
                    .fetch_one(&mut *tx).await.map_err(|e| DbError::from_write(e, "indicator code"))?,
                Some(id) => {
                    sqlx::query(UPDATE_INDICATOR)
                        .bind(input.group_id).bind(input.parent_id).bind(d.code.as_str()).bind(&d.name).bind(&d.name_en)
                        .bind(unit.kind.key()).bind(&unit.label).bind(&unit.label_en).bind(d.direction.key()).bind(id)
                        .execute(&mut *tx).await.map_err(|e| DbError::from_write(e, "indicator code"))?;
                    id
                }
            };
            let entry = Entry { action: "indicator.save", term: Some(term_id), indicator: Some(id), new: Some(summary), ..Entry::default() };
            commit_audited!(tx, actor, &now, entry);
            Ok(id)
        })
    }

    /// The term of an indicator, archived or not (the term pages know live ones only).
    pub async fn term_of_any_indicator(&self, id: i64) -> Result<Option<i64>, DbError> {
        Ok(on_pool!(self, p => sqlx::query_scalar(TERM_OF).bind(id).fetch_optional(p).await?))
    }

    /// The archived indicators of a term, (id, code, name) in their order, for the
    /// admin to restore.
    pub async fn archived_indicators(
        &self,
        term_id: i64,
    ) -> Result<Vec<(i64, String, String)>, DbError> {
        Ok(on_pool!(self, p => sqlx::query_as(ARCHIVED_OF_TERM).bind(term_id).fetch_all(p).await?))
    }

    pub async fn set_indicator_archived(
        &self,
        id: i64,
        archived: bool,
        actor: &Actor,
    ) -> Result<bool, DbError> {
        let now = crate::clock::now_iso();
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let term: Option<i64> = sqlx::query_scalar(TERM_OF).bind(id).fetch_optional(&mut *tx).await?;
            let n = sqlx::query(ARCHIVE_INDICATOR).bind(i64::from(archived)).bind(id).execute(&mut *tx).await?.rows_affected();
            if n == 0 {
                // No such indicator: nothing to record (the transaction is rolled back).
                return Ok(false);
            }
            let action = if archived { "indicator.archive" } else { "indicator.restore" };
            commit_audited!(tx, actor, &now, Entry { action, term, indicator: Some(id), ..Entry::default() });
            Ok(true)
        })
    }

    /// Sets the indicator's target (none: removes it). The previous one is kept as
    /// superseded history.
    pub async fn set_target(
        &self,
        indicator_id: i64,
        target: Option<(TargetKind, VnDecimal, Option<String>)>,
        actor: &Actor,
    ) -> Result<(), DbError> {
        let now = crate::clock::now_iso();
        let insert = match self.backend() {
            Backend::Sqlite => INSERT_TARGET_SQLITE,
            Backend::Postgres => INSERT_TARGET_PG,
        };
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let term: Option<i64> = sqlx::query_scalar(TERM_OF).bind(indicator_id).fetch_optional(&mut *tx).await?;
            let Some(term) = term else { return Err(DbError::Corrupt(format!("no indicator {indicator_id}"))) };
            let old: Option<(String, String)> = sqlx::query_as(
                "SELECT kind, CAST(value AS TEXT) FROM targets WHERE indicator_id = $1 AND superseded_at IS NULL",
            ).bind(indicator_id).fetch_optional(&mut *tx).await?;
            sqlx::query(SUPERSEDE).bind(&now).bind(indicator_id).execute(&mut *tx).await?;
            let new = match &target {
                Some((kind, value, quote)) => {
                    sqlx::query(insert).bind(indicator_id).bind(kind.key()).bind(value.canonical()).bind(quote).bind(&now)
                        .execute(&mut *tx).await?;
                    Some(format!("{} {}", kind.key(), value.canonical()))
                }
                None => None,
            };
            let old = old.map(|(k, v)| format!("{k} {v}"));
            let entry = Entry { action: "target.set", term: Some(term), indicator: Some(indicator_id), old, new, ..Entry::default() };
            commit_audited!(tx, actor, &now, entry);
            Ok(())
        })
    }

    /// Every target the indicator has had, newest first.
    pub async fn target_history(
        &self,
        indicator_id: i64,
    ) -> Result<Vec<TargetHistoryRecord>, DbError> {
        let rows: Vec<TargetHistoryRow> =
            on_pool!(self, p => sqlx::query_as(TARGETS).bind(indicator_id).fetch_all(p).await?);
        rows.into_iter()
            .map(TargetHistoryRecord::try_from)
            .collect()
    }
}
