//! Queries that read. A term page needs a fixed number of queries whatever the
//! number of indicators (no N+1).

use super::records::{indicator_record, timestamp};
use super::rows::{GroupRow, IndicatorRow, TargetRow, TermRow, ValueRow};
use super::{Db, DbError, GroupRecord, TermData, TermRecord, on_pool};
use crate::domain::IndicatorId;
use std::collections::HashMap;
use std::sync::Arc;

const TERMS: &str = "SELECT id, name, name_en, start_year, end_year FROM terms WHERE archived = 0 ORDER BY start_year";
const TERM: &str = "SELECT id, name, name_en, start_year, end_year FROM terms WHERE id = $1";
/// Every group, archived ones included (a term's data, and the admin's list of groups).
pub(super) const GROUPS: &str =
    "SELECT id, code, name, name_en, archived FROM indicator_groups ORDER BY position, id";
const INDICATORS: &str = "SELECT id, term_id, group_id, parent_id, code, name, name_en, unit_kind, unit, unit_en, direction, headline \
     FROM indicators WHERE term_id = $1 AND archived = 0 \
     AND ($2 = 0 OR id = $2 OR parent_id = $2 OR id = $3) ORDER BY position, id";
const TARGETS: &str = "SELECT t.indicator_id, t.kind, CAST(t.value AS TEXT) AS value, s.title AS source_title, t.quote \
     FROM targets t JOIN indicators i ON i.id = t.indicator_id LEFT JOIN source_documents s ON s.id = t.source_id \
     WHERE i.term_id = $1 AND t.superseded_at IS NULL AND ($2 = 0 OR i.id = $2 OR i.parent_id = $2 OR i.id = $3)";
// Readers see the last approved figure of each row, even while a new draft of it
// waits for review.
const APPROVED_VALUES: &str = "SELECT v.id, v.indicator_id, v.period, CAST(v.approved_value AS TEXT) AS value, \
     v.approved_qualifier AS qualifier, COALESCE(s.title, v.source_document) AS source_title, v.quote, v.note, \
     'approved' AS state, v.version, COALESCE(v.approved_at, v.updated_at) AS updated_at, \
     NULL AS review_comment, NULL AS updated_by \
     FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id LEFT JOIN source_documents s ON s.id = v.source_id \
     WHERE i.term_id = $1 AND v.approved_value IS NOT NULL AND ($2 = 0 OR i.id = $2 OR i.parent_id = $2 OR i.id = $3)";
// Signed-in staff may look at the working copies: drafts, submitted and returned
// figures, each marked with its state.
const WORKING_VALUES: &str = "SELECT v.id, v.indicator_id, v.period, CAST(v.value AS TEXT) AS value, v.qualifier, \
     COALESCE(s.title, v.source_document) AS source_title, v.quote, v.note, v.state, v.version, v.updated_at, \
     v.review_comment, u.username AS updated_by \
     FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id LEFT JOIN source_documents s ON s.id = v.source_id \
     LEFT JOIN users u ON u.id = v.updated_by WHERE i.term_id = $1 \
     AND ($2 = 0 OR i.id = $2 OR i.parent_id = $2 OR i.id = $3)";
const TERM_OF_INDICATOR: &str = "SELECT term_id FROM indicators WHERE id = $1 AND archived = 0";
const VERSION: &str = "SELECT version, changed_at FROM data_version WHERE id = 1";

/// Which figures a read returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Figures {
    /// The last approved figure of each value: what every reader sees.
    Approved,
    /// The working copies (draft, submitted, returned or approved), for staff.
    Working,
}

/// The rows of one term, as the five queries return them.
type TermRows = (
    Vec<GroupRow>,
    Vec<IndicatorRow>,
    Vec<TargetRow>,
    Vec<ValueRow>,
    (i64, String),
);

/// A term with how many indicators it has and how many have an approved figure.
#[derive(Debug, Clone)]
pub struct TermCounts {
    pub term: TermRecord,
    pub indicators: i64,
    pub with_values: i64,
}

