//! `spawn_app()`: the real server on port 0 with a fresh temporary SQLite database,
//! talked to over HTTP.

#![allow(dead_code)]

pub mod browser;
pub mod process;

use resolution_dashboard::db::Db;
use resolution_dashboard::server::startup::{bind, setup_link};
use resolution_dashboard::web::state::Config;
use serde_json::Value;
use std::sync::OnceLock;

pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    pub db: Db,
    /// The database the server uses, for a second handle on it.
    pub database_url: String,
    /// The one-time link printed at first start.
    pub setup_link: String,
    /// Dropped with the test: the server stops and its pool closes, so that a
    /// whole run does not pile up open PostgreSQL connections.
    _stop: tokio::sync::oneshot::Sender<()>,
    /// A PostgreSQL test holds one of a few slots (the server allows 100 clients).
    _slot: Option<tokio::sync::OwnedSemaphorePermit>,
    _dir: tempfile::TempDir,
}

/// How many PostgreSQL test servers may run at once.
const PG_SLOTS: usize = 8;

async fn pg_slot() -> tokio::sync::OwnedSemaphorePermit {
    static SLOTS: OnceLock<std::sync::Arc<tokio::sync::Semaphore>> = OnceLock::new();
    SLOTS
        .get_or_init(|| std::sync::Arc::new(tokio::sync::Semaphore::new(PG_SLOTS)))
        .clone()
        .acquire_owned()
        .await
        .expect("semaphore never closes")
}

/// Runs an async test body against SQLite, and against PostgreSQL when
/// `TEST_DATABASE_URL` is set: `on_both_backends!(a_test_name, another);` turns each
/// `async fn a_test_name(app: TestApp)` into `a_test_name::on_sqlite` and
/// `a_test_name::on_postgres`.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test]
                async fn on_sqlite() {
                    super::$name(super::common::spawn_app().await).await;
                }

                #[tokio::test]
                async fn on_postgres() {
                    match super::common::spawn_app_pg().await {
                        Some(app) => super::$name(app).await,
                        None => eprintln!("TEST_DATABASE_URL is not set: PostgreSQL run skipped"),
                    }
                }
            }
        )*
    };
}

/// All test servers run on one shared runtime, as the real server runs on one: the
/// Leptos renderer keeps process-wide state, and servers spread over the separate
/// runtimes of concurrent tests were seen to stall now and then.
fn server_runtime() -> &'static tokio::runtime::Runtime {
    static RT: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RT.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("server runtime")
    })
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(Config::default()).await
}

pub async fn spawn_app_with(config: Config) -> TestApp {
    let dir = tempfile::tempdir().expect("temporary directory");
    let url = format!("sqlite://{}/test.db", dir.path().display());
    spawn_on(url, config, dir, None).await
}

/// The same server on a fresh PostgreSQL database, when `TEST_DATABASE_URL` names a
/// server (a URL to any database on it, e.g. …/postgres); none otherwise.
pub async fn spawn_app_pg() -> Option<TestApp> {
    let admin_url = std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|u| u.starts_with("postgres"))?;
    let slot = pg_slot().await;
    let url = fresh_pg_database(&admin_url).await;
    Some(
        spawn_on(
            url,
            Config::default(),
            tempfile::tempdir().expect("temporary directory"),
            Some(slot),
        )
        .await,
    )
}

/// Creates an empty database with a unique name on the server of `admin_url`.
pub async fn fresh_pg_database(admin_url: &str) -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "rd_test_{}_{}_{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0)
    );
    resolution_dashboard::db::pg_test_database(admin_url, &name)
        .await
        .expect("creating a test database")
}

/// A test handle on a server running as its own process (see `process`), with a
/// connection of its own to the same database.
pub async fn attach(server: &process::ServerProcess, url: &str, dir: tempfile::TempDir) -> TestApp {
    let db = Db::connect(url).await.expect("database");
    let (stop, _) = tokio::sync::oneshot::channel();
    TestApp {
        database_url: url.to_string(),
        base: server.base.clone(),
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client"),
        db,
        setup_link: server.setup_link.clone().unwrap_or_default(),
        _stop: stop,
        _slot: None,
        _dir: dir,
    }
}

/// The server on an existing database (already filled by the test).
pub async fn spawn_app_at(url: String, dir: tempfile::TempDir) -> TestApp {
    let slot = match url.starts_with("postgres") {
        true => Some(pg_slot().await),
        false => None,
    };
    spawn_on(url, Config::default(), dir, slot).await
}

