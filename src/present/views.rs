//! View types: what a page shows, already in the reader's language. Built on the
//! server from stored data (see `build`), sent to the page as plain data.

use crate::domain::Status;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermLink {
    pub id: i64,
    pub name: String,
    /// "2015–2020".
    pub span: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusCount {
    pub status: Status,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermSummary {
    pub term: TermLink,
    /// The plan years of the term.
    pub years: Vec<i32>,
    pub indicators: usize,
    pub with_values: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureCard {
    pub indicator_id: i64,
    pub name: String,
    /// "101 nhiệm vụ", "trên 140 tỷ đồng".
    pub figure: String,
    pub status: Status,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HomeView {
    pub terms: Vec<TermSummary>,
    pub latest: Option<LatestTermView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LatestTermView {
    pub term: TermLink,
    pub cards: Vec<FigureCard>,
    pub status_counts: Vec<StatusCount>,
}

/// A chart with its text alternative: the data table shown beside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartView {
    pub title: String,
    /// Drawn 900 px wide, scaled to the page's width.
    pub svg: String,
    /// The same chart drawn 360 px wide, labels above the bars, shown instead on a phone.
    pub svg_phone: Option<String>,
    pub table: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorRowView {
    pub id: i64,
    pub code: String,
    pub name: String,
    /// Breakdown rows (children) are indented under their parent.
    pub is_child: bool,
    pub target: String,
    pub result: String,
    pub percent: String,
    pub status: Status,
    /// Shown only with drafts: the review state of a figure not yet approved.
    pub state: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupView {
    pub name: String,
    pub rows: Vec<IndicatorRowView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermPageView {
    pub term: TermLink,
    pub years: String,
    pub groups: Vec<GroupView>,
    pub status_counts: Vec<StatusCount>,
    pub chart: Option<ChartView>,
    pub changed: String,
    pub locked: bool,
    /// Drafts and submitted figures are shown (signed-in staff asked for them).
    pub drafts: bool,
    /// This page of the indicator table (1-based) and how many there are.
    pub page: usize,
    pub pages: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceView {
    pub document: Option<String>,
    pub quote: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValueRowView {
    pub period: String,
    pub figure: String,
    pub source: SourceView,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorPageView {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub term: TermLink,
    pub group: Option<String>,
    pub parent: Option<(i64, String)>,
    pub unit: String,
    pub target: String,
    pub target_source: Option<SourceView>,
    pub result: String,
    pub percent: String,
    pub status: Status,
    pub reasons: Vec<String>,
    pub values: Vec<ValueRowView>,
    pub chart: Option<ChartView>,
    pub breakdown: Option<ChartView>,
    /// The same indicator in other terms, by year of term; None if in one term only.
    pub compare: Option<ChartView>,
    pub children: Vec<IndicatorRowView>,
    pub changed: String,
}

/// One indicator's line in the yearly entry form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntryRowView {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub unit: String,
    pub is_child: bool,
    /// Last year's figure, written out ("—" when none).
    pub previous: String,
    /// The stored figure in the Vietnamese input form ("1.234,5"), empty when none.
    pub value: String,
    pub qualifier: String,
    pub note: String,
    pub document: String,
    pub quote: String,
    /// The version shown to the clerk; a save with an older one is a conflict.
    pub version: i64,
    /// "draft", "submitted", "approved", "returned", or none.
    pub state: Option<String>,
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

/// A submitted figure waiting for an approver.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewItemView {
    pub indicator_id: i64,
    pub code: String,
    pub name: String,
    pub term: TermLink,
    pub period: String,
    pub period_label: String,
    pub figure: String,
    pub previous_approved: String,
    pub note: Option<String>,
    pub by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserRowView {
    pub username: String,
    pub role: String,
    pub disabled: bool,
}

/// Whose history: an indicator's (its figures, definition, target) or a term's own
/// (locks, corrections, archiving).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum HistoryOf {
    Indicator(i64),
    Term(i64),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryRowView {
    pub at: String,
    pub who: String,
    pub action: String,
    pub period: String,
    pub change: String,
    pub note: Option<String>,
}

/// One row of an upload, checked, shown before the clerk confirms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRowView {
    pub line: usize,
    pub code: String,
    pub name: String,
    /// As it will be stored (canonical "1234.5"), carried by the confirm form.
    pub value: String,
    /// Written out for the clerk ("1.234,5 tỷ đồng").
    pub figure: String,
    pub qualifier: String,
    pub note: String,
    pub document: String,
    pub quote: String,
    /// The version of the stored figure the row replaces (0: none), carried by the
    /// confirm form so that a figure changed since is a conflict.
    pub version: i64,
}

/// What an upload produced: rows to confirm, or the problems to fix.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ImportOutcome {
    pub file_name: String,
    pub rows: Vec<ImportRowView>,
    pub message: Option<String>,
    pub problems: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminTermRow {
    pub id: i64,
    pub name: String,
    pub span: String,
    pub archived: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminIndicatorRow {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub unit: String,
    pub target: String,
    pub is_child: bool,
}

/// The terms and the groups, for the admin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminTermsView {
    pub terms: Vec<AdminTermRow>,
    pub groups: Vec<AdminGroupRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminGroupRow {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub name_en: String,
    pub archived: bool,
}

/// A term's name and years as stored, for the correction form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermEditView {
    pub name: String,
    pub name_en: String,
    pub start_year: i32,
    pub end_year: i32,
}

/// A term's definitions, for the admin.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminTermView {
    pub term: TermLink,
    pub edit: TermEditView,
    /// (id, "code name") of the archived indicators, to restore.
    pub archived: Vec<(i64, String)>,
    pub indicators: Vec<AdminIndicatorRow>,
    /// (id, "code name") of the groups and of the possible parents.
    pub groups: Vec<(i64, String)>,
    pub parents: Vec<(i64, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetHistoryView {
    pub text: String,
    pub recorded: String,
    pub superseded: Option<String>,
    pub quote: Option<String>,
}

/// One indicator's definition and targets, for the admin's edit page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminIndicatorView {
    pub id: i64,
    pub term: TermLink,
    pub code: String,
    pub name: String,
    pub name_en: String,
    pub unit: String,
    pub unit_en: String,
    pub unit_kind: String,
    pub direction: String,
    pub group_id: Option<i64>,
    pub parent_id: Option<i64>,
    pub groups: Vec<(i64, String)>,
    pub parents: Vec<(i64, String)>,
    pub target_kind: String,
    pub target_value: String,
    /// The current target's quote, so that saving the form again keeps it.
    pub target_quote: String,
    pub targets: Vec<TargetHistoryView>,
}
