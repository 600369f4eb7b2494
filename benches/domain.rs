//! Domain speed: the status of 10,000 indicators (every target kind, yearly
//! figures), parsing Vietnamese numbers as clerks type them, and reading the
//! a near-largest import file (4,950 rows of CSV) into checked rows.

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

fn import_file(c: &mut Criterion) {
    use resolution_dashboard::domain::UnitKind;
    use resolution_dashboard::ingest::import::{
        Known, MAX_ROWS, TemplateRow, parse_upload, template_csv,
    };
    // Codes as demo-data makes them: 50 units × 99 indicators = 4,950 rows, just
    // under the limit of MAX_ROWS a file.
    let codes: Vec<String> = (1..=50)
        .flat_map(|u| (1..=99).map(move |k| format!("DV{u:02}-{k:02}")))
        .collect();
    assert!(codes.len() <= MAX_ROWS);
    let rows: Vec<TemplateRow> = codes
        .iter()
        .map(|code| TemplateRow {
            code: code.clone(),
            name: format!("Chỉ tiêu {code}"),
            unit: "tỷ đồng".into(),
            previous: None,
        })
        .collect();
    // The template, with the value column (the fifth) filled in.
    let template = String::from_utf8(template_csv(&rows)).unwrap_or_default();
    let filled: String = template
        .split("\r\n")
        .enumerate()
        .map(|(k, line)| {
            if line.is_empty() {
                String::new()
            } else if k == 0 {
                format!("{line}\r\n")
            } else {
                let mut cells: Vec<String> = line.split(';').map(str::to_string).collect();
                cells[4] = format!("{}.{:03},{}", 1 + k % 9, k % 1000, k % 10);
                format!("{}\r\n", cells.join(";"))
            }
        })
        .collect();
    let known = Known::new(codes.iter().map(|c| (c.clone(), UnitKind::Money)));
    match parse_upload("nhap-lieu.csv", filled.as_bytes(), &known) {
        Ok(parsed) => assert_eq!(parsed.len(), codes.len()),
        Err(e) => panic!("the benchmark file is refused: {e:?}"),
    }
    let mut group = c.benchmark_group("import");
    group.sample_size(20);
    group.bench_function("read a 4,950-row CSV upload", |b| {
        b.iter(|| parse_upload("nhap-lieu.csv", black_box(filled.as_bytes()), &known))
    });
    group.finish();
}

criterion_group!(benches, status_of_ten_thousand, number_parsing, import_file);
criterion_main!(benches);
