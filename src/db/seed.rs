//! Writing a whole seed (terms, groups, indicators, targets, values) in one
//! transaction: either the installation gets all of it or nothing.

use super::{Backend, Db, DbError, TermEdit, write_tx};
use crate::domain::{Indicator, IndicatorCode, Period, Qualifier, TargetKind, VnDecimal};
use std::collections::HashMap;

#[derive(Debug, Clone)]
pub struct NewSource {
    pub code: String,
    pub title: String,
    pub file: Option<String>,
}

#[derive(Debug, Clone)]
pub struct NewGroup {
    pub code: String,
    pub name: String,
    pub name_en: Option<String>,
}

#[derive(Debug, Clone)]
pub struct NewTarget {
    pub kind: TargetKind,
    pub value: VnDecimal,
    pub quote: Option<String>,
}

#[derive(Debug, Clone)]
pub struct NewValue {
    pub period: Period,
    pub value: VnDecimal,
    pub qualifier: Qualifier,
    pub quote: Option<String>,
}

#[derive(Debug, Clone)]
pub struct NewIndicator {
    pub definition: Indicator,
    pub group_code: Option<String>,
    /// Code of the parent indicator in the same term; the parent comes first.
    pub parent_code: Option<IndicatorCode>,
    pub headline: bool,
    pub target: Option<NewTarget>,
    pub values: Vec<NewValue>,
}

#[derive(Debug, Clone)]
pub struct NewTerm {
    pub term: TermEdit,
    pub indicators: Vec<NewIndicator>,
}

#[derive(Debug, Clone)]
pub struct SeedPlan {
    pub source: NewSource,
    pub groups: Vec<NewGroup>,
    pub terms: Vec<NewTerm>,
}

const INSERT_SOURCE: &str =
    "INSERT INTO source_documents (code, title, file) VALUES ($1, $2, $3) RETURNING id";
const INSERT_GROUP: &str = "INSERT INTO indicator_groups (code, name, name_en, position) VALUES ($1, $2, $3, $4) RETURNING id";
const INSERT_TERM: &str =
    "INSERT INTO terms (name, name_en, start_year, end_year) VALUES ($1, $2, $3, $4) RETURNING id";
const INSERT_INDICATOR: &str = "INSERT INTO indicators \
     (term_id, group_id, parent_id, code, name, name_en, unit_kind, unit, unit_en, direction, position, headline) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id";
const INSERT_TARGET_SQLITE: &str =
    "INSERT INTO targets (indicator_id, kind, value, source_id, quote) VALUES ($1, $2, $3, $4, $5)";
const INSERT_TARGET_PG: &str = "INSERT INTO targets (indicator_id, kind, value, source_id, quote) VALUES ($1, $2, CAST($3 AS NUMERIC), $4, $5)";
// Seeded figures are published figures: approved from the start.
const INSERT_VALUE_SQLITE: &str = "INSERT INTO indicator_values \
     (indicator_id, period, value, qualifier, source_id, quote, approved_value, approved_qualifier, approved_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $3, $4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))";
const INSERT_VALUE_PG: &str = "INSERT INTO indicator_values \
     (indicator_id, period, value, qualifier, source_id, quote, approved_value, approved_qualifier, approved_at) \
     VALUES ($1, $2, CAST($3 AS NUMERIC), $4, $5, $6, CAST($3 AS NUMERIC), $4, \
     to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))";
const BUMP_VERSION_SQLITE: &str = "UPDATE data_version SET version = version + 1, \
     changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = 1";
const BUMP_VERSION_PG: &str = "UPDATE data_version SET version = version + 1, \
     changed_at = to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') WHERE id = 1";

impl Db {
    /// Writes the whole plan in one transaction.
    pub async fn insert_seed(&self, plan: &SeedPlan) -> Result<(), DbError> {
        self.insert_plan(plan, false).await.map(|_| ())
    }

    /// Writes the plan only into a database that holds no term yet; false when it
    /// already does. The check and the writes are one transaction holding the write
    /// lock, so two servers starting at once on a new database seed it once.
    pub async fn seed_if_empty(&self, plan: &SeedPlan) -> Result<bool, DbError> {
        self.insert_plan(plan, true).await
    }

