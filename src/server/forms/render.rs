//! Rendering a page again in answer to a POST: the same Leptos app, with the form's
//! feedback provided as context, under the given status code.

use crate::app::session_view::FormFeedback;
use crate::app::shell;
use crate::app::state::AppState;
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
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    *req.extensions_mut() = parts.extensions.clone();
    let options = state.leptos_options.clone();
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

/// 303 See Other: after a successful POST, the browser GETs `to`.
pub fn see_other(to: &str) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, to.to_string())]).into_response()
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
