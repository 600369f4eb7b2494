//! A province-sized demonstration dataset for benchmarks and trials: many units
//! (one indicator group each), many indicators per unit, several terms, yearly
//! figures for every year of every term. Deterministic: the same arguments give the
//! same data. Never mixed with real data: it goes into an empty database only.

use crate::db::{
    NewGroup, NewIndicator, NewSource, NewTarget, NewTerm, NewValue, SeedPlan, TermEdit,
};
use crate::domain::{
    Direction, Indicator, IndicatorCode, Period, Qualifier, TargetKind, Term, Unit, UnitKind,
    VnDecimal,
};

#[derive(Debug, Clone, Copy)]
pub struct DemoSize {
    pub units: usize,
    pub indicators: usize,
    pub terms: usize,
}

const UNITS: [(UnitKind, &str); 4] = [
    (UnitKind::Count, "nhiệm vụ"),
    (UnitKind::Money, "tỷ đồng"),
    (UnitKind::Percent, "%"),
    (UnitKind::PercentPerYear, "%/năm"),
];
const KINDS: [TargetKind; 4] = [
    TargetKind::Cumulative,
    TargetKind::EachYear,
    TargetKind::EndOfTerm,
    TargetKind::Average,
];

/// A small deterministic pseudo-random sequence (no dependency, no global state).
fn mix(seed: u64) -> u64 {
    let mut x = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// A demo indicator code ("DV07-12"): capitals, digits and '-', at most 20
/// characters for any size, so always a valid code.
fn demo_code(text: &str) -> IndicatorCode {
    IndicatorCode::parse(text).unwrap_or_else(|_| unreachable!("{text} is a valid code"))
}

pub fn plan(size: DemoSize) -> SeedPlan {
    let groups = (1..=size.units)
        .map(|u| NewGroup {
            code: format!("DV{u:02}"),
            name: format!("Đơn vị {u:02}"),
            name_en: Some(format!("Unit {u:02}")),
        })
        .collect();
    let terms = (0..size.terms)
        .map(|t| {
            let start = 2005 + 5 * i32::try_from(t).unwrap_or(0);
            let term = Term::new(start, start + 5)
                .unwrap_or_else(|_| Term::new(2020, 2025).unwrap_or_else(|_| unreachable!()));
            let mut indicators = Vec::with_capacity(size.units * size.indicators);
            for u in 1..=size.units {
                for k in 1..=size.indicators {
                    let r = mix((t * 1_000_000 + u * 1000 + k) as u64);
                    let (unit_kind, unit) = UNITS[k % UNITS.len()];
                    let base = 10 + (r % 90) as i64;
                    let values = term
                        .years()
                        .enumerate()
                        .map(|(y, year)| NewValue {
                            period: Period::Year(year),
                            value: VnDecimal::from_i64(
                                base + ((mix(r + y as u64) % 20) as i64) - 8,
                            ),
                            qualifier: Qualifier::Exact,
                            quote: None,
                        })
                        .collect();
                    indicators.push(NewIndicator {
                        definition: Indicator {
                            code: demo_code(&format!("DV{u:02}-{k:02}")),
                            name: format!("Chỉ tiêu {k:02} của đơn vị {u:02}"),
                            name_en: None,
                            unit: Unit {
                                kind: unit_kind,
                                label: unit.to_string(),
                                label_en: None,
                            },
                            direction: if r.is_multiple_of(9) {
                                Direction::LowerIsBetter
                            } else {
                                Direction::HigherIsBetter
                            },
                        },
                        group_code: Some(format!("DV{u:02}")),
                        parent_code: None,
                        headline: k == 1 && u <= 8,
                        target: (!r.is_multiple_of(3)).then(|| NewTarget {
                            kind: KINDS[(r % 4) as usize],
                            value: VnDecimal::from_i64(base + (r % 15) as i64),
                            quote: None,
                        }),
                        values,
                    });
                }
            }
            NewTerm {
                term: TermEdit {
                    name: format!("Nhiệm kỳ {}–{}", term.start_year(), term.end_year()),
                    name_en: Some(format!("Term {}–{}", term.start_year(), term.end_year())),
                    start_year: term.start_year(),
                    end_year: term.end_year(),
                },
                indicators,
            }
        })
        .collect();
    SeedPlan {
        source: NewSource {
            code: "demo".into(),
            title: "Dữ liệu minh họa (không phải số liệu thật)".into(),
            file: None,
        },
        groups,
        terms,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_plan_has_the_requested_size_and_is_deterministic() {
        let size = DemoSize {
            units: 3,
            indicators: 4,
            terms: 2,
        };
        let a = plan(size);
        assert_eq!(a.groups.len(), 3);
        assert_eq!(a.terms.len(), 2);
        assert!(
            a.terms
                .iter()
                .all(|t| t.indicators.len() == 12
                    && t.indicators.iter().all(|i| i.values.len() == 5))
        );
        let b = plan(size);
        assert_eq!(
            format!("{:?}", a.terms[1].indicators[5]),
            format!("{:?}", b.terms[1].indicators[5])
        );
        for t in &a.terms {
            for i in &t.indicators {
                for v in &i.values {
                    assert!(
                        i.definition.unit.kind.accepts(v.value),
                        "{} {:?}",
                        i.definition.code,
                        v.value
                    );
                }
            }
        }
    }
}
