//! POST /admin/users (create an account) and /admin/users/{name}/{disable|enable}:
//! the admin's account management.

use crate::domain::Role;
use crate::web::auth::password;
use crate::web::form::{Fields, form_actor};
use crate::web::form_error::{FormError, Refusal};
use crate::web::guard::{ManageUsers, NoFields, Post};
use crate::web::lang::Lang;
use crate::web::rejection::PagePath;
use crate::web::render::see_other;
use crate::web::state::AppState;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::post;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/users", post(create))
        .route("/admin/users/{username}/{change}", post(change))
        .route(
            "/admin/settings/separation-of-duties/{change}",
            post(separation_of_duties),
        )
}

/// 3 to 40 characters: letters, digits, '.', '_' or '-'.
pub fn valid_username(name: &str) -> bool {
    (3..=40).contains(&name.chars().count())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// The new-account form. The role comes from a select but is read as text: one no
/// page offers is refused beside its field, with the form filled in again.
#[derive(Deserialize)]
struct NewUserForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    password: String,
}

/// The last part of `/admin/users/{name}/…` and of a setting's switch: anything
/// else names no address.
#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum Change {
    Disable,
    Enable,
}

async fn create(
    State(state): State<AppState>,
    Lang(l): Lang,
    post: Post<ManageUsers, NewUserForm>,
) -> Result<Response, FormError> {
    let form = &post.form;
    let username = form.username.trim();
    // The name and role are filled in again; the password never is.
    let kept: Fields = post
        .fields
        .iter()
        .filter(|(k, _)| k == "username" || k == "role")
        .cloned()
        .collect();
    let mut refusal = Refusal::on("/admin/users", &kept).fix_errors(l);
    let role = Role::parse(&form.role);
    let checks = [
        (valid_username(username), "username", "account.bad_username"),
        (role.is_some(), "role", "account.bad_role"),
        (
            password::check_strength(&form.password).is_ok(),
            "password",
            "account.password_hint",
        ),
    ];
    for (ok, name, key) in checks {
        if !ok {
            refusal = refusal.field(name, l.t(key));
        }
    }
    let Some(role) = role.filter(|_| checks.iter().all(|(ok, ..)| *ok)) else {
        return Err(refusal.into());
    };
    let hash = password::hash(form.password.clone()).await.map_err(|e| {
        tracing::error!(error = %e, "hashing failed");
        FormError::Internal
    })?;
    match state.db.create_user(username, &hash, role).await {
        Ok(_) => {
            tracing::info!(user = %username, role = role.key(), "account created");
            Ok(see_other("/admin/users?created=1"))
        }
        Err(crate::db::DbError::Conflict(_)) => Err(refusal
            .field("username", l.t("account.username_taken"))
            .status(StatusCode::CONFLICT)
            .into()),
        Err(e) => Err(e.into()),
    }
}

async fn change(
    State(state): State<AppState>,
    PagePath((username, change)): PagePath<(String, Change)>,
    post: Post<ManageUsers, NoFields>,
) -> Result<Response, FormError> {
    let disabled = change == Change::Disable;
    if disabled && post.user.user.username == username {
        // An admin cannot lock themself out.
        return Err(FormError::Plain(
            StatusCode::FORBIDDEN,
            "error.forbidden_action",
        ));
    }
    match state.db.set_disabled(&username, disabled).await? {
        true => Ok(see_other("/admin/users")),
        false => Err(FormError::NotFound),
    }
}

/// Turns the separation of duties on (`enable`) or off (`disable`: a small office
/// whose one approver also enters figures); audited. A second click of the same
/// button changes nothing.
async fn separation_of_duties(
    State(state): State<AppState>,
    PagePath(change): PagePath<Change>,
    post: Post<ManageUsers, NoFields>,
) -> Result<Response, FormError> {
    let actor = form_actor(&post.user);
    state
        .db
        .set_separation_of_duties(change == Change::Enable, &actor)
        .await?;
    Ok(see_other("/admin/users#review-rule"))
}
