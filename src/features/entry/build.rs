//! View types of the staff pages: the yearly entry form, the review queue and the
//! change history.

use crate::db::{AuditRecord, IndicatorRecord, TermData};
use crate::domain::{Period, VnDecimal};
use crate::i18n::{Explainer, Locale};
use crate::present::views::{EntryPageView, EntryRowView, HistoryRowView, ReviewItemView};
use crate::present::{indicator_name, localized, term_link};

fn figure_of(i: &IndicatorRecord, period: Period, locale: Locale) -> Option<String> {
    let v = i.values.iter().find(|v| v.observation.period == period)?;
    let ex = Explainer {
        locale,
        unit: &i.definition.unit,
    };
    Some(ex.figure(v.observation.value, v.observation.qualifier))
}

pub fn entry_page(
    data: &TermData,
    year: i32,
    locked: bool,
    locale: Locale,
) -> Option<EntryPageView> {
    if !data.term.term.years().contains(&year) {
        return None;
    }
    let period = Period::Year(year);
    let rows: Vec<EntryRowView> = data
        .indicators
        .iter()
        .map(|i| {
            let current = i.values.iter().find(|v| v.observation.period == period);
            EntryRowView {
                id: i.id,
                code: i.definition.code.to_string(),
                name: indicator_name(i, locale),
                unit: localized(
                    &i.definition.unit.label,
                    i.definition.unit.label_en.as_deref(),
                    locale,
                )
                .to_string(),
                is_child: i.parent_id.is_some(),
                previous: figure_of(i, Period::Year(year - 1), locale)
                    .unwrap_or_else(|| "—".to_string()),
                value: current
                    .map(|v| v.observation.value.format_vi())
                    .unwrap_or_default(),
                qualifier: current
                    .map_or("exact", |v| v.observation.qualifier.key())
                    .to_string(),
                note: current.and_then(|v| v.note.clone()).unwrap_or_default(),
                document: current
                    .and_then(|v| v.source.document.clone())
                    .unwrap_or_default(),
                quote: current
                    .and_then(|v| v.source.quote.clone())
                    .unwrap_or_default(),
                version: current.map_or(0, |v| v.version),
                state: current.map(|v| v.state.clone()),
                review_comment: current.and_then(|v| v.review_comment.clone()),
            }
        })
        .collect();
    let unsubmitted = rows
        .iter()
        .filter(|r| matches!(r.state.as_deref(), Some("draft" | "returned")))
        .count();
    Some(EntryPageView {
        term: term_link(&data.term, locale),
        year,
        years: data.term.term.years().collect(),
        locked,
        rows,
        unsubmitted,
    })
}

/// Submitted figures of a term, each with the approved figure it would replace.
pub fn review_items(
    working: &TermData,
    approved: &TermData,
    locale: Locale,
) -> Vec<ReviewItemView> {
    let mut items = Vec::new();
    for i in &working.indicators {
        for v in i.values.iter().filter(|v| v.state == "submitted") {
            let ex = Explainer {
                locale,
                unit: &i.definition.unit,
            };
            let before = approved
                .indicator(i.id)
                .and_then(|a| figure_of(a, v.observation.period, locale));
            items.push(ReviewItemView {
                indicator_id: i.id,
                code: i.definition.code.to_string(),
                name: indicator_name(i, locale),
                term: term_link(&working.term, locale),
                period: v.observation.period.key(),
                period_label: locale.period(v.observation.period),
                figure: ex.figure(v.observation.value, v.observation.qualifier),
                previous_approved: before.unwrap_or_else(|| "—".to_string()),
                note: v.note.clone(),
                by: v.updated_by.clone(),
            });
        }
    }
    items
}

pub fn history_row(r: AuditRecord, locale: Locale) -> HistoryRowView {
    // A figure is shown the Vietnamese way; a definition's summary ("NV-01 …") as
    // written.
    let show = |v: &Option<String>| match v.as_deref() {
        None => "—".to_string(),
        Some(t) => VnDecimal::from_canonical(t)
            .map(|d| locale.number(d))
            .unwrap_or_else(|_| t.to_string()),
    };
    let change = if r.old_value == r.new_value {
        show(&r.new_value)
    } else {
        format!("{} → {}", show(&r.old_value), show(&r.new_value))
    };
    HistoryRowView {
        at: r.at.replace('T', " ").trim_end_matches('Z').to_string(),
        who: r.username.unwrap_or_else(|| "—".to_string()),
        action: locale
            .t(&format!("history.{}", r.action.replace('.', "_")))
            .to_string(),
        period: r
            .period
            .and_then(|p| Period::parse(&p))
            .map(|p| locale.period(p))
            .unwrap_or_default(),
        change,
        note: r.note,
    }
}
