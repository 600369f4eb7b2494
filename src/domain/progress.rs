//! Progress and status of one indicator in one term, computed from its typed target
//! and its values. Pure: the caller passes the current year, so results are
//! reproducible and testable.

mod rules;

use super::{Direction, Observation, Period, Qualifier, Target, Term, VnDecimal};
use rules::Rules;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Exceeded,
    Achieved,
    OnTrack,
    AtRisk,
    OffTrack,
    NoTarget,
    NoData,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Exceeded,
        Status::Achieved,
        Status::OnTrack,
        Status::AtRisk,
        Status::OffTrack,
        Status::NoTarget,
        Status::NoData,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Status::Exceeded => "exceeded",
            Status::Achieved => "achieved",
            Status::OnTrack => "on_track",
            Status::AtRisk => "at_risk",
            Status::OffTrack => "off_track",
            Status::NoTarget => "no_target",
            Status::NoData => "no_data",
        }
    }
}

/// One fact behind a status, rendered in words by the locale files. Numbers are kept
/// raw so that the renderer can write them with the indicator's unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    /// Compared figure against target: "Kết quả 101 nhiệm vụ so với chỉ tiêu 100 nhiệm vụ".
    Compared {
        actual: VnDecimal,
        target: VnDecimal,
    },
    /// Only a whole-term figure is reported.
    TermFigureOnly,
    YearsReported {
        reported: i32,
        total: i32,
    },
    YearsBelowTarget {
        below: i32,
        reported: i32,
    },
    AllYearsMet {
        reported: i32,
    },
    /// Straight-line projection to the end of the term.
    Projection {
        projected: VnDecimal,
        percent: Option<VnDecimal>,
    },
    /// What each remaining year must bring (or stay under, when lower is better).
    RequiredPace {
        per_year: VnDecimal,
        remaining_years: i32,
    },
    AlreadyReached,
    /// The figure is a lower bound ("trên 140 tỷ đồng").
    LowerBound,
    Approximate,
    ZeroTarget,
    LowerIsBetter,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub status: Status,
    /// The figure compared with the target (term total, latest level, average …).
    pub actual: Option<VnDecimal>,
    pub actual_qualifier: Option<Qualifier>,
    /// Percent of the target achieved, one decimal; none without a usable target.
    pub percent: Option<VnDecimal>,
    pub projection: Option<VnDecimal>,
    pub required_pace: Option<VnDecimal>,
    pub years_reported: i32,
    pub years_total: i32,
    pub reasons: Vec<Reason>,
}

impl Progress {
    /// "k of n years reported": said first of every judgement made on yearly figures.
    fn note_years_reported(&mut self) {
        self.reasons.push(Reason::YearsReported {
            reported: self.years_reported,
            total: self.years_total,
        });
    }
}

/// Computes progress for one indicator in `term`, as of `today_year`.
pub fn evaluate(
    target: Option<&Target>,
    term: &Term,
    values: &[Observation],
    today_year: i32,
) -> Progress {
    let mut yearly: Vec<&Observation> = values
        .iter()
        .filter(|o| matches!(o.period, Period::Year(y) if term.years().contains(&y)))
        .collect();
    yearly.sort_by_key(|o| o.period);
    let term_value = values.iter().find(|o| o.period == Period::Term);
    let mut p = Progress {
        status: Status::NoData,
        actual: None,
        actual_qualifier: None,
        percent: None,
        projection: None,
        required_pace: None,
        years_reported: i32::try_from(yearly.len()).unwrap_or(i32::MAX),
        years_total: term.year_count(),
        reasons: Vec::new(),
    };
    let Some(target) = target else {
        p.status = Status::NoTarget;
        if let Some(latest) = term_value.or(yearly.last().copied()) {
            p.actual = Some(latest.value);
            p.actual_qualifier = Some(latest.qualifier);
        }
        if term_value.is_some() && yearly.is_empty() {
            p.reasons.push(Reason::TermFigureOnly);
        }
        return p;
    };
    if term_value.is_none() && yearly.is_empty() {
        p.note_years_reported();
        return p;
    }
    if target.direction == Direction::LowerIsBetter {
        p.reasons.push(Reason::LowerIsBetter);
    }
    if target.value.is_zero() {
        p.reasons.push(Reason::ZeroTarget);
    }
    let rules = Rules {
        target,
        term,
        today_year,
    };
    match term_value {
        // A whole-term figure is the final word for the term.
        Some(tv) => rules.judge_final(&mut p, tv.value.get(), tv.qualifier, true),
        None => rules.judge_years(&mut p, &yearly),
    }
    p
}

#[cfg(test)]
mod tests;
