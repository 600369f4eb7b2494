//! The server function behind the entry form; it checks the role first.

use crate::i18n::Locale;
use crate::present::views::EntryPageView;
use crate::ui::errors::PageError;
use leptos::prelude::*;

use crate::ui::session::require;

#[server(prefix = "/fn", endpoint = "entry_page")]
pub async fn get_entry_page(
    term_id: i64,
    year: i32,
    locale: Locale,
) -> Result<EntryPageView, PageError> {
    let (_, db) = require(crate::domain::Action::EnterValues)?;
    let data = db
        .term_data_as(term_id, crate::db::Figures::Working)
        .await?
        .ok_or(PageError::NotFound)?;
    let locked = db.term_locked(term_id).await?.unwrap_or(false);
    crate::features::entry::build::entry_page(&data, year, locked, locale)
        .ok_or(PageError::NotFound)
}
