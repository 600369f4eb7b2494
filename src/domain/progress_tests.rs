//! Rules of each target kind, table by table.

use super::*;
use crate::domain::TermError;

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

#[test]
fn an_indicator_without_target_says_so_and_keeps_its_figure() {
    let p = evaluate(None, &term(), &[whole("7", Qualifier::Exact)], 2026);
    assert_eq!(p.status, Status::NoTarget);
    assert_eq!(p.actual, Some(n("7")));
    assert_eq!(p.percent, None);
}

#[test]
fn a_target_without_any_value_has_no_data() {
    let t = target(TargetKind::Cumulative, "100");
    let p = evaluate(Some(&t), &term(), &[], 2023);
    assert_eq!(p.status, Status::NoData);
    assert_eq!(
        p.reasons,
        vec![Reason::YearsReported {
            reported: 0,
            total: 5
        }]
    );
}

#[test]
fn a_cumulative_target_projects_the_current_pace_to_the_end_of_the_term() {
    let t = target(TargetKind::Cumulative, "100");
    // 2 of 5 years: 20 + 18 = 38, pace 19/yr → 38 + 3×19 = 95 → 95% → at risk.
    let p = evaluate(
        Some(&t),
        &term(),
        &[year(2021, "20"), year(2022, "18")],
        2023,
    );
    assert_eq!(p.status, Status::AtRisk);
    assert_eq!(p.actual, Some(n("38")));
    assert_eq!(p.percent, Some(n("38")));
    assert_eq!(p.projection, Some(n("95")));
    // (100 − 38) / 3 = 20.67 per remaining year.
    assert_eq!(p.required_pace, Some(n("20.67")));
    assert!(p.reasons.contains(&Reason::YearsReported {
        reported: 2,
        total: 5
    }));
}

#[test]
fn cumulative_status_moves_from_on_track_to_off_track_with_the_pace() {
    let t = target(TargetKind::Cumulative, "100");
    let cases = [
        (vec![year(2021, "20"), year(2022, "20")], Status::OnTrack),
        (vec![year(2021, "19"), year(2022, "19")], Status::AtRisk),
        (vec![year(2021, "10"), year(2022, "10")], Status::OffTrack),
        (vec![year(2021, "60"), year(2022, "50")], Status::OnTrack),
    ];
    for (values, expected) in cases {
        assert_eq!(
            evaluate(Some(&t), &term(), &values, 2023).status,
            expected,
            "{values:?}"
        );
    }
}

#[test]
fn a_cumulative_target_already_reached_needs_nothing_more() {
    let t = target(TargetKind::Cumulative, "100");
    let p = evaluate(
        Some(&t),
        &term(),
        &[year(2021, "60"), year(2022, "50")],
        2023,
    );
    assert!(p.reasons.contains(&Reason::AlreadyReached));
    assert_eq!(p.required_pace, Some(VnDecimal::ZERO));
}

#[test]
fn a_finished_term_is_judged_exceeded_achieved_or_off_track() {
    let t = target(TargetKind::Cumulative, "100");
    let five = |v: &str| (2021..=2025).map(|y| year(y, v)).collect::<Vec<_>>();
    assert_eq!(
        evaluate(Some(&t), &term(), &five("21"), 2026).status,
        Status::Exceeded
    );
    assert_eq!(
        evaluate(Some(&t), &term(), &five("20"), 2026).status,
        Status::Achieved
    );
    assert_eq!(
        evaluate(Some(&t), &term(), &five("19"), 2026).status,
        Status::OffTrack
    );
    assert_eq!(
        evaluate(Some(&t), &term(), &five("20"), 2026).percent,
        Some(n("100"))
    );
}

#[test]
fn a_whole_term_figure_is_the_final_word() {
    let t = target(TargetKind::EachYear, "20");
    let p = evaluate(Some(&t), &term(), &[whole("20", Qualifier::Exact)], 2026);
    assert_eq!(p.status, Status::Achieved);
    assert_eq!(p.percent, Some(n("100")));
    assert!(p.reasons.contains(&Reason::TermFigureOnly));
}

#[test]
fn each_year_targets_count_the_years_below_the_bar() {
    let t = target(TargetKind::EachYear, "20");
    let running = [
        (vec![year(2021, "21"), year(2022, "22")], Status::OnTrack),
        (
            vec![year(2021, "21"), year(2022, "22"), year(2023, "19")],
            Status::AtRisk,
        ),
        (vec![year(2021, "18"), year(2022, "19")], Status::OffTrack),
    ];
    for (values, expected) in running {
        assert_eq!(
            evaluate(Some(&t), &term(), &values, 2024).status,
            expected,
            "{values:?}"
        );
    }
    let all: Vec<_> = (2021..=2025).map(|y| year(y, "20")).collect();
    assert_eq!(
        evaluate(Some(&t), &term(), &all, 2026).status,
        Status::Achieved
    );
    let mut one_short = all.clone();
    one_short[2] = year(2023, "19.5");
    let p = evaluate(Some(&t), &term(), &one_short, 2026);
    assert_eq!(p.status, Status::OffTrack);
    assert!(p.reasons.contains(&Reason::YearsBelowTarget {
        below: 1,
        reported: 5
    }));
}

