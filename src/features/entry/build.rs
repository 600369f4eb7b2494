//! The yearly entry form, built from the working figures of a term.

use crate::db::TermData;
use crate::domain::{Period, Qualifier, ValueState};
use crate::features::entry::view::{EntryPageView, EntryRowView, EntryTermView, StoredFigure};
use crate::i18n::Locale;
use crate::present::{figure_in, indicator_label, localized, source_view, term_link};

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
                indicator: indicator_label(i, locale),
                unit: localized(
                    &i.definition.unit.label,
                    i.definition.unit.label_en.as_deref(),
                    locale,
                )
                .to_string(),
                is_child: i.parent_id.is_some(),
                previous: figure_in(i, Period::Year(year - 1), locale)
                    .unwrap_or_else(|| "—".to_string()),
                stored: StoredFigure {
                    value: current
                        .map(|v| v.observation.value.format_vi())
                        .unwrap_or_default(),
                    qualifier: current.map_or(Qualifier::Exact, |v| v.observation.qualifier),
                    note: current.and_then(|v| v.note.clone()),
                    source: current.map(|v| source_view(&v.source)).unwrap_or_default(),
                    version: current.map_or(0, |v| v.version),
                    state: current.map(|v| v.state),
                    review_comment: current.and_then(|v| v.review_comment.clone()),
                },
            }
        })
        .collect();
    let unsubmitted = rows
        .iter()
        // "Gửi duyệt" sends drafts only: a returned figure goes back once changed,
        // or alone through its own button.
        .filter(|r| r.stored.state == Some(ValueState::Draft))
        .count();
    Some(EntryPageView {
        term: EntryTermView {
            term: term_link(&data.term, locale),
            years: data.term.term.years().collect(),
        },
        year,
        locked,
        rows,
        unsubmitted,
    })
}