const TERM_COUNTS: &str = "SELECT t.id, \
     (SELECT COUNT(*) FROM indicators i WHERE i.term_id = t.id AND i.archived = 0) AS indicators, \
     (SELECT COUNT(DISTINCT v.indicator_id) FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id \
      WHERE i.term_id = t.id AND i.archived = 0 AND v.approved_value IS NOT NULL) AS with_values \
     FROM terms t WHERE t.archived = 0 ORDER BY t.start_year";

impl Db {
    /// Every active term with its counts, in two queries.
    pub async fn term_counts(&self) -> Result<Vec<TermCounts>, DbError> {
        let terms = self.terms().await?;
        let counts: Vec<(i64, i64, i64)> =
            on_pool!(self, p => sqlx::query_as(TERM_COUNTS).fetch_all(p).await?);
        Ok(terms
            .into_iter()
            .map(|term| {
                let (_, indicators, with_values) = counts
                    .iter()
                    .find(|c| c.0 == term.id.get())
                    .copied()
                    .unwrap_or((term.id.get(), 0, 0));
                TermCounts {
                    term,
                    indicators,
                    with_values,
                }
            })
            .collect())
    }

    pub async fn terms(&self) -> Result<Vec<TermRecord>, DbError> {
        let rows: Vec<TermRow> = on_pool!(self, p => sqlx::query_as(TERMS).fetch_all(p).await?);
        rows.into_iter().map(TermRecord::try_from).collect()
    }

    /// Every term, archived ones too, with their archived flag (for the admin).
    pub async fn all_terms(&self) -> Result<Vec<(TermRecord, bool)>, DbError> {
        let sql = "SELECT id, name, name_en, start_year, end_year FROM terms ORDER BY start_year";
        let rows: Vec<TermRow> = on_pool!(self, p => sqlx::query_as(sql).fetch_all(p).await?);
        let archived: Vec<(i64, i64)> = on_pool!(self, p => sqlx::query_as("SELECT id, archived FROM terms").fetch_all(p).await?);
        rows.into_iter()
            .map(|r| {
                let flag = archived.iter().any(|(id, a)| *id == r.id && *a != 0);
                TermRecord::try_from(r).map(|t| (t, flag))
            })
            .collect()
    }

    pub async fn term(&self, id: i64) -> Result<Option<TermRecord>, DbError> {
        let row: Option<TermRow> =
            on_pool!(self, p => sqlx::query_as(TERM).bind(id).fetch_optional(p).await?);
        row.map(TermRecord::try_from).transpose()
    }

    pub async fn term_of_indicator(&self, indicator_id: i64) -> Result<Option<i64>, DbError> {
        Ok(
            on_pool!(self, p => sqlx::query_scalar(TERM_OF_INDICATOR).bind(indicator_id).fetch_optional(p).await?),
        )
    }

    /// The counter bumped by every write, and when it last moved.
    pub async fn data_version(&self) -> Result<(i64, String), DbError> {
        Ok(on_pool!(self, p => sqlx::query_as(VERSION).fetch_one(p).await?))
    }

    /// Everything about one term, approved figures only: five queries, whatever its size.
    pub async fn term_data(&self, term_id: i64) -> Result<Option<Arc<TermData>>, DbError> {
        self.term_data_as(term_id, Figures::Approved).await
    }

    /// Everything about one term, with the chosen figures: kept from the last read
    /// while the data version has not moved (one query to check it), else read.
    pub async fn term_data_as(
        &self,
        term_id: i64,
        figures: Figures,
    ) -> Result<Option<Arc<TermData>>, DbError> {
        let (version, _) = self.data_version().await?;
        let slot = self.terms.slot(term_id, figures);
        let mut slot = slot.lock().await;
        if let Some(data) = slot.fresh(version) {
            return Ok(Some(data));
        }
        match self.term_data_filtered(term_id, figures, 0, 0).await? {
            Some(data) => {
                let data = Arc::new(data);
                slot.keep(version, data.clone());
                Ok(Some(data))
            }
            None => {
                slot.forget();
                Ok(None)
            }
        }
    }

