//! Domain values in words: figures with their unit and qualifier, targets, periods,
//! statuses and the reasons behind a status.

use super::Locale;
use crate::domain::{
    Direction, Period, Progress, Qualifier, Reason, Role, Status, Target, TargetKind, Unit,
    ValueState, VnDecimal,
};

/// Writes the values of one indicator (one unit) in one language.
#[derive(Debug, Clone, Copy)]
pub struct Explainer<'a> {
    pub locale: Locale,
    pub unit: &'a Unit,
}

impl Explainer<'_> {
    pub fn number(&self, v: VnDecimal) -> String {
        number(self.locale, v)
    }

    /// "15 tỷ đồng", "20%/năm".
    pub fn amount(&self, v: VnDecimal) -> String {
        match self.locale {
            Locale::Vi => self.unit.format_vi(v),
            Locale::En => self.unit.format_en(v),
        }
    }

    /// "trên 140 tỷ đồng".
    pub fn figure(&self, v: VnDecimal, qualifier: Qualifier) -> String {
        let amount = self.amount(v);
        self.locale.tf(
            &format!("qualifier.{}", qualifier.key()),
            &[("value", &amount)],
        )
    }

    /// "Mỗi năm đạt ít nhất 20%/năm".
    pub fn target(&self, target: &Target) -> String {
        let side = match target.direction {
            Direction::HigherIsBetter => "higher",
            Direction::LowerIsBetter => "lower",
        };
        let kind = match target.kind {
            TargetKind::EachYear => "each_year",
            TargetKind::Cumulative => "cumulative",
            TargetKind::EndOfTerm => "end_of_term",
            TargetKind::Average => "average",
        };
        let amount = self.amount(target.value);
        self.locale
            .tf(&format!("target.{kind}_{side}"), &[("value", &amount)])
    }

    /// Every reason behind the progress, one sentence each.
    pub fn reasons(&self, progress: &Progress) -> Vec<String> {
        progress.reasons.iter().map(|r| self.reason(r)).collect()
    }

    fn reason(&self, reason: &Reason) -> String {
        let l = self.locale;
        match reason {
            Reason::Compared { actual, target } => l.tf(
                "reason.compared",
                &[
                    ("actual", &self.amount(*actual)),
                    ("target", &self.amount(*target)),
                ],
            ),
            Reason::TermFigureOnly => l.t("reason.term_figure_only").to_string(),
            Reason::YearsReported { reported, total } => l.tf(
                "reason.years_reported",
                &[
                    ("reported", &reported.to_string()),
                    ("total", &total.to_string()),
                ],
            ),
            Reason::YearsBelowTarget { below, reported } => l.tf(
                "reason.years_below",
                &[
                    ("below", &below.to_string()),
                    ("reported", &reported.to_string()),
                ],
            ),
            Reason::AllYearsMet { reported } => l.tf(
                "reason.all_years_met",
                &[("reported", &reported.to_string())],
            ),
            Reason::Projection {
                projected,
                percent: Some(p),
            } => l.tf(
                "reason.projection",
                &[
                    ("projected", &self.amount(*projected)),
                    ("percent", &percent(l, *p)),
                ],
            ),
            Reason::Projection {
                projected,
                percent: None,
            } => l.tf(
                "reason.projection_plain",
                &[("projected", &self.amount(*projected))],
            ),
            Reason::RequiredPace {
                per_year,
                remaining_years,
            } => l.tf(
                "reason.required_pace",
                &[
                    ("years", &remaining_years.to_string()),
                    ("per_year", &self.amount(*per_year)),
                ],
            ),
            Reason::AlreadyReached => l.t("reason.already_reached").to_string(),
            Reason::LowerBound => l.t("reason.lower_bound").to_string(),
            Reason::Approximate => l.t("reason.approximate").to_string(),
            Reason::ZeroTarget => l.t("reason.zero_target").to_string(),
            Reason::LowerIsBetter => l.t("reason.lower_is_better").to_string(),
        }
    }
}

