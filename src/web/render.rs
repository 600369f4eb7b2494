//! Rendering a page again in answer to a POST: the same Leptos app, with the form's
//! feedback provided as context, under the given status code.

use crate::present::feedback::FormFeedback;
use crate::web::state::AppState;
use axum::body::Body;
use axum::http::request::Parts;
use axum::http::{Method, Request, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// Renders the page at `path` as a GET of it would, plus `feedback`.
pub async fn page_with(
    state: &AppState,
    parts: &Parts,
    path: &str,
    feedback: FormFeedback,
    status: StatusCode,
) -> Response {
    page_with_context(state, parts, path, status, move || {
        leptos::context::provide_context(feedback.clone())
    })
    .await
}

/// Renders the page at `path` as a GET of it would, plus whatever `context` provides.
pub async fn page_with_context(
    state: &AppState,
    parts: &Parts,
    path: &str,
    status: StatusCode,
    context: impl Fn() + Clone + Send + Sync + 'static,
) -> Response {
    let mut builder = Request::builder().method(Method::GET).uri(path);
    for (name, value) in &parts.headers {
        if name != header::CONTENT_LENGTH && name != header::CONTENT_TYPE {
            builder = builder.header(name, value);
        }
    }
    let Ok(mut req) = builder.body(Body::empty()) else {
        // Only a path built from what was posted can fail here (a "back" field, a
        // setup token): a form this site would never send.
        return crate::web::rejection::bad_form();
    };
    *req.extensions_mut() = parts.extensions.clone();
    let options = state.leptos_options.clone();
    let shell = state.shell;
    let context_state = state.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            leptos::context::provide_context(context_state.clone());
            context();
        },
        move || shell(options.clone()),
    );
    let mut response = handler(req).await;
    *response.status_mut() = status;
    response
}

/// 303 See Other: after a successful POST, the browser GETs `to` (the home page if
/// `to` is not a plain same-site path: it may come from a posted field).
pub fn see_other(to: &str) -> Response {
    let to = if is_plain_path(to) { to } else { "/" };
    (StatusCode::SEE_OTHER, [(header::LOCATION, to.to_string())]).into_response()
}

/// A path on this site made of printable ASCII only: safe as a Location header and
/// as the address of a page rendered again.
pub fn is_plain_path(to: &str) -> bool {
    to.starts_with('/')
        && !to.starts_with("//")
        && to.len() <= 2000
        && to.bytes().all(|b| b.is_ascii_graphic())
}

/// 303 with cookies to set.
pub fn see_other_with_cookies(to: &str, cookies: &[String]) -> Response {
    let mut response = see_other(to);
    for c in cookies {
        if let Ok(v) = c.parse() {
            response.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    response
}
