//! The rule of each target kind: how the reported years of a term become a figure, a
//! projection, the pace still needed and a status. [`super::evaluate`] picks the rule;
//! a whole-term figure skips them and is judged as final.

use super::{Progress, Reason, Status};
use crate::domain::{
    Direction, Observation, Period, Qualifier, Target, TargetKind, Term, VnDecimal,
};
use rust_decimal::Decimal;

/// Share of the target below which a projection counts as off track rather than at risk.
const AT_RISK_FLOOR_PERCENT: i64 = 90;

pub(super) struct Rules<'a> {
    pub(super) target: &'a Target,
    pub(super) term: &'a Term,
    pub(super) today_year: i32,
}

impl Rules<'_> {
    /// Judges the yearly figures of the term by the rule of the target's kind.
    /// `yearly` is never empty: [`super::evaluate`] says "no data" before.
    pub(super) fn judge_years(&self, p: &mut Progress, yearly: &[&Observation]) {
        p.note_years_reported();
        match self.target.kind {
            TargetKind::Cumulative => self.cumulative(p, yearly),
            TargetKind::EachYear => self.each_year(p, yearly),
            TargetKind::EndOfTerm => self.end_of_term(p, yearly),
            TargetKind::Average => self.average(p, yearly),
        }
    }

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

    /// The figure compared with the target, `shown` as the reader sees it.
    fn record(&self, p: &mut Progress, figure: Decimal, shown: VnDecimal, qualifier: Qualifier) {
        p.actual = Some(shown);
        p.actual_qualifier = Some(qualifier);
        p.percent = self.percent_of_goal(figure);
    }

    /// Status of a finished figure: better than, equal to, or short of the target.
    pub(super) fn judge_final(
        &self,
        p: &mut Progress,
        actual: Decimal,
        qualifier: Qualifier,
        term_figure: bool,
    ) {
        self.record(p, actual, VnDecimal::from_decimal(actual), qualifier);
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

    /// A total, level or average of the years so far: judged as final when the term
    /// is `finished` (then this returns true and the rule stops there), otherwise
    /// recorded as it stands, for the rule to project.
    fn judged_final(
        &self,
        p: &mut Progress,
        finished: bool,
        figure: Decimal,
        shown: VnDecimal,
        qualifier: Qualifier,
    ) -> bool {
        if finished {
            self.judge_final(p, figure, qualifier, false);
        } else {
            self.record(p, figure, shown, qualifier);
        }
        finished
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
        let sum = total(yearly);
        let shown = VnDecimal::from_decimal(sum);
        if self.judged_final(p, self.finished(k), sum, shown, worst_qualifier(yearly)) {
            return;
        }
        let remaining = n - k;
        let pace = sum / Decimal::from(k.max(1));
        self.judge_projection(p, sum + pace * Decimal::from(remaining));
        self.push_required(p, (self.goal() - sum) / Decimal::from(remaining), remaining);
    }

    fn each_year(&self, p: &mut Progress, yearly: &[&Observation]) {
        let Some(last) = yearly.last() else {
            return;
        };
        let k = p.years_reported;
        let goal = self.goal();
        let below = i32::try_from(
            yearly
                .iter()
                .filter(|o| !self.meets(o.value.get(), goal))
                .count(),
        )
        .unwrap_or(0);
        let latest = last.value.get();
        self.record(p, latest, VnDecimal::from_decimal(latest), last.qualifier);
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
        let (Some(first), Some(last)) = (yearly.first(), yearly.last()) else {
            return;
        };
        let last_year = year_of(last);
        let level = last.value.get();
        let finished = self.finished(p.years_reported) || last_year >= self.term.end_year();
        if self.judged_final(p, finished, level, last.value, last.qualifier) {
            return;
        }
        let years_left = self.term.end_year() - last_year;
        let span = last_year - year_of(first);
        let slope = if span > 0 {
            (level - first.value.get()) / Decimal::from(span)
        } else {
            Decimal::ZERO
        };
        self.judge_projection(p, level + slope * Decimal::from(years_left));
        self.push_required(
            p,
            (self.goal() - level) / Decimal::from(years_left),
            years_left,
        );
    }

    fn average(&self, p: &mut Progress, yearly: &[&Observation]) {
        let k = p.years_reported;
        let n = p.years_total;
        let sum = total(yearly);
        let mean = sum / Decimal::from(k.max(1));
        let shown = VnDecimal::from_decimal(mean).round(2);
        if self.judged_final(p, self.finished(k), mean, shown, worst_qualifier(yearly)) {
            return;
        }
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

/// The sum of the years' figures.
fn total(yearly: &[&Observation]) -> Decimal {
    yearly.iter().map(|o| o.value.get()).sum()
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
