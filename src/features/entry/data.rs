//! The server functions behind the entry pages; each checks the role first.

use crate::domain::TermId;
use crate::features::entry::view::{EntryPageView, EntryTermView};
use crate::i18n::Locale;
use crate::ui::errors::PageError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::ui::session::require;

/// The terms and their plan years, for the clerk to choose one.
#[server(prefix = "/fn", endpoint = "entry_terms")]
pub async fn get_entry_terms(locale: Locale) -> Result<Vec<EntryTermView>, PageError> {
    let (_, db) = require(crate::domain::Action::EnterValues)?;
    Ok(db
        .terms()
        .await?
        .iter()
        .map(|t| EntryTermView {
            term: crate::present::term_link(t, locale),
            years: t.term.years().collect(),
        })
        .collect())
}

#[server(prefix = "/fn", endpoint = "entry_page")]
pub async fn get_entry_page(
    term_id: TermId,
    year: i32,
    locale: Locale,
) -> Result<EntryPageView, PageError> {
    let (_, db) = crate::ui::session::require(crate::domain::Action::EnterValues)?;
    let data = db
        .term_data_as(term_id.get(), crate::db::Figures::Working)
        .await?
        .ok_or(PageError::NotFound)?;
    let locked = db.term_locked(term_id.get()).await?.unwrap_or(false);
    crate::features::entry::build::entry_page(&data, year, locked, locale)
        .ok_or(PageError::NotFound)
}
