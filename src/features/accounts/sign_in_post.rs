//! POST /login, /logout and /setup.

use super::users_post::valid_username;
use crate::present::feedback::FormFeedback;
use crate::web::auth::client_address::client_address;
use crate::web::auth::{csrf, password, secret, session, throttle};
use crate::web::form::{Fields, field};
use crate::web::form_error::{FormError, Refusal};
use crate::web::guard::{NoFields, Post, SignedInUser, read_form};
use crate::web::lang::Lang;
use crate::web::rejection::PageForm;
use crate::web::render::page_with;
use crate::web::render::{is_plain_path, see_other, see_other_with_cookies};
use crate::web::state::AppState;
use crate::web::state::SignedIn;
use axum::Router;
use axum::extract::{ConnectInfo, FromRequest, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::net::SocketAddr;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/login", post(login))
        .route("/logout", post(logout))
        .route("/setup", post(setup))
}

/// A form posted by a visitor who is not signed in (sign-in, setup), read as `F`.
/// There is no session to hold its token, so it cannot be a [`Post`]: its token is
/// the double-submit cookie's, set by the page that holds the form.
struct AnonymousPost<F>(F);

impl<S: Send + Sync, F: DeserializeOwned> FromRequest<S> for AnonymousPost<F> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Response> {
        let expected = session::cookie(req.headers(), csrf::ANON_COOKIE).map(str::to_string);
        let PageForm(fields) = PageForm::<Fields>::from_request(req, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let token_ok = expected
            .is_some_and(|expected| csrf::token_matches(&expected, field(&fields, csrf::FIELD)));
        if !token_ok {
            return Err(csrf::forbidden());
        }
        let form = read_form(&fields).map_err(IntoResponse::into_response)?;
        Ok(AnonymousPost(form))
    }
}

/// The sign-in form.
#[derive(Deserialize)]
struct SignInForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    /// Where to go once signed in: a path on this site, else the home page.
    #[serde(default)]
    next: String,
    /// A form posted after the session ended, as it was typed (URL-encoded): shown
    /// again, filled in, on `next` once signed in.
    #[serde(default)]
    kept: String,
}

/// The first-run setup form: the token of the setup link, and the first admin.
#[derive(Deserialize)]
struct SetupForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
}

/// The sign-in or setup page again, with the name typed (never the password) and the
/// reason above the form.
fn refused(page: &str, username: &str, message: &str, status: StatusCode) -> FormError {
    Refusal::empty(page)
        .fill("username", username)
        .message(message)
        .status(status)
        .into()
}

