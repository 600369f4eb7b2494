//! Export speed: one indicator chart as SVG and as a 1920×1080 PNG, and the PDF meeting
//! pack of a term of 30 indicators. The term is built in memory from the seed report's
//! indicators (names, units, quotes), each given five yearly figures and every other one
//! a target, so that every chart is a full yearly column chart.

use criterion::{Criterion, criterion_group, criterion_main};
use resolution_dashboard::charts::{ChartSize, svg_to_png};
use resolution_dashboard::db::{
    IndicatorRecord, SourceRecord, TargetRecord, TermData, TermRecord, ValueRecord,
};
use resolution_dashboard::domain::{
    Direction, Indicator, IndicatorCode, IndicatorId, Observation, Period, Qualifier, Target,
    TargetKind, Term, TermId, Unit, UnitKind, ValueState, VnDecimal,
};
use resolution_dashboard::export::pdf::meeting_pack_pdf;
use resolution_dashboard::i18n::Locale;
use resolution_dashboard::ingest::seed::{BUILTIN_SEED, SeedFile};
use resolution_dashboard::present::{indicator_download, meeting_pack};

const INDICATORS: usize = 30;

fn number(n: i64) -> VnDecimal {
    VnDecimal::from_i64(n)
}

fn term_of_30() -> Result<TermData, Box<dyn std::error::Error>> {
    let changed_at = resolution_dashboard::clock::parse_stored("2026-11-26T00:00:00Z")
        .ok_or("the benchmark's timestamp")?;
    let seed = SeedFile::parse(BUILTIN_SEED)?;
    let term = Term::new(2015, 2020)?;
    let source = SourceRecord {
        document: Some(seed.source.title.clone()),
        quote: None,
    };
    let mut indicators = Vec::new();
    for n in 0..INDICATORS {
        let s = &seed.indicators[n % seed.indicators.len()];
        let id = i64::try_from(n)? + 1;
        let quote = s.values.first().map(|v| v.quote.clone());
        let values = (2016..=2020)
            .enumerate()
            .map(|(k, year)| ValueRecord {
                id: id * 10 + i64::try_from(k).unwrap_or(0),
                observation: Observation {
                    period: Period::Year(year),
                    value: number(10 + i64::try_from(k * 3 + n).unwrap_or(0)),
                    qualifier: Qualifier::Exact,
                },
                source: SourceRecord {
                    quote: quote.clone(),
                    ..source.clone()
                },
                note: None,
                state: ValueState::Approved,
                version: 1,
                updated_at: changed_at,
                review_comment: None,
                updated_by: None,
            })
            .collect();
        indicators.push(IndicatorRecord {
            id: IndicatorId::new(id),
            term_id: TermId::new(1),
            group_id: None,
            parent_id: None,
            definition: Indicator {
                code: IndicatorCode::parse(&format!("BM-{:02}", n + 1))?,
                name: s.name.clone(),
                name_en: s.name_en.clone(),
                unit: Unit {
                    kind: UnitKind::Count,
                    label: s.unit.clone(),
                    label_en: s.unit_en.clone(),
                },
                direction: Direction::HigherIsBetter,
            },
            headline: false,
            target: (n % 2 == 0).then(|| TargetRecord {
                target: Target {
                    kind: TargetKind::EachYear,
                    value: number(15),
                    direction: Direction::HigherIsBetter,
                },
                source: source.clone(),
            }),
            values,
        });
    }
    Ok(TermData {
        term: TermRecord {
            id: TermId::new(1),
            name: "Nhiệm kỳ 2015–2020".into(),
            name_en: Some("Term 2015–2020".into()),
            term,
        },
        groups: Vec::new(),
        indicators,
        data_version: 1,
        changed_at,
    })
}

fn exports(c: &mut Criterion) {
    let data = match term_of_30() {
        Ok(d) => d,
        Err(e) => panic!("benchmark data: {e}"),
    };
    let slide = ChartSize {
        width: 1920,
        height: 1080,
    };
    let download = indicator_download(&data, &data.indicators[0], Locale::Vi, 2026);
    c.bench_function("indicator chart SVG 1920x1080", |b| {
        b.iter(|| download.spec.render_framed(&download.frame, slide))
    });
    c.bench_function("indicator chart PNG 1920x1080", |b| {
        b.iter(|| {
            download
                .spec
                .render_framed(&download.frame, slide)
                .and_then(|svg| svg_to_png(&svg, 1))
        })
    });
    let mut group = c.benchmark_group("pdf");
    group.sample_size(10);
    group.bench_function("meeting pack PDF, 30 indicators", |b| {
        b.iter(|| {
            meeting_pack_pdf(
                &meeting_pack(&data, Locale::Vi, data.changed_at),
                Locale::Vi,
            )
        })
    });
    group.finish();
}

criterion_group!(benches, exports);
criterion_main!(benches);
