//! Rules of each target kind, table by table.

use super::*;
use crate::domain::{TargetKind, TermError};

fn n(s: &str) -> VnDecimal {
    VnDecimal::from_canonical(s).expect("valid test number")
}

fn term() -> Term {
    Term::new(2020, 2025).expect("valid term")
}

fn year(y: i32, v: &str) -> Observation {
    Observation {
        period: Period::Year(y),
        value: n(v),
        qualifier: Qualifier::Exact,
    }
}

/// Figures of consecutive years from 2021.
fn from_2021(values: &[&str]) -> Vec<Observation> {
    (2021..).zip(values).map(|(y, v)| year(y, v)).collect()
}

fn whole(v: &str, qualifier: Qualifier) -> Observation {
    Observation {
        period: Period::Term,
        value: n(v),
        qualifier,
    }
}

fn target(kind: TargetKind, v: &str) -> Target {
    Target {
        kind,
        value: n(v),
        direction: Direction::HigherIsBetter,
    }
}

fn lower(kind: TargetKind, v: &str) -> Target {
    Target {
        kind,
        value: n(v),
        direction: Direction::LowerIsBetter,
    }
}

fn years_reported(reported: i32, total: i32) -> Reason {
    Reason::YearsReported { reported, total }
}

/// Progress against `t` in the 2020–2025 term, as of `today`.
fn judge(t: &Target, values: &[Observation], today: i32) -> Progress {
    evaluate(Some(t), &term(), values, today)
}

/// Checks the status of each `(values, today, expected)` case against `t`.
fn assert_statuses(t: &Target, cases: &[(Vec<Observation>, i32, Status)]) {
    for (values, today, expected) in cases {
        assert_eq!(
            judge(t, values, *today).status,
            *expected,
            "{values:?} in {today}"
        );
    }
}

#[test]
fn an_indicator_without_target_says_so_and_keeps_its_figure() {
    let p = evaluate(None, &term(), &[whole("7", Qualifier::Exact)], 2026);
    assert_eq!(p.status, Status::NoTarget);
    assert_eq!(p.actual, Some(n("7")));
    assert_eq!(p.percent, None);
}

#[test]
fn a_target_without_any_value_has_no_data() {
    let p = judge(&target(TargetKind::Cumulative, "100"), &[], 2023);
    assert_eq!(p.status, Status::NoData);
    assert_eq!(p.reasons, vec![years_reported(0, 5)]);
}

#[test]
fn a_cumulative_target_projects_the_current_pace_to_the_end_of_the_term() {
    let t = target(TargetKind::Cumulative, "100");
    // 2 of 5 years: 20 + 18 = 38, pace 19/yr → 38 + 3×19 = 95 → 95% → at risk.
    let p = judge(&t, &[year(2021, "20"), year(2022, "18")], 2023);
    assert_eq!(p.status, Status::AtRisk);
    assert_eq!(p.actual, Some(n("38")));
    assert_eq!(p.percent, Some(n("38")));
    assert_eq!(p.projection, Some(n("95")));
    // (100 − 38) / 3 = 20.67 per remaining year.
    assert_eq!(p.required_pace, Some(n("20.67")));
    assert!(p.reasons.contains(&years_reported(2, 5)));
}

#[test]
fn cumulative_status_moves_from_on_track_to_off_track_with_the_pace() {
    let t = target(TargetKind::Cumulative, "100");
    use Status::{AtRisk, OffTrack, OnTrack};
    assert_statuses(
        &t,
        &[
            (from_2021(&["20", "20"]), 2023, OnTrack),
            (from_2021(&["19", "19"]), 2023, AtRisk),
            (from_2021(&["10", "10"]), 2023, OffTrack),
            (from_2021(&["60", "50"]), 2023, OnTrack),
        ],
    );
}

#[test]
fn a_cumulative_target_already_reached_needs_nothing_more() {
    let t = target(TargetKind::Cumulative, "100");
    let p = judge(&t, &[year(2021, "60"), year(2022, "50")], 2023);
    assert!(p.reasons.contains(&Reason::AlreadyReached));
    assert_eq!(p.required_pace, Some(VnDecimal::ZERO));
}

#[test]
fn a_finished_term_is_judged_exceeded_achieved_or_off_track() {
    let t = target(TargetKind::Cumulative, "100");
    let five = |v: &str| from_2021(&[v; 5]);
    use Status::{Achieved, Exceeded, OffTrack};
    assert_statuses(
        &t,
        &[
            (five("21"), 2026, Exceeded),
            (five("20"), 2026, Achieved),
            (five("19"), 2026, OffTrack),
        ],
    );
    assert_eq!(judge(&t, &five("20"), 2026).percent, Some(n("100")));
}

#[test]
fn a_whole_term_figure_is_the_final_word() {
    let t = target(TargetKind::EachYear, "20");
    let p = judge(&t, &[whole("20", Qualifier::Exact)], 2026);
    assert_eq!(p.status, Status::Achieved);
    assert_eq!(p.percent, Some(n("100")));
    assert!(p.reasons.contains(&Reason::TermFigureOnly));
}

