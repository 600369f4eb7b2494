//! View types of the entry pages: the terms and years to choose from, and one year's
//! form.

use crate::domain::{Qualifier, ValueState};
use crate::present::views::{IndicatorLabel, SourceView, TermLink};
use serde::{Deserialize, Serialize};

/// A term and its plan years, as links to the entry form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntryTermView {
    pub term: TermLink,
    pub years: Vec<i32>,
}

/// One indicator's line in the yearly entry form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntryRowView {
    pub indicator: IndicatorLabel,
    pub unit: String,
    pub is_child: bool,
    /// Last year's figure, written out ("—" when none).
    pub previous: String,
    pub stored: StoredFigure,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntryPageView {
    /// The term and its years, as the tabs above the form.
    pub term: EntryTermView,
    pub year: i32,
    pub locked: bool,
    pub rows: Vec<EntryRowView>,
    /// How many figures of this year wait to be submitted (draft or returned).
    pub unsubmitted: usize,
}

/// This year's stored figure as the form shows it for editing; a year with no figure
/// yet shows empty fields, version 0 and no state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredFigure {
    /// The figure in the Vietnamese input form ("1.234,5").
    pub value: String,
    pub qualifier: Qualifier,
    pub note: Option<String>,
    pub source: SourceView,
    /// The version shown to the clerk; a save with an older one is a conflict.
    pub version: i64,
    pub state: Option<ValueState>,
    pub review_comment: Option<String>,
}
