//! The term page: every indicator grouped, with target, result, percent and status,
//! and the overview chart.

use crate::db::TermData;
use crate::domain::{IndicatorId, Progress, Status};
use crate::i18n::Locale;
use crate::present::charts::overview_chart;
use crate::present::views::{GroupView, StatusCount, TablePage, TermPageView};
use crate::present::{changed_label, progress_of_all, row_view, term_link};
use std::collections::HashMap;

/// Rows per page of the term table: a province-sized term has thousands of
/// indicators; a page stays readable and light. A parent is never split from its
/// breakdown.
pub const PAGE_SIZE: usize = 100;

pub fn term_page(
    data: &TermData,
    locale: Locale,
    today: i32,
    locked: bool,
    drafts: bool,
    page: usize,
) -> TermPageView {
    let progress = progress_of_all(data, today);
    let position: HashMap<IndicatorId, usize> = data
        .indicators
        .iter()
        .enumerate()
        .map(|(n, i)| (i.id, n))
        .collect();
    let mut children: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut families = Vec::new();
    for (n, i) in data.indicators.iter().enumerate() {
        match i.parent_id.and_then(|p| position.get(&p)) {
            Some(parent) => children.entry(*parent).or_default().push(n),
            None => families.push(n),
        }
    }
    let mut pages: Vec<Vec<usize>> = Vec::new();
    let mut rows_on_page = 0;
    for f in families {
        let size = 1 + children.get(&f).map_or(0, Vec::len);
        if rows_on_page + size > PAGE_SIZE || pages.is_empty() {
            pages.push(Vec::new());
            rows_on_page = 0;
        }
        rows_on_page += size;
        if let Some(last) = pages.last_mut() {
            last.push(f);
        }
    }
    let page_count = pages.len().max(1);
    let page = page.clamp(1, page_count);
    let on_page: Vec<usize> = pages.get(page - 1).cloned().unwrap_or_default();
    let mut groups: Vec<GroupView> = Vec::new();
    let mut shown = Vec::new();
    for f in on_page {
        let i = &data.indicators[f];
        let group_name = data
            .group(i.group_id)
            .map(|g| crate::present::localized(&g.name, g.name_en.as_deref(), locale).to_string())
            .unwrap_or_default();
        let mut rows = vec![row_view(i, &progress[f], locale, false)];
        shown.push(f);
        for c in children.get(&f).into_iter().flatten() {
            rows.push(row_view(&data.indicators[*c], &progress[*c], locale, true));
            shown.push(*c);
        }
        match groups.last_mut() {
            Some(g) if g.name == group_name => g.rows.extend(rows),
            _ => groups.push(GroupView {
                name: group_name,
                rows,
            }),
        }
    }
    // The chart shows the indicators of this page only.
    let page_data = TermData {
        term: data.term.clone(),
        groups: data.groups.clone(),
        indicators: shown.iter().map(|n| data.indicators[*n].clone()).collect(),
        data_version: data.data_version,
        changed_at: data.changed_at,
    };
    let page_progress: Vec<Progress> = shown.iter().map(|n| progress[*n].clone()).collect();
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
        table: TablePage {
            groups,
            chart: overview_chart(&page_data, &page_progress, locale),
            page,
            pages: page_count,
        },
        status_counts: status_counts(progress.iter().map(|p| p.status)),
        changed: changed_label(data.changed_at, locale),
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
