//! When the database goes away, turns read-only or fills its disk, readers get a
//! page that says so (503, in Vietnamese; JSON on the API), the process keeps
//! serving what it can, nothing is half-written, and it recovers by itself.

use crate::common;

use common::TestApp;
use common::browser::{Visitor, csrf_of};
use sqlx::Connection;

/// From the message of `error.unavailable`, shown on error pages and forms alike.
const UNAVAILABLE: &str = "không ghi được vào cơ sở dữ liệu";

/// Saves one figure through the entry form; the answer.
async fn save(clerk: &Visitor, term: i64, id: &serde_json::Value, value: &str) -> (u16, String) {
    let page = clerk.get(&format!("/entry/{term}/2021")).await;
    let answer = clerk
        .post(
            &format!("/entry/{term}/2021"),
            &[
                ("csrf", csrf_of(&page.body).as_str()),
                (&format!("v_{id}"), value),
            ],
        )
        .await;
    (answer.status, common::unescape(&answer.body))
}

async fn pg_admin(admin_url: &str) -> sqlx::PgConnection {
    sqlx::PgConnection::connect(admin_url)
        .await
        .expect("admin connection")
}

/// Runs `sql` (with `{db}` replaced by the database name), then ends every session
/// on that database so that the server's pool must reconnect under the new rule.
async fn pg_switch(admin: &mut sqlx::PgConnection, db: &str, sql: &str) {
    sqlx::query(sqlx::AssertSqlSafe(sql.replace("{db}", db)))
        .execute(&mut *admin)
        .await
        .expect("alter database");
    sqlx::query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = $1 AND pid <> pg_backend_pid()",
    )
    .bind(db)
    .execute(&mut *admin)
    .await
    .expect("terminate");
}

#[tokio::test]
async fn when_postgresql_refuses_connections_pages_say_so_and_recover_by_themselves() {
    let Ok(admin_url) = std::env::var("TEST_DATABASE_URL") else {
        eprintln!("TEST_DATABASE_URL is not set: PostgreSQL run skipped");
        return;
    };
    let url = common::fresh_pg_database(&admin_url).await;
    let name = url.rsplit('/').next().expect("name").to_string();
    let app = common::spawn_app_at(url, tempfile::tempdir().expect("tempdir")).await;
    let (term, _) = app.indicators_of(2020).await;
    let mut admin = pg_admin(&admin_url).await;

    pg_switch(
        &mut admin,
        &name,
        "ALTER DATABASE {db} ALLOW_CONNECTIONS false",
    )
    .await;
    // Twice each: the first request may meet a connection being closed, the second
    // must open a new one and be refused.
    for _ in 0..2 {
        let (status, page) = app.page(&format!("/terms/{term}")).await;
        assert_eq!(status, 503, "term page while the database is away");
        assert!(page.contains(UNAVAILABLE), "no explanation on the page");
        let res = app.get("/api/v1/terms").await;
        assert_eq!(res.status().as_u16(), 503);
        let body: serde_json::Value = res.json().await.expect("JSON error");
        assert_eq!(body["error"]["code"], "unavailable");
    }
    let css = app.get("/assets/app.css").await;
    assert_eq!(
        css.status().as_u16(),
        200,
        "static files stop with the database"
    );

    pg_switch(
        &mut admin,
        &name,
        "ALTER DATABASE {db} ALLOW_CONNECTIONS true",
    )
    .await;
    let (status, _) = app.page(&format!("/terms/{term}")).await;
    assert_eq!(status, 200, "the server did not recover");
}

#[tokio::test]
async fn a_read_only_postgresql_keeps_pages_readable_and_refuses_saves_with_words() {
    let Ok(admin_url) = std::env::var("TEST_DATABASE_URL") else {
        eprintln!("TEST_DATABASE_URL is not set: PostgreSQL run skipped");
        return;
    };
    let url = common::fresh_pg_database(&admin_url).await;
    let name = url.rsplit('/').next().expect("name").to_string();
    let app = common::spawn_app_at(url, tempfile::tempdir().expect("tempdir")).await;
    let boss = app.admin().await;
    let clerk = app.user(&boss, "van.thu", "editor").await;
    let (term, list) = app.indicators_of(2020).await;
    let id = list[0]["id"].clone();
    let before = app.db.audit_count().await.expect("count");
    let mut admin = pg_admin(&admin_url).await;

    pg_switch(
        &mut admin,
        &name,
        "ALTER DATABASE {db} SET default_transaction_read_only = on",
    )
    .await;
    let (status, _) = app.page(&format!("/terms/{term}")).await;
    assert_eq!(status, 200, "reading must go on");
    let (status, page) = save(&clerk, term, &id, "4").await;
    assert_eq!(status, 503);
    assert!(
        page.contains(UNAVAILABLE),
        "no explanation next to the form"
    );
    assert!(page.contains("value=\"4\""), "the typed value was lost");

    pg_switch(
        &mut admin,
        &name,
        "ALTER DATABASE {db} SET default_transaction_read_only = off",
    )
    .await;
    assert_eq!(app.db.audit_count().await.expect("count"), before);
    let (status, _) = save(&clerk, term, &id, "4").await;
    assert_eq!(status, 303, "saving did not come back");
}