    async fn insert_plan(&self, plan: &SeedPlan, only_if_empty: bool) -> Result<bool, DbError> {
        let pg = self.backend() == Backend::Postgres;
        let (insert_target, insert_value, bump) = if pg {
            (INSERT_TARGET_PG, INSERT_VALUE_PG, BUMP_VERSION_PG)
        } else {
            (
                INSERT_TARGET_SQLITE,
                INSERT_VALUE_SQLITE,
                BUMP_VERSION_SQLITE,
            )
        };
        write_tx!(self, tx => {
            if only_if_empty {
                if pg {
                    // SQLite's BEGIN IMMEDIATE already excludes other writers.
                    sqlx::query("LOCK TABLE terms IN SHARE ROW EXCLUSIVE MODE")
                        .execute(&mut *tx)
                        .await?;
                }
                let terms: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM terms")
                    .fetch_one(&mut *tx)
                    .await?;
                if terms > 0 {
                    return Ok(false);
                }
            }
            let source_id: i64 = sqlx::query_scalar(INSERT_SOURCE)
                .bind(&plan.source.code)
                .bind(&plan.source.title)
                .bind(&plan.source.file)
                .fetch_one(&mut *tx)
                .await?;
            let mut groups = HashMap::new();
            for (position, g) in plan.groups.iter().enumerate() {
                let id: i64 = sqlx::query_scalar(INSERT_GROUP)
                    .bind(&g.code)
                    .bind(&g.name)
                    .bind(&g.name_en)
                    .bind(i64::try_from(position).unwrap_or(i64::MAX))
                    .fetch_one(&mut *tx)
                    .await?;
                groups.insert(g.code.as_str(), id);
            }
            for NewTerm { term, indicators } in &plan.terms {
                let term_id: i64 = sqlx::query_scalar(INSERT_TERM)
                    .bind(&term.name)
                    .bind(&term.name_en)
                    .bind(i64::from(term.start_year))
                    .bind(i64::from(term.end_year))
                    .fetch_one(&mut *tx)
                    .await?;
                let mut ids: HashMap<&str, i64> = HashMap::new();
                for (position, ind) in indicators.iter().enumerate() {
                    let (d, unit) = (&ind.definition, &ind.definition.unit);
                    let group_id = ind.group_code.as_deref().and_then(|c| groups.get(c).copied());
                    let parent_id = match &ind.parent_code {
                        Some(code) => Some(*ids.get(code.as_str()).ok_or_else(|| {
                            DbError::Corrupt(format!("parent {code} must come before {}", d.code))
                        })?),
                        None => None,
                    };
                    let id: i64 = sqlx::query_scalar(INSERT_INDICATOR)
                        .bind(term_id)
                        .bind(group_id)
                        .bind(parent_id)
                        .bind(d.code.as_str())
                        .bind(&d.name)
                        .bind(&d.name_en)
                        .bind(unit.kind.key())
                        .bind(&unit.label)
                        .bind(&unit.label_en)
                        .bind(d.direction.key())
                        .bind(i64::try_from(position).unwrap_or(i64::MAX))
                        .bind(i64::from(ind.headline))
                        .fetch_one(&mut *tx)
                        .await?;
                    ids.insert(d.code.as_str(), id);
                    if let Some(t) = &ind.target {
                        sqlx::query(insert_target)
                            .bind(id)
                            .bind(t.kind.key())
                            .bind(t.value.canonical())
                            .bind(source_id)
                            .bind(&t.quote)
                            .execute(&mut *tx)
                            .await?;
                    }
                    for v in &ind.values {
                        sqlx::query(insert_value)
                            .bind(id)
                            .bind(v.period.key())
                            .bind(v.value.canonical())
                            .bind(v.qualifier.key())
                            .bind(source_id)
                            .bind(&v.quote)
                            .execute(&mut *tx)
                            .await?;
                    }
                }
            }
            sqlx::query(bump).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(true)
        })
    }
}
