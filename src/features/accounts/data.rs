//! The server functions behind the accounts page; each checks the role first.

use crate::features::accounts::view::UserRowView;
use crate::ui::errors::PageError;
use leptos::prelude::*;

#[server(prefix = "/fn", endpoint = "users_page")]
pub async fn get_users() -> Result<Vec<UserRowView>, PageError> {
    let (_, db) = crate::ui::session::require(crate::domain::Action::ManageUsers)?;
    Ok(db
        .users()
        .await?
        .into_iter()
        .map(|u| UserRowView {
            username: u.username,
            role: u.role,
            disabled: u.disabled,
        })
        .collect())
}

/// Whether the separation of duties holds, for the admin's switch.
#[server(prefix = "/fn", endpoint = "review_rule")]
pub async fn get_review_rule() -> Result<bool, PageError> {
    let (_, db) = crate::ui::session::require(crate::domain::Action::ManageUsers)?;
    Ok(db.separation_of_duties().await?)
}

/// The API tokens, for the admin's list.
#[server(prefix = "/fn", endpoint = "api_tokens")]
pub async fn get_api_tokens(
    locale: crate::i18n::Locale,
) -> Result<Vec<crate::features::accounts::view::ApiTokenView>, PageError> {
    let (_, db) = crate::ui::session::require(crate::domain::Action::ManageUsers)?;
    let when = |at: &str| {
        crate::clock::parse_stored(at)
            .map(|t| crate::present::date_label(t, locale))
            .unwrap_or_else(|| at.to_string())
    };
    Ok(db
        .api_tokens()
        .await?
        .into_iter()
        .map(|t| crate::features::accounts::view::ApiTokenView {
            id: t.id,
            created: when(&t.created_at),
            last_used: t.last_used_at.as_deref().map_or("—".to_string(), when),
            revoked: t.revoked,
            username: t.username,
            label: t.label,
        })
        .collect())
}
