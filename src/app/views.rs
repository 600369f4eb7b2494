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
    pub svg: String,
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
