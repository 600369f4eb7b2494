//! The server's log is safe to hand to anyone who runs the machine: a whole journey
//! at the most talkative level leaves no password, token, session id or CSRF token
//! in it, and every line carries the request's id.

use crate::common;

use common::browser::csrf_of;
use common::process::ServerProcess;
use resolution_dashboard::domain::Role;
use resolution_dashboard::web::auth::secret;

#[tokio::test]
async fn a_full_journey_logged_at_debug_level_leaks_no_secret() {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = format!("sqlite://{}/logs.db", dir.path().display());
    let log = dir.path().join("server.log");
    let server = ServerProcess::start(&url, &log, &[("RUST_LOG", "debug"), ("LOG_FORMAT", "json")]);
    let setup_token = server
        .setup_link
        .as_deref()
        .and_then(|l| l.split("token=").nth(1))
        .expect("setup link")
        .to_string();
    let app = common::attach(&server, &url, tempfile::tempdir().expect("tempdir")).await;

    // Admin from the setup link, a clerk made by the admin, the clerk signs in,
    // fails once with a wrong password, saves a figure; a program uses a token.
    let admin = app.admin().await;
    let clerk = app.user(&admin, "can.bo", "editor").await;
    let stranger = app.visitor();
    let refused = stranger.login("can.bo", "sai-mat-khau-bi-mat").await;
    assert_eq!(refused.status, 401, "{}", refused.body);
    let (term, list) = app.indicators_of(2020).await;
    let id = list[0]["id"].clone();
    let form_page = clerk.get(&format!("/entry/{term}/2021")).await;
    let clerk_csrf = csrf_of(&form_page.body);
    let saved = clerk
        .post(
            &format!("/entry/{term}/2021"),
            &[
                ("csrf", clerk_csrf.as_str()),
                (&format!("v_{id}"), "12"),
                (&format!("ver_{id}"), "0"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "the clerk could not save");
    let robot = app
        .db
        .create_user("may.tu.dong", "$argon2id$unused", Role::Editor)
        .await
        .expect("user");
    let api_token = secret::token();
    app.db
        .create_api_token(robot, &secret::hash(&api_token), "logs")
        .await
        .expect("token");
    let put = app
        .client
        .put(format!("{}/api/v1/indicators/{id}/values/2022", app.base))
        .bearer_auth(&api_token)
        .json(&serde_json::json!({ "value": "7" }))
        .send()
        .await
        .expect("put");
    assert!(put.status().is_success(), "{}", put.status());
    let request_id = put
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .expect("the response names its request id")
        .to_string();

    let mut secrets = vec![
        (
            "the admin's password".to_string(),
            "mat-khau-quan-tri".to_string(),
        ),
        ("the clerk's password".into(), "mat-khau-dai-du".into()),
        ("a mistyped password".into(), "sai-mat-khau-bi-mat".into()),
        ("the setup token".into(), setup_token),
        ("the API token".into(), api_token),
        ("the clerk's CSRF token".into(), clerk_csrf),
    ];
    for (who, visitor) in [
        ("admin", &admin),
        ("clerk", &clerk),
        ("stranger", &stranger),
    ] {
        for cookie in visitor.cookies().split("; ") {
            if let Some((name, value)) = cookie.split_once('=')
                && value.len() >= 16
            {
                secrets.push((format!("the {who}'s {name} cookie"), value.to_string()));
            }
        }
    }
    assert!(
        secrets
            .iter()
            .any(|(what, _)| what.contains("clerk's rd_session")),
        "the clerk has no session cookie to look for: {secrets:?}"
    );

    let text = server.log();
    assert!(
        text.lines().count() > 20,
        "the log is too short to prove anything"
    );
    for line in text.lines() {
        assert!(
            serde_json::from_str::<serde_json::Value>(line).is_ok(),
            "not a JSON log line: {line}"
        );
    }
    for (what, secret) in &secrets {
        assert!(!text.contains(secret.as_str()), "{what} is in the log");
    }
    assert!(
        text.contains(&request_id),
        "the API call's request id {request_id} is not in the log"
    );
}
