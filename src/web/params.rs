//! Reading ids and numbers from paths and query strings for the JSON answers (API and
//! downloads): one rule each, the refusal in words.

use crate::domain::ids::parse_id as id_of;
use crate::web::error::ApiError;
use std::collections::HashMap;

/// An id in a path: a 404 naming `what` when it is not an id as this site writes it.
pub fn parse_id(raw: &str, what: &str) -> Result<i64, ApiError> {
    id_of(raw).ok_or_else(|| ApiError::NotFound(format!("no {what} with id {raw:?}")))
}

/// A whole number within `range` from the query, `default` when absent; else a 400.
pub fn whole_number(
    query: &HashMap<String, String>,
    key: &str,
    range: (u32, u32),
    default: u32,
) -> Result<u32, ApiError> {
    let Some(raw) = query.get(key) else {
        return Ok(default);
    };
    raw.trim()
        .parse::<u32>()
        .ok()
        .filter(|v| (range.0..=range.1).contains(v))
        .ok_or_else(|| {
            ApiError::BadRequest(format!(
                "{key} must be a whole number from {} to {}, got {raw:?}",
                range.0, range.1
            ))
        })
}

/// A query string's pairs as handlers receive them, for tests.
#[cfg(test)]
pub fn query(pairs: &[(&str, &str)]) -> HashMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}
