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