async fn login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Lang(l): Lang,
    parts: Parts,
    AnonymousPost(form): AnonymousPost<SignInForm>,
) -> Result<Response, FormError> {
    let headers = &parts.headers;
    let username = form.username.trim();
    let address = client_address(peer.ip(), headers, &state.config.trusted_proxies).to_string();
    let refuse = |key: &str, status| refused("/login", &form.username, l.t(key), status);
    let wrong = || refuse("account.wrong_credentials", StatusCode::UNAUTHORIZED);
    // A name no account can have (control characters, 1 MB) is not looked up: it
    // cannot match, and some databases refuse such text outright.
    if !valid_username(username) {
        password::verify_dummy(form.password).await;
        return Err(wrong());
    }
    if let throttle::Admission::Blocked = throttle::admit(&state.db, username, &address).await? {
        return Err(refuse("account.throttled", StatusCode::TOO_MANY_REQUESTS));
    }
    let user = match state.db.credentials(username).await? {
        Some((user, hash)) => {
            let matches = password::verify(hash, form.password).await;
            (matches && !user.disabled).then_some(user)
        }
        None => {
            // Same work as a wrong password, so timing does not tell which names exist.
            password::verify_dummy(form.password).await;
            None
        }
    };
    // A failure is already counted by `admit`.
    let user = user.ok_or_else(wrong)?;
    let _ = state.db.clear_login_failures(username).await;
    // A new session id at every sign-in: an id planted before sign-in is useless.
    if let Some(old) = session::cookie(headers, session::COOKIE) {
        let _ = state.db.delete_session(&secret::hash(old)).await;
    }
    let started = session::start(&state.db, user.id.get(), state.config.secure_cookies).await?;
    tracing::info!(user = %user.username, "signed in");
    let next = Some(form.next.as_str())
        .filter(|n| is_plain_path(n))
        .unwrap_or("/");
    let kept = serde_urlencoded::from_str::<Fields>(&form.kept).unwrap_or_default();
    if kept.is_empty() {
        return Ok(see_other_with_cookies(next, &[started.cookie]));
    }
    // The form whose post found the session ended, filled in again as it was typed,
    // answered at once (there is nowhere to keep it across a redirect): the clerk
    // checks it and saves again under the new session.
    let mut parts = parts.clone();
    let cookie = started.cookie.clone();
    parts.extensions.insert(SignedIn {
        user,
        csrf: started.csrf,
        session_hash: started.session_hash,
    });
    let feedback = FormFeedback {
        message: Some(l.t("account.form_kept").to_string()),
        fields: kept.into_iter().collect(),
        ..Default::default()
    };
    let mut page = page_with(&state, &parts, next, feedback, StatusCode::OK).await;
    let headers = page.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        headers.append(header::SET_COOKIE, value);
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-store, private"),
    );
    Ok(page)
}

async fn logout(State(state): State<AppState>, post: Post<SignedInUser, NoFields>) -> Response {
    // Signed out of this browser even when the database cannot forget the session
    // now: the cookie is cleared all the same.
    if let Err(e) = state.db.delete_session(&post.user.session_hash).await {
        tracing::error!(error = %e, "ending a session failed");
    }
    see_other_with_cookies("/", &[session::clear_cookie(state.config.secure_cookies)])
}

/// The setup page to show again: it keeps the token only when it looks like one of
/// ours (a made-up one could not even be part of an address).
fn setup_page(token: &str) -> String {
    let ours = (1..=200).contains(&token.len())
        && token
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ours {
        format!("/setup?token={token}")
    } else {
        "/setup".to_string()
    }
}

async fn setup(
    State(state): State<AppState>,
    Lang(l): Lang,
    AnonymousPost(form): AnonymousPost<SetupForm>,
) -> Result<Response, FormError> {
    let username = form.username.trim();
    let page = setup_page(&form.token);
    let refuse = |key: &str, status| refused(&page, &form.username, l.t(key), status);
    if !valid_username(username) {
        return Err(refuse(
            "account.bad_username",
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    }
    let hash = match password::hash(form.password.clone()).await {
        Ok(h) => h,
        Err(password::PasswordError::TooShort) => {
            return Err(refuse(
                "account.password_hint",
                StatusCode::UNPROCESSABLE_ENTITY,
            ));
        }
        Err(e) => {
            tracing::error!(error = %e, "hashing failed");
            return Err(FormError::Internal);
        }
    };
    let now = crate::clock::now_iso();
    let token = secret::hash(&form.token);
    match state
        .db
        .create_first_admin(&token, username, &hash, &now)
        .await
    {
        Ok(Some(id)) => match session::start(&state.db, id, state.config.secure_cookies).await {
            Ok(session::Started { cookie, .. }) => {
                tracing::info!(user = %username, "first admin created through the setup link");
                Ok(see_other_with_cookies("/admin/users", &[cookie]))
            }
            // The account exists: signing in is all that is left.
            Err(_) => Ok(see_other("/login")),
        },
        Ok(None) => Err(refuse("account.setup_used", StatusCode::GONE)),
        Err(crate::db::DbError::Conflict(_)) => {
            Err(refuse("account.username_taken", StatusCode::CONFLICT))
        }
        Err(e) => Err(e.into()),
    }
}
