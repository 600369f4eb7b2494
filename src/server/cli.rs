//! The command line: `serve` (the default), and account tools for the operator:
//! `user add|passwd|list|disable|enable` and `token create|revoke`. Passwords are
//! read from standard input or a prompt, never from the command line.

use super::startup::{bind, open_database, setup_link, shutdown_signal};
use crate::domain::Role;
use crate::web::auth::{password, secret};
use crate::web::state::Config;
use clap::{Parser, Subcommand};
use std::io::{BufRead, IsTerminal};
use std::net::SocketAddr;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "resolution-dashboard",
    version,
    about = "Theo dõi chỉ tiêu Nghị quyết theo nhiệm kỳ / Resolution indicator dashboard"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the dashboard (the default when no command is given).
    Serve(ServeArgs),
    /// Manage user accounts.
    User {
        #[command(flatten)]
        db: DbArg,
        #[command(subcommand)]
        action: UserAction,
    },
    /// Copy a whole installation to another, empty database and verify the counts
    /// (e.g. SQLite → PostgreSQL).
    Copy {
        /// The installation to copy (sqlite://… or postgres://…).
        #[arg(long)]
        from: String,
        /// An empty database to copy into; it is created and migrated if needed.
        #[arg(long)]
        to: String,
    },
    /// Write a consistent copy of a SQLite installation to a new file while the
    /// server keeps running (PostgreSQL: use pg_dump).
    Backup {
        #[command(flatten)]
        db: DbArg,
        /// The new backup file (refused if it exists).
        #[arg(long)]
        to: std::path::PathBuf,
    },
    /// Replace the whole record with a backup file, in one transaction; people sign
    /// in again afterwards (PostgreSQL: use pg_restore).
    Restore {
        #[command(flatten)]
        db: DbArg,
        /// A file made by `backup`.
        #[arg(long)]
        from: std::path::PathBuf,
    },
    /// Fill an empty database with a province-sized demonstration dataset (for
    /// benchmarks and trials; not real figures).
    DemoData {
        #[command(flatten)]
        db: DbArg,
        #[arg(long, default_value_t = 60)]
        units: usize,
        #[arg(long, default_value_t = 40)]
        indicators: usize,
        #[arg(long, default_value_t = 4)]
        terms: usize,
    },
    /// Manage API tokens for automation.
    Token {
        #[command(flatten)]
        db: DbArg,
        #[command(subcommand)]
        action: TokenAction,
    },
}

