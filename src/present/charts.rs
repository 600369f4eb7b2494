//! Chart specifications for the pages, built from stored data, rendered to inline SVG
//! by `crate::charts`. Each chart comes with the data table that is its text
//! alternative.

use crate::charts::{ChartTexts, HBar, HBarChart, VBarChart};
use crate::db::{IndicatorRecord, TermData};
use crate::domain::{Period, Progress, TargetKind, VnDecimal};
use crate::i18n::{Explainer, Locale};
use crate::present::chart_spec::{Chart, ChartSpec};
use crate::present::indicator_name;
use crate::present::views::ChartView;

pub(crate) fn f64_of(v: VnDecimal) -> f64 {
    // Drawing only: every comparison and stored figure stays exact.
    v.canonical().parse().unwrap_or(0.0)
}

/// The overview inline on the term page.
pub fn overview_chart(data: &TermData, progress: &[Progress], locale: Locale) -> Option<ChartView> {
    overview_spec(data, progress, locale)
        .filter(|s| !s.table.is_empty())
        .and_then(ChartSpec::page_view)
}

/// The indicator's chart inline on its page.
pub fn indicator_chart(data: &TermData, i: &IndicatorRecord, locale: Locale) -> Option<ChartView> {
    indicator_spec(data, i, locale).and_then(ChartSpec::page_view)
}

/// A parent's breakdown inline on its page.
pub fn breakdown_chart(
    data: &TermData,
    parent: &IndicatorRecord,
    locale: Locale,
) -> Option<ChartView> {
    breakdown_spec(data, parent, locale).and_then(ChartSpec::page_view)
}

/// Percent of target reached by each indicator that has a target and a figure; with no
/// such indicator, a chart that says there is no data yet.
pub fn overview_spec(data: &TermData, progress: &[Progress], locale: Locale) -> Option<ChartSpec> {
    let bars: Vec<HBar> = data
        .indicators
        .iter()
        .zip(progress)
        .filter_map(|(i, p)| {
            let percent = p.percent?;
            Some(HBar {
                label: format!("{} {}", i.definition.code, indicator_name(i, locale)),
                value: f64_of(percent),
                value_label: format!("{} · {}", locale.percent(percent), locale.status(p.status)),
                note: None,
            })
        })
        .collect();
    let term = crate::present::term_link(&data.term, locale);
    let title = locale.tf("term.overview_chart", &[("term", &term.name)]);
    Some(ChartSpec::hbars(HBarChart {
        texts: ChartTexts {
            id: format!("overview-{}", data.term.id),
            title,
            description: locale.t("term.overview_desc").to_string(),
            axis_label: locale.t("term.overview_axis").to_string(),
        },
        reference: Some((100.0, locale.t("term.reference").to_string())),
        x_max: None,
        bars,
    }))
}

/// The indicator's own chart: yearly columns with the target line when there are
/// yearly figures, otherwise the whole-term result beside its target.
pub fn indicator_spec(data: &TermData, i: &IndicatorRecord, locale: Locale) -> Option<ChartSpec> {
    let ex = Explainer {
        locale,
        unit: &i.definition.unit,
    };
    let name = indicator_name(i, locale);
    let term = crate::present::term_link(&data.term, locale);
    let has_years = i
        .values
        .iter()
        .any(|v| matches!(v.observation.period, Period::Year(_)));
    if has_years {
        let years: Vec<i32> = data.term.term.years().collect();
        let values: Vec<Option<(f64, String)>> = years
            .iter()
            .map(|y| {
                i.values
                    .iter()
                    .find(|v| v.observation.period == Period::Year(*y))
                    .map(|v| {
                        (
                            f64_of(v.observation.value),
                            ex.figure(v.observation.value, v.observation.qualifier),
                        )
                    })
            })
            .collect();
        // A yearly line makes sense for targets that every year (or the average, or
        // the final level) is measured against; a cumulative total is not per year.
        let target = i
            .target
            .as_ref()
            .filter(|t| t.target.kind != TargetKind::Cumulative)
            .map(|t| (f64_of(t.target.value), ex.target(&t.target)));
        let table = years
            .iter()
            .zip(&values)
            .map(|(y, v)| {
                (
                    locale.period(Period::Year(*y)),
                    v.as_ref()
                        .map(|(_, l)| l.clone())
                        .unwrap_or_else(|| "—".into()),
                )
            })
            .collect();
        let title = locale.tf("indicator.chart_yearly", &[("name", &name)]);
        let chart = VBarChart {
            texts: ChartTexts {
                id: format!("indicator-{}", i.id),
                title,
                description: locale.tf("indicator.chart_yearly_desc", &[("term", &term.span)]),
                axis_label: localized_unit(i, locale),
            },
            categories: years.iter().map(|y| y.to_string()).collect(),
            values,
            target,
        };
        return Some(ChartSpec {
            chart: Chart::VBar(chart),
            table,
        });
    }
    let whole = i
        .values
        .iter()
        .find(|v| v.observation.period == Period::Term)?;
    let mut bars = vec![HBar {
        label: locale.t("indicator.result_bar").to_string(),
        value: f64_of(whole.observation.value),
        value_label: ex.figure(whole.observation.value, whole.observation.qualifier),
        note: None,
    }];
    if let Some(t) = &i.target {
        bars.push(HBar {
            label: locale.t("indicator.target_bar").to_string(),
            value: f64_of(t.target.value),
            value_label: ex.target(&t.target),
            note: None,
        });
    }
    let key = if i.target.is_some() {
        "indicator.chart_total"
    } else {
        "indicator.chart_value_only"
    };
    let title = locale.tf(key, &[("name", &name)]);
    let description = locale.t("indicator.chart_total_desc");
    Some(unit_bars(i, locale, "indicator", title, description, bars))
}

/// A parent's breakdown: one bar per child with a whole-term (or latest) figure.
pub fn breakdown_spec(
    data: &TermData,
    parent: &IndicatorRecord,
    locale: Locale,
) -> Option<ChartSpec> {
    let bars: Vec<HBar> = data
        .children_of(parent.id)
        .filter_map(|c| {
            let v = c.values.last()?;
            let ex = Explainer {
                locale,
                unit: &c.definition.unit,
            };
            Some(HBar {
                label: indicator_name(c, locale),
                value: f64_of(v.observation.value),
                value_label: ex.figure(v.observation.value, v.observation.qualifier),
                note: None,
            })
        })
        .collect();
    if bars.is_empty() {
        return None;
    }
    let title = locale.tf(
        "indicator.breakdown_chart",
        &[("name", &indicator_name(parent, locale))],
    );
    let description = locale.t("indicator.breakdown_desc");
    Some(unit_bars(parent, locale, "breakdown", title, description, bars))
}

/// Bars measured in the unit of `i`, with no reference line (its total beside its
/// target, or its children's figures); the chart's id is `{kind}-{id of i}`.
fn unit_bars(
    i: &IndicatorRecord,
    locale: Locale,
    kind: &str,
    title: String,
    description: &str,
    bars: Vec<HBar>,
) -> ChartSpec {
    ChartSpec::hbars(HBarChart {
        texts: ChartTexts {
            id: format!("{kind}-{}", i.id),
            title,
            description: description.to_string(),
            axis_label: localized_unit(i, locale),
        },
        reference: None,
        x_max: None,
        bars,
    })
}

pub(crate) fn localized_unit(i: &IndicatorRecord, locale: Locale) -> String {
    crate::present::localized(
        &i.definition.unit.label,
        i.definition.unit.label_en.as_deref(),
        locale,
    )
    .to_string()
}