#[test]
fn each_year_targets_count_the_years_below_the_bar() {
    let t = target(TargetKind::EachYear, "20");
    let all = from_2021(&["20"; 5]);
    use Status::{Achieved, AtRisk, OffTrack, OnTrack};
    assert_statuses(
        &t,
        &[
            (from_2021(&["21", "22"]), 2024, OnTrack),
            (from_2021(&["21", "22", "19"]), 2024, AtRisk),
            (from_2021(&["18", "19"]), 2024, OffTrack),
            (all.clone(), 2026, Achieved),
        ],
    );
    let mut one_short = all;
    one_short[2] = year(2023, "19.5");
    let p = judge(&t, &one_short, 2026);
    assert_eq!(p.status, Status::OffTrack);
    let one_of_five_below = Reason::YearsBelowTarget {
        below: 1,
        reported: 5,
    };
    assert!(p.reasons.contains(&one_of_five_below));
}

#[test]
fn an_end_of_term_level_extrapolates_the_trend_of_reported_years() {
    let t = target(TargetKind::EndOfTerm, "30");
    // 2021: 20, 2023: 24 → +2/yr → 2025: 28 → 93.3% → at risk.
    // It needs (30 − 24) / 2 = 3 more points a year.
    let p = judge(&t, &[year(2021, "20"), year(2023, "24")], 2024);
    assert_eq!(
        (p.projection, p.status, p.required_pace),
        (Some(n("28")), Status::AtRisk, Some(n("3")))
    );
    let rising = |last: i32, level: &str| vec![year(2021, "20"), year(last, level)];
    use Status::{Exceeded, OnTrack};
    assert_statuses(
        &t,
        &[
            (rising(2023, "26"), 2024, OnTrack),
            (rising(2025, "31"), 2026, Exceeded),
        ],
    );
}

#[test]
fn an_average_target_asks_what_the_remaining_years_must_average() {
    let t = target(TargetKind::Average, "10");
    // Averaging 8.5 so far, the last 3 years need (5 × 10 − 17) / 3 = 11.
    let p = judge(&t, &[year(2021, "8"), year(2022, "9")], 2023);
    assert_eq!(
        (p.actual, p.status, p.required_pace),
        (Some(n("8.5")), Status::OffTrack, Some(n("11")))
    );
}

#[test]
fn lower_is_better_targets_invert_every_comparison() {
    let t = lower(TargetKind::EndOfTerm, "5");
    // (final level, status, percent of the target)
    let cases = [
        ("4", Status::Exceeded, Some(n("125"))),
        ("6", Status::OffTrack, Some(n("83.3"))),
        ("0", Status::Exceeded, None),
    ];
    for (level, status, percent) in cases {
        let p = judge(&t, &[year(2025, level)], 2026);
        assert_eq!((p.status, p.percent), (status, percent), "level {level}");
        assert!(p.reasons.contains(&Reason::LowerIsBetter), "level {level}");
    }
}

#[test]
fn a_zero_target_gives_no_percent_but_still_a_status() {
    let t = target(TargetKind::Cumulative, "0");
    let p = judge(&t, &[whole("3", Qualifier::Exact)], 2026);
    assert_eq!(p.percent, None);
    assert_eq!(p.status, Status::Exceeded);
    assert!(p.reasons.contains(&Reason::ZeroTarget));
}

#[test]
fn a_qualified_figure_is_judged_by_what_its_qualifier_says_of_the_true_figure() {
    let floor = target(TargetKind::Cumulative, "140");
    let ceiling = lower(TargetKind::EndOfTerm, "140");
    use Qualifier::{About, AtLeast, MoreThan};
    use Reason::{Approximate, LowerBound};
    use Status::{Achieved, Exceeded, OffTrack};
    // (target, whole-term figure and its qualifier, expected status, a reason it must give)
    let cases = [
        // "trên 140": strictly beyond the number written, so it beats a floor…
        (&floor, "140", MoreThan, Exceeded, Some(LowerBound)),
        // …and misses a ceiling: the true figure is beyond it.
        (&ceiling, "140", MoreThan, OffTrack, None),
        // "khoảng 140": the number written is taken, and said to be approximate.
        (&floor, "140", About, Achieved, Some(Approximate)),
        // "ít nhất 140": the true figure is 140 or more, so a floor is met, not beaten…
        (&floor, "140", AtLeast, Achieved, Some(LowerBound)),
        // …below it, a lower bound proves nothing more: off track…
        (&floor, "120", AtLeast, OffTrack, Some(LowerBound)),
        // …and it may be exactly 140, which meets a ceiling.
        (&ceiling, "140", AtLeast, Achieved, Some(LowerBound)),
    ];
    for (t, figure, qualifier, status, reason) in cases {
        let p = judge(t, &[whole(figure, qualifier)], 2026);
        let case = format!("{qualifier:?} {figure} against {t:?}");
        assert_eq!(p.status, status, "{case}");
        assert_eq!(p.actual_qualifier, Some(qualifier), "{case}");
        if let Some(reason) = reason {
            assert!(p.reasons.contains(&reason), "{case}: {:?}", p.reasons);
        }
    }
}

#[test]
fn years_outside_the_term_are_ignored() -> Result<(), TermError> {
    let t = target(TargetKind::Cumulative, "10");
    let p = evaluate(
        Some(&t),
        &Term::new(2020, 2025)?,
        &[year(2019, "99"), year(2020, "99"), year(2021, "2")],
        2022,
    );
    assert_eq!(p.actual, Some(n("2")));
    assert_eq!(p.years_reported, 1);
    Ok(())
}
