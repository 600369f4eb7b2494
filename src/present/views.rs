//! View types that several pages share (a term link, indicator rows, charts, the
//! change history), already in the reader's language. Built on the server from stored
//! data by `present`, sent to the page as plain data; a type only one feature shows
//! lives in that feature's `view.rs`. Words with a fixed set of values (a review
//! state, a role, a kind) stay typed here and are put into words by the page.

use crate::domain::{IndicatorId, Status, TermId, ValueState};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermLink {
    pub id: TermId,
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
    pub indicator_id: IndicatorId,
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

/// An indicator as every page names it: its code, its name in the reader's language,
/// and its id for the link to its page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorLabel {
    pub id: IndicatorId,
    pub code: String,
    pub name: String,
}

/// Where an indicator stands, written out: the same four columns in the term's table,
/// on the indicator's page and in the meeting pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressView {
    pub target: String,
    /// The figure compared with the target ("—" when none).
    pub result: String,
    pub percent: String,
    pub status: Status,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorRowView {
    pub indicator: IndicatorLabel,
    /// Breakdown rows (children) are indented under their parent.
    pub is_child: bool,
    pub progress: ProgressView,
    /// Shown only with drafts: the review state of a figure not yet approved.
    pub state: Option<ValueState>,
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
    pub table: TablePage,
    pub status_counts: Vec<StatusCount>,
    pub changed: String,
    pub locked: bool,
    /// Drafts and submitted figures are shown (signed-in staff asked for them).
    pub drafts: bool,
}

/// One page of a term's indicator table: its groups of rows, the overview chart of
/// the same indicators, which page it is (1-based) and how many there are, for the
/// links between them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TablePage {
    pub groups: Vec<GroupView>,
    pub chart: Option<ChartView>,
    pub page: usize,
    pub pages: usize,
}

/// Where a figure or a target comes from: the document and the sentence quoted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
    pub indicator: IndicatorLabel,
    pub place: IndicatorPlace,
    pub unit: String,
    pub progress: ProgressView,
    pub why: StatusWhy,
    pub values: ValuesView,
    pub charts: IndicatorCharts,
    pub children: Vec<IndicatorRowView>,
}

/// Where an indicator sits, as its page's breadcrumb says: its term, its group and
/// the indicator it breaks down.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorPlace {
    pub term: TermLink,
    pub group: Option<String>,
    pub parent: Option<IndicatorLabel>,
}

/// Why the status is what it is: the rule and the facts behind it, and where the
/// target comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusWhy {
    pub reasons: Vec<String>,
    pub target_source: Option<SourceView>,
}

/// An indicator's figures by period, and when the term's figures last changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValuesView {
    pub rows: Vec<ValueRowView>,
    pub changed: String,
}

/// The charts of an indicator's page, each left out when there is nothing to draw.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorCharts {
    /// Its figures by period.
    pub figures: Option<ChartView>,
    /// Its children side by side (a parent only).
    pub breakdown: Option<ChartView>,
    /// The same indicator in other terms, by year of term; None if in one term only.
    pub compare: Option<ChartView>,
}

/// Whose history: an indicator's (its figures, definition, target) or a term's own
/// (locks, corrections, archiving).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum HistoryOf {
    Indicator(IndicatorId),
    Term(TermId),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryRowView {
    /// When, written out for people at the edge ("2026-11-26 14:05:09.123", UTC).
    pub at: String,
    pub who: String,
    pub action: String,
    pub period: String,
    pub change: String,
    pub note: Option<String>,
}