#[test]
fn an_end_of_term_level_extrapolates_the_trend_of_reported_years() {
    let t = target(TargetKind::EndOfTerm, "30");
    // 2021: 20, 2023: 24 → +2/yr → 2025: 28 → 93.3% → at risk.
    let p = evaluate(
        Some(&t),
        &term(),
        &[year(2021, "20"), year(2023, "24")],
        2024,
    );
    assert_eq!(p.projection, Some(n("28")));
    assert_eq!(p.status, Status::AtRisk);
    // Needs (30 − 24) / 2 = 3 more points a year.
    assert_eq!(p.required_pace, Some(n("3")));
    let p = evaluate(
        Some(&t),
        &term(),
        &[year(2021, "20"), year(2023, "26")],
        2024,
    );
    assert_eq!(p.status, Status::OnTrack);
    let p = evaluate(
        Some(&t),
        &term(),
        &[year(2021, "20"), year(2025, "31")],
        2026,
    );
    assert_eq!(p.status, Status::Exceeded);
}

#[test]
fn an_average_target_asks_what_the_remaining_years_must_average() {
    let t = target(TargetKind::Average, "10");
    let p = evaluate(Some(&t), &term(), &[year(2021, "8"), year(2022, "9")], 2023);
    assert_eq!(p.actual, Some(n("8.5")));
    assert_eq!(p.status, Status::OffTrack);
    // 5 × 10 − 17 = 33 over 3 years = 11.
    assert_eq!(p.required_pace, Some(n("11")));
}

#[test]
fn lower_is_better_targets_invert_every_comparison() {
    let t = lower(TargetKind::EndOfTerm, "5");
    let p = evaluate(Some(&t), &term(), &[year(2025, "4")], 2026);
    assert_eq!(p.status, Status::Exceeded);
    assert_eq!(p.percent, Some(n("125")));
    let p = evaluate(Some(&t), &term(), &[year(2025, "6")], 2026);
    assert_eq!(p.status, Status::OffTrack);
    assert!(p.reasons.contains(&Reason::LowerIsBetter));
    let p = evaluate(Some(&t), &term(), &[year(2025, "0")], 2026);
    assert_eq!(p.status, Status::Exceeded);
    assert_eq!(p.percent, None);
}

#[test]
fn a_zero_target_gives_no_percent_but_still_a_status() {
    let t = target(TargetKind::Cumulative, "0");
    let p = evaluate(Some(&t), &term(), &[whole("3", Qualifier::Exact)], 2026);
    assert_eq!(p.percent, None);
    assert_eq!(p.status, Status::Exceeded);
    assert!(p.reasons.contains(&Reason::ZeroTarget));
}

#[test]
fn more_than_figures_count_as_beyond_the_number_written() {
    let t = target(TargetKind::Cumulative, "140");
    let p = evaluate(
        Some(&t),
        &term(),
        &[whole("140", Qualifier::MoreThan)],
        2026,
    );
    assert_eq!(p.status, Status::Exceeded);
    assert!(p.reasons.contains(&Reason::LowerBound));
    let p = evaluate(Some(&t), &term(), &[whole("140", Qualifier::About)], 2026);
    assert_eq!(p.status, Status::Achieved);
    assert!(p.reasons.contains(&Reason::Approximate));
}

#[test]
fn at_least_figures_meet_the_number_written_and_say_it_is_a_lower_bound() {
    let t = target(TargetKind::Cumulative, "140");
    // "ít nhất 140": the true figure is 140 or more, so the target is met, not beaten.
    let p = evaluate(Some(&t), &term(), &[whole("140", Qualifier::AtLeast)], 2026);
    assert_eq!(p.status, Status::Achieved);
    assert!(p.reasons.contains(&Reason::LowerBound));
    assert_eq!(p.actual_qualifier, Some(Qualifier::AtLeast));
    // Below the target, a lower bound proves nothing more: off track.
    let p = evaluate(Some(&t), &term(), &[whole("120", Qualifier::AtLeast)], 2026);
    assert_eq!(p.status, Status::OffTrack);
    assert!(p.reasons.contains(&Reason::LowerBound));
}

#[test]
fn more_than_the_ceiling_of_a_lower_is_better_target_is_a_miss() {
    // At most 140 allowed; "trên 140" reported: the true figure is beyond the ceiling.
    let l = lower(TargetKind::EndOfTerm, "140");
    let p = evaluate(
        Some(&l),
        &term(),
        &[whole("140", Qualifier::MoreThan)],
        2026,
    );
    assert_eq!(p.status, Status::OffTrack);
    // "ít nhất 140" may be exactly 140: the ceiling is met, and the reason says it is
    // a lower bound.
    let p = evaluate(Some(&l), &term(), &[whole("140", Qualifier::AtLeast)], 2026);
    assert_eq!(p.status, Status::Achieved);
    assert!(p.reasons.contains(&Reason::LowerBound));
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
