//! Server functions that load each page's data. Thin: get the context, call the
//! repository, map to a view type. On the server they run in-process during
//! rendering; a hydrated browser would call them over HTTP.

use crate::domain::{IndicatorId, TermId};
use crate::i18n::Locale;
use crate::present::views::{HomeView, IndicatorPageView, TermPageView};
use crate::ui::errors::PageError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
fn state() -> Result<crate::web::state::AppState, PageError> {
    use_context::<crate::web::state::AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the Leptos context");
        PageError::Internal
    })
}

#[server(prefix = "/fn", endpoint = "home")]
pub async fn get_home(locale: Locale) -> Result<HomeView, PageError> {
    let db = state()?.db;
    // Counts for every term in one query; the full data of one term only.
    let terms = db.term_counts().await?;
    let latest = match terms.iter().rev().find(|t| t.with_values > 0) {
        Some(t) => db.term_data(t.term.id.get()).await?,
        None => None,
    };
    Ok(crate::present::home_view(
        &terms,
        latest.as_deref(),
        locale,
        crate::present::today_year(),
    ))
}

/// With `drafts`, a signed-in user sees the working figures (drafts, submitted),
/// each marked with its state; everyone else always sees approved figures.
#[server(prefix = "/fn", endpoint = "term_page")]
pub async fn get_term_page(
    id: TermId,
    locale: Locale,
    drafts: bool,
    page: usize,
) -> Result<TermPageView, PageError> {
    let db = state()?.db;
    let drafts = drafts && crate::web::state::signed_in().is_some();
    let figures = if drafts {
        crate::db::Figures::Working
    } else {
        crate::db::Figures::Approved
    };
    let data = db
        .term_data_as(id.get(), figures)
        .await?
        .ok_or(PageError::NotFound)?;
    let locked = db.term_locked(id.get()).await?.unwrap_or(false);
    // A page past the last (a stale link) shows the last page.
    Ok(crate::present::term_page(
        &data,
        locale,
        crate::present::today_year(),
        locked,
        drafts,
        page,
    ))
}

#[server(prefix = "/fn", endpoint = "indicator_page")]
pub async fn get_indicator_page(
    id: IndicatorId,
    locale: Locale,
) -> Result<IndicatorPageView, PageError> {
    let db = state()?.db;
    // Only the indicator's family, here and in the other terms: a province-sized
    // term has thousands of indicators the page does not show.
    let data = db
        .indicator_family(id.get(), crate::db::Figures::Approved)
        .await?
        .ok_or(PageError::NotFound)?;
    let terms = db.indicator_across_terms(id.get()).await?;
    crate::present::indicator_page(&data, &terms, id, locale, crate::present::today_year())
        .ok_or(PageError::NotFound)
}
