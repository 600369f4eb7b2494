//! Entry point: parse the command line, set up logging, run.

use clap::Parser;
use resolution_dashboard::server::cli::{Cli, run};
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    // LOG_FORMAT=json gives one JSON object per line for log collectors; the
    // default is the readable one-line format. RUST_LOG filters either.
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| "info,tower_http=warn,sqlx=warn".into());
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if std::env::var("LOG_FORMAT").is_ok_and(|f| f == "json") {
        logs.json().init();
    } else {
        logs.init();
    }
    run(Cli::parse()).await
}
