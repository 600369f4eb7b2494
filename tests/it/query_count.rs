//! No N+1: a term page, an indicator page and the term API cost the same number of
//! queries on the seed (about thirty indicators a term) as on a province-sized term
//! (180 indicators a term), counted by the database handle (`Db::queries_run`).

use crate::common;

use common::TestApp;
use resolution_dashboard::ingest::demo::DemoSize;

/// Queries spent answering `path` (first request: rendered, not from the page
/// cache, and with no term data kept from an earlier read).
async fn queries_for(app: &TestApp, path: &str) -> u64 {
    app.db.forget_kept_terms();
    let before = app.db.queries_run();
    let res = app.get(path).await;
    assert_eq!(res.status().as_u16(), 200, "{path}");
    let _ = res.bytes().await.expect("body");
    app.db.queries_run() - before
}

async fn costs(app: &TestApp, start_year: i64) -> [u64; 4] {
    let (term, list) = app.indicators_of(start_year).await;
    let first = list[0]["id"].as_i64().expect("id");
    // An indicator with a parent where there is one (the seed), else another one:
    // each path is asked once, so that it is rendered, not served from the cache.
    let child = list
        .iter()
        .find(|i| !i["parent_id"].is_null())
        .or_else(|| list.get(1))
        .and_then(|i| i["id"].as_i64())
        .expect("a second indicator");
    [
        queries_for(app, &format!("/terms/{term}")).await,
        queries_for(app, &format!("/indicators/{first}")).await,
        queries_for(app, &format!("/indicators/{child}")).await,
        queries_for(app, &format!("/api/v1/terms/{term}/indicators?n=1")).await,
    ]
}

#[tokio::test]
async fn pages_cost_the_same_queries_whatever_the_number_of_indicators() {
    let seed = common::spawn_app().await;
    // The seed's 2015–2020 term has figures; the demo's terms start in 2005 and 2010.
    let (_, seed_list) = seed.indicators_of(2015).await;
    let large = common::spawn_demo_app(DemoSize {
        units: 6,
        indicators: 30,
        terms: 2,
    })
    .await;
    let (_, large_list) = large.indicators_of(2010).await;
    assert!(large_list.len() >= 4 * seed_list.len(), "not a larger term");
    let small = costs(&seed, 2015).await;
    let big = costs(&large, 2010).await;
    eprintln!(
        "queries (term page, indicator page, child indicator page, term API): seed {small:?} ({} indicators), demo {big:?} ({} indicators)",
        seed_list.len(),
        large_list.len()
    );
    assert_eq!(small, big, "a page's query count grows with the data");
    assert!(
        small.iter().all(|n| *n <= 30),
        "too many queries: {small:?}"
    );
}
