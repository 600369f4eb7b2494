//! View types of the review page.

use crate::domain::{IndicatorId, Period};
use crate::present::views::{IndicatorLabel, TermLink};
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
    pub previous_approved: String,
    pub note: Option<String>,
    pub by: Option<String>,
    /// The figure came back after a return: who returned it, when, and why.
    pub earlier_return: Option<EarlierReturn>,
}

/// An approver's earlier return of a figure, shown when the figure comes back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlierReturn {
    pub by: String,
    /// The day, written for the reader.
    pub when: String,
    pub comment: String,
}
