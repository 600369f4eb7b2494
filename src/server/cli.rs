//! The command line: `resolution-dashboard [serve] [--addr …] [--database-url …]`.

use super::startup::{bind, shutdown_signal};
use clap::{Parser, Subcommand};
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
}

#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, env = "ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,
    /// sqlite://path/to/file.db (created on first run) or postgres://user:pass@host/db.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://data/dashboard.db"
    )]
    pub database_url: String,
}

impl Default for ServeArgs {
    fn default() -> Self {
        // Parse the defaults (and the environment) through clap, so there is one
        // source of truth for them.
        #[derive(Parser)]
        struct Only {
            #[command(flatten)]
            args: ServeArgs,
        }
        Only::parse_from(["resolution-dashboard"]).args
    }
}

pub async fn run(cli: Cli) -> ExitCode {
    let args = match cli.command {
        Some(Command::Serve(args)) => args,
        None => ServeArgs::default(),
    };
    let bound = match bind(args.addr, &args.database_url).await {
        Ok(b) => b,
        Err(e) => {
            eprintln!("resolution-dashboard: {e}");
            return ExitCode::FAILURE;
        }
    };
    match bound.local_addr() {
        Ok(addr) => println!("resolution-dashboard listening on http://{addr}"),
        Err(e) => {
            eprintln!("resolution-dashboard: {e}");
            return ExitCode::FAILURE;
        }
    }
    match bound.serve(shutdown_signal()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("resolution-dashboard: {e}");
            ExitCode::FAILURE
        }
    }
}
