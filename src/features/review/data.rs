//! The server function behind the review page; it checks the role first.

use crate::features::review::view::{ReviewFilter, ReviewPageView};
use crate::i18n::Locale;
use crate::ui::errors::PageError;
use leptos::prelude::*;

#[server(prefix = "/fn", endpoint = "review_page")]
pub async fn get_review_page(
    locale: Locale,
    filter: ReviewFilter,
) -> Result<ReviewPageView, PageError> {
    let (_, db) = crate::ui::session::require(crate::domain::Action::ReviewValues)?;
    let mut items = Vec::new();
    let mut groups = std::collections::BTreeMap::new();
    for t in db.terms().await? {
        let working = db
            .term_data_as(t.id.get(), crate::db::Figures::Working)
            .await?;
        let approved = db.term_data(t.id.get()).await?;
        if let (Some(w), Some(a)) = (working, approved) {
            let returns = db.open_returns(t.id.get()).await?;
            for g in &w.groups {
                groups.insert(
                    g.id,
                    crate::present::localized(&g.name, g.name_en.as_deref(), locale).to_string(),
                );
            }
            items.extend(crate::features::review::build::review_items(
                &w, &a, &returns, locale,
            ));
        }
    }
    let waiting = items.len();
    // The choices are what waits: a term, year or group with nothing to review is
    // not offered.
    let mut terms: Vec<_> = items.iter().map(|i| i.term.clone()).collect();
    terms.dedup_by_key(|t| t.id);
    let mut years: Vec<i32> = items
        .iter()
        .filter_map(|i| match i.period {
            crate::domain::Period::Year(y) => Some(y),
            crate::domain::Period::Term => None,
        })
        .collect();
    years.sort_unstable();
    years.dedup();
    let used: std::collections::BTreeSet<i64> = items.iter().filter_map(|i| i.group).collect();
    let groups = groups
        .into_iter()
        .filter(|(id, _)| used.contains(id))
        .collect();
    items.retain(|i| filter.admits(i));
    Ok(ReviewPageView {
        items,
        waiting,
        terms,
        years,
        groups,
        filter,
    })
}
