//! Domain speed: the status of 10,000 indicators (every target kind, yearly
//! figures), and parsing Vietnamese numbers as clerks type them.

use criterion::{Criterion, criterion_group, criterion_main};
use resolution_dashboard::domain::{
    Direction, Observation, Period, Qualifier, Target, TargetKind, Term, VnDecimal, evaluate,
};
use std::hint::black_box;

const KINDS: [TargetKind; 4] = [
    TargetKind::EachYear,
    TargetKind::Cumulative,
    TargetKind::EndOfTerm,
    TargetKind::Average,
];

fn indicators(n: usize) -> Vec<(Target, Vec<Observation>)> {
    (0..n)
        .map(|i| {
            let target = Target {
                kind: KINDS[i % 4],
                value: VnDecimal::from_i64(100 + (i % 50) as i64),
                direction: if i % 7 == 0 {
                    Direction::LowerIsBetter
                } else {
                    Direction::HigherIsBetter
                },
            };
            let years = 1 + i % 5;
            let values = (0..years)
                .map(|k| Observation {
                    period: Period::Year(2021 + k as i32),
                    value: VnDecimal::from_i64(15 + ((i * 7 + k * 3) % 40) as i64),
                    qualifier: Qualifier::Exact,
                })
                .collect();
            (target, values)
        })
        .collect()
}

fn status_of_ten_thousand(c: &mut Criterion) {
    let term = Term::new(2020, 2025).unwrap_or_else(|_| unreachable!());
    let data = indicators(10_000);
    c.bench_function("status of 10,000 indicators", |b| {
        b.iter(|| {
            for (target, values) in &data {
                black_box(evaluate(Some(target), &term, values, 2024));
            }
        })
    });
}

fn number_parsing(c: &mut Criterion) {
    let inputs = [
        "1.234,5",
        "1234,5",
        "15,5",
        "20%",
        "1234.5",
        "1.234.567,89",
        "101",
        "abc",
        "1.234.5",
    ];
    c.bench_function("parse 9 Vietnamese numbers", |b| {
        b.iter(|| {
            for text in inputs {
                let _ = black_box(VnDecimal::parse(black_box(text)));
            }
        })
    });
    let value = VnDecimal::parse("1.234.567,89").unwrap_or(VnDecimal::ZERO);
    c.bench_function("format one Vietnamese number", |b| {
        b.iter(|| black_box(black_box(value).format_vi()))
    });
}

criterion_group!(benches, status_of_ten_thousand, number_parsing);
criterion_main!(benches);
