//! The review queue, built from a term's working and approved figures.

use crate::db::{Returns, TermData};
use crate::domain::ValueState;
use crate::features::review::view::{EarlierReturn, ReviewItemView};
use crate::i18n::{Explainer, Locale};
use crate::present::{date_label, figure_in, indicator_label, term_link};

/// Submitted figures of a term, each with the approved figure it would replace.
pub fn review_items(
    working: &TermData,
    approved: &TermData,
    returns: &Returns,
    locale: Locale,
) -> Vec<ReviewItemView> {
    let mut items = Vec::new();
    for i in &working.indicators {
        for v in i.values.iter().filter(|v| v.state == ValueState::Submitted) {
            let ex = Explainer {
                locale,
                unit: &i.definition.unit,
            };
            let before = approved
                .indicator(i.id)
                .and_then(|a| figure_in(a, v.observation.period, locale));
            items.push(ReviewItemView {
                indicator: indicator_label(i, locale),
                term: term_link(&working.term, locale),
                period: v.observation.period,
                period_label: locale.period(v.observation.period),
                figure: ex.figure(v.observation.value, v.observation.qualifier),
                previous_approved: before.unwrap_or_else(|| "—".to_string()),
                note: v.note.clone(),
                by: v.updated_by.clone(),
                earlier_return: returns.get(&(i.id.get(), v.observation.period)).map(|r| {
                    EarlierReturn {
                        by: r.by.clone().unwrap_or_else(|| "—".to_string()),
                        when: date_label(r.at, locale),
                        comment: r.comment.clone().unwrap_or_default(),
                    }
                }),
            });
        }
    }
    items
}
