//! What the repository hands out: stored data as domain types, with provenance.

use super::DbError;
use super::rows::{GroupRow, IndicatorRow, TargetRow, TermRow, ValueRow};
use crate::domain::{
    Direction, Indicator, IndicatorCode, Observation, Period, Qualifier, Target, TargetKind, Term,
    Unit, UnitKind, VnDecimal,
};

#[derive(Debug, Clone)]
pub struct TermRecord {
    pub id: i64,
    pub name: String,
    pub name_en: Option<String>,
    pub term: Term,
}

#[derive(Debug, Clone)]
pub struct GroupRecord {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub name_en: Option<String>,
    /// No longer offered for new indicators; those already in it keep it.
    pub archived: bool,
}

/// Where a figure comes from: the document and the sentence quoted from it.
#[derive(Debug, Clone, Default)]
pub struct SourceRecord {
    pub document: Option<String>,
    pub quote: Option<String>,
}

#[derive(Debug, Clone)]
pub struct TargetRecord {
    pub target: Target,
    pub source: SourceRecord,
}

#[derive(Debug, Clone)]
pub struct ValueRecord {
    pub id: i64,
    pub observation: Observation,
    pub source: SourceRecord,
    pub note: Option<String>,
    pub state: String,
    pub version: i64,
    pub updated_at: String,
    pub review_comment: Option<String>,
    pub updated_by: Option<String>,
}

#[derive(Debug, Clone)]
pub struct IndicatorRecord {
    pub id: i64,
    pub term_id: i64,
    pub group_id: Option<i64>,
    pub parent_id: Option<i64>,
    pub definition: Indicator,
    /// Shown as a headline card on the overview.
    pub headline: bool,
    pub target: Option<TargetRecord>,
    /// Ordered: years ascending, then the whole-term value.
    pub values: Vec<ValueRecord>,
}

impl IndicatorRecord {
    pub fn observations(&self) -> Vec<Observation> {
        self.values.iter().map(|v| v.observation.clone()).collect()
    }
}

/// Everything stored about one term, loaded in a fixed number of queries.
#[derive(Debug, Clone)]
pub struct TermData {
    pub term: TermRecord,
    pub groups: Vec<GroupRecord>,
    /// In display order.
    pub indicators: Vec<IndicatorRecord>,
    pub data_version: i64,
    /// When any figure was last changed (UTC, ISO 8601).
    pub changed_at: String,
}

impl TermData {
    pub fn indicator(&self, id: i64) -> Option<&IndicatorRecord> {
        self.indicators.iter().find(|i| i.id == id)
    }

    pub fn children_of(&self, id: i64) -> impl Iterator<Item = &IndicatorRecord> {
        self.indicators
            .iter()
            .filter(move |i| i.parent_id == Some(id))
    }

    pub fn group(&self, id: Option<i64>) -> Option<&GroupRecord> {
        id.and_then(|id| self.groups.iter().find(|g| g.id == id))
    }
}

fn corrupt(what: &str, value: &str) -> DbError {
    DbError::Corrupt(format!("{what}: {value:?}"))
}

impl TryFrom<TermRow> for TermRecord {
    type Error = DbError;
    fn try_from(r: TermRow) -> Result<Self, DbError> {
        let years = |y: i64| i32::try_from(y).map_err(|_| corrupt("year", &y.to_string()));
        let term = Term::new(years(r.start_year)?, years(r.end_year)?)
            .map_err(|e| corrupt("term", &e.to_string()))?;
        Ok(TermRecord {
            id: r.id,
            name: r.name,
            name_en: r.name_en,
            term,
        })
    }
}

impl From<GroupRow> for GroupRecord {
    fn from(r: GroupRow) -> Self {
        GroupRecord {
            id: r.id,
            code: r.code,
            name: r.name,
            name_en: r.name_en,
            archived: r.archived != 0,
        }
    }
}

pub(super) fn indicator_record(
    r: IndicatorRow,
    target: Option<TargetRow>,
    values: Vec<ValueRow>,
) -> Result<IndicatorRecord, DbError> {
    let kind = UnitKind::parse(&r.unit_kind).ok_or_else(|| corrupt("unit kind", &r.unit_kind))?;
    let direction =
        Direction::parse(&r.direction).ok_or_else(|| corrupt("direction", &r.direction))?;
    let target = target
        .map(|t| -> Result<TargetRecord, DbError> {
            let kind = TargetKind::parse(&t.kind).ok_or_else(|| corrupt("target kind", &t.kind))?;
            let value = VnDecimal::from_canonical(&t.value)
                .map_err(|_| corrupt("target value", &t.value))?;
            Ok(TargetRecord {
                target: Target {
                    kind,
                    value,
                    direction,
                },
                source: SourceRecord {
                    document: t.source_title,
                    quote: t.quote,
                },
            })
        })
        .transpose()?;
    let mut values = values
        .into_iter()
        .map(value_record)
        .collect::<Result<Vec<_>, _>>()?;
    values.sort_by_key(|v| v.observation.period);
    Ok(IndicatorRecord {
        id: r.id,
        term_id: r.term_id,
        group_id: r.group_id,
        parent_id: r.parent_id,
        definition: Indicator {
            code: IndicatorCode::parse(&r.code).map_err(|_| corrupt("indicator code", &r.code))?,
            name: r.name,
            name_en: r.name_en,
            unit: Unit {
                kind,
                label: r.unit,
                label_en: r.unit_en,
            },
            direction,
        },
        headline: r.headline != 0,
        target,
        values,
    })
}

fn value_record(r: ValueRow) -> Result<ValueRecord, DbError> {
    let period = Period::parse(&r.period).ok_or_else(|| corrupt("period", &r.period))?;
    let value = VnDecimal::from_canonical(&r.value).map_err(|_| corrupt("value", &r.value))?;
    let qualifier =
        Qualifier::parse(&r.qualifier).ok_or_else(|| corrupt("qualifier", &r.qualifier))?;
    Ok(ValueRecord {
        id: r.id,
        observation: Observation {
            period,
            value,
            qualifier,
        },
        source: SourceRecord {
            document: r.source_title,
            quote: r.quote,
        },
        note: r.note,
        state: r.state,
        version: r.version,
        updated_at: r.updated_at,
        review_comment: r.review_comment,
        updated_by: r.updated_by,
    })
}
