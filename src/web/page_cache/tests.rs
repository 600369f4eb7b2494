//! The middleware around a counting handler, over a real (temporary) database.

use super::{PageCache, serve};
use crate::db::Db;
use crate::web::state::{AppState, Config};
use axum::Router;
use axum::http::StatusCode;
use axum::routing::get;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// Serves `/terms/1` (slow: 100 ms a render) through the cache on a free port;
/// returns its address and the render counter. The handler answers `status`.
async fn serve_counted(dir: &tempfile::TempDir, status: StatusCode) -> (String, Arc<AtomicUsize>) {
    let url = format!("sqlite://{}", dir.path().join("cache.db").display());
    let db = Db::connect(&url).await.expect("database");
    let state = AppState {
        leptos_options: leptos::config::LeptosOptions::builder()
            .output_name("test")
            .build(),
        // Nothing here renders a page through the shell.
        shell: |_| leptos::prelude::IntoAny::into_any(()),
        db,
        config: Config::default(),
    };
    let renders = Arc::new(AtomicUsize::new(0));
    let counter = renders.clone();
    let app = Router::new()
        .route(
            "/terms/1",
            get(move || {
                let counter = counter.clone();
                async move {
                    let n = counter.fetch_add(1, Ordering::SeqCst);
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    (status, format!("render {n}"))
                }
            }),
        )
        .layer(axum::middleware::from_fn_with_state(
            PageCache::new(&state),
            serve,
        ));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("address");
    tokio::spawn(async move { axum::serve(listener, app).await });
    (format!("http://{addr}/terms/1"), renders)
}

async fn many_at_once(url: &str, n: usize) -> Vec<(u16, String)> {
    let client = reqwest::Client::new();
    let asks = (0..n).map(|_| {
        let client = client.clone();
        let url = url.to_string();
        tokio::spawn(async move {
            let res = client.get(url).send().await.expect("request");
            let status = res.status().as_u16();
            (status, res.text().await.expect("body"))
        })
    });
    let mut answers = Vec::new();
    for ask in asks.collect::<Vec<_>>() {
        answers.push(ask.await.expect("task"));
    }
    answers
}

#[tokio::test]
async fn readers_missing_the_same_page_at_once_wait_for_one_render() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (url, renders) = serve_counted(&dir, StatusCode::OK).await;
    let answers = many_at_once(&url, 30).await;
    assert_eq!(
        renders.load(Ordering::SeqCst),
        1,
        "one render for 30 readers"
    );
    assert!(answers.iter().all(|a| *a == (200, "render 0".to_string())));
}

#[tokio::test]
async fn an_answer_that_is_not_kept_is_rendered_for_each_waiting_reader() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (url, renders) = serve_counted(&dir, StatusCode::NOT_FOUND).await;
    let answers = many_at_once(&url, 10).await;
    // Nobody is left waiting or given another reader's error page from the cache.
    assert_eq!(renders.load(Ordering::SeqCst), 10);
    assert!(answers.iter().all(|(status, _)| *status == 404));
}
