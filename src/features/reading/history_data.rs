//! The server function behind the history lists of the term and indicator pages.

use crate::i18n::Locale;
use crate::present::views::{HistoryOf, HistoryRowView};
use crate::ui::errors::PageError;
use leptos::prelude::*;

/// The change history of an indicator or of a term, for signed-in users.
#[server(prefix = "/fn", endpoint = "history")]
pub async fn get_history(of: HistoryOf, locale: Locale) -> Result<Vec<HistoryRowView>, PageError> {
    let _ = crate::web::state::signed_in().ok_or(PageError::SignInRequired)?;
    let db = use_context::<crate::web::state::AppState>()
        .ok_or(PageError::Internal)?
        .db;
    let records = match of {
        HistoryOf::Indicator(id) => db.indicator_history(id.get()).await?,
        HistoryOf::Term(id) => db.term_history(id.get()).await?,
    };
    Ok(records
        .into_iter()
        .map(|r| crate::present::history_row(r, locale))
        .collect())
}
