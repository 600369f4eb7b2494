//! Request logging: every request gets an id (taken from a trusted proxy's
//! `x-request-id` or made here), echoed in the response and carried by every log
//! line written while the request runs. Only the method and the path are logged —
//! never the query string (the first-run setup link carries its token there),
//! headers (cookies, bearer tokens) or bodies (passwords).

use axum::Router;
use axum::http::{HeaderName, Request, Response};
use std::time::Duration;
use tower_http::request_id::{
    MakeRequestUuid, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use tower_http::trace::TraceLayer;
use tracing::Span;

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Wraps `app` so that requests are numbered and logged.
pub fn layer(app: Router) -> Router {
    let trace = TraceLayer::new_for_http()
        .make_span_with(|req: &Request<_>| {
            let id = req
                .extensions()
                .get::<RequestId>()
                .and_then(|id| id.header_value().to_str().ok())
                .unwrap_or("-")
                .to_owned();
            tracing::info_span!(
                "request",
                id = %id,
                method = %req.method(),
                path = %req.uri().path(),
            )
        })
        .on_request(())
        .on_response(|res: &Response<_>, latency: Duration, _span: &Span| {
            let status = res.status().as_u16();
            let ms = latency.as_secs_f64() * 1000.0;
            if status >= 500 {
                tracing::error!(status, ms, "answered");
            } else {
                tracing::info!(status, ms, "answered");
            }
        })
        .on_failure(());
    // Outermost first: the id is set, then the span opens with it, then the
    // response carries it back.
    app.layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(trace)
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
}
