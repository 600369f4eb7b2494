//! API tokens as the admin manages them in the UI: the list with when each was last
//! used, issuing one (the caller keeps the token; only its hash is stored) and
//! revoking one. Issuing and revoking are audited.

use super::audit::{Entry, commit_audited};
use super::{Actor, Db, DbError, on_pool, write_tx};

/// One token as the admin sees it (never the token itself).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ApiTokenRecord {
    pub id: i64,
    pub username: String,
    pub label: String,
    pub created_at: String,
    pub last_used_at: Option<String>,
    pub revoked: bool,
}

const ALL: &str = "SELECT t.id, u.username, t.label, t.created_at, t.last_used_at, t.revoked_at IS NOT NULL AS revoked \
     FROM api_tokens t JOIN users u ON u.id = t.user_id ORDER BY t.revoked_at IS NOT NULL, t.id DESC";
const ISSUE: &str =
    "INSERT INTO api_tokens (user_id, token_hash, label) VALUES ($1, $2, $3) RETURNING id";
const REVOKE: &str = "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL \
     RETURNING (SELECT username FROM users WHERE users.id = api_tokens.user_id), label";
// At most one write a minute per token: a busy program does not turn reads into writes.
const TOUCH: &str = "UPDATE api_tokens SET last_used_at = $1 WHERE token_hash = $2 \
     AND (last_used_at IS NULL OR last_used_at < $3)";

impl Db {
    /// Every token, live ones first, newest first.
    pub async fn api_tokens(&self) -> Result<Vec<ApiTokenRecord>, DbError> {
        Ok(on_pool!(self, p => sqlx::query_as(ALL).fetch_all(p).await?))
    }

    /// Stores a new token's hash for `user_id`; audited with its label.
    pub async fn issue_api_token(
        &self,
        user_id: i64,
        token_hash: &str,
        label: &str,
        actor: &Actor,
    ) -> Result<i64, DbError> {
        write_tx!(self, tx, now => {
            let id: i64 = sqlx::query_scalar(ISSUE).bind(user_id).bind(token_hash).bind(label)
                .fetch_one(&mut *tx).await.map_err(|e| DbError::from_write(e, "token"))?;
            let entry = Entry { action: "token.create", new: Some(format!("#{id} {label}")), ..Entry::default() };
            commit_audited!(tx, actor, &now, entry);
            Ok(id)
        })
    }

    /// Revokes one token; false when there is none live with this id.
    pub async fn revoke_api_token(&self, id: i64, actor: &Actor) -> Result<bool, DbError> {
        write_tx!(self, tx, now => {
            let gone: Option<(String, String)> = sqlx::query_as(REVOKE).bind(&now).bind(id)
                .fetch_optional(&mut *tx).await?;
            let Some((username, label)) = gone else { return Ok(false) };
            let old = Some(format!("#{id} {label} ({username})"));
            commit_audited!(tx, actor, &now, Entry { action: "token.revoke", old, ..Entry::default() });
            Ok(true)
        })
    }

    /// Notes that the token with this hash was used now (to the minute).
    pub async fn touch_api_token(&self, token_hash: &str) -> Result<(), DbError> {
        let now = crate::clock::now_iso();
        let a_minute_ago = crate::clock::iso_in(-60);
        on_pool!(self, p => sqlx::query(TOUCH).bind(&now).bind(token_hash).bind(&a_minute_ago).execute(p).await.map(|_| ())?);
        Ok(())
    }
}
