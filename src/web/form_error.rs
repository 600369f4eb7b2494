//! The one error type of the HTML form handlers. A handler returns
//! `Result<Response, FormError>`; a refusal renders the form's page again, filled in
//! with what was typed and the reason beside each field, under a 4xx status; a
//! failure of ours is logged and answered with a plain sentence, never a 500 page
//! that says nothing.
//!
//! Rendering a page needs the app state and the request, which `IntoResponse` does
//! not have: the refusal travels in the response's extensions, and the
//! [`render_refusals`] middleware around the form routes renders it.

use crate::db::DbError;
use crate::i18n::Locale;
use crate::present::feedback::FormFeedback;
use crate::web::form::Fields;
use crate::web::rejection::{bad_form, page_not_found, page_refusal};
use crate::web::render::page_with;
use crate::web::state::AppState;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;

/// Why a form was not carried out.
#[derive(Debug)]
pub enum FormError {
    /// Show `page` again with the form's feedback.
    Refused(Box<Refusal>),
    /// The address names nothing (an unknown id).
    NotFound,
    /// A form a page of this site would never send.
    Tampered,
    /// A refusal said in one sentence (its locale key), without a page.
    Plain(StatusCode, &'static str),
    /// The database could not be reached or failed: logged where it happened.
    Unavailable,
    Internal,
}

/// A form shown again.
#[derive(Debug, Clone)]
pub struct Refusal {
    /// The address of the page that holds the form.
    pub page: String,
    pub status: StatusCode,
    pub feedback: FormFeedback,
}

impl Refusal {
    /// Refuses with 422 on `page`, with the form's fields filled in again.
    pub fn on(page: impl Into<String>, fields: &Fields) -> Self {
        Refusal {
            page: page.into(),
            status: StatusCode::UNPROCESSABLE_ENTITY,
            feedback: FormFeedback {
                fields: fields.iter().cloned().collect(),
                ..Default::default()
            },
        }
    }

    /// Refuses on `page` without filling anything in.
    pub fn empty(page: impl Into<String>) -> Self {
        Refusal::on(page, &Vec::new())
    }

    pub fn status(mut self, status: StatusCode) -> Self {
        self.status = status;
        self
    }

    /// The sentence above the form.
    pub fn message(mut self, text: impl Into<String>) -> Self {
        self.feedback.message = Some(text.into());
        self
    }

    /// The usual sentence above the form: "fix the errors below".
    pub fn fix_errors(self, l: Locale) -> Self {
        self.message(l.t("form.fix_errors"))
    }

    /// The reason beside one field.
    pub fn field(mut self, name: impl Into<String>, text: impl Into<String>) -> Self {
        self.feedback.errors.insert(name.into(), text.into());
        self
    }

    pub fn fields(mut self, errors: HashMap<String, String>) -> Self {
        self.feedback.errors.extend(errors);
        self
    }

    /// A value to show in a field instead of what was posted.
    pub fn fill(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.feedback.fields.insert(name.into(), value.into());
        self
    }
}

impl From<Refusal> for FormError {
    fn from(r: Refusal) -> Self {
        FormError::Refused(Box::new(r))
    }
}

impl From<DbError> for FormError {
    fn from(e: DbError) -> Self {
        tracing::error!(error = %e, "a form's database call failed");
        if e.is_unavailable() {
            FormError::Unavailable
        } else {
            FormError::Internal
        }
    }
}

impl IntoResponse for FormError {
    fn into_response(self) -> Response {
        match self {
            FormError::Refused(refusal) => {
                let mut response = refusal.status.into_response();
                response.extensions_mut().insert(*refusal);
                response
            }
            FormError::NotFound => page_not_found(),
            FormError::Tampered => bad_form(),
            FormError::Plain(status, key) => page_refusal(status, key),
            FormError::Unavailable => {
                page_refusal(StatusCode::SERVICE_UNAVAILABLE, "error.unavailable")
            }
            FormError::Internal => page_refusal(StatusCode::SERVICE_UNAVAILABLE, "error.server"),
        }
    }
}

/// Middleware around the form routes: a response that carries a [`Refusal`] becomes
/// the refused form's page, rendered as the same user would see it after a GET.
pub async fn render_refusals(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let (parts, body) = req.into_parts();
    let (headers, extensions) = (parts.headers.clone(), parts.extensions.clone());
    let mut response = next.run(Request::from_parts(parts, body)).await;
    let Some(refusal) = response.extensions_mut().remove::<Refusal>() else {
        return response;
    };
    let (mut parts, ()) = Request::new(()).into_parts();
    parts.headers = headers;
    parts.extensions = extensions;
    page_with(
        &state,
        &parts,
        &refusal.page,
        refusal.feedback,
        refusal.status,
    )
    .await
}
