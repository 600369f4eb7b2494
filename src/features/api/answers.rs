//! The error answers that several endpoints give alike, each said once for the OpenAPI
//! document: an endpoint lists them in its `responses(...)` beside its own. Never
//! built: a handler answers an `ApiError`; these only document which ones and why (the
//! doc comment of a variant is the answer's description).

use crate::web::error::ErrorBody;
use utoipa::IntoResponses;

/// Any endpoint that reads or writes the database.
#[derive(IntoResponses)]
pub enum DatabaseFailures {
    /// The database failed; logged
    #[response(status = 500)]
    Failed(ErrorBody),
    /// The database is unreachable or read-only; nothing changed
    #[response(status = 503)]
    Unavailable(ErrorBody),
}

/// A figure written with an API token: entered, approved or returned.
#[derive(IntoResponses)]
pub enum WriteRefusals {
    /// No API token, or a wrong one
    #[response(status = 401)]
    NoToken(ErrorBody),
    /// The body is over 1 MiB
    #[response(status = 413)]
    TooLarge(ErrorBody),
    /// A body not sent as application/json
    #[response(status = 415)]
    NotJson(ErrorBody),
    /// The term is locked
    #[response(status = 423)]
    Locked(ErrorBody),
}

/// A submitted figure approved or returned.
#[derive(IntoResponses)]
pub enum ReviewRefusals {
    /// A session instead of a token, a role that may not review, or an approval by
    /// the person who changed the figure last (separation of duties)
    #[response(status = 403)]
    MayNotReview(ErrorBody),
    /// No such indicator, or no figure for that period
    #[response(status = 404)]
    NoFigure(ErrorBody),
    /// The figure is not awaiting review
    #[response(status = 409)]
    NotAwaitingReview(ErrorBody),
}
