//! Security headers on every response.

use axum::http::{HeaderName, HeaderValue, header};
use tower_http::set_header::SetResponseHeaderLayer;

/// The pages load only their own stylesheet and fonts and draw charts as inline SVG;
/// they run no script of their own. Leptos appends an inline script holding the
/// page's data for a future hydrated bundle; it is inert without that bundle, and
/// script-src 'none' keeps it (and anything injected) from running.
pub const CSP: &str = "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self' data:; \
     script-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Browsers that once reached the site over HTTPS never use plain HTTP again for a
/// year. Sent only when the server is configured for HTTPS (`--secure-cookies`),
/// since on plain HTTP it would be ignored or, behind a misconfigured proxy, lock
/// users out.
pub const HSTS: &str = "max-age=31536000; includeSubDomains";

/// No page needs a camera, a microphone, location or payment.
const PERMISSIONS: &str = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

pub fn layers(https: bool) -> Vec<SetResponseHeaderLayer<HeaderValue>> {
    let mut layers = vec![
        SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ),
        SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ),
        SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("x-frame-options"),
            HeaderValue::from_static("DENY"),
        ),
        SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static(PERMISSIONS),
        ),
        SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ),
    ];
    if https {
        layers.push(SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        ));
    }
    layers
}
