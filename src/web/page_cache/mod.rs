//! An in-memory cache of the rendered public pages and JSON reads, so that a
//! read-mostly dashboard answers readers at close to the rate of a static file.
//!
//! What is cached: `GET` of `/`, `/terms/…`, `/indicators/…`, `/api/v1/terms…` and
//! `/api/v1/indicators/…` (not `…/history`) by an anonymous reader: no signed-in
//! user, no `Authorization` header, no cookie but `lang`. Only `200` answers without
//! `Set-Cookie` are kept. The key is (path and query, language, UTC date: statuses
//! depend on the year), and every entry belongs to one value of the database's data
//! version counter, which every write bumps.
//!
//! When it is dropped: the data version is read from the database before a cached
//! answer is given, so a figure approved through any server process, or the
//! command line, is seen at once; a change of version empties the cache. Requests
//! arriving together share one read (`version.rs`), never one older than
//! themselves. `RD_PAGE_CACHE_RECHECK_MS=N` trades that exactness for speed: the
//! version is re-read at most every N ms (this process's own writes still count at
//! once). A state-changing request (`POST`, `PUT`, …) handled by this process also
//! empties the cache as soon as it is answered, and a page rendered while such a
//! request ran is not stored.
//!
//! One render per page: when many readers miss the same page at once (every write
//! empties the cache), the first renders it and the others wait for its answer
//! instead of all rendering the same page from the database.
//!
//! Bounded: at most `MAX_ENTRIES` answers and `MAX_BYTES` in all (a full cache is
//! emptied, not grown); an answer over `MAX_ENTRY_BYTES` is never kept.
//!
//! A cached page is the same bytes for every reader, including the nonce Leptos puts
//! on its inline data script. That is harmless while the CSP says `script-src 'none'`
//! (src/server/headers.rs: the nonce is never honoured); a CSP that allowed scripts
//! by nonce would need a fresh nonce per answer, i.e. no caching of the HTML as is.
//!
//! `RD_PAGE_CACHE=off` turns it off (to measure the pages without it).

mod eligible;
mod version;

use crate::web::lang::locale_from_headers;
use crate::web::state::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use eligible::cacheable;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use tokio::sync::watch;
use version::SharedVersionReads;

const MAX_ENTRIES: usize = 2_000;
const MAX_BYTES: usize = 48 * 1024 * 1024;
const MAX_ENTRY_BYTES: usize = 4 * 1024 * 1024;
/// The most of a streamed answer read to decide whether to keep it.
const MAX_READ_BYTES: usize = 256 * 1024 * 1024;

/// Shared by every request of one server; cloning is cheap.
#[derive(Clone, Debug)]
pub struct PageCache {
    inner: Arc<Mutex<Inner>>,
    reads: Arc<SharedVersionReads>,
    state: AppState,
    enabled: bool,
    recheck: Duration,
}

#[derive(Debug, Default)]
struct Inner {
    /// The data version the entries belong to.
    version: Option<i64>,
    /// When `version` was last read from the database.
    checked_at: Option<Instant>,
    /// Bumped whenever the entries are dropped: a render started before a drop is
    /// not stored after it.
    generation: u64,
    /// State-changing requests of this process in flight.
    writes_in_flight: usize,
    entries: HashMap<Key, Entry>,
    bytes: usize,
    /// Pages being rendered for the cache; the sender is dropped when the render ends.
    rendering: HashMap<Key, watch::Receiver<()>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    path_and_query: String,
    locale: &'static str,
    date: String,
}

#[derive(Debug, Clone)]
struct Entry {
    headers: HeaderMap,
    body: Bytes,
}

impl Inner {
    fn drop_all(&mut self) {
        self.entries.clear();
        self.bytes = 0;
        self.generation += 1;
        self.checked_at = None;
    }
}

