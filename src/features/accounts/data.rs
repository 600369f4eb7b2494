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
