//! POST /login, /logout and /setup.

use crate::i18n::Locale;
use crate::ui::session::FormFeedback;
use crate::web::auth::{csrf, password, secret, session, throttle};
use crate::web::form::field;
use crate::web::rejection::PageForm;
use crate::web::render::{page_with, see_other, see_other_with_cookies};
use crate::web::state::{AppState, SignedIn};
use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::Response;
use axum::routing::post;
use axum::{Extension, Router};
use std::net::SocketAddr;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/login", post(login))
        .route("/logout", post(logout))
        .route("/setup", post(setup))
}

fn locale(parts: &Parts) -> Locale {
    crate::web::lang::locale_from_headers(&parts.headers)
}

/// The double-submit token of a visitor who is not signed in.
fn anonymous_token_ok(parts: &Parts, form: &[(String, String)]) -> bool {
    session::cookie(&parts.headers, csrf::ANON_COOKIE)
        .is_some_and(|expected| csrf::token_matches(expected, field(form, csrf::FIELD)))
}

fn feedback(message: String, form: &[(String, String)], keep: &[&str]) -> FormFeedback {
    FormFeedback {
        message: Some(message),
        fields: keep
            .iter()
            .filter_map(|k| field(form, k).map(|v| (k.to_string(), v.to_string())))
            .collect(),
        errors: Default::default(),
    }
}

async fn login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    parts: Parts,
    PageForm(form): PageForm<Vec<(String, String)>>,
) -> Response {
    let l = locale(&parts);
    if !anonymous_token_ok(&parts, &form) {
        return csrf::forbidden();
    }
    let username = field(&form, "username")
        .unwrap_or_default()
        .trim()
        .to_string();
    let password_text = field(&form, "password").unwrap_or_default().to_string();
    let address = crate::web::auth::client_address::client_address(
        peer.ip(),
        &parts.headers,
        &state.config.trusted_proxies,
    )
    .to_string();
    let refuse = |key: &str, status| {
        let fb = feedback(l.t(key).to_string(), &form, &["username"]);
        page_with(&state, &parts, "/login", fb, status)
    };
    // A name no account can have (control characters, 1 MB) is not looked up: it
    // cannot match, and some databases refuse such text outright.
    if !crate::features::accounts::users_post::valid_username(&username) {
        password::verify_dummy(password_text).await;
        return refuse("account.wrong_credentials", StatusCode::UNAUTHORIZED).await;
    }
    match throttle::admit(&state.db, &username, &address).await {
        Ok(throttle::Admission::Allowed) => {}
        Ok(throttle::Admission::Blocked) => {
            return refuse("account.throttled", StatusCode::TOO_MANY_REQUESTS).await;
        }
        Err(e) => {
            tracing::error!(error = %e, "login throttle lookup failed");
            return refuse("error.server", StatusCode::SERVICE_UNAVAILABLE).await;
        }
    }
    let credentials = match state.db.credentials(&username).await {
        Ok(c) => c,
        Err(e) => {
            tracing::error!(error = %e, "credential lookup failed");
            return refuse("error.server", StatusCode::SERVICE_UNAVAILABLE).await;
        }
    };
    let user = match credentials {
        Some((user, hash)) => {
            let matches = password::verify(hash, password_text).await;
            (matches && !user.disabled).then_some(user)
        }
        None => {
            // Same work as a wrong password, so timing does not tell which names exist.
            password::verify_dummy(password_text).await;
            None
        }
    };
    let Some(user) = user else {
        // Already counted by `admit`.
        return refuse("account.wrong_credentials", StatusCode::UNAUTHORIZED).await;
    };
    let _ = state.db.clear_login_failures(&username).await;
    // A new session id at every sign-in: an id planted before sign-in is useless.
    if let Some(old) = session::cookie(&parts.headers, session::COOKIE) {
        let _ = state.db.delete_session(&secret::hash(old)).await;
    }
    match session::start(&state.db, user.id.get(), state.config.secure_cookies).await {
        Ok(cookie) => {
            tracing::info!(user = %user.username, "signed in");
            let next = field(&form, "next")
                .filter(|n| crate::web::render::is_plain_path(n))
                .unwrap_or("/");
            see_other_with_cookies(next, &[cookie])
        }
        Err(e) => {
            tracing::error!(error = %e, "starting a session failed");
            refuse("error.server", StatusCode::SERVICE_UNAVAILABLE).await
        }
    }
}

async fn logout(
    State(state): State<AppState>,
    signed_in: Option<Extension<SignedIn>>,
    PageForm(form): PageForm<Vec<(String, String)>>,
) -> Response {
    if let Some(Extension(s)) = signed_in {
        if !csrf::token_matches(&s.csrf, field(&form, csrf::FIELD)) {
            return csrf::forbidden();
        }
        if let Err(e) = state.db.delete_session(&s.session_hash).await {
            tracing::error!(error = %e, "ending a session failed");
        }
    }
    see_other_with_cookies("/", &[session::clear_cookie(state.config.secure_cookies)])
}

async fn setup(
    State(state): State<AppState>,
    parts: Parts,
    PageForm(form): PageForm<Vec<(String, String)>>,
) -> Response {
    let l = locale(&parts);
    if !anonymous_token_ok(&parts, &form) {
        return csrf::forbidden();
    }
    let token = field(&form, "token").unwrap_or_default();
    let username = field(&form, "username")
        .unwrap_or_default()
        .trim()
        .to_string();
    // The page shown again keeps the token only when it looks like one of ours (a
    // made-up one could not even be part of an address).
    let path = if !token.is_empty()
        && token.len() <= 200
        && token
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        format!("/setup?token={token}")
    } else {
        "/setup".to_string()
    };
    let refuse = |message: String, status| {
        let fb = feedback(message, &form, &["username"]);
        let path = path.clone();
        let state = state.clone();
        let parts = &parts;
        async move { page_with(&state, parts, &path, fb, status).await }
    };
    if !crate::features::accounts::users_post::valid_username(&username) {
        return refuse(
            l.t("account.bad_username").to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let hash = match password::hash(field(&form, "password").unwrap_or_default().to_string()).await
    {
        Ok(h) => h,
        Err(password::PasswordError::TooShort) => {
            return refuse(
                l.t("account.password_hint").to_string(),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
        Err(e) => {
            tracing::error!(error = %e, "hashing failed");
            return refuse(
                l.t("error.server").to_string(),
                StatusCode::SERVICE_UNAVAILABLE,
            )
            .await;
        }
    };
    match state
        .db
        .create_first_admin(
            &secret::hash(token),
            &username,
            &hash,
            &crate::clock::now_iso(),
        )
        .await
    {
        Ok(Some(id)) => match session::start(&state.db, id, state.config.secure_cookies).await {
            Ok(cookie) => {
                tracing::info!(user = %username, "first admin created through the setup link");
                see_other_with_cookies("/admin/users", &[cookie])
            }
            Err(_) => see_other("/login"),
        },
        Ok(None) => refuse(l.t("account.setup_used").to_string(), StatusCode::GONE).await,
        Err(crate::db::DbError::Conflict(_)) => {
            refuse(
                l.t("account.username_taken").to_string(),
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => {
            tracing::error!(error = %e, "creating the first admin failed");
            refuse(
                l.t("error.server").to_string(),
                StatusCode::SERVICE_UNAVAILABLE,
            )
            .await
        }
    }
}
