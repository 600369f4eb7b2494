//! The admin's API tokens page: a token issued to an account is shown once and works
//! for that account's rights, its last use is shown, and a revoked token opens nothing.

use crate::common;

use common::TestApp;
use common::browser::csrf_of;

async fn api_status(app: &TestApp, token: &str) -> u16 {
    reqwest::Client::new()
        .get(format!("{}/api/v1/terms", app.base))
        .bearer_auth(token)
        .send()
        .await
        .expect("api")
        .status()
        .as_u16()
}

async fn an_admin_issues_a_token_once_sees_its_use_and_revokes_it(app: TestApp) {
    let admin = app.admin().await;
    let leader = app.user(&admin, "lanhdao", "approver").await;
    app.user(&admin, "robot", "editor").await;
    let page = admin.get("/admin/users").await.body;
    let audits = app.db.audit_count().await.expect("count");

    // A name that is no name is refused beside its field, nothing issued.
    let blank = admin
        .post(
            "/admin/tokens",
            &[
                ("csrf", &csrf_of(&page)),
                ("username", "robot"),
                ("label", "  "),
            ],
        )
        .await;
    assert_eq!(blank.status, 422, "{}", blank.body);
    assert_eq!(app.db.audit_count().await.expect("count"), audits);
    // Only the admin issues tokens.
    let csrf = csrf_of(&leader.get("/review").await.body);
    let refused = leader
        .post(
            "/admin/tokens",
            &[("csrf", &csrf), ("username", "lanhdao"), ("label", "x")],
        )
        .await;
    assert_eq!(refused.status, 403);

    let issued = admin
        .post(
            "/admin/tokens",
            &[
                ("csrf", &csrf_of(&page)),
                ("username", "robot"),
                ("label", "Cổng dữ liệu tỉnh"),
            ],
        )
        .await;
    let body = common::unescape(&issued.body);
    assert_eq!(issued.status, 200, "{body}");
    let token = body
        .split("<code class=\"token\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .unwrap_or_default()
        .to_string();
    assert!(token.len() >= 32, "the token is shown: {body}");
    assert_eq!(
        app.db.audit_count().await.expect("count"),
        audits + 1,
        "audited"
    );
    let again = admin.get("/admin/users").await.body;
    assert!(!again.contains(&token), "shown once only");
    assert!(again.contains("Cổng dữ liệu tỉnh") && again.contains("robot"));

    assert_eq!(api_status(&app, &token).await, 200);
    let listed = common::unescape(&admin.get("/admin/users").await.body);
    let row = listed
        .split("<tr>")
        .find(|r| r.contains("Cổng dữ liệu tỉnh"))
        .unwrap_or_default()
        .to_string();
    assert_eq!(
        row.matches("/20").count(),
        2,
        "created and last used, both dates once the token was used: {row}"
    );

    let id = listed
        .split("/admin/tokens/")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_default()
        .to_string();
    let revoked = admin
        .post(
            &format!("/admin/tokens/{id}/revoke"),
            &[("csrf", &csrf_of(&listed))],
        )
        .await;
    assert_eq!(revoked.status, 303, "{}", revoked.body);
    assert_eq!(
        api_status(&app, &token).await,
        401,
        "a revoked token opens nothing"
    );
    assert!(common::unescape(&admin.get("/admin/users").await.body).contains("Đã thu hồi"));
    let twice = admin
        .post(
            &format!("/admin/tokens/{id}/revoke"),
            &[("csrf", &csrf_of(&listed))],
        )
        .await;
    assert_eq!(twice.status, 404, "revoked already");
    assert_eq!(app.db.audit_count().await.expect("count"), audits + 2);
}

on_both_backends!(an_admin_issues_a_token_once_sees_its_use_and_revokes_it);
