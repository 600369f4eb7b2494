//! `user …` and `token …`: the operator's account tools, for when no administrator
//! can sign in, and for automation's API tokens.

use super::{TokenAction, UserAction};
use crate::db::Db;
use crate::domain::Role;
use crate::server::startup::open_database;
use crate::web::auth::{password, secret};
use std::io::{BufRead, IsTerminal};

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

/// Fails with "no user …" when a change by `username` found no account.
fn found(changed: bool, username: &str) -> anyhow::Result<()> {
    if changed {
        Ok(())
    } else {
        anyhow::bail!("no user {username:?}")
    }
}

pub(super) async fn user(database_url: &str, action: UserAction) -> anyhow::Result<()> {
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
            found(db.set_password(&username, &hash).await?, &username)?;
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
            found(db.set_disabled(&username, true).await?, &username)?;
            println!("disabled {username}");
        }
        UserAction::Enable { username } => {
            found(db.set_disabled(&username, false).await?, &username)?;
            println!("enabled {username}");
        }
    }
    Ok(())
}

/// The id of the account named `username`.
async fn user_id(db: &Db, username: &str) -> anyhow::Result<i64> {
    let user = db
        .user_by_name(username)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no user {username:?}"))?;
    Ok(user.id.get())
}

pub(super) async fn token(database_url: &str, action: TokenAction) -> anyhow::Result<()> {
    let db = open_database(database_url).await?;
    match action {
        TokenAction::Create { username, label } => {
            let user = user_id(&db, &username).await?;
            let token = secret::token();
            db.create_api_token(user, &secret::hash(&token), &label)
                .await?;
            // Printed once: only its hash is kept.
            println!("{token}");
        }
        TokenAction::Revoke { username, label } => {
            let user = user_id(&db, &username).await?;
            let n = db
                .revoke_api_tokens(user, label.as_deref(), &crate::clock::now_iso())
                .await?;
            println!("revoked {n} token(s) of {username}");
        }
    }
    Ok(())
}
