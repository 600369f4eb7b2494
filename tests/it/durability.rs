//! Nothing acknowledged is ever lost: a burst of writes survives a SIGKILL of the
//! server, and a backup taken while figures are being written restores to a
//! consistent record. SQLite, the real binary, the real write API.

use crate::common;

use common::process::{ServerProcess, cli};
use resolution_dashboard::domain::Role;
use resolution_dashboard::server::startup::open_database;
use resolution_dashboard::web::auth::secret;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use tokio::sync::Mutex;

/// What the writers know of one (indicator id, year) slot.
#[derive(Debug, Clone, Default)]
struct Slot {
    /// The value the server acknowledged last.
    acked: Option<String>,
    /// A value sent whose answer never came (the server died): it may or may not
    /// have been committed, so either it or the acknowledged one may be stored.
    in_flight: Option<String>,
}

type Acked = Arc<Mutex<BTreeMap<(i64, i32), Slot>>>;

/// A seeded database with an editor holding an API token.
async fn prepared(url: &str) -> String {
    let db = open_database(url).await.expect("seeded database");
    let id = db
        .create_user("may.nhap", "$argon2id$unused", Role::Editor)
        .await
        .expect("user");
    let token = secret::token();
    db.create_api_token(id, &secret::hash(&token), "burst")
        .await
        .expect("token");
    db.close().await;
    token
}

/// Every (indicator, year) slot of the 2020–2025 term.
async fn slots(base: &str) -> Vec<(i64, i32)> {
    let client = reqwest::Client::new();
    let terms: serde_json::Value = client
        .get(format!("{base}/api/v1/terms"))
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
    let list: serde_json::Value = client
        .get(format!("{base}/api/v1/terms/{term}/indicators"))
        .send()
        .await
        .expect("list")
        .json()
        .await
        .expect("json");
    let ids: Vec<i64> = list
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|i| i["id"].as_i64())
        .collect();
    (2021..=2025)
        .flat_map(|y| ids.iter().map(move |&i| (i, y)))
        .collect()
}

/// `writers` tasks PUT figures into `slots` until told to stop or refused; every
/// 2xx answer is recorded as acknowledged.
fn start_writers(
    base: &str,
    token: &str,
    slots: Vec<(i64, i32)>,
    writers: usize,
    stop: Arc<AtomicBool>,
) -> (Acked, Arc<AtomicUsize>, Vec<tokio::task::JoinHandle<()>>) {
    let acked: Acked = Arc::default();
    let count = Arc::new(AtomicUsize::new(0));
    let slots = Arc::new(slots);
    let handles = (0..writers)
        .map(|w| {
            let (base, token) = (base.to_string(), token.to_string());
            let (acked, count, slots, stop) =
                (acked.clone(), count.clone(), slots.clone(), stop.clone());
            tokio::spawn(async move {
                let client = reqwest::Client::new();
                for round in 0.. {
                    for (n, &(id, year)) in slots.iter().enumerate().skip(w).step_by(writers) {
                        if stop.load(Ordering::SeqCst) {
                            return;
                        }
                        let value = format!("{}", (n + round * 7) % 90 + 1);
                        acked.lock().await.entry((id, year)).or_default().in_flight =
                            Some(value.clone());
                        let sent = client
                            .put(format!("{base}/api/v1/indicators/{id}/values/{year}"))
                            .bearer_auth(&token)
                            .json(&serde_json::json!({ "value": value }))
                            .send()
                            .await;
                        match sent {
                            Ok(r) if r.status().is_success() => {
                                let mut known = acked.lock().await;
                                let slot = known.entry((id, year)).or_default();
                                slot.acked = Some(value);
                                slot.in_flight = None;
                                count.fetch_add(1, Ordering::SeqCst);
                            }
                            Ok(r) => panic!("write refused: {}", r.status()),
                            // The server is gone (killed): stop writing.
                            Err(_) => return,
                        }
                    }
                }
            })
        })
        .collect();
    (acked, count, handles)
}

