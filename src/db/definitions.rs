//! Changing definitions (admin): terms, indicator groups, indicators and their typed
//! targets. A changed target supersedes the old one, which stays in the table as
//! history (a mid-term review moves targets). Archiving hides a term, group or
//! indicator without deleting it, so its figures and history stay. Every change is
//! audited.

use super::audit::{Entry, commit_audited};
use super::entry::TERM_OF;
use super::groups::CODE_AND_NAME;
use super::records::{corrupt, timestamp, typed};
use super::{Actor, Backend, Db, DbError, on_pool, write_tx};
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
const INSERT_INDICATOR: &str = "INSERT INTO indicators (term_id, group_id, parent_id, code, name, name_en, unit_kind, unit, unit_en, direction, position) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, (SELECT COALESCE(MAX(position), 0) + 1 FROM indicators WHERE term_id = $1)) RETURNING id";
const UPDATE_INDICATOR: &str = "UPDATE indicators SET group_id = $1, parent_id = $2, code = $3, name = $4, name_en = $5, unit_kind = $6, \
     unit = $7, unit_en = $8, direction = $9 WHERE id = $10";
const ARCHIVED_OF_TERM: &str = "SELECT id, code, name FROM indicators WHERE term_id = $1 AND archived = 1 ORDER BY position, id";
const SUPERSEDE: &str =
    "UPDATE targets SET superseded_at = $1 WHERE indicator_id = $2 AND superseded_at IS NULL";
const INSERT_TARGET_SQLITE: &str = "INSERT INTO targets (indicator_id, kind, value, quote, recorded_at) VALUES ($1, $2, $3, $4, $5)";
const INSERT_TARGET_PG: &str = "INSERT INTO targets (indicator_id, kind, value, quote, recorded_at) VALUES ($1, $2, CAST($3 AS NUMERIC), $4, $5)";
const TARGETS: &str = "SELECT kind, CAST(value AS TEXT) AS value, quote, recorded_at, superseded_at FROM targets \
     WHERE indicator_id = $1 ORDER BY id DESC";

/// What the admin can archive and restore.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Archivable {
    Term,
    Group,
    Indicator,
}

const TERM_EXISTS: &str = "SELECT id FROM terms WHERE id = $1";
// Indicators that still show the group: live ones of live terms.
const GROUP_IN_USE: &str = "SELECT COUNT(*) FROM indicators i JOIN terms t ON t.id = i.term_id \
     WHERE i.group_id = $1 AND i.archived = 0 AND t.archived = 0";

impl Archivable {
    /// The statement that sets the flag (`$1`, 0 or 1) of the row `$2`; static texts,
    /// one a table.
    fn set_flag(self) -> &'static str {
        match self {
            Archivable::Term => "UPDATE terms SET archived = $1 WHERE id = $2",
            Archivable::Group => "UPDATE indicator_groups SET archived = $1 WHERE id = $2",
            Archivable::Indicator => "UPDATE indicators SET archived = $1 WHERE id = $2",
        }
    }

    /// The audit action. Written out in full here, where the i18n test looks for every
    /// action to have its history label.
    fn action(self, archived: bool) -> &'static str {
        match (self, archived) {
            (Archivable::Term, true) => "term.archive",
            (Archivable::Term, false) => "term.restore",
            (Archivable::Group, true) => "group.archive",
            (Archivable::Group, false) => "group.restore",
            (Archivable::Indicator, true) => "indicator.archive",
            (Archivable::Indicator, false) => "indicator.restore",
        }
    }
}

impl Db {
    pub async fn create_term(&self, input: &TermInput, actor: &Actor) -> Result<i64, DbError> {
        write_tx!(self, tx, now => {
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
        let first_year = i64::from(edit.start_year) + 1;
        write_tx!(self, tx, now => {
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

    /// Creates (`id` None) or updates an indicator definition of a term.
    pub async fn save_indicator(
        &self,
        term_id: i64,
        id: Option<i64>,
        input: &IndicatorInput,
        actor: &Actor,
    ) -> Result<i64, DbError> {
        let (d, unit) = (&input.definition, &input.definition.unit);
        let summary = format!("{} {} ({})", d.code, d.name, unit.label);
        write_tx!(self, tx, now => {
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

    /// Sets the indicator's target (none: removes it). The previous one is kept as
    /// superseded history.
    pub async fn set_target(
        &self,
        indicator_id: i64,
        target: Option<(TargetKind, VnDecimal, Option<String>)>,
        actor: &Actor,
    ) -> Result<(), DbError> {
        let insert = match self.backend() {
            Backend::Sqlite => INSERT_TARGET_SQLITE,
            Backend::Postgres => INSERT_TARGET_PG,
        };
        write_tx!(self, tx, now => {
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

    /// Archives or restores a term, a group or an indicator; false when there is no
    /// such thing. Archiving a group is refused while a live indicator of a live term
    /// is still in it (its section heading would vanish from the dashboard).
    pub async fn set_archived(
        &self,
        what: Archivable,
        id: i64,
        archived: bool,
        actor: &Actor,
    ) -> Result<bool, DbError> {
        write_tx!(self, tx, now => {
            // What the audit entry names, read before the change; none: no such thing
            // (nothing to record, the transaction is rolled back).
            let about = match what {
                Archivable::Group => {
                    let group: Option<(String, String)> = sqlx::query_as(CODE_AND_NAME).bind(id).fetch_optional(&mut *tx).await?;
                    group.map(|(code, name)| Entry { new: Some(format!("{code} {name}")), ..Entry::default() })
                }
                // A term, or an indicator with the term it is in.
                Archivable::Term | Archivable::Indicator => {
                    let (term_of, indicator) = match what {
                        Archivable::Indicator => (TERM_OF, Some(id)),
                        _ => (TERM_EXISTS, None),
                    };
                    let term: Option<i64> = sqlx::query_scalar(term_of).bind(id).fetch_optional(&mut *tx).await?;
                    term.map(|term| Entry { term: Some(term), indicator, ..Entry::default() })
                }
            };
            let Some(about) = about else { return Ok(false) };
            if archived && what == Archivable::Group {
                let in_use: i64 = sqlx::query_scalar(GROUP_IN_USE).bind(id).fetch_one(&mut *tx).await?;
                if in_use > 0 {
                    return Err(DbError::Refused("admin.group_in_use"));
                }
            }
            sqlx::query(what.set_flag()).bind(i64::from(archived)).bind(id).execute(&mut *tx).await?;
            commit_audited!(tx, actor, &now, Entry { action: what.action(archived), ..about });
            Ok(true)
        })
    }
}
