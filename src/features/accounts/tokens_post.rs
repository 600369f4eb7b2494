//! POST /admin/tokens (issue a token to an account, shown once) and
//! /admin/tokens/{id}/revoke: the admin's management of the tokens programs use.

use crate::domain::has_control_chars;
use crate::features::accounts::view::NewToken;
use crate::web::auth::secret;
use crate::web::form::form_actor;
use crate::web::form_error::{FormError, Refusal};
use crate::web::guard::{ManageUsers, NoFields, Post};
use crate::web::lang::Lang;
use crate::web::rejection::PagePath;
use crate::web::render::{page_with_context, see_other};
use crate::web::state::AppState;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::Response;
use axum::routing::post;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/tokens", post(issue))
        .route("/admin/tokens/{id}/revoke", post(revoke))
}

/// The account a token acts as, and what the admin calls it ("Cổng dữ liệu tỉnh").
#[derive(Deserialize)]
struct TokenForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    label: String,
}

async fn issue(
    State(state): State<AppState>,
    Lang(l): Lang,
    parts: Parts,
    post: Post<ManageUsers, TokenForm>,
) -> Result<Response, FormError> {
    let label = post.form.label.trim();
    let refusal = Refusal::on("/admin/users#api-tokens", &post.fields).fix_errors(l);
    if label.is_empty() || label.chars().count() > 100 || has_control_chars(label) {
        return Err(refusal.field("label", l.t("tokens.bad_label")).into());
    }
    let users = state.db.users().await?;
    let Some(user) = users
        .iter()
        .find(|u| u.username == post.form.username && !u.disabled)
    else {
        return Err(refusal.field("username", l.t("tokens.bad_user")).into());
    };
    let token = secret::token();
    let actor = form_actor(&post.user);
    state
        .db
        .issue_api_token(user.id.get(), &secret::hash(&token), label, &actor)
        .await?;
    tracing::info!(by = %post.user.user.username, for_user = %user.username, "API token issued");
    // Shown on this answer only (no redirect: the token is never kept to show again).
    let shown = NewToken(token);
    Ok(
        page_with_context(&state, &parts, "/admin/users", StatusCode::OK, move || {
            leptos::context::provide_context(shown.clone())
        })
        .await,
    )
}

async fn revoke(
    State(state): State<AppState>,
    PagePath(id): PagePath<i64>,
    post: Post<ManageUsers, NoFields>,
) -> Result<Response, FormError> {
    match state
        .db
        .revoke_api_token(id, &form_actor(&post.user))
        .await?
    {
        true => Ok(see_other("/admin/users#api-tokens")),
        false => Err(FormError::NotFound),
    }
}
