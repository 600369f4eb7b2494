//! The overview page: the terms, and for the latest term with figures its headline
//! figures and how many indicators stand in each status.

use crate::db::{TermCounts, TermData};
use crate::i18n::{Explainer, Locale};
use crate::present::term::status_counts;
use crate::present::views::{FigureCard, HomeView, LatestTermView, TermSummary};
use crate::present::{indicator_name, progress_of, term_link};

/// How many headline cards the overview shows.
const CARDS: usize = 8;

/// `terms` in chronological order with their counts; `latest` the data of the most
/// recent term that has figures, if any.
pub fn home_view(
    terms: &[TermCounts],
    latest: Option<&TermData>,
    locale: Locale,
    today: i32,
) -> HomeView {
    let summaries = terms
        .iter()
        .map(|t| TermSummary {
            term: term_link(&t.term, locale),
            years: t.term.term.years().collect(),
            indicators: usize::try_from(t.indicators).unwrap_or(0),
            with_values: usize::try_from(t.with_values).unwrap_or(0),
        })
        .collect();
    let latest = latest.map(|t| {
        let progress: Vec<_> = t
            .indicators
            .iter()
            .map(|i| (i, progress_of(i, &t.term.term, today)))
            .collect();
        // The indicators marked as headlines; without any, the top-level figures with
        // a target first (they have a status to tell), then the others.
        let with_figure = || progress.iter().filter(|(_, p)| p.actual.is_some());
        let mut candidates: Vec<_> = with_figure().filter(|(i, _)| i.headline).collect();
        if candidates.is_empty() {
            candidates = with_figure()
                .filter(|(i, _)| i.parent_id.is_none())
                .collect();
            candidates.sort_by_key(|(i, _)| i.target.is_none());
        }
        let cards = candidates
            .iter()
            .take(CARDS)
            .map(|(i, p)| {
                let ex = Explainer {
                    locale,
                    unit: &i.definition.unit,
                };
                FigureCard {
                    indicator_id: i.id,
                    name: indicator_name(i, locale),
                    figure: match (p.actual, p.actual_qualifier) {
                        (Some(v), Some(q)) => ex.figure(v, q),
                        (Some(v), None) => ex.amount(v),
                        _ => String::new(),
                    },
                    status: p.status,
                }
            })
            .collect();
        LatestTermView {
            term: term_link(&t.term, locale),
            cards,
            status_counts: status_counts(progress.iter().map(|(_, p)| p.status)),
        }
    });
    HomeView {
        terms: summaries,
        latest,
    }
}
