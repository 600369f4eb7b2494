//! A province-sized term stays usable: the term table is paginated (a parent never
//! split from its breakdown) and an indicator page loads only its family.

use crate::common;

use resolution_dashboard::db::Db;
use resolution_dashboard::ingest::demo::{DemoSize, plan};

async fn demo_app(size: DemoSize) -> common::TestApp {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = format!("sqlite://{}/demo.db", dir.path().display());
    let db = Db::connect(&url).await.expect("db");
    db.insert_seed(&plan(size)).await.expect("demo data");
    db.close().await;
    common::spawn_app_at(url, dir).await
}

fn rows(html: &str) -> usize {
    html.matches("<th scope=\"row\" class=\"name\">").count()
}

#[tokio::test]
async fn a_long_term_table_is_split_into_pages_of_at_most_a_hundred_rows() {
    let app = demo_app(DemoSize {
        units: 6,
        indicators: 30,
        terms: 1,
    })
    .await;
    let (status, first) = app.page("/terms/1").await;
    assert_eq!(status, 200);
    assert!(first.contains("Trang 1/2"), "no pager");
    let (_, second) = app.page("/terms/1?page=2").await;
    assert!(second.contains("Trang 2/2"));
    assert_eq!(
        rows(&first) + rows(&second),
        180,
        "every indicator on exactly one page"
    );
    assert!(rows(&first) <= 100 && rows(&second) <= 100);
    assert!(first.contains("DV01-01") && !first.contains("DV06-30"));
    assert!(second.contains("DV06-30") && !second.contains("DV01-01"));
    let (status, clamped) = app.page("/terms/1?page=99").await;
    assert_eq!(status, 200);
    assert!(clamped.contains("Trang 2/2"));
}

#[tokio::test]
async fn an_indicator_page_of_a_large_term_shows_only_its_own_figures() {
    let app = demo_app(DemoSize {
        units: 10,
        indicators: 40,
        terms: 2,
    })
    .await;
    let (status, html) = app.page("/indicators/5").await;
    assert_eq!(status, 200);
    assert!(html.contains("DV01-05"));
    assert!(
        !html.contains("DV01-06"),
        "another indicator leaked onto the page"
    );
    let (_, json) = app.json("/api/v1/indicators/5").await;
    assert_eq!(json["code"], "DV01-05");
    assert_eq!(json["values"].as_array().map(Vec::len), Some(5));
}