/// A small filesystem of its own (tmpfs), unmounted when dropped.
struct SmallDisk {
    path: std::path::PathBuf,
}

impl SmallDisk {
    fn mount(path: &std::path::Path, size: &str) -> Option<SmallDisk> {
        std::fs::create_dir_all(path).ok()?;
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(path)
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| SmallDisk {
            path: path.to_path_buf(),
        })
    }
}

/// Writes into `dir` until its disk is full; returns the filler file.
fn fill(dir: &std::path::Path) -> std::path::PathBuf {
    {
        use std::io::Write;
        let filler = dir.join("filler");
        let mut f = std::fs::File::create(&filler).expect("filler");
        let block = vec![0u8; 64 * 1024];
        while f.write_all(&block).is_ok() {}
        let small = [0u8; 512];
        while f.write_all(&small).is_ok() {}
        let _ = f.sync_all();
        filler
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.path)
            .status();
    }
}

async fn sqlite_on_a_full_disk_refuses_the_save_and_keeps_serving(app: TestApp, file: &str) {
    let boss = app.admin().await;
    let clerk = app.user(&boss, "van.thu", "editor").await;
    let (term, list) = app.indicators_of(2020).await;
    let id = list[0]["id"].clone();
    let before = app.db.audit_count().await.expect("count");
    // Empty the write-ahead log so the next write has to grow a file.
    let mut side = sqlx::SqliteConnection::connect(&format!("sqlite://{file}"))
        .await
        .expect("side connection");
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&mut side)
        .await
        .expect("checkpoint");
    side.close().await.expect("close");
    let filler = fill(std::path::Path::new(file).parent().expect("dir"));

    let (status, page) = save(&clerk, term, &id, "6").await;
    assert_eq!(status, 503, "a save on a full disk");
    assert!(
        page.contains(UNAVAILABLE),
        "no explanation next to the form"
    );
    let (status, _) = app.page(&format!("/terms/{term}")).await;
    assert_eq!(status, 200, "reading stopped with the disk full");

    std::fs::remove_file(filler).expect("free the disk");
    assert_eq!(app.db.audit_count().await.expect("count"), before);
    let (status, _) = save(&clerk, term, &id, "6").await;
    assert_eq!(status, 303, "saving did not come back once there was room");
}

#[tokio::test]
async fn a_full_disk_refuses_the_save_with_words_and_keeps_serving() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mount = dir.path().join("small");
    let Some(disk) = SmallDisk::mount(&mount, "8m") else {
        eprintln!("cannot mount a tmpfs here (not root?): disk-full run skipped");
        return;
    };
    let file = mount.join("full.db").display().to_string();
    let url = format!("sqlite://{file}");
    // The server runs as its own process, so that its log can be read afterwards.
    let log = dir.path().join("server.log");
    let server = common::process::ServerProcess::start(&url, &log, &[("NO_COLOR", "1")]);
    let app = common::attach(&server, &url, tempfile::tempdir().expect("tempdir")).await;
    sqlite_on_a_full_disk_refuses_the_save_and_keeps_serving(app, &file).await;
    // The operator learns of it from the log: one error line for the refused save,
    // inside the request's span (its id, method and path), naming the cause.
    let log = server.log();
    let line = log
        .lines()
        .find(|l| l.contains("saving figures failed; nothing was stored"))
        .unwrap_or_else(|| panic!("no log line for the refused save:\n{log}"));
    assert!(line.contains("ERROR"), "{line}");
    assert!(
        line.contains("request{id=")
            && line.contains("method=POST")
            && line.contains("path=/entry/"),
        "the line does not name its request: {line}"
    );
    assert!(
        line.contains("full"),
        "the line does not name the cause: {line}"
    );
    drop(server);
    drop(disk);
}
