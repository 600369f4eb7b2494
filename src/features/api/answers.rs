//! The error answers that several endpoints give alike, each said once for the OpenAPI
//! document: an endpoint lists them in its `responses(...)` beside its own. Never
//! built: a handler answers an `ApiError`; these only document which ones and why (the
//! doc comment of a variant is the answer's description). The `…Failures` sets are
//! what every endpoint of a kind lists, put together from the smaller ones.

use crate::web::error::ErrorBody;
use std::collections::BTreeMap;
use utoipa::IntoResponses;
use utoipa::openapi::RefOr;
use utoipa::openapi::response::Response;

/// The answers of several sets together (their statuses do not overlap).
fn together(
    sets: impl IntoIterator<Item = BTreeMap<String, RefOr<Response>>>,
) -> BTreeMap<String, RefOr<Response>> {
    sets.into_iter().flatten().collect()
}

/// Every read: a refused token, and the database's failures.
pub struct ReadFailures;

impl IntoResponses for ReadFailures {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        together([ReadRefusals::responses(), DatabaseFailures::responses()])
    }
}

/// Every write with a token: its refusals before the figure is looked at, and the
/// database's failures.
pub struct WriteFailures;

impl IntoResponses for WriteFailures {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        together([WriteRefusals::responses(), DatabaseFailures::responses()])
    }
}

/// Every review (approve or return): what a write may fail with, and a review's own.
pub struct ReviewFailures;

impl IntoResponses for ReviewFailures {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        together([ReviewRefusals::responses(), WriteFailures::responses()])
    }
}

/// A read: public unless the server is private, but a token sent must be right.
#[derive(IntoResponses)]
pub enum ReadRefusals {
    /// A wrong API token, or none on a private server
    #[response(status = 401)]
    WrongToken(ErrorBody),
}

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
