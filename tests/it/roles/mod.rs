//! The role matrix: every state-changing form and API call, tried by nobody and by
//! each role; a refusal must leave the database exactly as it was (its fingerprint:
//! every row of every table of the record). Also private mode and the session cookie.
//!
//! There are no state-changing Leptos server functions: the pages' server functions
//! only read (the admin's reads check the role too), and every change goes through
//! the form and API routes tried here.

use crate::common;

use common::TestApp;
use resolution_dashboard::domain::Period;
use resolution_dashboard::web::state::Config;

mod api;
mod forms;

type Fingerprint = Vec<(String, i64, u64)>;

/// Fails naming the tables a refused request changed.
fn snapshot_is(before: &Fingerprint, after: &Fingerprint, what: &str) {
    let changed: Vec<&str> = before
        .iter()
        .zip(after)
        .filter(|(b, a)| b != a)
        .map(|(b, _)| b.0.as_str())
        .collect();
    assert!(
        changed.is_empty() && before.len() == after.len(),
        "{what} was refused but changed the tables {changed:?}"
    );
}

/// Who prepares the figures the matrix then reviews.
pub(super) async fn preparer(app: &TestApp) -> resolution_dashboard::db::Actor {
    common::db_actor(app, "chuanbi", "editor").await
}

/// A draft figure `n` for `indicator` in 2021 (not submitted).
async fn prepare_draft(app: &TestApp, indicator: i64, term: i64, n: i64) {
    app.db
        .save_values(
            term,
            &[common::year_figure(indicator, 2021, n)],
            &preparer(app).await,
        )
        .await
        .expect("save");
}

/// A submitted figure `n` for `indicator` in 2021, ready for review.
async fn prepare_submitted(app: &TestApp, indicator: i64, term: i64, n: i64) {
    prepare_draft(app, indicator, term, n).await;
    app.db
        .submit_period(term, Period::Year(2021), &preparer(app).await)
        .await
        .expect("submit");
}

#[tokio::test]
async fn private_mode_asks_anonymous_visitors_to_sign_in() {
    let app = common::spawn_app_with(Config {
        private: true,
        secure_cookies: false,
        ..Config::default()
    })
    .await;
    let page = app.get("/terms/1").await;
    assert_eq!(page.status().as_u16(), 303);
    assert_eq!(
        page.headers().get("location").and_then(|v| v.to_str().ok()),
        Some("/login?next=/terms/1")
    );
    let (status, body) = app.json("/api/v1/terms").await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (401, Some("unauthorized"))
    );
    assert_eq!(app.get("/login").await.status().as_u16(), 200);
    assert_eq!(app.get("/healthz").await.status().as_u16(), 200);
    let admin = app.admin().await;
    assert_eq!(admin.get("/terms/1").await.status, 200);
}

#[tokio::test]
async fn secure_cookies_are_marked_secure_and_http_only() {
    let app = common::spawn_app_with(Config {
        private: false,
        secure_cookies: true,
        ..Config::default()
    })
    .await;
    let v = app.visitor();
    let page = v.get(app.setup_link.trim_start_matches(&app.base)).await;
    let token = app.setup_link.split("token=").nth(1).unwrap_or_default();
    let res = v
        .client
        .post(format!("{}/setup", app.base))
        .form(&[
            ("csrf", common::browser::csrf_of(&page.body).as_str()),
            ("token", token),
            ("username", "quantri"),
            ("password", "mat-khau-quan-tri"),
        ])
        .send()
        .await
        .expect("setup");
    let cookie = res
        .headers()
        .get("set-cookie")
        .and_then(|c| c.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(
        cookie.starts_with("rd_session=")
            && cookie.contains("HttpOnly")
            && cookie.contains("Secure")
            && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
}
