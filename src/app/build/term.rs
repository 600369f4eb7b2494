//! The term page: every indicator grouped, with target, result, percent and status,
//! and the overview chart.

use super::charts::overview_chart;
use super::{changed_label, progress_of, row_view, term_link};
use crate::app::views::{GroupView, StatusCount, TermPageView};
use crate::db::TermData;
use crate::domain::{Progress, Status};
use crate::i18n::Locale;

pub fn term_page(
    data: &TermData,
    locale: Locale,
    today: i32,
    locked: bool,
    drafts: bool,
) -> TermPageView {
    let progress: Vec<Progress> = data
        .indicators
        .iter()
        .map(|i| progress_of(i, &data.term.term, today))
        .collect();
    let mut groups: Vec<GroupView> = Vec::new();
    // Parents first, each followed by its breakdown, in the stored order.
    for (i, p) in data.indicators.iter().zip(&progress) {
        if i.parent_id.is_some() && data.indicator(i.parent_id.unwrap_or_default()).is_some() {
            continue;
        }
        let group_name = data
            .group(i.group_id)
            .map(|g| super::localized(&g.name, g.name_en.as_deref(), locale).to_string())
            .unwrap_or_default();
        let mut rows = vec![row_view(i, p, locale, false)];
        for (child, cp) in data
            .indicators
            .iter()
            .zip(&progress)
            .filter(|(c, _)| c.parent_id == Some(i.id))
        {
            rows.push(row_view(child, cp, locale, true));
        }
        match groups.last_mut() {
            Some(g) if g.name == group_name => g.rows.extend(rows),
            _ => groups.push(GroupView {
                name: group_name,
                rows,
            }),
        }
    }
    let first = data.term.term.years().next().unwrap_or_default();
    TermPageView {
        term: term_link(&data.term, locale),
        years: locale.tf(
            "term.years",
            &[
                ("from", &first.to_string()),
                ("to", &data.term.term.end_year().to_string()),
            ],
        ),
        groups,
        status_counts: status_counts(progress.iter().map(|p| p.status)),
        chart: overview_chart(data, &progress, locale),
        changed: changed_label(&data.changed_at, locale),
        locked,
        drafts,
    }
}

/// Counts per status, in the fixed order of `Status::ALL`, leaving out zeros.
pub fn status_counts(statuses: impl Iterator<Item = Status>) -> Vec<StatusCount> {
    let statuses: Vec<Status> = statuses.collect();
    Status::ALL
        .iter()
        .map(|s| StatusCount {
            status: *s,
            count: statuses.iter().filter(|x| *x == s).count(),
        })
        .filter(|c| c.count > 0)
        .collect()
}
