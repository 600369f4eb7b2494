//! Building the app and serving it: open the database, seed a new installation,
//! assemble the routes, bind, serve until told to stop.

use crate::db::{Db, DbError};
use crate::features;
use crate::ingest::seed::{BUILTIN_SEED, SeedError, SeedFile};
use crate::shell::{App, app_document, shell};
use crate::web::auth::{csrf, secret, session};
use crate::web::state::{AppState, Config};
use crate::web::{assets, gate, headers, lang, limits, observe, page_cache};
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use leptos::config::LeptosOptions;
use leptos_axum::{LeptosRoutes, generate_route_list};
use std::net::SocketAddr;
use tokio::net::TcpListener;
use tower_http::timeout::{RequestBodyTimeoutLayer, TimeoutLayer};

pub use crate::web::limits::MAX_BODY_BYTES;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("{0}")]
    Database(#[from] DbError),
    #[error("{0}")]
    Seed(#[from] SeedError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("server stopped with an error: {0}")]
    Serve(std::io::Error),
}

/// Opens the database at `url` and, when it holds no term yet, loads the seed
/// (the 2015–2020 report) in one transaction.
pub async fn open_database(url: &str) -> Result<Db, StartError> {
    let db = Db::connect(url).await?;
    if db.is_empty().await? {
        let plan = SeedFile::parse(BUILTIN_SEED)?.plan()?;
        if db.seed_if_empty(&plan).await? {
            tracing::info!(terms = plan.terms.len(), "new database: seed data loaded");
        }
    }
    Ok(db)
}

pub fn leptos_options(addr: SocketAddr) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("resolution-dashboard")
        .site_root("target/site")
        .site_pkg_dir("pkg")
        .site_addr(addr)
        .build()
}

/// Every route of the application.
pub fn router(state: AppState) -> Router {
    let timeout = state.config.request_timeout;
    let routes = generate_route_list(App);
    let leptos_options = state.leptos_options.clone();
    let fallback_state = state.clone();
    let fallback = leptos_axum::render_app_async_with_context(
        move || leptos::context::provide_context(fallback_state.clone()),
        move || shell(leptos_options.clone()),
    );
    let options_for_shell = state.leptos_options.clone();
    let app = Router::new()
        .leptos_routes(&state, routes, move || shell(options_for_shell.clone()))
        .merge(features::api::router())
        .merge(assets::router())
        .merge(lang::router())
        .merge(features::form_router(&state))
        .merge(features::downloads::router());
    // The load test's reference route exists only in a build made for it.
    #[cfg(feature = "bench-static")]
    let app = app.merge(super::bench_static::router(&state.config));
    let app = app
        .fallback(fallback)
        .layer(axum::middleware::from_fn_with_state(
            page_cache::PageCache::new(&state),
            page_cache::serve,
        ))
        // Innermost first: the private-mode gate needs the session, and the Origin
        // check runs before anything else touches a state-changing request.
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            gate::private_mode,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            session::load,
        ))
        .layer(axum::middleware::from_fn(csrf::check_origin))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        // A request that takes longer than the timeout (30 s unless configured) is
        // answered 408 and its work dropped: a write runs in one transaction, so a
        // dropped write leaves nothing behind. The body's own timeout stops a client
        // that sends it too slowly.
        .layer(RequestBodyTimeoutLayer::new(timeout))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            timeout,
        ))
        // Outside the limits, so that their bare answers get words.
        .layer(axum::middleware::from_fn(limits::explain));
    let https = state.config.secure_cookies;
    let mut app = app.with_state(state);
    for layer in headers::layers(https) {
        app = app.layer(layer);
    }
    observe::layer(app)
}

/// A bound server, not yet serving.
pub struct Bound {
    pub listener: TcpListener,
    pub app: Router,
    pub db: Db,
}

impl Bound {
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until `shutdown` completes, then finishes the requests in flight.
    pub async fn serve(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), StartError> {
        // Connect info gives handlers the peer address (sign-in throttling).
        let app = self.app.into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(self.listener, app)
            .with_graceful_shutdown(shutdown)
            .await
            .map_err(StartError::Serve)
    }
}

/// Opens the database, builds the routes and binds `addr` (port 0 picks a free port).
pub async fn bind(
    addr: SocketAddr,
    database_url: &str,
    config: Config,
) -> Result<Bound, StartError> {
    let db = open_database(database_url).await?;
    let listener = TcpListener::bind(addr)
        .await
        .map_err(|source| StartError::Bind { addr, source })?;
    let local = listener
        .local_addr()
        .map_err(|source| StartError::Bind { addr, source })?;
    let state = AppState {
        leptos_options: leptos_options(local),
        shell: app_document,
        db: db.clone(),
        config,
    };
    Ok(Bound {
        listener,
        app: router(state),
        db,
    })
}

/// While no admin exists, makes a one-time setup link for the first one.
pub async fn setup_link(db: &Db, base: &str) -> Result<Option<String>, StartError> {
    if db.count_active_admins().await? > 0 {
        return Ok(None);
    }
    let token = secret::token();
    db.create_setup_token(&secret::hash(&token)).await?;
    Ok(Some(format!("{base}/setup?token={token}")))
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
