//! What the repository hands out: stored data as domain types, with provenance.

use super::DbError;
use super::rows::{GroupRow, IndicatorRow, SourceRow, TargetRow, TermRow, ValueRow};
use crate::clock::Timestamp;
use crate::domain::{
    Direction, Indicator, IndicatorCode, IndicatorId, Observation, Period, Qualifier, Target,
    TargetKind, Term, TermId, Unit, UnitKind, ValueState, VnDecimal,
};

#[derive(Debug, Clone)]
pub struct TermRecord {
    pub id: TermId,
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
    pub state: ValueState,
    pub version: i64,
    pub updated_at: Timestamp,
    pub review_comment: Option<String>,
    pub updated_by: Option<String>,
}

#[derive(Debug, Clone)]
pub struct IndicatorRecord {
    pub id: IndicatorId,
    pub term_id: TermId,
    pub group_id: Option<i64>,
    pub parent_id: Option<IndicatorId>,
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
    /// When any figure was last changed.
    pub changed_at: Timestamp,
}

impl TermData {
    pub fn indicator(&self, id: IndicatorId) -> Option<&IndicatorRecord> {
        self.indicators.iter().find(|i| i.id == id)
    }

    pub fn children_of(&self, id: IndicatorId) -> impl Iterator<Item = &IndicatorRecord> {
        self.indicators
            .iter()
            .filter(move |i| i.parent_id == Some(id))
    }

    pub fn group(&self, id: Option<i64>) -> Option<&GroupRecord> {
        id.and_then(|id| self.groups.iter().find(|g| g.id == id))
    }
}

pub(super) fn corrupt(what: &str, value: &str) -> DbError {
    DbError::Corrupt(format!("{what}: {value:?}"))
}

/// A stored word read as the domain type it names, once, here: an unknown word is
/// corrupt data, never passed on as text.
pub(super) fn typed<T>(
    what: &str,
    text: &str,
    parse: impl FnOnce(&str) -> Option<T>,
) -> Result<T, DbError> {
    parse(text).ok_or_else(|| corrupt(what, text))
}

/// A stored timestamp (see `clock`).
pub(super) fn timestamp(what: &str, text: &str) -> Result<Timestamp, DbError> {
    typed(what, text, crate::clock::parse_stored)
}

impl TryFrom<TermRow> for TermRecord {
    type Error = DbError;
    fn try_from(r: TermRow) -> Result<Self, DbError> {
        let years = |y: i64| i32::try_from(y).map_err(|_| corrupt("year", &y.to_string()));
        let term = Term::new(years(r.start_year)?, years(r.end_year)?)
            .map_err(|e| corrupt("term", &e.to_string()))?;
        Ok(TermRecord {
            id: TermId::new(r.id),
            name: r.name,
            name_en: r.name_en,
            term,
        })
    }
}

