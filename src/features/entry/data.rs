//! The server functions behind the entry pages; each checks the role first.

use crate::i18n::Locale;
use crate::present::views::{EntryPageView, TermSummary};
use crate::ui::errors::PageError;
use leptos::prelude::*;

#[server(prefix = "/fn", endpoint = "entry_page")]
pub async fn get_entry_page(
    term_id: i64,
    year: i32,
    locale: Locale,
) -> Result<EntryPageView, PageError> {
    let (_, db) = crate::ui::session::require(crate::domain::Action::EnterValues)?;
    let data = db
        .term_data_as(term_id, crate::db::Figures::Working)
        .await?
        .ok_or(PageError::NotFound)?;
    let locked = db.term_locked(term_id).await?.unwrap_or(false);
    crate::features::entry::build::entry_page(&data, year, locked, locale)
        .ok_or(PageError::NotFound)
}

/// The terms and their years, for choosing what to enter (`/entry`).
#[server(prefix = "/fn", endpoint = "entry_terms")]
pub async fn get_entry_terms(locale: Locale) -> Result<Vec<TermSummary>, PageError> {
    let (_, db) = crate::ui::session::require(crate::domain::Action::EnterValues)?;
    let terms = db.term_counts().await?;
    let today = crate::present::today_year();
    Ok(crate::present::home_view(&terms, None, locale, today).terms)
}