pub fn number(locale: Locale, v: VnDecimal) -> String {
    match locale {
        Locale::Vi => v.format_vi(),
        Locale::En => v.format_en(),
    }
}

/// "96,5%".
pub fn percent(locale: Locale, v: VnDecimal) -> String {
    format!("{}%", number(locale, v))
}

impl Locale {
    pub fn status(self, status: Status) -> &'static str {
        self.t(&format!("status.{}", status.key()))
    }

    pub fn rule(self, status: Status) -> &'static str {
        self.t(&format!("rule.{}", status.key()))
    }

    /// "Chờ duyệt": a figure's review state in words.
    pub fn value_state(self, state: ValueState) -> &'static str {
        self.t(&format!("state.{}", state.key()))
    }

    /// "Quản trị": a role in words.
    pub fn role(self, role: Role) -> &'static str {
        self.t(&format!("role.{}", role.key()))
    }

    pub fn period(self, period: Period) -> String {
        match period {
            Period::Term => self.t("period.term").to_string(),
            Period::Year(y) => self.tf("period.year", &[("year", &y.to_string())]),
        }
    }

    pub fn percent(self, v: VnDecimal) -> String {
        percent(self, v)
    }

    pub fn number(self, v: VnDecimal) -> String {
        number(self, v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Observation, Term, UnitKind, evaluate};

    fn n(s: &str) -> VnDecimal {
        VnDecimal::from_canonical(s).expect("valid test number")
    }

    fn unit(kind: UnitKind, label: &str, label_en: &str) -> Unit {
        Unit {
            kind,
            label: label.into(),
            label_en: Some(label_en.into()),
        }
    }

    /// A higher-is-better target of `value`.
    fn target(kind: TargetKind, value: &str) -> Target {
        Target {
            kind,
            value: n(value),
            direction: Direction::HigherIsBetter,
        }
    }

    #[test]
    fn figures_and_targets_read_as_plain_vietnamese() {
        let money = unit(UnitKind::Money, "tỷ đồng", "billion VND");
        let vi = Explainer {
            locale: Locale::Vi,
            unit: &money,
        };
        assert_eq!(vi.figure(n("140"), Qualifier::MoreThan), "trên 140 tỷ đồng");
        assert_eq!(vi.figure(n("1234.5"), Qualifier::Exact), "1.234,5 tỷ đồng");
        let en = Explainer {
            locale: Locale::En,
            unit: &money,
        };
        assert_eq!(
            en.figure(n("1234.5"), Qualifier::About),
            "about 1,234.5 billion VND"
        );
        let rate = unit(UnitKind::PercentPerYear, "%/năm", "%/year");
        let vi = Explainer {
            locale: Locale::Vi,
            unit: &rate,
        };
        assert_eq!(
            vi.target(&target(TargetKind::EachYear, "20")),
            "Mỗi năm đạt ít nhất 20%/năm"
        );
    }

    #[test]
    fn the_reasons_of_a_running_cumulative_target_read_as_sentences()
    -> Result<(), crate::domain::TermError> {
        let tasks = unit(UnitKind::Count, "nhiệm vụ", "tasks");
        let target = target(TargetKind::Cumulative, "100");
        let values: Vec<Observation> = [(2021, "20"), (2022, "18")]
            .iter()
            .map(|(y, v)| Observation {
                period: Period::Year(*y),
                value: n(v),
                qualifier: Qualifier::Exact,
            })
            .collect();
        let p = evaluate(Some(&target), &Term::new(2020, 2025)?, &values, 2023);
        let said = Explainer {
            locale: Locale::Vi,
            unit: &tasks,
        }
        .reasons(&p);
        assert_eq!(
            said,
            vec![
                "2/5 năm đã có số liệu.",
                "Theo nhịp độ hiện tại, cuối nhiệm kỳ đạt 95 nhiệm vụ (95% mục tiêu).",
                "Mỗi năm còn lại (3 năm) cần đạt 20,67 nhiệm vụ.",
            ]
        );
        assert_eq!(Locale::Vi.status(p.status), "Có nguy cơ chưa đạt");
        Ok(())
    }
}
