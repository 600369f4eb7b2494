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
    /// The stored figure in the Vietnamese input form ("1.234,5"), empty when none.
    pub value: String,
    pub qualifier: Qualifier,
    pub note: String,
    /// The stored figure's source, as the form's details show it.
    pub source: SourceView,
    /// The version shown to the clerk; a save with an older one is a conflict.
    pub version: i64,
    /// None when the year has no figure yet.
    pub state: Option<ValueState>,
    pub review_comment: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntryPageView {
    pub term: TermLink,
    pub year: i32,
    pub years: Vec<i32>,
    pub locked: bool,
    pub rows: Vec<EntryRowView>,
    /// How many figures of this year wait to be submitted (draft or returned).
    pub unsubmitted: usize,
}
