//! View types of the review page.

use crate::domain::{IndicatorId, Period};
use crate::present::views::{IndicatorLabel, SourceView, TermLink};
use serde::{Deserialize, Serialize};

/// The page anchor of a figure's review card ("card-12-2021"): where the page goes
/// back to after a decision, and the key of a refusal shown beside the card.
pub fn card_id(indicator: IndicatorId, period: Period) -> String {
    format!("card-{indicator}-{}", period.key())
}

/// Reads a card anchor back, exactly as [`card_id`] writes it.
pub fn parse_card(text: &str) -> Option<(IndicatorId, Period)> {
    let (id, period) = text.strip_prefix("card-")?.split_once('-')?;
    let (id, period) = (IndicatorId::parse(id)?, Period::parse(period)?);
    (card_id(id, period) == text).then_some((id, period))
}

/// A submitted figure waiting for an approver.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewItemView {
    pub indicator: IndicatorLabel,
    pub term: TermLink,
    pub period: Period,
    pub period_label: String,
    pub figure: String,
    /// The target of the indicator, written out ("đạt 70%"); None without one.
    pub target: Option<String>,
    pub source: SourceView,
    /// What the figure is compared with: the approved figure it replaces, else the
    /// approved figure of the year before.
    pub compared: Option<Comparison>,
    pub note: Option<String>,
    pub by: Option<String>,
    /// The figure came back after a return: who returned it, when, and why.
    pub earlier_return: Option<EarlierReturn>,
    /// The indicator's group, for the filter.
    pub group: Option<i64>,
}

/// An approved figure beside the submitted one, and the change between them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    /// "Số đã duyệt" or "Năm 2020", with the figure: "Năm 2020: 12 nhiệm vụ".
    pub text: String,
    /// "+8,3%", None when the earlier figure is zero.
    pub change: Option<String>,
}

/// The review page: the cards the filter lets through, and the filter's choices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewPageView {
    pub items: Vec<ReviewItemView>,
    /// How many figures wait in all, before the filter.
    pub waiting: usize,
    pub terms: Vec<TermLink>,
    pub years: Vec<i32>,
    pub groups: Vec<(i64, String)>,
    pub filter: ReviewFilter,
}

/// Which cards the approver asked to see (`/review?term=1&year=2021&group=3`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewFilter {
    pub term: Option<crate::domain::TermId>,
    pub year: Option<i32>,
    pub group: Option<i64>,
}

impl ReviewFilter {
    pub fn admits(&self, item: &ReviewItemView) -> bool {
        self.term.is_none_or(|t| item.term.id == t)
            && self.year.is_none_or(|y| item.period == Period::Year(y))
            && self.group.is_none_or(|g| item.group == Some(g))
    }
}

/// An approver's earlier return of a figure, shown when the figure comes back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlierReturn {
    pub by: String,
    /// The day, written for the reader.
    pub when: String,
    pub comment: String,
}
