//! Users, sessions, login throttling, the one-time setup link and API tokens.
//! Tokens are stored as hashes only; the caller hashes before it asks.

use super::records::typed;
use super::{Db, DbError, on_pool, write_tx};
use crate::domain::{Role, UserId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserRecord {
    pub id: UserId,
    pub username: String,
    pub role: Role,
    pub disabled: bool,
}

#[derive(Debug, sqlx::FromRow)]
struct UserRow {
    id: i64,
    username: String,
    role: String,
    disabled: i64,
}

#[derive(Debug, sqlx::FromRow)]
struct CredentialRow {
    id: i64,
    username: String,
    role: String,
    disabled: i64,
    password_hash: String,
}

#[derive(Debug, sqlx::FromRow)]
struct SessionRow {
    id: i64,
    username: String,
    role: String,
    disabled: i64,
    csrf_token: String,
}

fn user(id: i64, username: String, role: &str, disabled: i64) -> Result<UserRecord, DbError> {
    Ok(UserRecord {
        id: UserId::new(id),
        username,
        role: typed("role", role, Role::parse)?,
        disabled: disabled != 0,
    })
}

impl TryFrom<UserRow> for UserRecord {
    type Error = DbError;
    fn try_from(r: UserRow) -> Result<Self, DbError> {
        user(r.id, r.username, &r.role, r.disabled)
    }
}

impl Db {
    pub async fn count_active_admins(&self) -> Result<i64, DbError> {
        let sql = "SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0";
        Ok(on_pool!(self, p => sqlx::query_scalar(sql).fetch_one(p).await?))
    }

    /// Creates a user; a taken username is a `Conflict`.
    pub async fn create_user(
        &self,
        username: &str,
        password_hash: &str,
        role: Role,
    ) -> Result<i64, DbError> {
        let sql =
            "INSERT INTO users (username, password_hash, role) VALUES ($1, $2, $3) RETURNING id";
        let id = on_pool!(self, p => sqlx::query_scalar(sql)
            .bind(username)
            .bind(password_hash)
            .bind(role.key())
            .fetch_one(p)
            .await
            .map_err(|e| DbError::from_write(e, "username"))?);
        Ok(id)
    }

    pub async fn users(&self) -> Result<Vec<UserRecord>, DbError> {
        let sql = "SELECT id, username, role, disabled FROM users ORDER BY username";
        let rows: Vec<UserRow> = on_pool!(self, p => sqlx::query_as(sql).fetch_all(p).await?);
        rows.into_iter().map(UserRecord::try_from).collect()
    }

    pub async fn user_by_name(&self, username: &str) -> Result<Option<UserRecord>, DbError> {
        let sql = "SELECT id, username, role, disabled FROM users WHERE username = $1";
        let row: Option<UserRow> =
            on_pool!(self, p => sqlx::query_as(sql).bind(username).fetch_optional(p).await?);
        row.map(UserRecord::try_from).transpose()
    }

    /// The user and their password hash, for signing in.
    pub async fn credentials(
        &self,
        username: &str,
    ) -> Result<Option<(UserRecord, String)>, DbError> {
        let sql =
            "SELECT id, username, role, disabled, password_hash FROM users WHERE username = $1";
        let row: Option<CredentialRow> =
            on_pool!(self, p => sqlx::query_as(sql).bind(username).fetch_optional(p).await?);
        row.map(|r| {
            Ok((
                user(r.id, r.username, &r.role, r.disabled)?,
                r.password_hash,
            ))
        })
        .transpose()
    }

    /// Returns false when there is no such user.
    pub async fn set_password(&self, username: &str, password_hash: &str) -> Result<bool, DbError> {
        let sql = "UPDATE users SET password_hash = $1 WHERE username = $2";
        let n = on_pool!(self, p => sqlx::query(sql).bind(password_hash).bind(username).execute(p).await?.rows_affected());
        Ok(n > 0)
    }

    /// Disabling also ends every session of the user. Returns false when there is no such user.
    pub async fn set_disabled(&self, username: &str, disabled: bool) -> Result<bool, DbError> {
        let sql = "UPDATE users SET disabled = $1 WHERE username = $2";
        let n = on_pool!(self, p => sqlx::query(sql).bind(i64::from(disabled)).bind(username).execute(p).await?.rows_affected());
        if disabled {
            let end =
                "DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE username = $1)";
            on_pool!(self, p => sqlx::query(end).bind(username).execute(p).await.map(|_| ())?);
        }
        Ok(n > 0)
    }

    pub async fn create_session(
        &self,
        token_hash: &str,
        user_id: i64,
        csrf: &str,
        expires_at: &str,
    ) -> Result<(), DbError> {
        let sql = "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)";
        on_pool!(self, p => sqlx::query(sql).bind(token_hash).bind(user_id).bind(csrf).bind(expires_at).execute(p).await.map(|_| ())?);
        Ok(())
    }

    /// The signed-in user of a live session and its CSRF token; none for an
    /// unknown, expired or disabled one.
    pub async fn session_user(
        &self,
        token_hash: &str,
        now: &str,
    ) -> Result<Option<(UserRecord, String)>, DbError> {
        let sql = "SELECT u.id, u.username, u.role, u.disabled, s.csrf_token FROM sessions s JOIN users u ON u.id = s.user_id \
                   WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.disabled = 0";
        let row: Option<SessionRow> = on_pool!(self, p => sqlx::query_as(sql).bind(token_hash).bind(now).fetch_optional(p).await?);
        row.map(|r| Ok((user(r.id, r.username, &r.role, r.disabled)?, r.csrf_token)))
            .transpose()
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<(), DbError> {
        on_pool!(self, p => sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(p).await.map(|_| ())?);
        Ok(())
    }

    /// Records a sign-in attempt as failed until it succeeds; returns its id.
    pub async fn record_login_failure(
        &self,
        username: &str,
        address: &str,
        at: &str,
    ) -> Result<i64, DbError> {
        let sql =
            "INSERT INTO login_failures (username, address, at) VALUES ($1, $2, $3) RETURNING id";
        Ok(
            on_pool!(self, p => sqlx::query_scalar(sql).bind(username).bind(address).bind(at).fetch_one(p).await?),
        )
    }

    pub async fn forget_login_failure(&self, id: i64) -> Result<(), DbError> {
        on_pool!(self, p => sqlx::query("DELETE FROM login_failures WHERE id = $1").bind(id).execute(p).await.map(|_| ())?);
        Ok(())
    }

    /// Failed sign-ins since `since` for this account and from this address.
    pub async fn login_failures_since(
        &self,
        username: &str,
        address: &str,
        since: &str,
    ) -> Result<(i64, i64), DbError> {
        let by_user = "SELECT COUNT(*) FROM login_failures WHERE username = $1 AND at > $2";
        let by_address = "SELECT COUNT(*) FROM login_failures WHERE address = $1 AND at > $2";
        Ok(on_pool!(self, p => (
            sqlx::query_scalar(by_user).bind(username).bind(since).fetch_one(p).await?,
            sqlx::query_scalar(by_address).bind(address).bind(since).fetch_one(p).await?,
        )))
    }

    pub async fn clear_login_failures(&self, username: &str) -> Result<(), DbError> {
        on_pool!(self, p => sqlx::query("DELETE FROM login_failures WHERE username = $1").bind(username).execute(p).await.map(|_| ())?);
        Ok(())
    }

    pub async fn create_setup_token(&self, token_hash: &str) -> Result<(), DbError> {
        on_pool!(self, p => sqlx::query("INSERT INTO setup_tokens (token_hash) VALUES ($1)").bind(token_hash).execute(p).await.map(|_| ())?);
        Ok(())
    }

    pub async fn setup_token_valid(&self, token_hash: &str) -> Result<bool, DbError> {
        let sql = "SELECT COUNT(*) FROM setup_tokens WHERE token_hash = $1 AND used_at IS NULL";
        let n: i64 =
            on_pool!(self, p => sqlx::query_scalar(sql).bind(token_hash).fetch_one(p).await?);
        Ok(n > 0)
    }

    /// Uses the setup link and creates the first admin in one transaction: a link
    /// works once, and only while there is no admin.
    pub async fn create_first_admin(
        &self,
        token_hash: &str,
        username: &str,
        password_hash: &str,
        now: &str,
    ) -> Result<Option<i64>, DbError> {
        let use_token =
            "UPDATE setup_tokens SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL";
        let admins = "SELECT COUNT(*) FROM users WHERE role = 'admin'";
        let insert = "INSERT INTO users (username, password_hash, role) VALUES ($1, $2, 'admin') RETURNING id";
        write_tx!(self, tx => {
            let used = sqlx::query(use_token).bind(now).bind(token_hash).execute(&mut *tx).await?.rows_affected();
            let existing: i64 = sqlx::query_scalar(admins).fetch_one(&mut *tx).await?;
            if used == 0 || existing > 0 {
                return Ok(None);
            }
            let id: i64 = sqlx::query_scalar(insert)
                .bind(username)
                .bind(password_hash)
                .fetch_one(&mut *tx)
                .await
                .map_err(|e| DbError::from_write(e, "username"))?;
            tx.commit().await?;
            Ok(Some(id))
        })
    }

    pub async fn create_api_token(
        &self,
        user_id: i64,
        token_hash: &str,
        label: &str,
    ) -> Result<i64, DbError> {
        let sql =
            "INSERT INTO api_tokens (user_id, token_hash, label) VALUES ($1, $2, $3) RETURNING id";
        Ok(
            on_pool!(self, p => sqlx::query_scalar(sql).bind(user_id).bind(token_hash).bind(label).fetch_one(p).await?),
        )
    }

    /// The active user behind a token that is not revoked.
    pub async fn api_token_user(&self, token_hash: &str) -> Result<Option<UserRecord>, DbError> {
        let sql = "SELECT u.id, u.username, u.role, u.disabled FROM api_tokens t JOIN users u ON u.id = t.user_id \
                   WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.disabled = 0";
        let row: Option<UserRow> =
            on_pool!(self, p => sqlx::query_as(sql).bind(token_hash).fetch_optional(p).await?);
        row.map(UserRecord::try_from).transpose()
    }

    /// Revokes every token of the user with this label; returns how many.
    pub async fn revoke_api_tokens(
        &self,
        user_id: i64,
        label: Option<&str>,
        now: &str,
    ) -> Result<u64, DbError> {
        let sql = "UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL AND ($3 IS NULL OR label = $3)";
        Ok(
            on_pool!(self, p => sqlx::query(sql).bind(now).bind(user_id).bind(label).execute(p).await?.rows_affected()),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_role_this_program_does_not_know_is_refused_as_corrupt_data() {
        for (stored, expected) in [
            ("viewer", Some(Role::Viewer)),
            ("editor", Some(Role::Editor)),
            ("approver", Some(Role::Approver)),
            ("admin", Some(Role::Admin)),
            ("Admin", None),
            ("superuser", None),
            ("", None),
        ] {
            match user(1, "u".into(), stored, 0) {
                Ok(u) => assert_eq!(Some(u.role), expected, "{stored:?}"),
                Err(DbError::Corrupt(message)) => {
                    assert_eq!(expected, None, "{stored:?}");
                    assert_eq!(message, format!("role: {stored:?}"));
                }
                Err(e) => panic!("{stored:?}: {e}"),
            }
        }
    }
}
