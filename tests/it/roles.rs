//! The role matrix: every state-changing form and API call, tried by nobody and by
//! each role. A refusal must leave the database exactly as it was.

use crate::common;

use common::browser::Visitor;
use common::{TestApp, by_code};
use resolution_dashboard::app::state::Config;
use resolution_dashboard::db::{Actor, Origin, ValueChange};
use resolution_dashboard::domain::{Period, Qualifier, VnDecimal};
use resolution_dashboard::server::auth::secret;

/// Everything a refused request could have touched.
async fn snapshot(app: &TestApp) -> (i64, usize, i64, Option<bool>) {
    let term = app.indicators_of(2020).await.0;
    (
        app.db.audit_count().await.expect("audit"),
        app.db.users().await.expect("users").len(),
        app.db.data_version().await.expect("version").0,
        app.db.term_locked(term).await.expect("lock"),
    )
}

/// A submitted figure for NV-01 in 2021, ready for review.
async fn prepare_submitted(app: &TestApp, indicator: i64, term: i64, n: i64) {
    let actor = Actor {
        user_id: 1,
        username: "chuanbi".into(),
        origin: Origin::Cli,
    };
    let change = ValueChange {
        indicator_id: indicator,
        period: Period::Year(2021),
        value: VnDecimal::from_i64(n),
        qualifier: Qualifier::Exact,
        note: None,
        source_document: None,
        quote: None,
        expected_version: None,
    };
    app.db
        .save_values(term, &[change], &actor)
        .await
        .expect("save");
    app.db
        .submit_period(term, Period::Year(2021), &actor)
        .await
        .expect("submit");
}

async fn every_state_change_is_allowed_to_exactly_the_roles_that_may_make_it(app: TestApp) {
    let admin = app.admin().await;
    let mut who: Vec<(&str, Option<Visitor>)> = vec![("anonymous", None)];
    for role in ["viewer", "editor", "approver"] {
        who.push((
            role,
            Some(app.user(&admin, &format!("nguoi-{role}"), role).await),
        ));
    }
    who.push(("admin", Some(admin)));
    let (term, list) = app.indicators_of(2020).await;
    let nv = by_code(&list, "NV-01")["id"].as_i64().expect("id");
    // (what, path, minimum role index: 1 viewer … 4 admin)
    let routes: Vec<(&str, String, usize)> = vec![
        ("save", format!("/entry/{term}/2021"), 2),
        ("submit", format!("/entry/{term}/2021/submit"), 2),
        ("review", format!("/review/{nv}/2021"), 3),
        ("lock", format!("/terms/{term}/lock"), 3),
        ("create user", "/admin/users".to_string(), 4),
        (
            "disable user",
            "/admin/users/nguoi-viewer/disable".to_string(),
            4,
        ),
    ];
    for (what, path, minimum) in &routes {
        for (rank, (role, visitor)) in who.iter().enumerate() {
            if *what == "review" {
                prepare_submitted(&app, nv, term, i64::try_from(rank).unwrap_or(0) + 100).await;
            }
            let before = snapshot(&app).await;
            let visitor = match visitor {
                Some(v) => v,
                None => &app.visitor(),
            };
            let csrf = if *role == "anonymous" {
                String::new()
            } else {
                visitor.csrf().await
            };
            let fresh_user = format!("moi-{rank}-{}", what.len());
            let form: Vec<(String, String)> = match *what {
                "save" => vec![
                    (format!("v_{nv}"), format!("{}", 10 + rank)),
                    ("csrf".into(), csrf),
                ],
                "review" => vec![("decision".into(), "approve".into()), ("csrf".into(), csrf)],
                "lock" => vec![
                    (
                        "lock".into(),
                        if before.3 == Some(true) { "0" } else { "1" }.into(),
                    ),
                    ("csrf".into(), csrf),
                ],
                "create user" => vec![
                    ("username".into(), fresh_user),
                    ("role".into(), "viewer".into()),
                    ("password".into(), "mat-khau-dai-du".into()),
                    ("csrf".into(), csrf),
                ],
                "create term" => {
                    let start = 2030 + 5 * i32::try_from(rank).unwrap_or(0);
                    vec![
                        ("name".into(), format!("Nhiệm kỳ {start}")),
                        ("start_year".into(), start.to_string()),
                        ("end_year".into(), (start + 5).to_string()),
                        ("csrf".into(), csrf),
                    ]
                }
                "set target" => vec![
                    ("kind".into(), "cumulative".into()),
                    ("value".into(), format!("{}", 100 + rank)),
                    ("csrf".into(), csrf),
                ],
                _ => vec![("csrf".into(), csrf)],
            };
            let pairs: Vec<(&str, &str)> =
                form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let answer = visitor.post(path, &pairs).await;
            let allowed = rank >= *minimum;
            let after = snapshot(&app).await;
            if allowed {
                assert_eq!(
                    answer.status, 303,
                    "{role} {what} should be allowed: {}",
                    answer.body
                );
                if *what != "submit" && *what != "disable user" {
                    assert_ne!(
                        before, after,
                        "{role} {what} was allowed but changed nothing"
                    );
                }
            } else {
                let expected = if *role == "anonymous" { 303 } else { 403 };
                assert_eq!(answer.status, expected, "{role} {what} should be refused");
                if *role == "anonymous" {
                    assert_eq!(answer.location.as_deref(), Some("/login"), "{role} {what}");
                }
                assert_eq!(
                    before, after,
                    "{role} {what} was refused but the database changed"
                );
            }
        }
    }
}