#[derive(Debug, Clone, clap::Args)]
pub struct DbArg {
    /// sqlite://path/to/file.db (created on first run) or postgres://user:pass@host/db.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://data/dashboard.db",
        global = true
    )]
    pub database_url: String,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, env = "ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,
    #[command(flatten)]
    pub db: DbArg,
    /// Require signing in for every page and API call.
    #[arg(long, env = "PRIVATE")]
    pub private: bool,
    /// Mark cookies Secure (set this when the site is served over HTTPS).
    #[arg(long, env = "SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// Seconds a request may take (reading its body included) before it is answered
    /// 408 and its work dropped.
    #[arg(long, env = "REQUEST_TIMEOUT_SECS", default_value_t = 30,
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub request_timeout_secs: u64,
    /// A reverse proxy in front of this server (repeat, or comma-separated in the
    /// environment): its `X-Forwarded-For` header then names the client whose sign-in
    /// attempts are counted. Without it the header is ignored.
    #[arg(long = "trusted-proxy", env = "TRUSTED_PROXIES", value_delimiter = ',')]
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// Load tests only (a build with the `bench-static` feature): answer
    /// `GET /bench/static` with this file's bytes, the reference rate of this stack.
    #[cfg(feature = "bench-static")]
    #[arg(long, env = "RD_BENCH_STATIC_FILE")]
    pub bench_static_file: Option<std::path::PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum UserAction {
    /// Create an account; the password is read from standard input or a prompt.
    Add {
        #[arg(long)]
        username: String,
        /// viewer, editor, approver or admin.
        #[arg(long)]
        role: String,
    },
    /// Set a new password (read from standard input or a prompt).
    Passwd {
        #[arg(long)]
        username: String,
    },
    /// List the accounts.
    List,
    /// Disable an account and end its sessions.
    Disable {
        #[arg(long)]
        username: String,
    },
    /// Enable a disabled account.
    Enable {
        #[arg(long)]
        username: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum TokenAction {
    /// Create an API token for a user; it is printed once and stored hashed.
    Create {
        #[arg(long)]
        username: String,
        #[arg(long, default_value = "api")]
        label: String,
    },
    /// Revoke a user's tokens (all, or those with the label).
    Revoke {
        #[arg(long)]
        username: String,
        #[arg(long)]
        label: Option<String>,
    },
}

impl Default for ServeArgs {
    fn default() -> Self {
        // Parse the defaults (and the environment) through clap: one source of truth.
        #[derive(Parser)]
        struct Only {
            #[command(flatten)]
            args: ServeArgs,
        }
        Only::parse_from(["resolution-dashboard"]).args
    }
}

fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("resolution-dashboard: {message}");
    ExitCode::FAILURE
}

pub async fn run(cli: Cli) -> ExitCode {
    match cli.command {
        None => serve(ServeArgs::default()).await,
        Some(Command::Serve(args)) => serve(args).await,
        Some(Command::User { db, action }) => match user(&db.database_url, action).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(e),
        },
        Some(Command::DemoData {
            db,
            units,
            indicators,
            terms,
        }) => {
            match demo_data(
                &db.database_url,
                crate::ingest::demo::DemoSize {
                    units,
                    indicators,
                    terms,
                },
            )
            .await
            {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(e),
            }
        }
        Some(Command::Copy { from, to }) => match copy(&from, &to).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(e),
        },
        Some(Command::Backup { db, to }) => match backup(&db.database_url, &to).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(e),
        },
        Some(Command::Restore { db, from }) => match restore(&db.database_url, &from).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(e),
        },
        Some(Command::Token { db, action }) => match token(&db.database_url, action).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(e),
        },
    }
}

