//! The server function behind the import page; it checks the role first.

use crate::domain::TermId;
use crate::features::entry::import::view::ImportPageView;
use crate::i18n::Locale;
use crate::ui::errors::PageError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::ui::session::require;

/// The term and year of an upload; not found for a year outside the term.
#[server(prefix = "/fn", endpoint = "import_page")]
pub async fn get_import_page(
    term_id: TermId,
    year: i32,
    locale: Locale,
) -> Result<ImportPageView, PageError> {
    let (_, db) = require(crate::domain::Action::EnterValues)?;
    let term = db
        .term(term_id.get())
        .await?
        .filter(|t| t.term.years().contains(&year))
        .ok_or(PageError::NotFound)?;
    Ok(ImportPageView {
        term: crate::present::term_link(&term, locale),
        year,
    })
}