async fn wait_for(count: &AtomicUsize, at_least: usize) {
    for _ in 0..3000 {
        if count.load(Ordering::SeqCst) >= at_least {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    panic!("the writers never reached {at_least} acknowledged writes");
}

/// A read-only look at a database file, independent of the server.
async fn open_file(path: &Path) -> sqlx::SqlitePool {
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(path)
        .read_only(true);
    sqlx::SqlitePool::connect_with(options)
        .await
        .expect("open file")
}

async fn integrity(pool: &sqlx::SqlitePool) -> String {
    sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(pool)
        .await
        .expect("integrity_check")
}

async fn stored(pool: &sqlx::SqlitePool, (id, year): (i64, i32)) -> Option<String> {
    sqlx::query_scalar("SELECT value FROM indicator_values WHERE indicator_id = ? AND period = ?")
        .bind(id)
        .bind(year.to_string())
        .fetch_optional(pool)
        .await
        .expect("read value")
}

#[tokio::test]
async fn every_acknowledged_write_survives_a_sigkill_in_the_middle_of_a_burst() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("crash.db");
    let url = format!("sqlite://{}", file.display());
    let token = prepared(&url).await;
    let mut server = ServerProcess::start(&url, &dir.path().join("server.log"), &[]);
    let slots = slots(&server.base).await;
    let stop = Arc::new(AtomicBool::new(false));
    let (acked, count, writers) = start_writers(&server.base, &token, slots, 8, stop.clone());

    wait_for(&count, 150).await;
    server.kill();
    for w in writers {
        w.await.expect("writer");
    }
    let known = acked.lock().await.clone();
    let total = count.load(Ordering::SeqCst);
    let acked: Vec<_> = known.iter().filter(|(_, s)| s.acked.is_some()).collect();
    let in_flight = known.values().filter(|s| s.in_flight.is_some()).count();

    // Restart on the same file: it opens, recovers the WAL and serves.
    let restarted = ServerProcess::start(&url, &dir.path().join("after.log"), &[]);
    let page = reqwest::get(format!("{}/", restarted.base))
        .await
        .expect("restarted server answers");
    assert_eq!(page.status().as_u16(), 200);
    drop(restarted);

    let pool = open_file(&file).await;
    assert_eq!(integrity(&pool).await, "ok");
    let mut lost = Vec::new();
    for (key, slot) in &acked {
        let now = stored(&pool, **key).await;
        if now != slot.acked && (slot.in_flight.is_none() || now != slot.in_flight) {
            lost.push((**key, (*slot).clone(), now));
        }
    }
    println!(
        "crash test: {total} writes acknowledged before SIGKILL ({} slots, {in_flight} in flight), {} of those slots hold the acknowledged (or the later in-flight) value after restart",
        acked.len(),
        acked.len() - lost.len()
    );
    assert!(lost.is_empty(), "acknowledged writes lost: {lost:?}");
}

#[tokio::test]
async fn a_backup_taken_during_writes_restores_to_a_consistent_record() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("live.db");
    let url = format!("sqlite://{}", file.display());
    let token = prepared(&url).await;
    let server = ServerProcess::start(&url, &dir.path().join("server.log"), &[]);
    let slots = slots(&server.base).await;
    let stop = Arc::new(AtomicBool::new(false));
    let (_, count, writers) = start_writers(&server.base, &token, slots, 4, stop.clone());

    wait_for(&count, 40).await;
    let backup = dir.path().join("backup.db");
    let before = count.load(Ordering::SeqCst);
    let (ok, out, err) = cli(
        &[
            "backup",
            "--database-url",
            &url,
            "--to",
            &backup.to_string_lossy(),
        ],
        None,
    );
    let after = count.load(Ordering::SeqCst);
    assert!(ok, "backup failed: {err}");
    assert!(out.contains("indicator_values"), "{out}");
    wait_for(&count, after + 20).await;
    stop.store(true, Ordering::SeqCst);
    for w in writers {
        w.await.expect("writer");
    }

    // A second backup to the same name is refused: backups are never overwritten.
    let (ok, _, err) = cli(
        &[
            "backup",
            "--database-url",
            &url,
            "--to",
            &backup.to_string_lossy(),
        ],
        None,
    );
    assert!(!ok && err.contains("already exists"), "{err}");

    // The copy is one moment of the record: whole, and every figure the API wrote
    // is there together with its audit entry (both are one transaction).
    let pool = open_file(&backup).await;
    assert_eq!(integrity(&pool).await, "ok");
    let api_writes: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE origin = 'api'")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert!(
        (before as i64) <= api_writes && api_writes <= after as i64 + 4,
        "backup holds {api_writes} API writes; {before} were acknowledged before it began and {after} when it ended"
    );
    let mismatched: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM indicator_values v WHERE v.state = 'draft' AND v.value <> \
         (SELECT a.new_value FROM audit_log a WHERE a.indicator_id = v.indicator_id \
          AND a.period = v.period ORDER BY a.id DESC LIMIT 1)",
    )
    .fetch_one(&pool)
    .await
    .expect("consistency");
    assert_eq!(
        mismatched, 0,
        "a figure and its history disagree in the backup"
    );
    let in_backup: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM indicator_values")
        .fetch_one(&pool)
        .await
        .expect("count");
    pool.close().await;

    // Restored into the live database while the server runs: the server now shows
    // the backup's record, and the restored file is whole.
    let (ok, out, err) = cli(
        &[
            "restore",
            "--database-url",
            &url,
            "--from",
            &backup.to_string_lossy(),
        ],
        None,
    );
    assert!(ok, "restore failed: {err}");
    assert!(out.contains("restored"), "{out}");
    let live = open_file(&file).await;
    assert_eq!(integrity(&live).await, "ok");
    let now: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM indicator_values")
        .fetch_one(&live)
        .await
        .expect("count");
    assert_eq!(now, in_backup);
    let page = reqwest::get(format!("{}/", server.base))
        .await
        .expect("server still answers");
    assert_eq!(page.status().as_u16(), 200);
    println!(
        "backup test: {before}..{after} writes acknowledged during the backup, {api_writes} in it, {in_backup} figures restored"
    );
}

#[tokio::test]
async fn a_file_that_is_not_a_backup_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("live.db");
    let url = format!("sqlite://{}", file.display());
    prepared(&url).await;
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"not a database at all, just words").expect("write");
    let missing = dir.path().join("missing.db");
    for (from, expected) in [(&junk, "not a usable backup"), (&missing, "does not exist")] {
        let (ok, _, err) = cli(
            &[
                "restore",
                "--database-url",
                &url,
                "--from",
                &from.to_string_lossy(),
            ],
            None,
        );
        assert!(!ok, "restore from {from:?} succeeded");
        assert!(err.contains(expected), "{err}");
    }
    let pool = open_file(&file).await;
    let values: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM indicator_values")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert!(values > 0, "the seeded figures are gone");
    assert_eq!(integrity(&pool).await, "ok");
}
