//! The command line's words: every command, flag and environment variable, read
//! by clap. What each command does is in the sibling modules.

use clap::{Parser, Subcommand};
use std::net::SocketAddr;

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
