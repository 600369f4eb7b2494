//! POST /admin/users (create an account) and /admin/users/{name}/{disable|enable}:
//! the admin's account management.

use crate::domain::{Action, Role};
use crate::ui::session::FormFeedback;
use crate::web::auth::{csrf, password};
use crate::web::form::field;
use crate::web::rejection::{PageForm, PagePath, page_not_found, page_refusal};
use crate::web::render::{page_with, see_other};
use crate::web::state::{AppState, SignedIn};
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::Response;
use axum::routing::post;
use axum::{Extension, Router};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/users", post(create))
        .route("/admin/users/{username}/{change}", post(change))
}

/// 3 to 40 characters: letters, digits, '.', '_' or '-'.
pub fn valid_username(name: &str) -> bool {
    (3..=40).contains(&name.chars().count())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// The signed-in user with a valid form token and a role allowed `action`, or the
/// response refusing the request.
// The error is the refusal response itself, built once per refused request.
#[allow(clippy::result_large_err)]
pub fn require(
    signed_in: Option<Extension<SignedIn>>,
    form: &[(String, String)],
    action: Action,
) -> Result<SignedIn, Response> {
    let Some(Extension(s)) = signed_in else {
        return Err(see_other("/login"));
    };
    if !csrf::token_matches(&s.csrf, field(form, csrf::FIELD)) {
        return Err(csrf::forbidden());
    }
    if !s.user.role.may(action) {
        return Err(forbidden_role());
    }
    Ok(s)
}

pub fn forbidden_role() -> Response {
    crate::web::rejection::page_refusal(StatusCode::FORBIDDEN, "error.forbidden_action")
}

async fn create(
    State(state): State<AppState>,
    signed_in: Option<Extension<SignedIn>>,
    parts: Parts,
    PageForm(form): PageForm<Vec<(String, String)>>,
) -> Response {
    if let Err(r) = require(signed_in, &form, Action::ManageUsers) {
        return r;
    }
    let l = crate::web::lang::locale_from_headers(&parts.headers);
    let username = field(&form, "username")
        .unwrap_or_default()
        .trim()
        .to_string();
    let role = field(&form, "role").and_then(Role::parse);
    let mut errors = std::collections::HashMap::new();
    if !valid_username(&username) {
        errors.insert(
            "username".to_string(),
            l.t("account.bad_username").to_string(),
        );
    }
    if role.is_none() {
        errors.insert("role".to_string(), l.t("account.bad_role").to_string());
    }
    let pw = field(&form, "password").unwrap_or_default().to_string();
    if password::check_strength(&pw).is_err() {
        errors.insert(
            "password".to_string(),
            l.t("account.password_hint").to_string(),
        );
    }
    let refuse = |errors, message: &str, status| {
        let fb = FormFeedback {
            message: Some(message.to_string()),
            fields: ["username", "role"]
                .iter()
                .filter_map(|k| field(&form, k).map(|v| (k.to_string(), v.to_string())))
                .collect(),
            errors,
        };
        let state = state.clone();
        let parts = &parts;
        async move { page_with(&state, parts, "/admin/users", fb, status).await }
    };
    let Some(role) = role.filter(|_| errors.is_empty()) else {
        return refuse(
            errors,
            l.t("form.fix_errors"),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let hash = match password::hash(pw).await {
        Ok(h) => h,
        Err(e) => {
            tracing::error!(error = %e, "hashing failed");
            return refuse(errors, l.t("error.server"), StatusCode::SERVICE_UNAVAILABLE).await;
        }
    };
    match state.db.create_user(&username, &hash, role).await {
        Ok(_) => {
            tracing::info!(user = %username, role = role.key(), "account created");
            see_other("/admin/users?created=1")
        }
        Err(crate::db::DbError::Conflict(_)) => {
            let mut errors = errors;
            errors.insert(
                "username".to_string(),
                l.t("account.username_taken").to_string(),
            );
            refuse(errors, l.t("form.fix_errors"), StatusCode::CONFLICT).await
        }
        Err(e) => {
            tracing::error!(error = %e, "creating an account failed");
            refuse(errors, l.t("error.server"), StatusCode::SERVICE_UNAVAILABLE).await
        }
    }
}

async fn change(
    State(state): State<AppState>,
    signed_in: Option<Extension<SignedIn>>,
    PagePath((username, change)): PagePath<(String, String)>,
    PageForm(form): PageForm<Vec<(String, String)>>,
) -> Response {
    let me = match require(signed_in, &form, Action::ManageUsers) {
        Ok(s) => s,
        Err(r) => return r,
    };
    let disabled = match change.as_str() {
        "disable" => true,
        "enable" => false,
        _ => return page_not_found(),
    };
    if disabled && me.user.username == username {
        // An admin cannot lock themself out.
        return forbidden_role();
    }
    match state.db.set_disabled(&username, disabled).await {
        Ok(true) => see_other("/admin/users"),
        Ok(false) => page_not_found(),
        Err(e) => {
            tracing::error!(error = %e, "changing an account failed");
            page_refusal(StatusCode::SERVICE_UNAVAILABLE, "error.server")
        }
    }
}
