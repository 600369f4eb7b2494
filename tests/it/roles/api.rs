//! The JSON write API × every role: bearer tokens of each role, and no token.

use super::{prepare_submitted, snapshot_is};
use crate::common;
use common::{TestApp, by_code};
use resolution_dashboard::web::auth::secret;

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
    for (what, minimum) in [("put", 2usize), ("approve", 3), ("return", 3)] {
        for (rank, (role, token)) in tokens.iter().enumerate() {
            if what != "put" {
                prepare_submitted(&app, nv, term, i64::try_from(rank).unwrap_or(0) + 500).await;
            }
            let before = app.db.fingerprint().await.expect("fingerprint");
            let (path, body) = match what {
                "put" => (
                    format!("/api/v1/indicators/{nv}/values/2021"),
                    format!(r#"{{"value": "{}"}}"#, 20 + rank),
                ),
                "approve" => (
                    format!("/api/v1/indicators/{nv}/values/2021/approve"),
                    "{}".to_string(),
                ),
                _ => (
                    format!("/api/v1/indicators/{nv}/values/2021/return"),
                    r#"{"comment": "Xem lại nguồn"}"#.to_string(),
                ),
            };
            let mut req = if what == "put" {
                app.client.put(format!("{}{path}", app.base))
            } else {
                app.client.post(format!("{}{path}", app.base))
            };
            req = req.header("content-type", "application/json").body(body);
            if let Some(t) = token {
                req = req.bearer_auth(t);
            }
            let status = req.send().await.expect("request").status().as_u16();
            let after = app.db.fingerprint().await.expect("fingerprint");
            if rank >= minimum {
                assert_eq!(status, 200, "{role} {what}");
                assert_ne!(
                    before, after,
                    "{role} {what} was allowed but changed nothing"
                );
            } else {
                assert_eq!(
                    status,
                    if *role == "anonymous" { 401 } else { 403 },
                    "{role} {what}"
                );
                snapshot_is(&before, &after, &format!("{role} {what}"));
            }
        }
    }
}

on_both_backends!(api_writes_are_allowed_to_exactly_the_roles_that_may_make_them);
