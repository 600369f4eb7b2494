//! Who calls the JSON API: nobody, a signed-in browser (session cookie), or a
//! program with an API token (`Authorization: Bearer …`).

use super::{SignedIn, secret};
use crate::db::UserRecord;
use crate::web::error::ApiError;
use crate::web::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;

#[derive(Debug, Clone)]
pub enum Caller {
    Anonymous,
    Session(UserRecord),
    Token(UserRecord),
}

impl Caller {
    pub fn user(&self) -> Option<&UserRecord> {
        match self {
            Caller::Anonymous => None,
            Caller::Session(u) | Caller::Token(u) => Some(u),
        }
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        if let Some(value) = parts.headers.get(header::AUTHORIZATION) {
            // A token that is present but wrong is refused, never treated as anonymous.
            let token = value
                .to_str()
                .ok()
                .and_then(|v| v.strip_prefix("Bearer "))
                .ok_or(ApiError::Unauthorized)?;
            let hash = secret::hash(token.trim());
            let Some(user) = state.db.api_token_user(&hash).await? else {
                return Err(ApiError::Unauthorized);
            };
            // "Last used", for the admin's list; a failure to note it refuses nothing.
            if let Err(e) = state.db.touch_api_token(&hash).await {
                tracing::warn!(error = %e, "noting a token's use failed");
            }
            return Ok(Caller::Token(user));
        }
        Ok(match parts.extensions.get::<SignedIn>() {
            Some(s) => Caller::Session(s.user.clone()),
            None => Caller::Anonymous,
        })
    }
}
