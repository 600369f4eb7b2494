//! Server functions behind the staff pages (entry, review, accounts). Each checks
//! the role on the server before it reads anything.

use super::errors::PageError;
use super::views::{EntryPageView, HistoryOf, HistoryRowView, ReviewItemView, UserRowView};
use crate::i18n::Locale;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
fn require(
    action: crate::domain::Action,
) -> Result<(super::state::SignedIn, crate::db::Db), PageError> {
    let signed_in = super::state::signed_in().ok_or(PageError::SignInRequired)?;
    if !signed_in.user.role.may(action) {
        return Err(PageError::Forbidden);
    }
    let db = use_context::<super::state::AppState>()
        .ok_or(PageError::Internal)?
        .db;
    Ok((signed_in, db))
}

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
    super::build::entry::entry_page(&data, year, locked, locale).ok_or(PageError::NotFound)
}

#[server(prefix = "/fn", endpoint = "review_page")]
pub async fn get_review_items(locale: Locale) -> Result<Vec<ReviewItemView>, PageError> {
    let (_, db) = require(crate::domain::Action::ReviewValues)?;
    let mut items = Vec::new();
    for t in db.terms().await? {
        let working = db.term_data_as(t.id, crate::db::Figures::Working).await?;
        let approved = db.term_data(t.id).await?;
        if let (Some(w), Some(a)) = (working, approved) {
            items.extend(super::build::entry::review_items(&w, &a, locale));
        }
    }
    Ok(items)
}

#[server(prefix = "/fn", endpoint = "users_page")]
pub async fn get_users() -> Result<Vec<UserRowView>, PageError> {
    let (_, db) = require(crate::domain::Action::ManageUsers)?;
    Ok(db
        .users()
        .await?
        .into_iter()
        .map(|u| UserRowView {
            username: u.username,
            role: u.role.key().to_string(),
            disabled: u.disabled,
        })
        .collect())
}

/// The change history of an indicator or of a term, for signed-in users.
#[server(prefix = "/fn", endpoint = "history")]
pub async fn get_history(of: HistoryOf, locale: Locale) -> Result<Vec<HistoryRowView>, PageError> {
    let _ = super::state::signed_in().ok_or(PageError::SignInRequired)?;
    let db = use_context::<super::state::AppState>()
        .ok_or(PageError::Internal)?
        .db;
    let records = match of {
        HistoryOf::Indicator(id) => db.indicator_history(id).await?,
        HistoryOf::Term(id) => db.term_history(id).await?,
    };
    Ok(records
        .into_iter()
        .map(|r| super::build::entry::history_row(r, locale))
        .collect())
}
