//! Several app server processes in front of one database: sessions, saved figures
//! and version conflicts are shared through the database, not the process.

use crate::common;

use common::browser::csrf_of;
use std::io::BufRead;
use std::process::{Child, Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_resolution-dashboard");

struct Server {
    child: Child,
    base: String,
    setup: Option<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the real binary on a free port; returns once it listens.
fn start(database_url: &str) -> Server {
    let mut child = Command::new(BIN)
        .args([
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--database-url",
            database_url,
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let mut setup = None;
    let mut base = String::new();
    for line in std::io::BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
    {
        if let Some(at) = line
            .find("http://")
            .filter(|_| line.contains("/setup?token="))
        {
            setup = Some(line[at..].to_string());
        }
        if let Some(at) = line.find("listening on ") {
            base = line[at + "listening on ".len()..].trim().to_string();
            break;
        }
    }
    assert!(base.starts_with("http://"), "server did not start");
    Server { child, base, setup }
}

/// A browser whose cookie jar the test can read.
fn browser(origin: &str) -> (reqwest::Client, std::sync::Arc<reqwest::cookie::Jar>) {
    let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(reqwest::header::ORIGIN, origin.parse().expect("origin"));
    let client = reqwest::Client::builder()
        .cookie_provider(jar.clone())
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(headers)
        .build()
        .expect("client");
    (client, jar)
}

async fn text(res: reqwest::Response) -> (u16, String) {
    let status = res.status().as_u16();
    (
        status,
        common::unescape(&res.text().await.unwrap_or_default()),
    )
}

/// Both servers answer as one: a sign-in on A is valid on B, a figure saved on A
/// shows on B at once, and a save on B from a stale form is a conflict.
async fn two_servers_share_sessions_figures_and_conflicts(url: String) {
    let a = start(&url);
    let b = start(&url);
    let setup = a.setup.clone().or(b.setup.clone()).expect("a setup link");
    // Sign in through A (setup creates and signs in the admin).
    let (on_a, jar) = browser(&a.base);
    let setup_path = setup
        .trim_start_matches(&a.base)
        .trim_start_matches(&b.base)
        .to_string();
    let page = text(
        on_a.get(format!("{}{setup_path}", a.base))
            .send()
            .await
            .expect("setup page"),
    )
    .await
    .1;
    let token = setup_path
        .split("token=")
        .nth(1)
        .unwrap_or_default()
        .to_string();
    let form = [
        ("csrf", csrf_of(&page)),
        ("token", token),
        ("username", "quantri".into()),
        ("password", "mat-khau-quan-tri".into()),
    ];
    let (status, _) = text(
        on_a.post(format!("{}/setup", a.base))
            .form(&form)
            .send()
            .await
            .expect("setup"),
    )
    .await;
    assert_eq!(status, 303);
    // The same cookie, sent to B, is a signed-in session there.
    use reqwest::cookie::CookieStore;
    let session = jar
        .cookies(&a.base.parse().expect("url"))
        .and_then(|v| v.to_str().ok().map(str::to_string))
        .unwrap_or_default();
    assert!(
        session.contains("rd_session="),
        "no session cookie: {session:?}"
    );
    let on_b = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let (status, users_on_b) = text(
        on_b.get(format!("{}/admin/users", b.base))
            .header("cookie", &session)
            .send()
            .await
            .expect("b"),
    )
    .await;
    assert_eq!(status, 200, "the session made on A is unknown on B");
    assert!(users_on_b.contains("quantri"));

    // A figure saved through A is on B at once (drafts shown to the signed-in user).
    let terms: serde_json::Value = on_b
        .get(format!("{}/api/v1/terms", b.base))
        .send()
        .await
        .expect("terms")
        .json()
        .await
        .expect("json");
    let term = terms
        .as_array()
        .and_then(|t| t.iter().find(|t| t["start_year"] == 2020))
        .expect("term")["id"]
        .clone();
    let list: serde_json::Value = on_b
        .get(format!("{}/api/v1/terms/{term}/indicators", b.base))
        .send()
        .await
        .expect("list")
        .json()
        .await
        .expect("json");
    let id = list
        .as_array()
        .and_then(|l| l.iter().find(|i| i["code"] == "NV-01"))
        .expect("NV-01")["id"]
        .clone();
    let path = format!("/entry/{term}/2021");
    let csrf_a = csrf_of(
        &text(
            on_a.get(format!("{}{path}", a.base))
                .send()
                .await
                .expect("form"),
        )
        .await
        .1,
    );
    let form_b_html = text(
        on_b.get(format!("{}{path}", b.base))
            .header("cookie", &session)
            .send()
            .await
            .expect("form b"),
    )
    .await
    .1;
    let csrf_b = csrf_of(&form_b_html);
    let saved = on_a
        .post(format!("{}{path}", a.base))
        .form(&[
            ("csrf", csrf_a.as_str()),
            (&format!("v_{id}"), "7"),
            (&format!("ver_{id}"), "0"),
        ])
        .send()
        .await
        .expect("save");
    assert_eq!(saved.status().as_u16(), 303);
    let seen: serde_json::Value = on_b
        .get(format!("{}/api/v1/indicators/{id}", b.base))
        .header("cookie", &session)
        .send()
        .await
        .expect("read on b")
        .json()
        .await
        .expect("json");
    assert_eq!(
        seen["values"][0]["value"], "7",
        "B does not see what A saved"
    );

    // B's form was opened before the save: its version is stale, so B refuses.
    let clash = on_b
        .post(format!("{}{path}", b.base))
        .header("cookie", &session)
        .header("origin", &b.base)
        .form(&[
            ("csrf", csrf_b.as_str()),
            (&format!("v_{id}"), "9"),
            (&format!("ver_{id}"), "0"),
        ])
        .send()
        .await
        .expect("save on b");
    assert_eq!(clash.status().as_u16(), 409);
}

#[tokio::test]
async fn two_server_processes_on_one_sqlite_file_act_as_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    two_servers_share_sessions_figures_and_conflicts(format!(
        "sqlite://{}/shared.db",
        dir.path().display()
    ))
    .await;
}

#[tokio::test]
async fn two_server_processes_on_one_postgresql_database_act_as_one() {
    let Ok(admin) = std::env::var("TEST_DATABASE_URL") else {
        eprintln!("TEST_DATABASE_URL is not set: PostgreSQL run skipped");
        return;
    };
    two_servers_share_sessions_figures_and_conflicts(common::fresh_pg_database(&admin).await).await;
}

/// Two servers started at the same moment on a new database seed it once.
async fn two_servers_starting_together_seed_a_new_database_once(url: String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let starts: Vec<_> = ["a.log", "b.log"]
        .into_iter()
        .map(|log| {
            let (url, log) = (url.clone(), dir.path().join(log));
            std::thread::spawn(move || common::process::ServerProcess::start(&url, &log, &[]))
        })
        .collect();
    let servers: Vec<_> = starts
        .into_iter()
        .map(|s| s.join().expect("server started"))
        .collect();
    let terms: serde_json::Value = reqwest::get(format!("{}/api/v1/terms", servers[1].base))
        .await
        .expect("terms")
        .json()
        .await
        .expect("json");
    assert_eq!(
        terms.as_array().map(Vec::len),
        Some(2),
        "the seed was loaded more than once: {terms}"
    );
}

#[tokio::test]
async fn two_servers_starting_together_on_a_new_sqlite_file_seed_it_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    two_servers_starting_together_seed_a_new_database_once(format!(
        "sqlite://{}/new.db",
        dir.path().display()
    ))
    .await;
}

#[tokio::test]
async fn two_servers_starting_together_on_a_new_postgresql_database_seed_it_once() {
    let Ok(admin) = std::env::var("TEST_DATABASE_URL") else {
        eprintln!("TEST_DATABASE_URL is not set: PostgreSQL run skipped");
        return;
    };
    two_servers_starting_together_seed_a_new_database_once(common::fresh_pg_database(&admin).await)
        .await;
}