async fn serve(args: ServeArgs) -> ExitCode {
    let config = Config {
        private: args.private,
        secure_cookies: args.secure_cookies,
        request_timeout: std::time::Duration::from_secs(args.request_timeout_secs),
        trusted_proxies: args.trusted_proxies,
        #[cfg(feature = "bench-static")]
        bench_static_file: args.bench_static_file,
    };
    let bound = match bind(args.addr, &args.db.database_url, config).await {
        Ok(b) => b,
        Err(e) => return fail(e),
    };
    let addr = match bound.local_addr() {
        Ok(a) => a,
        Err(e) => return fail(e),
    };
    let base = format!("http://{addr}");
    match setup_link(&bound.db, &base).await {
        Ok(Some(link)) => println!(
            "No administrator yet. Tạo tài khoản quản trị đầu tiên / create the first admin (link works once): {link}"
        ),
        Ok(None) => {}
        Err(e) => return fail(e),
    }
    println!("resolution-dashboard listening on {base}");
    match bound.serve(shutdown_signal()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

/// A password from a prompt (terminal) or the first line of standard input.
fn read_password() -> anyhow::Result<String> {
    let text = if std::io::stdin().is_terminal() {
        rpassword::prompt_password("Mật khẩu / password: ")?
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        line.trim_end_matches(['\r', '\n']).to_string()
    };
    password::check_strength(&text)?;
    Ok(text)
}

async fn user(database_url: &str, action: UserAction) -> anyhow::Result<()> {
    let db = open_database(database_url).await?;
    match action {
        UserAction::Add { username, role } => {
            let role = Role::parse(&role).ok_or_else(|| {
                anyhow::anyhow!("unknown role {role:?}: use viewer, editor, approver or admin")
            })?;
            if !crate::features::accounts::users_post::valid_username(&username) {
                anyhow::bail!(
                    "a username has 3 to 40 characters: letters, digits, '.', '_' or '-'"
                );
            }
            let hash = password::hash(read_password()?).await?;
            db.create_user(&username, &hash, role).await?;
            println!("created {username} ({})", role.key());
        }
        UserAction::Passwd { username } => {
            let hash = password::hash(read_password()?).await?;
            if !db.set_password(&username, &hash).await? {
                anyhow::bail!("no user {username:?}");
            }
            println!("password changed for {username}");
        }
        UserAction::List => {
            for u in db.users().await? {
                println!(
                    "{}\t{}\t{}",
                    u.username,
                    u.role.key(),
                    if u.disabled { "disabled" } else { "active" }
                );
            }
        }
        UserAction::Disable { username } => {
            if !db.set_disabled(&username, true).await? {
                anyhow::bail!("no user {username:?}");
            }
            println!("disabled {username}");
        }
        UserAction::Enable { username } => {
            if !db.set_disabled(&username, false).await? {
                anyhow::bail!("no user {username:?}");
            }
            println!("enabled {username}");
        }
    }
    Ok(())
}

async fn demo_data(database_url: &str, size: crate::ingest::demo::DemoSize) -> anyhow::Result<()> {
    if size.units == 0
        || size.indicators == 0
        || size.terms == 0
        || size.units > 99
        || size.indicators > 99
        || size.terms > 20
    {
        anyhow::bail!("use 1–99 units, 1–99 indicators per unit and 1–20 terms");
    }
    let db = crate::db::Db::connect(database_url).await?;
    if !db.is_empty().await? {
        anyhow::bail!(
            "the database already holds terms: demo data goes into an empty database only"
        );
    }
    let started = std::time::Instant::now();
    let plan = crate::ingest::demo::plan(size);
    let indicators: usize = plan.terms.iter().map(|t| t.indicators.len()).sum();
    let values: usize = plan
        .terms
        .iter()
        .flat_map(|t| &t.indicators)
        .map(|i| i.values.len())
        .sum();
    db.insert_seed(&plan).await?;
    println!(
        "{indicators} indicators and {values} values in {} terms written in {:.1} s",
        plan.terms.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

async fn copy(from: &str, to: &str) -> anyhow::Result<()> {
    let source = crate::db::Db::connect(from).await?;
    let destination = crate::db::Db::connect(to).await?;
    let report = source.copy_into(&destination).await?;
    for (table, rows) in &report.tables {
        println!("{table}\t{rows}");
    }
    println!("copied and verified: every table has the same number of rows on both sides");
    Ok(())
}

async fn backup(database_url: &str, to: &std::path::Path) -> anyhow::Result<()> {
    let db = crate::db::Db::connect(database_url).await?;
    let summary = db.backup_to(to).await?;
    print_summary(&summary);
    println!("backup written and checked: {}", to.display());
    Ok(())
}

async fn restore(database_url: &str, from: &std::path::Path) -> anyhow::Result<()> {
    let db = crate::db::Db::connect(database_url).await?;
    let summary = db.restore_from(from).await?;
    print_summary(&summary);
    println!(
        "restored from {}: every table replaced in one transaction; sessions ended",
        from.display()
    );
    Ok(())
}

fn print_summary(summary: &crate::db::BackupSummary) {
    for (table, rows) in &summary.tables {
        println!("{table}\t{rows}");
    }
}

async fn token(database_url: &str, action: TokenAction) -> anyhow::Result<()> {
    let db = open_database(database_url).await?;
    match action {
        TokenAction::Create { username, label } => {
            let user = db
                .user_by_name(&username)
                .await?
                .ok_or_else(|| anyhow::anyhow!("no user {username:?}"))?;
            let token = secret::token();
            db.create_api_token(user.id.get(), &secret::hash(&token), &label)
                .await?;
            // Printed once: only its hash is kept.
            println!("{token}");
        }
        TokenAction::Revoke { username, label } => {
            let user = db
                .user_by_name(&username)
                .await?
                .ok_or_else(|| anyhow::anyhow!("no user {username:?}"))?;
            let n = db
                .revoke_api_tokens(user.id.get(), label.as_deref(), &crate::clock::now_iso())
                .await?;
            println!("revoked {n} token(s) of {username}");
        }
    }
    Ok(())
}
