//! Sessions stored in the database (so several app servers share them): the cookie
//! holds a random token, the table its hash. A new session id at every sign-in.

use super::{SignedIn, secret};
use crate::db::{Db, DbError};
pub use crate::web::cookie::cookie;
use crate::web::state::AppState;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

pub const COOKIE: &str = "rd_session";
/// Sessions last a working week.
pub const LIFETIME_SECS: i64 = 7 * 24 * 3600;

/// Middleware: puts the signed-in user, if any, in the request's extensions, and
/// says what a browser or proxy may keep of the answer ([`mark_cacheability`]).
pub async fn load(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    // A session cookie (even an expired one) or an API token makes the answer
    // personal; it is judged before the handler runs, as sign-out clears the cookie.
    let personal = cookie(req.headers(), COOKIE).is_some()
        || req.headers().contains_key(header::AUTHORIZATION);
    if let Some(token) = cookie(req.headers(), COOKIE) {
        let session_hash = secret::hash(token);
        match state
            .db
            .session_user(&session_hash, &crate::clock::now_iso())
            .await
        {
            Ok(Some((user, csrf))) => {
                req.extensions_mut().insert(SignedIn {
                    user,
                    csrf,
                    session_hash,
                });
            }
            Ok(None) => {}
            Err(e) => tracing::error!(error = %e, "session lookup failed"),
        }
    }
    let mut response = next.run(req).await;
    mark_cacheability(personal, &mut response);
    response
}

/// An answer to someone signed in (or to a program with a token) is `no-store`: on a
/// shared office PC, Back after "Đăng xuất" must show nothing private, and no proxy
/// may keep a clerk's drafts. Every answer varies with the cookie, so that a shared
/// cache never hands a reader's copy to a clerk or the other way round. The build's
/// assets (`immutable`: the same for everyone) are left as they are.
pub fn mark_cacheability(personal: bool, response: &mut Response) {
    let headers = response.headers_mut();
    let immutable = headers
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("immutable"));
    if immutable {
        return;
    }
    if personal {
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store, private"),
        );
    }
    let varies = headers
        .get_all(header::VARY)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.to_ascii_lowercase().contains("cookie"));
    if !varies {
        headers.append(header::VARY, HeaderValue::from_static("Cookie"));
    }
}

/// A session just started: the Set-Cookie header value, and what a page rendered
/// in the same answer needs to know of it.
pub struct Started {
    pub cookie: String,
    pub csrf: String,
    pub session_hash: String,
}

/// Starts a session for `user_id`.
pub async fn start(db: &Db, user_id: i64, secure: bool) -> Result<Started, DbError> {
    let token = secret::token();
    let csrf = secret::token();
    let session_hash = secret::hash(&token);
    db.create_session(
        &session_hash,
        user_id,
        &csrf,
        &crate::clock::iso_in(LIFETIME_SECS),
    )
    .await?;
    Ok(Started {
        cookie: set_cookie(COOKIE, &token, LIFETIME_SECS, secure),
        csrf,
        session_hash,
    })
}

/// `Set-Cookie` for a cookie scripts cannot read and other sites do not send on POST.
pub fn set_cookie(name: &str, value: &str, max_age: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{name}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}")
}

/// `Set-Cookie` that removes the session cookie.
pub fn clear_cookie(secure: bool) -> String {
    set_cookie(COOKIE, "", 0, secure)
}
