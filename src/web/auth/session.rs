//! Sessions stored in the database (so several app servers share them): the cookie
//! holds a random token, the table its hash. A new session id at every sign-in.

use super::{SignedIn, secret};
use crate::db::{Db, DbError};
pub use crate::web::cookie::cookie;
use crate::web::state::AppState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

pub const COOKIE: &str = "rd_session";
/// Sessions last a working week.
pub const LIFETIME_SECS: i64 = 7 * 24 * 3600;

/// Middleware: puts the signed-in user, if any, in the request's extensions.
pub async fn load(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
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
    next.run(req).await
}

/// Starts a session for `user_id`; returns the Set-Cookie header value.
pub async fn start(db: &Db, user_id: i64, secure: bool) -> Result<String, DbError> {
    let token = secret::token();
    let csrf = secret::token();
    db.create_session(
        &secret::hash(&token),
        user_id,
        &csrf,
        &crate::clock::iso_in(LIFETIME_SECS),
    )
    .await?;
    Ok(set_cookie(COOKIE, &token, LIFETIME_SECS, secure))
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
