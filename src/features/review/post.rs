//! POST handlers of the approver: approve or return a figure, lock or unlock a term.

use crate::db::{Decision, WriteError};
use crate::domain::figure::check_text;
use crate::domain::{IndicatorId, Period};
use crate::features::review::view::{card_id, parse_card};
use crate::web::form::form_actor;
use crate::web::form_error::{FormError, Refusal};
use crate::web::guard::{LockTerm, Post, ReviewValues};
use crate::web::lang::Lang;
use crate::web::rejection::PagePath;
use crate::web::render::see_other;
use crate::web::state::AppState;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::post;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/review/approve", post(super::bulk::approve_many))
        .route("/review/{indicator}/{period}", post(review))
        .route("/terms/{term}/lock", post(lock))
}

/// A review card's form: the button pressed, the comment, and the card after it
/// (where the page goes back to once this one is decided and gone).
#[derive(Deserialize)]
struct ReviewForm {
    decision: Choice,
    #[serde(default)]
    comment: String,
    #[serde(default)]
    next: String,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum Choice {
    Approve,
    Return,
}

async fn review(
    State(state): State<AppState>,
    Lang(l): Lang,
    PagePath((indicator_id, period)): PagePath<(i64, String)>,
    post: Post<ReviewValues, ReviewForm>,
) -> Result<Response, FormError> {
    let period = Period::parse(&period).ok_or(FormError::NotFound)?;
    // A refusal is said above the cards and beside its own card, which keeps the
    // comment as it was typed.
    let card = card_id(IndicatorId::new(indicator_id), period);
    let refuse = |key: &str| {
        Refusal::empty("/review")
            .fill(card.clone(), post.form.comment.clone())
            .field(card.clone(), l.t(key))
            .message(l.t(key))
    };
    let comment =
        check_text("comment", Some(&post.form.comment)).map_err(|e| refuse(e.message_key()))?;
    let decision = match post.form.decision {
        Choice::Approve => Decision::Approve,
        Choice::Return if comment.is_none() => {
            return Err(refuse("review.comment_needed").into());
        }
        Choice::Return => Decision::Return,
    };
    let actor = form_actor(&post.user);
    let result = state
        .db
        .review_value(indicator_id, period, decision, comment.as_deref(), &actor)
        .await;
    let (key, status) = match result {
        Ok(()) => {
            // Only an anchor this page writes goes into the address.
            let place = parse_card(&post.form.next)
                .map(|(id, period)| format!("#{}", card_id(id, period)))
                .unwrap_or_default();
            return Ok(see_other(&format!("/review?done=1{place}")));
        }
        Err(e) => refused_because(&e),
    };
    Err(refuse(key).status(status).into())
}

/// Why a decision was not carried out: its sentence's key and the answer's status.
pub(super) fn refused_because(e: &WriteError) -> (&'static str, StatusCode) {
    match e {
        WriteError::Locked => ("entry.locked", StatusCode::LOCKED),
        WriteError::WrongState | WriteError::NotFound => ("review.gone", StatusCode::CONFLICT),
        WriteError::OwnFigure => ("review.own_figure", StatusCode::FORBIDDEN),
        other => {
            tracing::error!(error = %other, "review failed");
            ("error.server", StatusCode::SERVICE_UNAVAILABLE)
        }
    }
}

/// The term page's lock button: "1" locks, "0" unlocks.
#[derive(Deserialize)]
struct LockForm {
    lock: LockChoice,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
enum LockChoice {
    #[serde(rename = "1")]
    Lock,
    #[serde(rename = "0")]
    Unlock,
}

async fn lock(
    State(state): State<AppState>,
    PagePath(term_id): PagePath<i64>,
    post: Post<LockTerm, LockForm>,
) -> Result<Response, FormError> {
    let locked = post.form.lock == LockChoice::Lock;
    match state
        .db
        .set_term_lock(term_id, locked, &form_actor(&post.user))
        .await
    {
        Ok(()) => Ok(see_other(&format!("/terms/{term_id}"))),
        Err(WriteError::NotFound) => Err(FormError::NotFound),
        Err(WriteError::Db(e)) => Err(e.into()),
        Err(e) => {
            tracing::error!(error = %e, "locking failed");
            Err(FormError::Internal)
        }
    }
}
