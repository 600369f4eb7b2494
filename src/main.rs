//! Entry point: parse the command line, set up logging, run.

use clap::Parser;
use resolution_dashboard::server::cli::{Cli, run};
use std::process::ExitCode;

/// jemalloc instead of glibc's malloc: with glibc the server's resident memory
/// grew by ~20 MB with every 10,000-value import, to 240 MB, while its heap in use
/// stayed under 40 MB (heaptrack): freed pages were not given back. With jemalloc
/// it stays between 80 and 115 MB over ten imports. BENCHMARKS.md, "Memory".
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

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
