//! The races the model walk found, each on its own: two writes of one figure sent at
//! the same moment. Whatever the backend, one of them wins and the other is told so
//! (409), never both acknowledged and never a "try again later".

use crate::common;

use common::TestApp;
use serde_json::{Value, json};

const TRIES: usize = 20;

struct Pair {
    app: TestApp,
    editors: [String; 2],
    approvers: [String; 2],
    id: i64,
}

async fn pair(app: TestApp) -> Pair {
    let editors = [
        common::api_token(&app, "robot1", "editor").await,
        common::api_token(&app, "robot2", "editor").await,
    ];
    let approvers = [
        common::api_token(&app, "lanhdao1", "approver").await,
        common::api_token(&app, "lanhdao2", "approver").await,
    ];
    let (_, list) = app.indicators_of(2020).await;
    let id = super::id_of(&list, "NV-01");
    Pair {
        app,
        editors,
        approvers,
        id,
    }
}

impl Pair {
    async fn call(&self, token: &str, rest: impl std::fmt::Display, body: Value) -> (u16, Value) {
        let url = format!(
            "{}/api/v1/indicators/{}/values/{}",
            self.app.base, self.id, rest
        );
        let req = match rest.to_string().contains('/') {
            true => self.app.client.post(url),
            false => self.app.client.put(url),
        };
        let res = req
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .expect("call");
        let status = res.status().as_u16();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    async fn history_len(&self) -> usize {
        self.app
            .db
            .indicator_history(self.id)
            .await
            .expect("history")
            .len()
    }
}

/// Two saves claiming the same version at once, on a new figure (version 0) and on
/// a stored one: one saved, one refused (409).
async fn two_saves_of_one_version_at_once_never_both_succeed(app: TestApp) {
    let p = pair(app).await;
    let mut n = 0;
    for year in 2021..=2025 {
        let mut version = 0;
        for _ in 0..TRIES / 5 {
            n += 1;
            let save = |who: usize, value: usize| {
                let body = json!({ "value": value.to_string(), "expected_version": version });
                p.call(&p.editors[who], year, body)
            };
            let before = p.history_len().await;
            let (a, b) = tokio::join!(save(0, 10 * n + 1), save(1, 10 * n + 2));
            let mut statuses = [a.0, b.0];
            statuses.sort_unstable();
            assert_eq!(
                statuses,
                [200, 409],
                "{year} on version {version}: {a:?} {b:?}"
            );
            assert_eq!(p.history_len().await, before + 1, "{year}: one entry");
            let winner = if a.0 == 200 { &a.1 } else { &b.1 };
            version = winner["version"].as_i64().unwrap_or(0);
        }
    }
}

/// An approval and a return of one submitted figure at once: one decision stands.
async fn two_decisions_on_one_figure_at_once_never_both_succeed(app: TestApp) {
    let p = pair(app).await;
    for n in 0..TRIES {
        let saved = p
            .call(&p.editors[0], "2021", json!({"value": (n + 1).to_string()}))
            .await;
        assert_eq!(saved.0, 200, "{saved:?}");
        let sent = p.call(&p.editors[0], "2021/submit", json!({})).await;
        assert_eq!(sent.0, 200, "{sent:?}");
        let before = p.history_len().await;
        let (a, b) = tokio::join!(
            p.call(&p.approvers[0], "2021/approve", json!({})),
            p.call(
                &p.approvers[1],
                "2021/return",
                json!({"comment": "Xem lại"})
            ),
        );
        let mut statuses = [a.0, b.0];
        statuses.sort_unstable();
        assert_eq!(statuses, [200, 409], "try {n}: {a:?} {b:?}");
        assert_eq!(p.history_len().await, before + 1, "try {n}: one decision");
    }
}

on_both_backends!(
    two_saves_of_one_version_at_once_never_both_succeed,
    two_decisions_on_one_figure_at_once_never_both_succeed,
);
