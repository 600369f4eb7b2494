//! Requests that cannot even be read: a path id that is not a number, a form body
//! that is not a form (or not UTF-8), a body over the limit, a query string that is
//! not UTF-8. axum would answer these in English plain text; here pages answer a
//! Vietnamese sentence (English after it) and the API its JSON error. Nothing is
//! written in either case: the handler never runs.

use crate::i18n::Locale;
use crate::web::error::ApiError;
use axum::body::Bytes;
use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::{BytesRejection, FormRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// A plain-text refusal in both languages, Vietnamese first.
pub fn page_refusal(status: StatusCode, key: &str) -> Response {
    let body = format!("{}\n{}", Locale::Vi.t(key), Locale::En.t(key));
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        body,
    )
        .into_response()
}

/// 404 for a page or form address that names nothing.
pub fn page_not_found() -> Response {
    let text = |l: Locale| {
        format!(
            "{}: {}",
            l.t("error.not_found_title"),
            l.t("error.not_found")
        )
    };
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!("{}\n{}", text(Locale::Vi), text(Locale::En)),
    )
        .into_response()
}

/// 422 for a form that a page of this site would never send (tampered, or from an
/// old version of the page).
pub fn bad_form() -> Response {
    page_refusal(StatusCode::UNPROCESSABLE_ENTITY, "request.bad_form")
}

/// Why a page request or a form could not be read.
pub struct PageRejection(Response);

impl IntoResponse for PageRejection {
    fn into_response(self) -> Response {
        self.0
    }
}

impl From<PathRejection> for PageRejection {
    fn from(_: PathRejection) -> Self {
        // An id that is not a number (or not UTF-8) names nothing.
        PageRejection(page_not_found())
    }
}

fn body_refusal(status: StatusCode) -> Response {
    match status {
        StatusCode::PAYLOAD_TOO_LARGE => page_refusal(status, "request.too_large"),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => page_refusal(status, "request.bad_form"),
        _ => bad_form(),
    }
}

impl From<FormRejection> for PageRejection {
    fn from(r: FormRejection) -> Self {
        PageRejection(body_refusal(r.status()))
    }
}

impl From<MultipartRejection> for PageRejection {
    fn from(r: MultipartRejection) -> Self {
        PageRejection(body_refusal(r.status()))
    }
}

/// `Path` for pages and forms: an unreadable id is a Vietnamese 404.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(PageRejection))]
pub struct PagePath<T>(pub T);

/// A posted form, as its fields in order: a body that is not a form, or not UTF-8,
/// is refused in Vietnamese. (Browsers always send UTF-8; bytes that are not would
/// be read as U+FFFD and stored as such.)
pub struct PageForm<T>(pub T);

impl<S: Send + Sync> FromRequest<S> for PageForm<Vec<(String, String)>> {
    type Rejection = PageRejection;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, PageRejection> {
        let axum::Form(fields) =
            axum::Form::<Vec<(String, String)>>::from_request(req, state).await?;
        if fields
            .iter()
            .any(|(k, v)| k.contains('\u{FFFD}') || v.contains('\u{FFFD}'))
        {
            return Err(PageRejection(bad_form()));
        }
        Ok(PageForm(fields))
    }
}

impl From<PathRejection> for ApiError {
    fn from(_: PathRejection) -> Self {
        ApiError::NotFound("no such resource: the address is not valid".into())
    }
}

impl From<QueryRejection> for ApiError {
    fn from(_: QueryRejection) -> Self {
        ApiError::BadRequest(
            "the query string is not valid (it must be UTF-8 key=value pairs)".into(),
        )
    }
}

/// `Path` for the API and the downloads: an unreadable id is a JSON 404.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(ApiError))]
pub struct ApiPath<T>(pub T);

/// `Query` for the API and the downloads: an unreadable query is a JSON 400.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub struct ApiQuery<T>(pub T);

/// The JSON body of a write call: within the size limit, and, when not empty, sent
/// as `application/json` (anything else is refused before it is parsed).
pub struct JsonBytes(pub Bytes);

impl<S: Send + Sync> FromRequest<S> for JsonBytes {
    type Rejection = ApiError;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, ApiError> {
        let json = is_json(req.headers());
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(|e: BytesRejection| {
                if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    ApiError::PayloadTooLarge(crate::web::limits::MAX_BODY_BYTES)
                } else {
                    ApiError::BadRequest("the request body could not be read".into())
                }
            })?;
        if !bytes.is_empty() && !json {
            return Err(ApiError::UnsupportedMediaType(
                "send the body as JSON with Content-Type: application/json".into(),
            ));
        }
        Ok(JsonBytes(bytes))
    }
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|m| m.trim().to_ascii_lowercase())
        .is_some_and(|m| {
            m == "application/json" || (m.starts_with("application/") && m.ends_with("+json"))
        })
}

/// 405 in JSON for a method an API address does not take.
pub async fn api_method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed("this address does not take that method".into())
}
