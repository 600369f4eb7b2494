//! Term vs term: the same indicator (same code and unit) in several terms, aligned by
//! year of term — year 1 of 2015–2020 (2016) beside year 1 of 2020–2025 (2021) — with
//! the whole-term figures as a last group when any term has one.

use crate::charts::{ChartTexts, GroupedBarChart, Series};
use crate::db::{IndicatorRecord, TermData};
use crate::domain::Period;
use crate::i18n::{Explainer, Locale};
use crate::present::chart_spec::{Chart, ChartSpec};
use crate::present::charts::{f64_of, localized_unit};
use crate::present::{indicator_name, term_link};

/// The indicator's record in each term that has it, in term order (by start year).
pub fn same_indicator_in_terms<'a>(
    terms: &'a [TermData],
    current: &IndicatorRecord,
) -> Vec<(&'a TermData, &'a IndicatorRecord)> {
    let mut found: Vec<(&TermData, &IndicatorRecord)> = terms
        .iter()
        .filter_map(|t| {
            t.indicators
                .iter()
                .find(|i| {
                    i.definition.code == current.definition.code
                        && i.definition.unit.label == current.definition.unit.label
                })
                .map(|i| (t, i))
        })
        .collect();
    found.sort_by_key(|(t, _)| t.term.term.start_year());
    found
}

/// The comparison chart; None when the indicator exists in fewer than two terms.
pub fn compare_spec(
    terms: &[TermData],
    current: &IndicatorRecord,
    locale: Locale,
) -> Option<ChartSpec> {
    let found = same_indicator_in_terms(terms, current);
    if found.len() < 2 {
        return None;
    }
    // Year groups only when some term has yearly figures: ten empty marks say nothing.
    let any_yearly = found.iter().any(|(_, i)| {
        i.values
            .iter()
            .any(|v| matches!(v.observation.period, Period::Year(_)))
    });
    let years = found
        .iter()
        .map(|(t, _)| t.term.term.year_count())
        .max()
        .unwrap_or(0);
    let shown_years = if any_yearly { years } else { 0 };
    let with_term_figure = found.iter().any(|(_, i)| {
        i.values
            .iter()
            .any(|v| v.observation.period == Period::Term)
    });
    // Each group: its label, and the year of term (None: the whole term).
    let mut slots: Vec<(String, Option<i32>)> = (1..=shown_years)
        .map(|n| (locale.tf("compare.year", &[("n", &n.to_string())]), Some(n)))
        .collect();
    if with_term_figure {
        slots.push((locale.t("period.term").to_string(), None));
    }

    let mut table = Vec::new();
    let series: Vec<Series> = found
        .iter()
        .map(|(t, i)| {
            let ex = Explainer {
                locale,
                unit: &i.definition.unit,
            };
            let span = term_link(&t.term, locale).span;
            let start = t.term.term.start_year();
            let values: Vec<Option<(f64, String)>> = slots
                .iter()
                .map(|(_, n)| {
                    let period = n.map_or(Period::Term, |n| Period::Year(start + n));
                    i.values
                        .iter()
                        .find(|v| v.observation.period == period)
                        .map(|v| {
                            let o = &v.observation;
                            (f64_of(o.value), ex.figure(o.value, o.qualifier))
                        })
                })
                .collect();
            for ((slot, _), value) in slots.iter().zip(&values) {
                let shown = value.as_ref().map_or("—".to_string(), |(_, l)| l.clone());
                table.push((format!("{slot} · {span}"), shown));
            }
            let name = if values.iter().any(Option::is_some) {
                span
            } else {
                locale.tf("compare.no_data_series", &[("term", &span)])
            };
            Series { name, values }
        })
        .collect();
    let name = indicator_name(current, locale);
    let chart = GroupedBarChart {
        texts: ChartTexts {
            id: format!("compare-{}", current.id),
            title: locale.tf("compare.chart", &[("name", &name)]),
            description: locale.tf("compare.desc", &[("years", &years.to_string())]),
            axis_label: localized_unit(current, locale),
        },
        categories: slots.into_iter().map(|(label, _)| label).collect(),
        series,
    };
    Some(ChartSpec {
        chart: Chart::Grouped(chart),
        table,
    })
}
