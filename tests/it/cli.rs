//! The binary as an operator meets it: it serves, and it refuses clearly.

use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_resolution-dashboard");

#[test]
fn a_taken_port_gives_a_clear_message_and_a_failing_exit() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = taken.local_addr().expect("addr");
    let dir = tempfile::tempdir().expect("tempdir");
    let out = Command::new(BIN)
        .args(["serve", "--addr", &addr.to_string(), "--database-url"])
        .arg(format!("sqlite://{}/x.db", dir.path().display()))
        .output()
        .expect("run");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot listen on"), "{err}");
}

#[test]
fn a_database_that_cannot_be_opened_gives_a_clear_message_and_a_failing_exit() {
    for url in ["mysql://nope", "sqlite:///proc/no-such-dir/x.db"] {
        let out = Command::new(BIN)
            .args(["serve", "--addr", "127.0.0.1:0", "--database-url", url])
            .stdout(Stdio::null())
            .output()
            .expect("run");
        assert!(!out.status.success(), "{url}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("database"), "{url}: {err}");
    }
}

#[test]
fn the_help_names_the_serve_command_and_its_options() {
    let out = Command::new(BIN)
        .args(["serve", "--help"])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(
        text.contains("--addr") && text.contains("--database-url") && text.contains("DATABASE_URL")
    );
}

fn run_with_stdin(args: &[&str], stdin: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    if let Some(mut input) = child.stdin.take() {
        input.write_all(stdin.as_bytes()).expect("stdin");
    }
    child.wait_with_output().expect("run")
}

#[test]
fn the_operator_manages_accounts_and_tokens_from_the_command_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = format!("sqlite://{}/cli.db", dir.path().display());
    let db = ["--database-url", url.as_str()];
    let add = run_with_stdin(
        &[
            &["user", "add", "--username", "vanthu", "--role", "editor"][..],
            &db,
        ]
        .concat(),
        "mat-khau-dai-du\n",
    );
    assert!(
        add.status.success(),
        "{}",
        String::from_utf8_lossy(&add.stderr)
    );
    let short = run_with_stdin(
        &[
            &["user", "add", "--username", "ngan", "--role", "editor"][..],
            &db,
        ]
        .concat(),
        "ngan\n",
    );
    assert!(!short.status.success(), "a short password must be refused");
    let bad_role = run_with_stdin(
        &[
            &["user", "add", "--username", "x-user", "--role", "boss"][..],
            &db,
        ]
        .concat(),
        "mat-khau-dai-du\n",
    );
    assert!(String::from_utf8_lossy(&bad_role.stderr).contains("unknown role"));
    let passwd = run_with_stdin(
        &[&["user", "passwd", "--username", "vanthu"][..], &db].concat(),
        "mat-khau-moi-dai-du\n",
    );
    assert!(passwd.status.success());
    let disable = run_with_stdin(
        &[&["user", "disable", "--username", "vanthu"][..], &db].concat(),
        "",
    );
    assert!(disable.status.success());
    let list = run_with_stdin(&[&["user", "list"][..], &db].concat(), "");
    let listed = String::from_utf8_lossy(&list.stdout);
    assert!(listed.contains("vanthu\teditor\tdisabled"), "{listed}");
    let _ = run_with_stdin(
        &[&["user", "enable", "--username", "vanthu"][..], &db].concat(),
        "",
    );
    let token = run_with_stdin(
        &[&["token", "create", "--username", "vanthu"][..], &db].concat(),
        "",
    );
    let token_text = String::from_utf8_lossy(&token.stdout).trim().to_string();
    assert_eq!(
        token_text.len(),
        43,
        "one token printed once: {token_text:?}"
    );
    let revoke = run_with_stdin(
        &[&["token", "revoke", "--username", "vanthu"][..], &db].concat(),
        "",
    );
    assert!(String::from_utf8_lossy(&revoke.stdout).contains("revoked 1 token"));
    let missing = run_with_stdin(
        &[&["user", "passwd", "--username", "nobody"][..], &db].concat(),
        "mat-khau-dai-du\n",
    );
    assert!(!missing.status.success());
}