impl PageCache {
    pub fn new(state: &AppState) -> PageCache {
        let enabled = !std::env::var("RD_PAGE_CACHE").is_ok_and(|v| v == "off");
        let recheck = std::env::var("RD_PAGE_CACHE_RECHECK_MS")
            .ok()
            .and_then(|v| v.parse::<u64>().ok())
            .map_or(Duration::ZERO, Duration::from_millis);
        PageCache {
            inner: Arc::default(),
            reads: Arc::default(),
            state: state.clone(),
            enabled,
            recheck,
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock leaves nothing half-done worth refusing.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The current data version, from the database unless read within `recheck`.
    async fn version(&self) -> Option<(i64, u64)> {
        {
            let inner = self.lock();
            if let (Some(v), Some(at)) = (inner.version, inner.checked_at)
                && !self.recheck.is_zero()
                && at.elapsed() < self.recheck
                && inner.writes_in_flight == 0
            {
                return Some((v, inner.generation));
            }
        }
        let db = &self.state.db;
        let version = self
            .reads
            .current(|| async { db.data_version().await.ok().map(|(v, _)| v) })
            .await?;
        let mut inner = self.lock();
        if inner.version != Some(version) {
            inner.drop_all();
            inner.version = Some(version);
        }
        inner.checked_at = Some(Instant::now());
        Some((version, inner.generation))
    }
}

/// Middleware: answers from the cache, or renders and keeps the answer.
pub async fn serve(State(cache): State<PageCache>, req: Request, next: Next) -> Response {
    if !cache.enabled {
        return next.run(req).await;
    }
    if !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return write_through(&cache, req, next).await;
    }
    if !cacheable(&req) {
        return next.run(req).await;
    }
    let Some((version, generation)) = cache.version().await else {
        return next.run(req).await;
    };
    let key = Key {
        path_and_query: req
            .uri()
            .path_and_query()
            .map_or_else(|| req.uri().path().to_string(), |p| p.as_str().to_string()),
        locale: locale_from_headers(req.headers()).code(),
        date: crate::clock::today_iso(),
    };
    let render = match cache.claim_render(&key) {
        Claim::Hit(hit) => return hit,
        Claim::Render(guard) => guard,
        Claim::Wait(mut done) => {
            // Ends with an error when the renderer drops its sender: finished, or gone.
            let _ = done.changed().await;
            if let Some(hit) = cache.hit(&key) {
                return hit;
            }
            // Its answer was not kept (not a 200, or a write came in): render here.
            None
        }
    };
    let response = next.run(req).await;
    if response.status() != StatusCode::OK || response.headers().contains_key(header::SET_COOKIE) {
        return response;
    }
    // A body larger than an entry may hold is passed on untouched, never cut.
    let too_big = response
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok())
        .is_some_and(|n| n > MAX_ENTRY_BYTES);
    if too_big {
        return response;
    }
    let (parts, body) = response.into_parts();
    // Rendered pages stream without a length; read them whole (bounded far above
    // any page) and keep only those that fit.
    let body = match axum::body::to_bytes(body, MAX_READ_BYTES).await {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error = %e, "page body could not be read");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    {
        let mut inner = cache.lock();
        if body.len() <= MAX_ENTRY_BYTES
            && inner.generation == generation
            && inner.version == Some(version)
            && inner.writes_in_flight == 0
        {
            if inner.entries.len() >= MAX_ENTRIES || inner.bytes + body.len() > MAX_BYTES {
                inner.entries.clear();
                inner.bytes = 0;
            }
            inner.bytes += body.len();
            if let Some(old) = inner.entries.insert(
                key,
                Entry {
                    headers: parts.headers.clone(),
                    body: body.clone(),
                },
            ) {
                inner.bytes -= old.body.len();
            }
        }
    }
    drop(render);
    Response::from_parts(parts, Body::from(body))
}

enum Claim<'a> {
    Hit(Response),
    /// This request renders the page; the others wait until the guard is dropped.
    Render(Option<Rendering<'a>>),
    Wait(watch::Receiver<()>),
}

/// Marks a page as being rendered until dropped (also when the request is cancelled).
struct Rendering<'a> {
    cache: &'a PageCache,
    key: Key,
    _done: watch::Sender<()>,
    receiver: watch::Receiver<()>,
}

impl Drop for Rendering<'_> {
    fn drop(&mut self) {
        let mut inner = self.cache.lock();
        if inner
            .rendering
            .get(&self.key)
            .is_some_and(|r| r.same_channel(&self.receiver))
        {
            inner.rendering.remove(&self.key);
        }
    }
}

impl PageCache {
    fn hit(&self, key: &Key) -> Option<Response> {
        let hit = self.lock().entries.get(key).cloned()?;
        Some((StatusCode::OK, hit.headers, hit.body).into_response())
    }

    /// The cached answer, or the right to render it, or a render to wait for.
    fn claim_render(&self, key: &Key) -> Claim<'_> {
        let mut inner = self.lock();
        if let Some(hit) = inner.entries.get(key).cloned() {
            return Claim::Hit((StatusCode::OK, hit.headers, hit.body).into_response());
        }
        if let Some(running) = inner.rendering.get(key) {
            return Claim::Wait(running.clone());
        }
        let (done, receiver) = watch::channel(());
        inner.rendering.insert(key.clone(), receiver.clone());
        Claim::Render(Some(Rendering {
            cache: self,
            key: key.clone(),
            _done: done,
            receiver,
        }))
    }
}

/// A state-changing request: while it runs nothing is stored, and once it is
/// answered the cache is emptied and the version read again.
async fn write_through(cache: &PageCache, req: Request, next: Next) -> Response {
    struct InFlight<'a>(&'a PageCache);
    impl Drop for InFlight<'_> {
        fn drop(&mut self) {
            let mut inner = self.0.lock();
            inner.writes_in_flight -= 1;
            inner.drop_all();
        }
    }
    {
        let mut inner = cache.lock();
        inner.writes_in_flight += 1;
        inner.drop_all();
    }
    let _guard = InFlight(cache);
    next.run(req).await
}

#[cfg(test)]
mod tests;