    /// The same indicator (same code) as carried into `term_id`, if it is there.
    pub async fn indicator_in_term(
        &self,
        term_id: i64,
        code: &str,
    ) -> Result<Option<i64>, DbError> {
        let sql = "SELECT id FROM indicators WHERE term_id = $1 AND code = $2 AND archived = 0";
        Ok(
            on_pool!(self, p => sqlx::query_scalar(sql).bind(term_id).bind(code).fetch_optional(p).await?),
        )
    }

    /// The indicator's family (see `indicator_family`) in every term that has its
    /// code, in term order: what a comparison across terms needs.
    pub async fn indicator_across_terms(
        &self,
        indicator_id: i64,
    ) -> Result<Vec<TermData>, DbError> {
        let Some(here) = self
            .indicator_family(indicator_id, Figures::Approved)
            .await?
        else {
            return Ok(Vec::new());
        };
        let Some(code) = here
            .indicator(IndicatorId::new(indicator_id))
            .map(|i| i.definition.code.to_string())
        else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        for t in self.terms().await? {
            if t.id == here.term.id {
                out.push(here.clone());
            } else if let Some(other) = self.indicator_in_term(t.id.get(), &code).await?
                && let Some(data) = self.indicator_family(other, Figures::Approved).await?
            {
                out.push(data);
            }
        }
        Ok(out)
    }

    /// One indicator with its parent and its breakdown, and the term around them:
    /// what an indicator page needs, without loading the whole term.
    pub async fn indicator_family(
        &self,
        indicator_id: i64,
        figures: Figures,
    ) -> Result<Option<TermData>, DbError> {
        let row: Option<(i64, Option<i64>)> = on_pool!(self, p => sqlx::query_as(
            "SELECT term_id, parent_id FROM indicators WHERE id = $1 AND archived = 0",
        ).bind(indicator_id).fetch_optional(p).await?);
        let Some((term_id, parent)) = row else {
            return Ok(None);
        };
        self.term_data_filtered(term_id, figures, indicator_id, parent.unwrap_or(0))
            .await
    }

    /// `focus` 0 loads every indicator; otherwise only `focus`, its children and `also`.
    async fn term_data_filtered(
        &self,
        term_id: i64,
        figures: Figures,
        focus: i64,
        also: i64,
    ) -> Result<Option<TermData>, DbError> {
        let values_sql = match figures {
            Figures::Approved => APPROVED_VALUES,
            Figures::Working => WORKING_VALUES,
        };
        let Some(term) = self.term(term_id).await? else {
            return Ok(None);
        };
        // Five statements in one dispatch: on_pool! counted one.
        self.count_queries(4);
        let (groups, indicators, targets, values, version): TermRows = on_pool!(self, p => (
            sqlx::query_as(GROUPS).fetch_all(p).await?,
            sqlx::query_as(INDICATORS).bind(term_id).bind(focus).bind(also).fetch_all(p).await?,
            sqlx::query_as(TARGETS).bind(term_id).bind(focus).bind(also).fetch_all(p).await?,
            sqlx::query_as(values_sql).bind(term_id).bind(focus).bind(also).fetch_all(p).await?,
            sqlx::query_as(VERSION).fetch_one(p).await?,
        ));
        let mut targets: HashMap<i64, TargetRow> =
            targets.into_iter().map(|t| (t.indicator_id, t)).collect();
        let mut values_by: HashMap<i64, Vec<ValueRow>> = HashMap::new();
        for v in values {
            values_by.entry(v.indicator_id).or_default().push(v);
        }
        let indicators = indicators
            .into_iter()
            .map(|r| {
                let id = r.id;
                indicator_record(
                    r,
                    targets.remove(&id),
                    values_by.remove(&id).unwrap_or_default(),
                )
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Some(TermData {
            term,
            groups: groups.into_iter().map(GroupRecord::from).collect(),
            indicators,
            data_version: version.0,
            changed_at: timestamp("data changed at", &version.1)?,
        }))
    }

    pub async fn is_empty(&self) -> Result<bool, DbError> {
        let n: i64 = on_pool!(self, p => sqlx::query_scalar("SELECT COUNT(*) FROM terms").fetch_one(p).await?);
        Ok(n == 0)
    }
}
