//! Words for the answers the framework's limits give without any: a body over the
//! size limit (413) and a request past its time limit (408) come out of axum and
//! tower-http as bare text or nothing. A clerk gets a Vietnamese page, a program a
//! JSON error like every other API error.

/// The largest request body a form or an API call may send (the import upload has
/// its own, larger limit). A province-sized entry form is about a quarter of this.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

use crate::web::error::{ErrorBody, ErrorCode, ErrorDetail};
use crate::web::lang::locale_from_headers;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub async fn explain(req: Request, next: Next) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let l = locale_from_headers(req.headers());
    let response = next.run(req).await;
    let status = response.status();
    let key = match status {
        StatusCode::PAYLOAD_TOO_LARGE => "limits.too_large",
        StatusCode::REQUEST_TIMEOUT => "limits.timeout",
        _ => return response,
    };
    // Answers that already explain themselves (the import page's own limit) stay.
    let is_html_or_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html") || t.starts_with("application/json"));
    if is_html_or_json {
        return response;
    }
    let message = l.t(key).to_string();
    if api {
        let code = match status {
            StatusCode::PAYLOAD_TOO_LARGE => ErrorCode::PayloadTooLarge,
            _ => ErrorCode::Timeout,
        };
        let body = ErrorBody {
            error: ErrorDetail { code, message },
        };
        return (status, axum::Json(body)).into_response();
    }
    let title = l.t("limits.title");
    let back = l.t("error.back_home");
    let html = format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <link rel=\"stylesheet\" href=\"/assets/app.css\"><title>{title}</title></head>\
         <body><main id=\"main\" class=\"wrap\"><section class=\"error-page\"><h1>{title}</h1>\
         <p>{message}</p><p><a href=\"/\">{back}</a></p></section></main></body></html>",
        lang = l.code(),
    );
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "text/html; charset=utf-8")
        .body(Body::from(html))
        .unwrap_or_else(|_| status.into_response())
}
