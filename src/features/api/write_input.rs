//! What the write API accepts: the call on one figure (who, which indicator and
//! period, the body), the request bodies (with their OpenAPI schemas), who may
//! write, and how refusals of the database become API errors.

use crate::db::{Actor, Origin, WriteError};
use crate::domain::{Action, Period};
use crate::web::auth::caller::Caller;
use crate::web::error::ApiError;
use crate::web::rejection::{ApiPath, JsonBytes};
use crate::web::state::AppState;
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Schema, Type};
use utoipa::{IntoParams, ToSchema};

/// A figure for one indicator and period.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({"value": "12", "qualifier": "about", "note": "ước tính"}))]
#[serde(deny_unknown_fields)]
pub struct PutBody {
    /// Written the Vietnamese way ("1.234,5", "20%") or as a JSON number.
    #[schema(schema_with = figure_schema)]
    pub value: Value,
    /// `exact` (the default), `more_than`, `about` or `at_least`.
    pub qualifier: Option<String>,
    #[schema(max_length = 2000, pattern = "^[^\\x00]*$")]
    pub note: Option<String>,
    #[schema(max_length = 2000, pattern = "^[^\\x00]*$")]
    pub source_document: Option<String>,
    #[schema(max_length = 2000, pattern = "^[^\\x00]*$")]
    pub quote: Option<String>,
    /// The version last read; a different stored version is a conflict (409).
    #[schema(minimum = 0)]
    pub expected_version: Option<i64>,
}

/// An approval or a return; returning needs a comment.
#[derive(Debug, Deserialize, Default, ToSchema)]
#[schema(example = json!({"comment": "Đề nghị kiểm tra lại nguồn số liệu"}))]
#[serde(deny_unknown_fields)]
pub struct ReviewBody {
    #[schema(max_length = 2000, pattern = "^[^\\x00]*$")]
    pub comment: Option<String>,
}

/// The body of a return, as documented: the comment is required and not blank
/// (read as a [`ReviewBody`], which says why when it is missing).
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct ReturnBody {
    /// What to fix.
    #[schema(
        min_length = 1,
        max_length = 2000,
        pattern = "^[^\\x00]*[^\\x00\\s][^\\x00]*$"
    )]
    pub comment: String,
}

/// A write on one figure (`…/indicators/{id}/values/{period}…`): what every such
/// handler extracts, in the order a handler's own arguments would be (a wrong
/// token, then the path, then the body's size and type), read no further yet.
pub struct FigureCall {
    pub state: AppState,
    caller: Caller,
    raw_id: String,
    raw_period: String,
    pub body: Bytes,
}

impl FromRequest<AppState> for FigureCall {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, ApiError> {
        let (mut parts, body) = req.into_parts();
        let caller = Caller::from_request_parts(&mut parts, state).await?;
        let ApiPath((raw_id, raw_period)) = ApiPath::from_request_parts(&mut parts, state).await?;
        let JsonBytes(body) =
            JsonBytes::from_request(Request::from_parts(parts, body), state).await?;
        Ok(FigureCall {
            state: state.clone(),
            caller,
            raw_id,
            raw_period,
            body,
        })
    }
}

/// The path of a call on one figure, as the OpenAPI document gives it.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)] // documents `FigureCall`'s path; never built
pub struct FigurePath {
    /// Indicator id
    #[param(minimum = 1, example = 1)]
    id: i64,
    /// A year (e.g. 2021) or `term`
    #[param(pattern = "^([0-9]{4}|term)$", example = "2016")]
    period: String,
}

impl FigureCall {
    /// Who writes, and on which indicator: the role is checked before the id is
    /// read, so that a caller who may not write is told that first.
    pub fn writer(&self, action: Action) -> Result<(Actor, i64), ApiError> {
        let actor = writer(&self.caller, action)?;
        Ok((actor, parse_id(&self.raw_id)?))
    }

    pub fn period(&self) -> Result<Period, ApiError> {
        parse_period(&self.raw_period)
    }

    /// A body that may be left out: no body, `null` and `{}` all mean the defaults.
    pub fn optional_body<T: DeserializeOwned + Default>(&self) -> Result<T, ApiError> {
        if self.body.is_empty() {
            return Ok(T::default());
        }
        Ok(parse_body::<Option<T>>(&self.body)?.unwrap_or_default())
    }
}

fn figure_schema() -> impl Into<RefOr<Schema>> {
    OneOfBuilder::new()
        .item(ObjectBuilder::new().schema_type(Type::String))
        .item(ObjectBuilder::new().schema_type(Type::Number))
}

pub fn bad(message: impl Into<String>) -> ApiError {
    ApiError::BadRequest(message.into())
}

/// Parses a JSON body, refusing anything else with a 400 that says why.
pub fn parse_body<'a, T: Deserialize<'a>>(body: &'a [u8]) -> Result<T, ApiError> {
    serde_json::from_slice(body).map_err(|e| bad(format!("the body is not the expected JSON: {e}")))
}

pub fn parse_id(raw: &str) -> Result<i64, ApiError> {
    crate::web::params::parse_id(raw, "indicator")
}

/// A year such as 2021 or `term`, exactly (the forms also forgive spaces).
fn parse_period(raw: &str) -> Result<Period, ApiError> {
    Some(raw)
        .filter(|r| r.trim() == *r)
        .and_then(Period::parse)
        .ok_or_else(|| {
            bad(format!(
                "period {raw:?} is neither a year such as 2021 nor \"term\""
            ))
        })
}

/// A token caller whose role allows `action`.
fn writer(caller: &Caller, action: Action) -> Result<Actor, ApiError> {
    let user = match caller {
        Caller::Token(u) => u,
        Caller::Session(_) => {
            return Err(ApiError::Forbidden(
                "write calls need an API token (Authorization: Bearer …)".into(),
            ));
        }
        Caller::Anonymous => return Err(ApiError::Unauthorized),
    };
    if !user.role.may(action) {
        return Err(ApiError::Forbidden(format!(
            "the role {} may not do this",
            user.role.key()
        )));
    }
    Ok(Actor {
        user_id: user.id.get(),
        username: user.username.clone(),
        origin: Origin::Api,
    })
}

pub fn write_error(e: WriteError) -> ApiError {
    match e {
        WriteError::Locked => ApiError::Locked,
        WriteError::Conflicts(c) => ApiError::Conflict(format!(
            "the value changed since version you expected; it is now version {}",
            c.first().map_or(0, |c| c.current_version)
        )),
        WriteError::NotFound | WriteError::UnknownIndicator(_) => {
            ApiError::NotFound("no such indicator or value".into())
        }
        WriteError::WrongState => ApiError::Conflict("the value is not awaiting review".into()),
        WriteError::OwnFigure => ApiError::Forbidden(
            "you changed this figure last: another approver must approve it (separation of duties)"
                .into(),
        ),
        WriteError::Db(e) => e.into(),
    }
}
