//! Server functions behind the admin's definition pages; admin only.

use crate::domain::{IndicatorId, TermId};
use crate::features::definitions::view::{AdminIndicatorView, AdminTermView, AdminTermsView};
use crate::i18n::Locale;
use crate::ui::errors::PageError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
fn admin_db() -> Result<crate::db::Db, PageError> {
    let signed_in = crate::web::state::signed_in().ok_or(PageError::SignInRequired)?;
    if !signed_in
        .user
        .role
        .may(crate::domain::Action::ManageDefinitions)
    {
        return Err(PageError::Forbidden);
    }
    Ok(use_context::<crate::web::state::AppState>()
        .ok_or(PageError::Internal)?
        .db)
}

#[server(prefix = "/fn", endpoint = "admin_terms")]
pub async fn get_admin_terms(locale: Locale) -> Result<AdminTermsView, PageError> {
    let db = admin_db()?;
    let groups = crate::features::definitions::build::group_rows(&db.all_groups().await?);
    let terms = db
        .all_terms()
        .await?
        .into_iter()
        .map(|(t, archived)| {
            let link = crate::present::term_link(&t, locale);
            crate::features::definitions::view::AdminTermRow {
                id: link.id,
                name: link.name,
                span: link.span,
                archived,
            }
        })
        .collect();
    Ok(AdminTermsView { terms, groups })
}

#[server(prefix = "/fn", endpoint = "admin_term")]
pub async fn get_admin_term(id: TermId, locale: Locale) -> Result<AdminTermView, PageError> {
    let db = admin_db()?;
    let data = db
        .term_data_as(id.get(), crate::db::Figures::Working)
        .await?
        .ok_or(PageError::NotFound)?;
    let archived = db.archived_indicators(id.get()).await?;
    Ok(crate::features::definitions::build::term_view(
        &data, &archived, locale,
    ))
}

#[server(prefix = "/fn", endpoint = "admin_indicator")]
pub async fn get_admin_indicator(
    id: IndicatorId,
    locale: Locale,
) -> Result<AdminIndicatorView, PageError> {
    let db = admin_db()?;
    let term = db
        .term_of_indicator(id.get())
        .await?
        .ok_or(PageError::NotFound)?;
    let data = db
        .term_data_as(term, crate::db::Figures::Working)
        .await?
        .ok_or(PageError::NotFound)?;
    let history = db.target_history(id.get()).await?;
    crate::features::definitions::build::indicator_view(&data, id, &history, locale)
        .ok_or(PageError::NotFound)
}
