//! `/lang/{code}`: remembers the reader's language in a cookie and goes back to the
//! page they were on. A plain link, so it works without JavaScript.

use crate::i18n::LANG_COOKIE;
use crate::i18n::Locale;
use crate::web::cookie::cookie;
use crate::web::rejection::{PagePath, page_refusal};
use crate::web::state::AppState;
use axum::Router;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

pub fn router() -> Router<AppState> {
    Router::new().route("/lang/{code}", get(switch))
}

async fn switch(PagePath(code): PagePath<String>, headers: HeaderMap) -> Response {
    let Some(locale) = Locale::from_code(&code) else {
        return page_refusal(StatusCode::NOT_FOUND, "request.unknown_language");
    };
    let back = same_site_path(&headers).unwrap_or_else(|| "/".to_string());
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
        locale.code()
    );
    (
        StatusCode::SEE_OTHER,
        [(header::LOCATION, back), (header::SET_COOKIE, cookie)],
    )
        .into_response()
}

/// The path of the Referer when it is on this site; never an open redirect.
fn same_site_path(headers: &HeaderMap) -> Option<String> {
    let referer = headers.get(header::REFERER)?.to_str().ok()?;
    let host = headers.get(header::HOST)?.to_str().ok()?;
    let rest = referer
        .strip_prefix("http://")
        .or_else(|| referer.strip_prefix("https://"))?;
    let path = rest.strip_prefix(host)?;
    (path.starts_with('/') && !path.starts_with("//")).then(|| path.to_string())
}

/// The reader's language from the request's `lang` cookie; Vietnamese when unset.
pub fn locale_from_headers(headers: &HeaderMap) -> Locale {
    cookie(headers, LANG_COOKIE)
        .and_then(Locale::from_code)
        .unwrap_or_default()
}

/// The reader's language as an extractor, for handlers that answer in words.
pub struct Lang(pub Locale);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Lang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _state: &S,
    ) -> Result<Self, Self::Rejection> {
        Ok(Lang(locale_from_headers(&parts.headers)))
    }
}
