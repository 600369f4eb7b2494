//! The server's guard rails: security headers (HSTS only over HTTPS), the body size
//! limit answered with words, and sign-in throttling that holds under a burst of
//! parallel guesses.

use crate::common;

use common::TestApp;
use resolution_dashboard::web::state::Config;

fn header(res: &reqwest::Response, name: &str) -> Option<String> {
    res.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

#[tokio::test]
async fn every_answer_carries_the_security_headers_and_hsts_only_when_https_is_configured() {
    let plain = common::spawn_app().await;
    let https = common::spawn_app_with(Config {
        secure_cookies: true,
        ..Config::default()
    })
    .await;
    for path in [
        "/",
        "/terms/1",
        "/api/v1/terms",
        "/assets/app.css",
        "/khong-co",
    ] {
        let res = plain.get(path).await;
        assert_eq!(
            header(&res, "x-content-type-options").as_deref(),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(
            header(&res, "referrer-policy").as_deref(),
            Some("same-origin")
        );
        let csp = header(&res, "content-security-policy").unwrap_or_default();
        for part in [
            "default-src 'none'",
            "script-src 'none'",
            "frame-ancestors 'none'",
        ] {
            assert!(csp.contains(part), "{path}: CSP lacks {part}: {csp}");
        }
        assert!(
            header(&res, "x-request-id").is_some(),
            "{path}: no request id"
        );
        assert_eq!(
            header(&res, "strict-transport-security"),
            None,
            "{path}: HSTS over HTTP"
        );
        let res = https.get(path).await;
        let hsts = header(&res, "strict-transport-security").unwrap_or_default();
        assert!(hsts.contains("max-age=31536000"), "{path}: {hsts:?}");
    }
}

async fn a_body_over_the_size_limit_is_refused_with_words_and_changes_nothing(app: TestApp) {
    let admin = app.admin().await;
    let clerk = app.user(&admin, "thu.ky", "editor").await;
    let (term, list) = app.indicators_of(2020).await;
    let id = list[0]["id"].clone();
    let before = app.db.audit_count().await.expect("history");
    let page = clerk.get(&format!("/entry/{term}/2021")).await;
    let csrf = common::browser::csrf_of(&page.body);
    let huge_note = "ghi chú ".repeat(200_000);
    let answer = clerk
        .post(
            &format!("/entry/{term}/2021"),
            &[
                ("csrf", csrf.as_str()),
                (&format!("v_{id}"), "3"),
                (&format!("ver_{id}"), "0"),
                (&format!("n_{id}"), huge_note.as_str()),
            ],
        )
        .await;
    assert_eq!(
        answer.status,
        413,
        "{}",
        &answer.body[..answer.body.len().min(2000)]
    );
    assert!(
        answer.body.contains("Nội dung gửi lên quá lớn"),
        "no Vietnamese explanation: {}",
        &answer.body[..answer.body.len().min(300)]
    );

    let robot = app
        .db
        .create_user(
            "may.nhap",
            "$argon2id$unused",
            resolution_dashboard::domain::Role::Editor,
        )
        .await
        .expect("user");
    let token = resolution_dashboard::web::auth::secret::token();
    app.db
        .create_api_token(
            robot,
            &resolution_dashboard::web::auth::secret::hash(&token),
            "t",
        )
        .await
        .expect("token");
    let res = app
        .client
        .put(format!("{}/api/v1/indicators/{id}/values/2021", app.base))
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .body(format!("{{\"value\":\"3\",\"note\":\"{huge_note}\"}}"))
        .send()
        .await
        .expect("put");
    assert_eq!(res.status().as_u16(), 413);
    let body: serde_json::Value = res.json().await.expect("a JSON error");
    assert_eq!(body["error"]["code"], "payload_too_large");
    assert_eq!(
        app.db.audit_count().await.expect("history"),
        before,
        "something was written"
    );
}

async fn a_burst_of_parallel_wrong_passwords_gets_no_more_guesses_than_the_limit(app: TestApp) {
    let admin = app.admin().await;
    let _ = app.user(&admin, "ke.toan", "editor").await;
    let attempts: Vec<_> = (0..30)
        .map(|n| {
            let v = app.visitor();
            tokio::spawn(async move {
                v.login("ke.toan", &format!("doan-mo-mat-khau-{n}"))
                    .await
                    .status
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for a in attempts {
        statuses.push(a.await.expect("attempt"));
    }
    let checked = statuses.iter().filter(|&&s| s == 401).count();
    let refused = statuses.iter().filter(|&&s| s == 429).count();
    println!("login burst: 30 parallel guesses, {checked} checked, {refused} refused");
    // 503 is allowed too: an overloaded machine may run out of database
    // connections in the burst, which refuses the attempt without checking it.
    assert!(
        statuses.iter().all(|s| [401, 429, 503].contains(s)),
        "unexpected answers: {statuses:?}"
    );
    assert!(checked <= 5, "{checked} guesses were checked in one burst");
    // One after another, the rest of the allowance and not one more.
    let mut more = 0;
    for n in 0..10 {
        match app
            .visitor()
            .login("ke.toan", &format!("lan-luot-{n}"))
            .await
            .status
        {
            401 => more += 1,
            429 => break,
            other => panic!("unexpected {other}"),
        }
    }
    assert!(
        checked + more <= 5,
        "{} guesses checked in the window",
        checked + more
    );
    // The real password is refused too until the window passes.
    let late = app.visitor().login("ke.toan", "mat-khau-dai-du").await;
    assert_eq!(late.status, 429);
    assert!(late.body.contains("chờ 15 phút"));
}

/// Guessing across many accounts from one address: each account stays under its own
/// limit, but the address is stopped after 20 failures, for every account.
async fn one_address_guessing_across_accounts_is_stopped_after_twenty_failures(app: TestApp) {
    let admin = app.admin().await;
    let _ = app.user(&admin, "thu.quy", "editor").await;
    let mut checked = 0;
    for n in 0..25 {
        let account = format!("khong-co-{}", n % 6);
        match app.visitor().login(&account, "doan-bua").await.status {
            401 => checked += 1,
            429 => break,
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!(checked, 20, "failures checked from one address");
    // A real account with its real password is refused from that address too.
    let real = app.visitor().login("thu.quy", "mat-khau-dai-du").await;
    assert_eq!(real.status, 429);
    assert!(
        real.body.contains("chờ 15 phút"),
        "the wait is said in words"
    );
}

/// Behind a trusted reverse proxy the count is per client named in X-Forwarded-For:
/// one guesser does not lock the rest of the office out. From anyone else the header
/// is ignored, so a guesser cannot dodge the limit by writing a new address in it.
#[tokio::test]
async fn behind_a_trusted_proxy_each_client_is_counted_and_a_forged_header_counts_for_nothing() {
    // Each guess names one of six accounts, so that no account reaches its own limit.
    let guesses = |app: &TestApp, forwarded: &'static str, n: usize| {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        let base = app.base.clone();
        async move {
            let page = client
                .get(format!("{base}/login"))
                .header("x-forwarded-for", forwarded)
                .send()
                .await
                .expect("page");
            let cookie = page
                .headers()
                .get("set-cookie")
                .and_then(|c| c.to_str().ok())
                .and_then(|c| c.split(';').next())
                .unwrap_or_default()
                .to_string();
            let csrf = common::browser::csrf_of(&page.text().await.unwrap_or_default());
            client
                .post(format!("{base}/login"))
                .header("x-forwarded-for", forwarded)
                .header("origin", &base)
                .header("cookie", cookie)
                .form(&[
                    ("csrf", csrf.as_str()),
                    ("username", format!("ai-do-{}", n % 6).as_str()),
                    ("password", "doan-bua"),
                ])
                .send()
                .await
                .expect("login")
                .status()
                .as_u16()
        }
    };
    let behind_proxy = common::spawn_app_with(Config {
        trusted_proxies: vec!["127.0.0.1".parse().expect("ip")],
        ..Config::default()
    })
    .await;
    let mut statuses = Vec::new();
    for n in 0..21 {
        statuses.push(guesses(&behind_proxy, "198.51.100.7", n).await);
    }
    assert_eq!(
        statuses.iter().filter(|s| **s == 401).count(),
        20,
        "{statuses:?}"
    );
    assert_eq!(statuses.last(), Some(&429), "the guesser is stopped");
    assert_eq!(
        guesses(&behind_proxy, "198.51.100.8", 0).await,
        401,
        "another clerk behind the same proxy may still try"
    );

    let direct = common::spawn_app().await;
    for n in 0..20 {
        assert_eq!(
            guesses(&direct, "198.51.100.7", n).await,
            401,
            "attempt {n}"
        );
    }
    assert_eq!(
        guesses(&direct, "198.51.100.99", 0).await,
        429,
        "a forged X-Forwarded-For from an untrusted peer is ignored"
    );
}

/// A client that starts a form and never finishes sending it gets a 408 with words
/// once the request timeout passes, and nothing is written.
#[tokio::test]
async fn a_request_whose_body_never_finishes_is_answered_408_with_words() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = common::spawn_app_with(Config {
        request_timeout: std::time::Duration::from_secs(1),
        ..Config::default()
    })
    .await;
    let before = app.db.fingerprint().await.expect("fingerprint");
    let host = app.base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(host).await.expect("connect");
    let head = format!(
        "POST /login HTTP/1.1\r\nHost: {host}\r\nOrigin: {}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 200\r\n\r\nusername=quantri&pass",
        app.base
    );
    stream.write_all(head.as_bytes()).await.expect("write");
    let started = std::time::Instant::now();
    let mut answer = Vec::new();
    let read = tokio::time::timeout(
        std::time::Duration::from_secs(20),
        stream.read_to_end(&mut answer),
    )
    .await;
    assert!(read.is_ok(), "no answer within 20 s");
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("quá lâu"), "the answer says why: {answer}");
    assert!(started.elapsed() >= std::time::Duration::from_millis(900));
    assert_eq!(before, app.db.fingerprint().await.expect("fingerprint"));
}

on_both_backends!(
    a_body_over_the_size_limit_is_refused_with_words_and_changes_nothing,
    a_burst_of_parallel_wrong_passwords_gets_no_more_guesses_than_the_limit,
    one_address_guessing_across_accounts_is_stopped_after_twenty_failures,
);
