//! Building the app and serving it: open the database, seed a new installation,
//! assemble the routes, bind, serve until told to stop.

use super::{api, assets, chart_files, headers, lang, term_files};
use crate::app::state::AppState;
use crate::app::{App, shell};
use crate::db::{Db, DbError};
use crate::io::seed::{BUILTIN_SEED, SeedError, SeedFile};
use axum::Router;
use leptos::config::LeptosOptions;
use leptos_axum::{LeptosRoutes, generate_route_list};
use std::net::SocketAddr;
use tokio::net::TcpListener;
use tower_http::trace::TraceLayer;

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
        db.insert_seed(&plan).await?;
        tracing::info!(terms = plan.terms.len(), "new database: seed data loaded");
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
    let routes = generate_route_list(App);
    let leptos_options = state.leptos_options.clone();
    let fallback_state = state.clone();
    let fallback = leptos_axum::render_app_async_with_context(
        move || leptos::context::provide_context(fallback_state.clone()),
        move || shell(leptos_options.clone()),
    );
    let options_for_shell = state.leptos_options.clone();
    let mut app = Router::new()
        .leptos_routes(&state, routes, move || shell(options_for_shell.clone()))
        .merge(api::router())
        .merge(assets::router())
        .merge(lang::router())
        .merge(chart_files::router())
        .merge(term_files::router())
        .fallback(fallback)
        .with_state(state);
    for layer in headers::layers() {
        app = app.layer(layer);
    }
    app.layer(TraceLayer::new_for_http())
}

/// A bound server, not yet serving.
pub struct Bound {
    pub listener: TcpListener,
    pub app: Router,
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
        axum::serve(self.listener, self.app)
            .with_graceful_shutdown(shutdown)
            .await
            .map_err(StartError::Serve)
    }
}

/// Opens the database, builds the routes and binds `addr` (port 0 picks a free port).
pub async fn bind(addr: SocketAddr, database_url: &str) -> Result<Bound, StartError> {
    let db = open_database(database_url).await?;
    let listener = TcpListener::bind(addr)
        .await
        .map_err(|source| StartError::Bind { addr, source })?;
    let local = listener
        .local_addr()
        .map_err(|source| StartError::Bind { addr, source })?;
    let state = AppState {
        leptos_options: leptos_options(local),
        db,
    };
    Ok(Bound {
        listener,
        app: router(state),
    })
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
