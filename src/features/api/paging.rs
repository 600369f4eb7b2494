//! Paging of long lists in the JSON API: `limit` and `offset` in the query, the
//! whole count in `X-Total-Count` and the neighbouring pages in `Link` (RFC 8288),
//! as GitHub's and most public APIs do. A province-sized term has thousands of
//! indicators; one answer stays a few hundred kilobytes.

use crate::web::error::ApiError;
use crate::web::params::whole_number;
use axum::http::{HeaderMap, HeaderName, HeaderValue, header};
use std::collections::HashMap;

/// Items in an answer when `limit` is not given: every term of the report fits.
pub const DEFAULT_LIMIT: u32 = 500;
/// The most items one answer holds.
pub const MAX_LIMIT: u32 = 1_000;
/// Offsets beyond any real list are refused rather than silently answered empty
/// when they could not even be counted.
const MAX_OFFSET: u32 = 10_000_000;

pub const TOTAL_COUNT: HeaderName = HeaderName::from_static("x-total-count");

/// Which slice of a list one answer holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub limit: usize,
    pub offset: usize,
}

impl Window {
    /// Reads `limit` (1–1000, default 500) and `offset` (default 0); other keys
    /// are left to the caller.
    pub fn parse(query: &HashMap<String, String>) -> Result<Window, ApiError> {
        let limit = whole_number(query, "limit", (1, MAX_LIMIT), DEFAULT_LIMIT)?;
        let offset = whole_number(query, "offset", (0, MAX_OFFSET), 0)?;
        Ok(Window {
            limit: limit as usize,
            offset: offset as usize,
        })
    }

    /// `X-Total-Count` and, when there are neighbours, `Link` with `first`,
    /// `prev`, `next` and `last` for a list of `total` items at `path`.
    pub fn headers(&self, path: &str, total: usize) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(TOTAL_COUNT, HeaderValue::from(total));
        let at = |offset: usize| format!("<{path}?offset={offset}&limit={}>", self.limit);
        let mut links = Vec::new();
        if self.offset > 0 {
            links.push(format!("{}; rel=\"first\"", at(0)));
            let prev = self.offset.saturating_sub(self.limit).min(total);
            links.push(format!("{}; rel=\"prev\"", at(prev)));
        }
        if self.offset + self.limit < total {
            links.push(format!("{}; rel=\"next\"", at(self.offset + self.limit)));
            let last = (total - 1) / self.limit * self.limit;
            links.push(format!("{}; rel=\"last\"", at(last)));
        }
        if !links.is_empty()
            && let Ok(value) = HeaderValue::from_str(&links.join(", "))
        {
            headers.insert(header::LINK, value);
        }
        headers
    }
}

#[cfg(test)]
mod tests {
    use super::{DEFAULT_LIMIT, Window};
    use axum::http::header;
    use std::collections::HashMap;

    use crate::web::params::query;

    #[test]
    fn a_list_without_paging_parameters_gets_the_default_window() {
        let w = Window::parse(&HashMap::new()).expect("window");
        assert_eq!((w.limit, w.offset), (DEFAULT_LIMIT as usize, 0));
    }

    #[test]
    fn paging_parameters_out_of_range_or_not_whole_numbers_are_refused() {
        for (k, v) in [
            ("limit", "0"),
            ("limit", "1001"),
            ("limit", "-5"),
            ("limit", "abc"),
            ("limit", "1.5"),
            ("limit", ""),
            ("offset", "-1"),
            ("offset", "1e3"),
            ("offset", "99999999999"),
        ] {
            assert!(Window::parse(&query(&[(k, v)])).is_err(), "{k}={v}");
        }
    }

    #[test]
    fn links_name_the_neighbouring_pages_and_stop_at_the_ends() {
        let path = "/api/v1/terms/4/indicators";
        let w = Window {
            limit: 100,
            offset: 100,
        };
        let h = w.headers(path, 250);
        assert_eq!(h["x-total-count"], "250");
        let link = h[header::LINK].to_str().expect("ascii");
        assert!(link.contains(&format!("<{path}?offset=0&limit=100>; rel=\"first\"")));
        assert!(link.contains(&format!("<{path}?offset=0&limit=100>; rel=\"prev\"")));
        assert!(link.contains(&format!("<{path}?offset=200&limit=100>; rel=\"next\"")));
        assert!(link.contains(&format!("<{path}?offset=200&limit=100>; rel=\"last\"")));

        let only = Window {
            limit: 500,
            offset: 0,
        };
        let h = only.headers(path, 30);
        assert!(h.get(header::LINK).is_none(), "one page needs no links");
        let end = Window {
            limit: 100,
            offset: 200,
        }
        .headers(path, 250);
        let link = end[header::LINK].to_str().expect("ascii");
        assert!(!link.contains("rel=\"next\""), "{link}");
    }
}
