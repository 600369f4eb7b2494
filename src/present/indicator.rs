//! The indicator page: figures by period with their sources, the charts, and the
//! status with the rule and facts behind it.

use crate::db::TermData;
use crate::domain::IndicatorId;
use crate::i18n::{Explainer, Locale};
use crate::present::charts::{breakdown_chart, indicator_chart};
use crate::present::compare::compare_spec;
use crate::present::views::{
    IndicatorCharts, IndicatorPageView, IndicatorPlace, StatusWhy, ValueRowView, ValuesView,
};
use crate::present::{
    changed_label, indicator_label, localized, progress_of, row_view, source_view, term_link,
};

/// None when `id` is not an indicator of this term. `terms`: every term's data, for
/// the comparison across terms (may be empty).
pub fn indicator_page(
    data: &TermData,
    terms: &[TermData],
    id: IndicatorId,
    locale: Locale,
    today: i32,
) -> Option<IndicatorPageView> {
    let i = data.indicator(id)?;
    let progress = progress_of(i, &data.term.term, today);
    let ex = Explainer {
        locale,
        unit: &i.definition.unit,
    };
    let row = row_view(i, &progress, locale, false);
    let mut reasons = ex.reasons(&progress);
    reasons.insert(0, locale.rule(progress.status).to_string());
    let children = data
        .children_of(i.id)
        .map(|c| row_view(c, &progress_of(c, &data.term.term, today), locale, true))
        .collect::<Vec<_>>();
    Some(IndicatorPageView {
        indicator: row.indicator,
        place: IndicatorPlace {
            term: term_link(&data.term, locale),
            group: data
                .group(i.group_id)
                .map(|g| localized(&g.name, g.name_en.as_deref(), locale).to_string()),
            parent: i
                .parent_id
                .and_then(|p| data.indicator(p))
                .map(|p| indicator_label(p, locale)),
        },
        unit: localized(
            &i.definition.unit.label,
            i.definition.unit.label_en.as_deref(),
            locale,
        )
        .to_string(),
        // The same words as the indicator's row in the term's table.
        progress: row.progress,
        why: StatusWhy {
            reasons,
            target_source: i.target.as_ref().map(|t| source_view(&t.source)),
        },
        values: ValuesView {
            rows: i
                .values
                .iter()
                .map(|v| ValueRowView {
                    period: locale.period(v.observation.period),
                    figure: ex.figure(v.observation.value, v.observation.qualifier),
                    source: source_view(&v.source),
                    note: v.note.clone(),
                })
                .collect(),
            changed: changed_label(data.changed_at, locale),
        },
        charts: IndicatorCharts {
            figures: indicator_chart(data, i, locale),
            breakdown: if children.is_empty() {
                None
            } else {
                breakdown_chart(data, i, locale)
            },
            compare: compare_spec(terms, i, locale).and_then(|s| s.page_view()),
        },
        children,
    })
}