#[test]
fn a_new_installation_prints_a_one_time_setup_link() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut child = Command::new(BIN)
        .args(["serve", "--addr", "127.0.0.1:0", "--database-url"])
        .arg(format!("sqlite://{}/s.db", dir.path().display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = std::io::BufRead::lines(std::io::BufReader::new(stdout));
    let first = lines.next().and_then(Result::ok).unwrap_or_default();
    let second = lines.next().and_then(Result::ok).unwrap_or_default();
    let _ = child.kill();
    let _ = child.wait();
    assert!(first.contains("/setup?token="), "{first}");
    assert!(
        second.contains("listening on http://127.0.0.1:"),
        "{second}"
    );
}

#[test]
fn copy_moves_an_installation_and_refuses_a_destination_with_data() {
    let dir = tempfile::tempdir().expect("tempdir");
    let from = format!("sqlite://{}/from.db", dir.path().display());
    let to = format!("sqlite://{}/to.db", dir.path().display());
    // A first `user list` creates and seeds the source installation.
    let seeded = run_with_stdin(&["user", "list", "--database-url", &from], "");
    assert!(seeded.status.success());
    let copied = run_with_stdin(&["copy", "--from", &from, "--to", &to], "");
    let out = String::from_utf8_lossy(&copied.stdout);
    assert!(
        copied.status.success(),
        "{}",
        String::from_utf8_lossy(&copied.stderr)
    );
    assert!(
        out.contains("indicators\t54") && out.contains("copied and verified"),
        "{out}"
    );
    let again = run_with_stdin(&["copy", "--from", &from, "--to", &to], "");
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("not empty"));
}

/// `token revoke` on the server's own database, while it runs: the very next call
/// with that token is refused, and nothing it sends is stored.
#[tokio::test]
async fn a_revoked_token_is_refused_at_once_by_the_running_server() {
    let app = crate::common::spawn_app().await;
    let token = crate::common::api_token(&app, "robot", "editor").await;
    let (_, list) = app.indicators_of(2020).await;
    let nv = crate::common::by_code(&list, "NV-01")["id"]
        .as_i64()
        .expect("id");
    let put = |value: &'static str| {
        app.client
            .put(format!("{}/api/v1/indicators/{nv}/values/2021", app.base))
            .bearer_auth(&token)
            .header("content-type", "application/json")
            .body(format!(r#"{{"value": "{value}"}}"#))
            .send()
    };
    assert_eq!(put("7").await.expect("put").status().as_u16(), 200);
    let revoke = Command::new(BIN)
        .args(["token", "revoke", "--username", "robot", "--database-url"])
        .arg(&app.database_url)
        .output()
        .expect("run");
    assert!(
        String::from_utf8_lossy(&revoke.stdout).contains("revoked 1 token"),
        "{}",
        String::from_utf8_lossy(&revoke.stderr)
    );
    let before = app.db.fingerprint().await.expect("fingerprint");
    assert_eq!(put("8").await.expect("put").status().as_u16(), 401);
    assert_eq!(before, app.db.fingerprint().await.expect("fingerprint"));
}

/// The load test's reference route (`GET /bench/static`) exists only in a build made
/// for it (`--features bench-static`, as scripts/load builds); the binary built as
/// deployed neither serves it nor takes its option, whatever the environment says.
#[cfg(not(feature = "bench-static"))]
#[tokio::test]
async fn the_load_test_route_is_absent_from_a_build_without_its_feature() {
    use crate::common::process::{ServerProcess, cli};
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("page.html");
    std::fs::write(&page, "<p>tham chiếu</p>").expect("write");
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let page_path = page.display().to_string();
    let server = ServerProcess::start(
        &url,
        &dir.path().join("server.log"),
        &[("RD_BENCH_STATIC_FILE", page_path.as_str())],
    );
    let answer = reqwest::get(format!("{}/bench/static", server.base))
        .await
        .expect("the server answers");
    assert_eq!(answer.status().as_u16(), 404);
    let (ok, _, stderr) = cli(
        &[
            "serve",
            "--bench-static-file",
            &page_path,
            "--database-url",
            &url,
        ],
        None,
    );
    assert!(!ok && stderr.contains("--bench-static-file"), "{stderr}");
}
