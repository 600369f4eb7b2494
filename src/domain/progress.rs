//! Progress and status of one indicator in one term, computed from its typed target
//! and its values. Pure: the caller passes the current year, so results are
//! reproducible and testable.

use super::{Direction, Observation, Period, Qualifier, Target, TargetKind, Term, VnDecimal};
use rust_decimal::Decimal;
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

/// Share of the target below which a projection counts as off track rather than at risk.
const AT_RISK_FLOOR_PERCENT: i64 = 90;

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
        p.reasons.push(Reason::YearsReported {
            reported: 0,
            total: p.years_total,
        });
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
        None => match target.kind {
            TargetKind::Cumulative => rules.cumulative(&mut p, &yearly),
            TargetKind::EachYear => rules.each_year(&mut p, &yearly),
            TargetKind::EndOfTerm => rules.end_of_term(&mut p, &yearly),
            TargetKind::Average => rules.average(&mut p, &yearly),
        },
    }
    p
}

struct Rules<'a> {
    target: &'a Target,
    term: &'a Term,
    today_year: i32,
}

impl Rules<'_> {
    fn goal(&self) -> Decimal {
        self.target.value.get()
    }

    /// `a` at least as good as `b`, in the target's direction.
    fn meets(&self, a: Decimal, b: Decimal) -> bool {
        match self.target.direction {
            Direction::HigherIsBetter => a >= b,
            Direction::LowerIsBetter => a <= b,
        }
    }

    fn percent_of_goal(&self, actual: Decimal) -> Option<VnDecimal> {
        let goal = self.goal();
        let ratio = match self.target.direction {
            Direction::HigherIsBetter if !goal.is_zero() => actual.checked_div(goal)?,
            Direction::LowerIsBetter if !actual.is_zero() => goal.checked_div(actual)?,
            _ => return None,
        };
        Some(VnDecimal::from_decimal(ratio * Decimal::ONE_HUNDRED).round(1))
    }

    /// Status of a finished figure: better than, equal to, or short of the target.
    fn judge_final(
        &self,
        p: &mut Progress,
        actual: Decimal,
        qualifier: Qualifier,
        term_figure: bool,
    ) {
        p.actual = Some(VnDecimal::from_decimal(actual));
        p.actual_qualifier = Some(qualifier);
        p.percent = self.percent_of_goal(actual);
        if term_figure {
            p.reasons.push(Reason::TermFigureOnly);
        }
        p.reasons.push(Reason::Compared {
            actual: VnDecimal::from_decimal(actual),
            target: self.target.value,
        });
        self.note_qualifier(p, qualifier);
        let goal = self.goal();
        // "trên X" means the true figure is strictly beyond X: at the goal exactly, it
        // beats a higher-is-better target and misses a lower-is-better one.
        let beyond_written = qualifier == Qualifier::MoreThan;
        p.status = if actual == goal && !beyond_written {
            Status::Achieved
        } else if actual == goal {
            match self.target.direction {
                Direction::HigherIsBetter => Status::Exceeded,
                Direction::LowerIsBetter => Status::OffTrack,
            }
        } else if self.meets(actual, goal) {
            Status::Exceeded
        } else {
            Status::OffTrack
        };
    }

    fn note_qualifier(&self, p: &mut Progress, qualifier: Qualifier) {
        if qualifier.is_lower_bound() {
            p.reasons.push(Reason::LowerBound);
        }
        if qualifier == Qualifier::About {
            p.reasons.push(Reason::Approximate);
        }
    }

    /// While the term runs: on track when the projection meets the target, at risk
    /// when it reaches at least 90% of it, otherwise off track.
    fn judge_projection(&self, p: &mut Progress, projected: Decimal) {
        p.projection = Some(VnDecimal::from_decimal(projected).round(2));
        let percent = self.percent_of_goal(projected);
        p.reasons.push(Reason::Projection {
            projected: VnDecimal::from_decimal(projected).round(2),
            percent,
        });
        p.status = if self.meets(projected, self.goal()) {
            Status::OnTrack
        } else if percent.is_some_and(|pc| pc.get() >= Decimal::from(AT_RISK_FLOOR_PERCENT)) {
            Status::AtRisk
        } else {
            Status::OffTrack
        };
    }

    fn finished(&self, reported: i32) -> bool {
        self.term.is_over(self.today_year) || reported >= self.term.year_count()
    }

    fn cumulative(&self, p: &mut Progress, yearly: &[&Observation]) {
        let k = p.years_reported;
        let n = p.years_total;
        let sum: Decimal = yearly.iter().map(|o| o.value.get()).sum();
        p.reasons.push(Reason::YearsReported {
            reported: k,
            total: n,
        });
        if self.finished(k) {
            self.judge_final(p, sum, worst_qualifier(yearly), false);
            return;
        }
        p.actual = Some(VnDecimal::from_decimal(sum));
        p.actual_qualifier = Some(worst_qualifier(yearly));
        p.percent = self.percent_of_goal(sum);
        let remaining = n - k;
        let pace = sum / Decimal::from(k.max(1));
        self.judge_projection(p, sum + pace * Decimal::from(remaining));
        self.push_required(p, (self.goal() - sum) / Decimal::from(remaining), remaining);
    }

    fn each_year(&self, p: &mut Progress, yearly: &[&Observation]) {
        let k = p.years_reported;
        let goal = self.goal();
        let below = i32::try_from(
            yearly
                .iter()
                .filter(|o| !self.meets(o.value.get(), goal))
                .count(),
        )
        .unwrap_or(0);
        let latest = yearly.last().map(|o| o.value.get()).unwrap_or_default();
        p.actual = Some(VnDecimal::from_decimal(latest));
        p.actual_qualifier = yearly.last().map(|o| o.qualifier);
        p.percent = self.percent_of_goal(latest);
        p.reasons.push(Reason::YearsReported {
            reported: k,
            total: p.years_total,
        });
        if below == 0 {
            p.reasons.push(Reason::AllYearsMet { reported: k });
        } else {
            p.reasons
                .push(Reason::YearsBelowTarget { below, reported: k });
        }
        let all_beyond = yearly.iter().all(|o| o.value.get() != goal);
        p.status = match (self.finished(k), below) {
            (true, 0) if all_beyond && !goal.is_zero() => Status::Exceeded,
            (true, 0) => Status::Achieved,
            (true, _) => Status::OffTrack,
            (false, 0) => Status::OnTrack,
            (false, b) if b * 2 < k => Status::AtRisk,
            (false, _) => Status::OffTrack,
        };
        if !self.finished(k) {
            self.push_required(p, goal, p.years_total - k);
        }
    }

    fn end_of_term(&self, p: &mut Progress, yearly: &[&Observation]) {
        let k = p.years_reported;
        let (Some(first), Some(last)) = (yearly.first(), yearly.last()) else {
            return;
        };
        p.reasons.push(Reason::YearsReported {
            reported: k,
            total: p.years_total,
        });
        let last_year = year_of(last);
        if self.finished(k) || last_year >= self.term.end_year() {
            self.judge_final(p, last.value.get(), last.qualifier, false);
            return;
        }
        p.actual = Some(last.value);
        p.actual_qualifier = Some(last.qualifier);
        p.percent = self.percent_of_goal(last.value.get());
        let years_left = self.term.end_year() - last_year;
        let span = last_year - year_of(first);
        let slope = if span > 0 {
            (last.value.get() - first.value.get()) / Decimal::from(span)
        } else {
            Decimal::ZERO
        };
        self.judge_projection(p, last.value.get() + slope * Decimal::from(years_left));
        self.push_required(
            p,
            (self.goal() - last.value.get()) / Decimal::from(years_left),
            years_left,
        );
    }

    fn average(&self, p: &mut Progress, yearly: &[&Observation]) {
        let k = p.years_reported;
        let n = p.years_total;
        let sum: Decimal = yearly.iter().map(|o| o.value.get()).sum();
        let mean = sum / Decimal::from(k.max(1));
        p.reasons.push(Reason::YearsReported {
            reported: k,
            total: n,
        });
        if self.finished(k) {
            self.judge_final(p, mean, worst_qualifier(yearly), false);
            return;
        }
        p.actual = Some(VnDecimal::from_decimal(mean).round(2));
        p.actual_qualifier = Some(worst_qualifier(yearly));
        p.percent = self.percent_of_goal(mean);
        self.judge_projection(p, mean);
        let remaining = n - k;
        self.push_required(
            p,
            (self.goal() * Decimal::from(n) - sum) / Decimal::from(remaining),
            remaining,
        );
    }

    /// Records what each remaining year must bring; says so instead when the target
    /// is already reached (a cumulative total cannot fall back).
    fn push_required(&self, p: &mut Progress, per_year: Decimal, remaining_years: i32) {
        if remaining_years <= 0 {
            return;
        }
        let reached = self.target.kind == TargetKind::Cumulative
            && self.target.direction == Direction::HigherIsBetter
            && per_year <= Decimal::ZERO;
        if reached {
            p.reasons.push(Reason::AlreadyReached);
            p.required_pace = Some(VnDecimal::ZERO);
            return;
        }
        let pace = VnDecimal::from_decimal(per_year).round(2);
        p.required_pace = Some(pace);
        p.reasons.push(Reason::RequiredPace {
            per_year: pace,
            remaining_years,
        });
    }
}

fn year_of(o: &Observation) -> i32 {
    match o.period {
        Period::Year(y) => y,
        Period::Term => 0,
    }
}

/// The least certain qualifier among values that are added up or averaged.
fn worst_qualifier(values: &[&Observation]) -> Qualifier {
    let qualifiers = || values.iter().map(|o| o.qualifier);
    if qualifiers().any(|q| q == Qualifier::About) {
        Qualifier::About
    } else if qualifiers().any(|q| q == Qualifier::AtLeast) {
        Qualifier::AtLeast
    } else if qualifiers().any(|q| q == Qualifier::MoreThan) {
        Qualifier::MoreThan
    } else {
        Qualifier::Exact
    }
}

#[cfg(test)]
#[path = "progress_tests.rs"]
mod tests;