async fn api_writes_are_allowed_to_exactly_the_roles_that_may_make_them(app: TestApp) {
    let (term, list) = app.indicators_of(2020).await;
    let nv = by_code(&list, "NV-01")["id"].as_i64().expect("id");
    let mut tokens = vec![("anonymous", None)];
    for role in ["viewer", "editor", "approver", "admin"] {
        let id = app
            .db
            .create_user(
                &format!("api-{role}"),
                "$argon2id$x",
                resolution_dashboard::domain::Role::parse(role).expect("role"),
            )
            .await
            .expect("user");
        let token = secret::token();
        app.db
            .create_api_token(id, &secret::hash(&token), "t")
            .await
            .expect("token");
        tokens.push((role, Some(token)));
    }
    for (what, minimum) in [("put", 2usize), ("approve", 3)] {
        for (rank, (role, token)) in tokens.iter().enumerate() {
            if what == "approve" {
                prepare_submitted(&app, nv, term, i64::try_from(rank).unwrap_or(0) + 500).await;
            }
            let before = snapshot(&app).await;
            let path = match what {
                "put" => format!("/api/v1/indicators/{nv}/values/2021"),
                _ => format!("/api/v1/indicators/{nv}/values/2021/approve"),
            };
            let mut req = if what == "put" {
                app.client.put(format!("{}{path}", app.base))
            } else {
                app.client.post(format!("{}{path}", app.base))
            };
            req = req
                .header("content-type", "application/json")
                .body(format!(r#"{{"value": "{}"}}"#, 20 + rank));
            if what == "approve" {
                req = req.body("{}");
            }
            if let Some(t) = token {
                req = req.bearer_auth(t);
            }
            let status = req.send().await.expect("request").status().as_u16();
            let after = snapshot(&app).await;
            if rank >= minimum {
                assert_eq!(status, 200, "{role} {what}");
                assert_ne!(before, after, "{role} {what}");
            } else {
                assert_eq!(
                    status,
                    if *role == "anonymous" { 401 } else { 403 },
                    "{role} {what}"
                );
                assert_eq!(
                    before, after,
                    "{role} {what} was refused but the database changed"
                );
            }
        }
    }
}

#[tokio::test]
async fn private_mode_asks_anonymous_visitors_to_sign_in() {
    let app = common::spawn_app_with(Config {
        private: true,
        secure_cookies: false,
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

on_both_backends!(
    every_state_change_is_allowed_to_exactly_the_roles_that_may_make_it,
    api_writes_are_allowed_to_exactly_the_roles_that_may_make_them,
);