async fn spawn_on(
    url: String,
    config: Config,
    dir: tempfile::TempDir,
    slot: Option<tokio::sync::OwnedSemaphorePermit>,
) -> TestApp {
    let (tx, rx) = tokio::sync::oneshot::channel();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let database_url = url.clone();
    server_runtime().spawn(async move {
        let bound = bind("127.0.0.1:0".parse().expect("address"), &url, config)
            .await
            .expect("server starts");
        let addr = bound.local_addr().expect("bound address");
        let link = setup_link(&bound.db, &format!("http://{addr}"))
            .await
            .expect("setup link")
            .expect("no admin yet");
        let db = bound.db.clone();
        let _ = tx.send((addr, db.clone(), link));
        let _ = bound
            .serve(async move {
                let _ = stopped.await;
            })
            .await;
        db.close().await;
    });
    let (addr, db, setup_link) = rx.await.expect("server started");
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    TestApp {
        base: format!("http://{addr}"),
        client,
        db,
        database_url,
        setup_link,
        _stop: stop,
        _slot: slot,
        _dir: dir,
    }
}

impl TestApp {
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .expect("request")
    }

    /// Status and body text, with the HTML entities the pages use turned back.
    pub async fn page(&self, path: &str) -> (u16, String) {
        let res = self.get(path).await;
        let status = res.status().as_u16();
        let body = res.text().await.expect("body");
        (status, unescape(&body))
    }

    pub async fn json(&self, path: &str) -> (u16, Value) {
        let res = self.get(path).await;
        let status = res.status().as_u16();
        let content_type = res
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        assert!(
            content_type.starts_with("application/json"),
            "{path}: content-type {content_type:?}"
        );
        (status, res.json().await.expect("json body"))
    }

    /// The indicators of the term whose start year is `start`.
    pub async fn indicators_of(&self, start: i64) -> (i64, Vec<Value>) {
        let (_, terms) = self.json("/api/v1/terms").await;
        let term = terms
            .as_array()
            .and_then(|a| a.iter().find(|t| t["start_year"] == start))
            .expect("term exists")
            .clone();
        let id = term["id"].as_i64().expect("id");
        let (status, list) = self.json(&format!("/api/v1/terms/{id}/indicators")).await;
        assert_eq!(status, 200);
        (id, list.as_array().expect("array").clone())
    }
}

pub fn by_code<'a>(list: &'a [Value], code: &str) -> &'a Value {
    list.iter()
        .find(|i| i["code"] == code)
        .unwrap_or_else(|| panic!("indicator {code} missing"))
}

pub fn unescape(html: &str) -> String {
    html.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

/// A new user with `role` and an API token for them (`Authorization: Bearer …`).
pub async fn api_token(app: &TestApp, username: &str, role: &str) -> String {
    use resolution_dashboard::web::auth::secret;
    let role = resolution_dashboard::domain::Role::parse(role).expect("role");
    let id = app
        .db
        .create_user(username, "$argon2id$unused", role)
        .await
        .expect("user");
    let token = secret::token();
    app.db
        .create_api_token(id, &secret::hash(&token), "test")
        .await
        .expect("token");
    token
}

/// A demonstration dataset of `size` in a fresh database, served.
pub async fn spawn_demo_app(size: resolution_dashboard::ingest::demo::DemoSize) -> TestApp {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = format!("sqlite://{}/demo.db", dir.path().display());
    let db = Db::connect(&url).await.expect("db");
    db.insert_seed(&resolution_dashboard::ingest::demo::plan(size))
        .await
        .expect("demo data");
    db.close().await;
    spawn_app_at(url, dir).await
}

/// The author of changes a test makes straight in the database (as the command line
/// would), standing for the first account.
pub fn cli_actor() -> resolution_dashboard::db::Actor {
    resolution_dashboard::db::Actor {
        user_id: 1,
        username: "chuanbi".into(),
        origin: resolution_dashboard::db::Origin::Cli,
    }
}

/// An account made straight in the database (on first use), acting as the command
/// line would: for a second person where one may not do both (nobody approves a
/// figure they changed themselves).
pub async fn db_actor(
    app: &TestApp,
    username: &str,
    role: &str,
) -> resolution_dashboard::db::Actor {
    use resolution_dashboard::domain::Role;
    let id = match app.db.user_by_name(username).await.expect("lookup") {
        Some(user) => user.id.get(),
        None => app
            .db
            .create_user(
                username,
                "$argon2id$unused",
                Role::parse(role).expect("role"),
            )
            .await
            .expect("user"),
    };
    resolution_dashboard::db::Actor {
        user_id: id,
        username: username.into(),
        origin: resolution_dashboard::db::Origin::Cli,
    }
}

/// An exact whole-number figure of `indicator_id` for `year`, as a change to save.
pub fn year_figure(indicator_id: i64, year: i32, n: i64) -> resolution_dashboard::db::ValueChange {
    use resolution_dashboard::domain::{Figure, Period, Qualifier, VnDecimal};
    resolution_dashboard::db::ValueChange {
        indicator_id,
        period: Period::Year(year),
        figure: Figure {
            value: VnDecimal::from_i64(n),
            qualifier: Qualifier::Exact,
            note: None,
            source_document: None,
            quote: None,
        },
        expected_version: None,
    }
}