impl From<SourceRow> for SourceRecord {
    fn from(r: SourceRow) -> Self {
        SourceRecord {
            document: r.source_title,
            quote: r.quote,
        }
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
    let kind = typed("unit kind", &r.unit_kind, UnitKind::parse)?;
    let direction = typed("direction", &r.direction, Direction::parse)?;
    let target = target
        .map(|t| -> Result<TargetRecord, DbError> {
            let kind = typed("target kind", &t.kind, TargetKind::parse)?;
            let value = VnDecimal::from_canonical(&t.value)
                .map_err(|_| corrupt("target value", &t.value))?;
            Ok(TargetRecord {
                target: Target {
                    kind,
                    value,
                    direction,
                },
                source: t.source.into(),
            })
        })
        .transpose()?;
    let mut values = values
        .into_iter()
        .map(value_record)
        .collect::<Result<Vec<_>, _>>()?;
    values.sort_by_key(|v| v.observation.period);
    Ok(IndicatorRecord {
        id: IndicatorId::new(r.id),
        term_id: TermId::new(r.term_id),
        group_id: r.group_id,
        parent_id: r.parent_id.map(IndicatorId::new),
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
    let period = typed("period", &r.period, Period::parse)?;
    let value = VnDecimal::from_canonical(&r.value).map_err(|_| corrupt("value", &r.value))?;
    let qualifier = typed("qualifier", &r.qualifier, Qualifier::parse)?;
    Ok(ValueRecord {
        id: r.id,
        observation: Observation {
            period,
            value,
            qualifier,
        },
        source: r.source.into(),
        note: r.note,
        state: typed("value state", &r.state, ValueState::parse)?,
        version: r.version,
        updated_at: timestamp("updated at", &r.updated_at)?,
        review_comment: r.review_comment,
        updated_by: r.updated_by,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One stored indicator with a target and a figure, as the SQL returns them.
    struct Rows {
        indicator: IndicatorRow,
        target: TargetRow,
        value: ValueRow,
    }

    fn no_source() -> SourceRow {
        SourceRow {
            source_title: None,
            quote: None,
        }
    }

    fn rows() -> Rows {
        Rows {
            indicator: IndicatorRow {
                id: 7,
                term_id: 2,
                group_id: None,
                parent_id: Some(6),
                code: "NV-01".into(),
                name: "Nhiệm vụ".into(),
                name_en: None,
                unit_kind: "count".into(),
                unit: "nhiệm vụ".into(),
                unit_en: None,
                direction: "higher_is_better".into(),
                headline: 0,
            },
            target: TargetRow {
                indicator_id: 7,
                kind: "cumulative".into(),
                value: "100".into(),
                source: no_source(),
            },
            value: ValueRow {
                id: 1,
                indicator_id: 7,
                period: "2021".into(),
                value: "12.5".into(),
                qualifier: "exact".into(),
                source: no_source(),
                note: None,
                state: "submitted".into(),
                version: 3,
                updated_at: "2026-11-26T14:05:09Z".into(),
                review_comment: None,
                updated_by: None,
            },
        }
    }

    fn read(r: Rows) -> Result<IndicatorRecord, DbError> {
        indicator_record(r.indicator, Some(r.target), vec![r.value])
    }

    #[test]
    fn stored_words_and_timestamps_are_read_once_into_domain_types() {
        let record = read(rows()).expect("a well-formed row");
        assert_eq!(record.id, IndicatorId::new(7));
        assert_eq!(record.term_id, TermId::new(2));
        assert_eq!(record.parent_id, Some(IndicatorId::new(6)));
        let value = &record.values[0];
        assert_eq!(value.state, ValueState::Submitted);
        assert_eq!(
            crate::clock::stored(value.updated_at),
            "2026-11-26T14:05:09Z"
        );
        let target = record.target.expect("a target");
        assert_eq!(target.target.kind, TargetKind::Cumulative);
    }

    #[test]
    fn a_stored_word_or_timestamp_the_domain_does_not_know_is_refused_as_corrupt_data() {
        type Spoil = fn(&mut Rows);
        let cases: &[(&str, &str, Spoil)] = &[
            ("value state", "published", |r| {
                r.value.state = "published".into()
            }),
            ("value state", "Draft", |r| r.value.state = "Draft".into()),
            ("value state", "", |r| r.value.state = String::new()),
            ("qualifier", "roughly", |r| {
                r.value.qualifier = "roughly".into()
            }),
            ("period", "2021-22", |r| r.value.period = "2021-22".into()),
            ("updated at", "yesterday", |r| {
                r.value.updated_at = "yesterday".into()
            }),
            ("updated at", "2026-11-26 14:05:09", |r| {
                r.value.updated_at = "2026-11-26 14:05:09".into()
            }),
            ("unit kind", "kilograms", |r| {
                r.indicator.unit_kind = "kilograms".into()
            }),
            ("direction", "up", |r| r.indicator.direction = "up".into()),
            ("target kind", "someday", |r| {
                r.target.kind = "someday".into()
            }),
        ];
        for (what, text, spoil) in cases {
            let mut r = rows();
            spoil(&mut r);
            match read(r) {
                Err(DbError::Corrupt(message)) => {
                    assert_eq!(message, format!("{what}: {text:?}"), "{what} {text:?}");
                }
                other => panic!("{what} {text:?} was not refused: {other:?}"),
            }
        }
    }
}
