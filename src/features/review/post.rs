//! POST handlers of the approver: approve or return a figure, lock or unlock a term.

use crate::db::{Decision, WriteError};
use crate::domain::{Action, Period};
use crate::features::accounts::users_post::require;
use crate::ui::session::FormFeedback;
use crate::web::form::{field, form_actor, text_field};
use crate::web::rejection::{PageForm, PagePath, bad_form, page_not_found, page_refusal};
use crate::web::render::{page_with, see_other};
use crate::web::state::{AppState, SignedIn};
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::Response;
use axum::routing::post;
use axum::{Extension, Router};

use crate::domain::{MAX_TEXT_CHARS as MAX_TEXT, has_control_chars};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/review/{indicator}/{period}", post(review))
        .route("/terms/{term}/lock", post(lock))
}

async fn review(
    State(state): State<AppState>,
    signed_in: Option<Extension<SignedIn>>,
    PagePath((indicator_id, period)): PagePath<(i64, String)>,
    parts: Parts,
    PageForm(form): PageForm<Vec<(String, String)>>,
) -> Response {
    let me = match require(signed_in, &form, Action::ReviewValues) {
        Ok(s) => s,
        Err(r) => return r,
    };
    let l = crate::web::lang::locale_from_headers(&parts.headers);
    let Some(period) = Period::parse(&period) else {
        return page_not_found();
    };
    let decision = match field(&form, "decision") {
        Some("approve") => Decision::Approve,
        Some("return") => Decision::Return,
        _ => return bad_form(),
    };
    let comment = text_field(&form, "comment");
    let comment_problem = comment.as_deref().and_then(|c| {
        if c.chars().count() > MAX_TEXT {
            Some("entry.text_too_long")
        } else if has_control_chars(c) {
            Some("entry.bad_text")
        } else {
            None
        }
    });
    if let Some(key) = comment_problem {
        let fb = FormFeedback {
            message: Some(l.t(key).to_string()),
            ..Default::default()
        };
        return page_with(
            &state,
            &parts,
            "/review",
            fb,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    if decision == Decision::Return && comment.is_none() {
        let fb = FormFeedback {
            message: Some(l.t("review.comment_needed").to_string()),
            ..Default::default()
        };
        return page_with(
            &state,
            &parts,
            "/review",
            fb,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    match state
        .db
        .review_value(
            indicator_id,
            period,
            decision,
            comment.as_deref(),
            &form_actor(&me),
        )
        .await
    {
        Ok(()) => see_other("/review?done=1"),
        Err(e) => {
            let (key, status) = match e {
                WriteError::Locked => ("entry.locked", StatusCode::LOCKED),
                WriteError::WrongState | WriteError::NotFound => {
                    ("review.gone", StatusCode::CONFLICT)
                }
                other => {
                    tracing::error!(error = %other, "review failed");
                    ("error.server", StatusCode::SERVICE_UNAVAILABLE)
                }
            };
            let fb = FormFeedback {
                message: Some(l.t(key).to_string()),
                ..Default::default()
            };
            page_with(&state, &parts, "/review", fb, status).await
        }
    }
}

async fn lock(
    State(state): State<AppState>,
    signed_in: Option<Extension<SignedIn>>,
    PagePath(term_id): PagePath<i64>,
    PageForm(form): PageForm<Vec<(String, String)>>,
) -> Response {
    let me = match require(signed_in, &form, Action::LockTerm) {
        Ok(s) => s,
        Err(r) => return r,
    };
    let locked = match field(&form, "lock") {
        Some("1") => true,
        Some("0") => false,
        _ => return bad_form(),
    };
    match state
        .db
        .set_term_lock(term_id, locked, &form_actor(&me))
        .await
    {
        Ok(()) => see_other(&format!("/terms/{term_id}")),
        Err(WriteError::NotFound) => page_not_found(),
        Err(e) => {
            tracing::error!(error = %e, "locking failed");
            let key = match &e {
                WriteError::Db(d) if d.is_unavailable() => "error.unavailable",
                _ => "error.server",
            };
            page_refusal(StatusCode::SERVICE_UNAVAILABLE, key)
        }
    }
}
