//! The JSON shapes of the read API: the stable contract other tools rely on.
//! Numbers are decimal strings ("12.5") so that no client rounds them. Ids are plain
//! numbers; a review state or a timestamp is held typed and written as the word or
//! the text the database stores (`clock::json`), so the wire format is the stored one.

use crate::clock::Timestamp;
use crate::db::{IndicatorRecord, TermData, TermRecord, ValueRecord};
use crate::domain::{Progress, ValueState};
use crate::i18n::{Explainer, Locale};
use crate::present::progress_of;
use serde::Serialize;
use utoipa::ToSchema;

/// A term of office (nhiệm kỳ), e.g. 2020–2025.
#[derive(Serialize, ToSchema)]
pub struct TermJson {
    pub id: i64,
    pub name: String,
    pub name_en: Option<String>,
    pub start_year: i32,
    pub end_year: i32,
}

impl From<&TermRecord> for TermJson {
    fn from(t: &TermRecord) -> Self {
        TermJson {
            id: t.id.get(),
            name: t.name.clone(),
            name_en: t.name_en.clone(),
            start_year: t.term.start_year(),
            end_year: t.term.end_year(),
        }
    }
}

/// Where a figure comes from: the document and the sentence quoted from it.
#[derive(Serialize, ToSchema)]
pub struct SourceJson {
    pub document: Option<String>,
    pub quote: Option<String>,
}

/// The target of an indicator for the term.
#[derive(Serialize, ToSchema)]
pub struct TargetJson {
    /// `each_year`, `cumulative`, `end_of_term` or `average`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// A decimal string, e.g. "12.5".
    pub value: String,
    /// `higher_is_better` or `lower_is_better`.
    pub direction: &'static str,
    pub text: String,
    pub source: SourceJson,
}

/// One reported figure of an indicator.
#[derive(Serialize, ToSchema)]
pub struct ValueJson {
    /// A year such as "2021", or "term" for the whole term.
    pub period: String,
    /// A decimal string, e.g. "12.5".
    pub value: String,
    /// `exact`, `more_than`, `about` or `at_least`.
    pub qualifier: &'static str,
    pub text: String,
    pub source: SourceJson,
    // Last, so that the answer's keys keep their order; in the OpenAPI document
    // the two parts are an `allOf`.
    #[serde(flatten)]
    #[schema(inline)]
    pub revision: RevisionJson,
}

/// Where a stored figure stands: its note, review state, version and last change.
#[derive(Serialize, ToSchema)]
pub struct RevisionJson {
    pub note: Option<String>,
    /// `draft`, `submitted`, `approved` or `returned`.
    #[schema(value_type = String)]
    pub state: ValueState,
    /// Grows by one with each change; send it back as `expected_version`.
    pub version: i64,
    #[serde(serialize_with = "crate::clock::json::seconds")]
    #[schema(value_type = String)]
    pub updated_at: Timestamp,
}

impl From<&ValueRecord> for RevisionJson {
    fn from(v: &ValueRecord) -> Self {
        RevisionJson {
            note: v.note.clone(),
            state: v.state,
            version: v.version,
            updated_at: v.updated_at,
        }
    }
}

/// Progress towards the target; numbers are decimal strings.
#[derive(Serialize, ToSchema)]
pub struct ProgressJson {
    pub actual: Option<String>,
    pub percent: Option<String>,
    pub projection: Option<String>,
    pub required_pace: Option<String>,
    pub years_reported: i32,
    pub years_total: i32,
    pub status_label: &'static str,
    pub rule: &'static str,
    pub explanation: Vec<String>,
}

/// An indicator of a term with its target, figures and progress.
#[derive(Serialize, ToSchema)]
pub struct IndicatorJson {
    pub id: i64,
    pub term_id: i64,
    pub code: String,
    pub name: String,
    pub name_en: Option<String>,
    pub group: Option<String>,
    pub unit: String,
    /// `count`, `money`, `percent` or `percent_per_year`.
    pub unit_kind: &'static str,
    pub parent_id: Option<i64>,
    pub target: Option<TargetJson>,
    pub values: Vec<ValueJson>,
    pub progress: ProgressJson,
    /// `exceeded`, `achieved`, `on_track`, `at_risk`, `off_track`, `no_target` or `no_data`.
    pub status: &'static str,
}

/// The stored working copy of one figure, as the write API answers.
#[derive(Serialize, ToSchema)]
pub struct StoredValueJson {
    pub indicator_id: i64,
    /// A year such as "2021", or "term".
    pub period: String,
    /// A decimal string, e.g. "12.5".
    pub value: String,
    /// `exact`, `more_than`, `about` or `at_least`.
    pub qualifier: &'static str,
    // Last, so that the answer's keys keep their order; in the OpenAPI document
    // the two parts are an `allOf`.
    #[serde(flatten)]
    #[schema(inline)]
    pub revision: RevisionJson,
}

pub fn indicator_json(data: &TermData, i: &IndicatorRecord, today: i32) -> IndicatorJson {
    let locale = Locale::Vi;
    let ex = Explainer {
        locale,
        unit: &i.definition.unit,
    };
    let p: Progress = progress_of(i, &data.term.term, today);
    IndicatorJson {
        id: i.id.get(),
        term_id: i.term_id.get(),
        code: i.definition.code.to_string(),
        name: i.definition.name.clone(),
        name_en: i.definition.name_en.clone(),
        group: data.group(i.group_id).map(|g| g.code.clone()),
        unit: i.definition.unit.label.clone(),
        unit_kind: i.definition.unit.kind.key(),
        parent_id: i.parent_id.map(i64::from),
        target: i.target.as_ref().map(|t| TargetJson {
            kind: t.target.kind.key(),
            value: t.target.value.canonical(),
            direction: t.target.direction.key(),
            text: ex.target(&t.target),
            source: SourceJson {
                document: t.source.document.clone(),
                quote: t.source.quote.clone(),
            },
        }),
        values: i
            .values
            .iter()
            .map(|v| ValueJson {
                period: v.observation.period.key(),
                value: v.observation.value.canonical(),
                qualifier: v.observation.qualifier.key(),
                text: ex.figure(v.observation.value, v.observation.qualifier),
                source: SourceJson {
                    document: v.source.document.clone(),
                    quote: v.source.quote.clone(),
                },
                revision: v.into(),
            })
            .collect(),
        progress: ProgressJson {
            actual: p.actual.map(|v| v.canonical()),
            percent: p.percent.map(|v| v.canonical()),
            projection: p.projection.map(|v| v.canonical()),
            required_pace: p.required_pace.map(|v| v.canonical()),
            years_reported: p.years_reported,
            years_total: p.years_total,
            status_label: locale.status(p.status),
            rule: locale.rule(p.status),
            explanation: ex.reasons(&p),
        },
        status: p.status.key(),
    }
}
