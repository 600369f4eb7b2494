//! The command line: `serve` (the default), and tools for the operator: accounts
//! (`user add|passwd|list|disable|enable`, `token create|revoke`) and whole
//! installations (`copy`, `backup`, `restore`, `demo-data`). Passwords are read
//! from standard input or a prompt, never from the command line.

mod accounts;
mod args;
mod installation;
mod serve;

pub use args::{Cli, Command, DbArg, ServeArgs, TokenAction, UserAction};
use std::process::ExitCode;

/// Runs one command; any failure is one line on standard error and a failing exit.
pub async fn run(cli: Cli) -> ExitCode {
    let command = cli
        .command
        .unwrap_or_else(|| Command::Serve(ServeArgs::default()));
    let outcome = match command {
        Command::Serve(args) => serve::serve(args).await,
        Command::User { db, action } => accounts::user(&db.database_url, action).await,
        Command::Token { db, action } => accounts::token(&db.database_url, action).await,
        Command::DemoData {
            db,
            units,
            indicators,
            terms,
        } => {
            let size = crate::ingest::demo::DemoSize {
                units,
                indicators,
                terms,
            };
            installation::demo_data(&db.database_url, size).await
        }
        Command::Copy { from, to } => installation::copy(&from, &to).await,
        Command::Backup { db, to } => installation::backup(&db.database_url, &to).await,
        Command::Restore { db, from } => installation::restore(&db.database_url, &from).await,
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("resolution-dashboard: {e}");
            ExitCode::FAILURE
        }
    }
}
