//! The OpenAPI 3.1 document of the JSON API, generated from the handlers and
//! types themselves and served at `GET /api/v1/openapi.json`.

use super::{read as api, write as api_write};
use crate::db::AuditRecord;
use crate::features::api::json::{
    IndicatorJson, ProgressJson, SourceJson, StoredValueJson, TargetJson, TermJson, ValueJson,
};
use crate::features::api::write_input::{PutBody, ReturnBody, ReviewBody};
use crate::web::error::{ErrorBody, ErrorCode, ErrorDetail};
use axum::Json;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "resolution-dashboard API",
        description = "The indicators of a congress resolution, term by term. Numbers are decimal \
            strings (\"12.5\") so that no client rounds them. Reads are public unless the server \
            runs with --private; writes need an API token (`resolution-dashboard token create`). \
            Every error has the body `{\"error\": {\"code\", \"message\"}}`."
    ),
    paths(
        openapi_json,
        api::healthz,
        api::terms,
        api::term_indicators,
        api::indicator,
        api_write::put_value,
        api_write::approve,
        api_write::return_value,
        crate::features::api::submit::submit,
        api_write::history,
    ),
    components(schemas(
        TermJson,
        IndicatorJson,
        TargetJson,
        ValueJson,
        ProgressJson,
        SourceJson,
        StoredValueJson,
        AuditRecord,
        PutBody,
        ReviewBody,
        crate::features::api::submit::SubmitBody,
        ReturnBody,
        ErrorBody,
        ErrorDetail,
        ErrorCode,
    )),
    modifiers(&BearerToken),
    tags(
        (name = "read", description = "Terms and indicators; anonymous callers see approved figures"),
        (name = "write", description = "Figures and their review, with an API token"),
        (name = "health", description = "For monitors"),
    ),
)]
pub struct ApiDoc;

/// The `api_token` security scheme: `Authorization: Bearer <token>`.
struct BearerToken;

impl Modify for BearerToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "A token printed once by `resolution-dashboard token create`",
                    ))
                    .build(),
            ),
        );
    }
}

/// This document.
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "health", security(()),
    responses((status = 200, description = "The OpenAPI document", content_type = "application/json", body = Object)),
)]
pub async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
