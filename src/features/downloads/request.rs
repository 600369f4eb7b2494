//! What the download routes share: splitting "12.png" into id and format, reading and
//! checking the size query, loading data, running heavy rendering off the async
//! threads (two at a time), and the file response.

use crate::web::params::whole_number;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use axum::http::header;
use axum::response::{IntoResponse, Response};
use tokio::sync::Semaphore;

use crate::charts::ChartSize;
use crate::db::{Db, TermData};
use crate::domain::IndicatorId;
use crate::web::error::ApiError;

/// Smallest and largest width or height of an exported chart, in pixels.
pub const MIN_SIDE: u32 = 320;
pub const MAX_SIDE: u32 = 4096;
/// A PNG may hold at most this many pixels (width × height × scale²): about 100 MB
/// while it is drawn. 1920×1080 at scale 3 and 4096×4096 at scale 1 both fit.
pub const MAX_PIXELS: u64 = 25_000_000;
pub const DEFAULT_SIZE: ChartSize = ChartSize {
    width: 1920,
    height: 1080,
};

/// "12.png" → (12, "png"). Anything else names nothing: 404.
pub fn split_file(file: &str, what: &str) -> Result<(i64, String), ApiError> {
    let missing = || ApiError::NotFound(format!("no {what} {file:?}"));
    let (stem, ext) = file.rsplit_once('.').ok_or_else(missing)?;
    let id = stem
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(missing)?;
    Ok((id, ext.to_ascii_lowercase()))
}

/// The requested output: size in pixels and, for PNG, the scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SizeQuery {
    pub size: ChartSize,
    pub scale: u32,
}

/// Reads `width`, `height` (320–4096, default 1920×1080) and `scale` (1–3, PNG only).
pub fn size_query(query: &HashMap<String, String>, png: bool) -> Result<SizeQuery, ApiError> {
    let width = whole_number(query, "width", (MIN_SIDE, MAX_SIDE), DEFAULT_SIZE.width)?;
    let height = whole_number(query, "height", (MIN_SIDE, MAX_SIDE), DEFAULT_SIZE.height)?;
    let scale = if png {
        whole_number(query, "scale", (1, 3), 1)?
    } else {
        1
    };
    let pixels = u64::from(width) * u64::from(height) * u64::from(scale * scale);
    if png && pixels > MAX_PIXELS {
        return Err(ApiError::BadRequest(format!(
            "the PNG would have {pixels} pixels (width × height × scale²); at most {MAX_PIXELS} \
             — lower the width, the height or the scale"
        )));
    }
    Ok(SizeQuery {
        size: ChartSize { width, height },
        scale,
    })
}

/// The term's data, or 404.
pub async fn term_data(db: &Db, id: i64) -> Result<Arc<TermData>, ApiError> {
    db.term_data(id)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("no term with id {id}")))
}

/// The data of the term the indicator belongs to, or 404.
pub async fn indicator_term(db: &Db, id: IndicatorId) -> Result<TermData, ApiError> {
    let missing = || ApiError::NotFound(format!("no indicator with id {id}"));
    let data = db
        .indicator_family(id.get(), crate::db::Figures::Approved)
        .await?
        .ok_or_else(missing)?;
    data.indicator(id).ok_or_else(missing)?;
    Ok(data)
}

/// Runs CPU-heavy rendering on the blocking pool, at most two at once: the server has
/// two cores, and pages must stay quick while someone exports a pack.
pub async fn render<T, E>(
    job: impl FnOnce() -> Result<T, E> + Send + 'static,
) -> Result<T, ApiError>
where
    T: Send + 'static,
    E: std::fmt::Display + Send + 'static,
{
    static PERMITS: OnceLock<Semaphore> = OnceLock::new();
    let permits = PERMITS.get_or_init(|| Semaphore::new(2));
    let _permit = permits.acquire().await.map_err(|_| ApiError::Internal)?;
    match tokio::task::spawn_blocking(job).await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(e)) => {
            tracing::error!(error = %e, "export failed");
            Err(ApiError::Internal)
        }
        Err(e) => {
            tracing::error!(error = %e, "export task panicked");
            Err(ApiError::Internal)
        }
    }
}

/// A file the browser saves under `file_name` (ASCII).
pub fn file(content_type: &'static str, file_name: &str, body: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
            (header::CACHE_CONTROL, "no-cache".to_string()),
        ],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::web::params::query;

    #[test]
    fn sizes_default_to_a_full_hd_slide() -> Result<(), ApiError> {
        let q = size_query(&query(&[]), true)?;
        assert_eq!(q.size, DEFAULT_SIZE);
        assert_eq!(q.scale, 1);
        Ok(())
    }

    #[test]
    fn each_bad_size_is_refused_with_a_message_naming_the_parameter() {
        let cases: &[(&[(&str, &str)], &str)] = &[
            (&[("width", "319")], "width"),
            (&[("width", "4097")], "width"),
            (&[("height", "abc")], "height"),
            (&[("height", "-5")], "height"),
            (&[("width", "1.5")], "width"),
            (&[("scale", "0")], "scale"),
            (&[("scale", "4")], "scale"),
            (
                &[("width", "4096"), ("height", "4096"), ("scale", "2")],
                "pixels",
            ),
        ];
        for (pairs, word) in cases {
            match size_query(&query(pairs), true) {
                Err(ApiError::BadRequest(message)) => {
                    assert!(message.contains(word), "{pairs:?}: {message}")
                }
                other => panic!("{pairs:?} gave {other:?}"),
            }
        }
    }

    #[test]
    fn file_names_split_into_id_and_format() -> Result<(), ApiError> {
        assert_eq!(split_file("12.PNG", "chart")?, (12, "png".to_string()));
        for bad in ["12", "x.svg", "0.svg", "-1.png", ".svg"] {
            assert!(matches!(
                split_file(bad, "chart"),
                Err(ApiError::NotFound(_))
            ));
        }
        Ok(())
    }
}
