//! The JSON API under `/api/v1`: reads (`read`), token-authenticated writes (`write`),
//! the JSON shapes (`json`), the error answers several endpoints share (`answers`),
//! paging (`paging`) and the OpenAPI document (`openapi`).

pub mod answers;
pub mod json;
pub mod openapi;
pub mod paging;
pub mod read;
pub mod submit;
pub mod write;
mod write_input;

use crate::web::state::AppState;

/// Every route of the JSON API, `/healthz` included.
pub fn router() -> axum::Router<AppState> {
    axum::Router::new()
        .merge(read::router())
        .merge(write::router())
        .merge(submit::router())
}
