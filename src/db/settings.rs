//! Settings an admin changes in the UI: today, whether the separation of duties
//! holds (the person who last changed a figure may not approve it). A missing row is
//! the safe default; every change is audited like a definition.

use super::BeginWrite;
use super::audit::{Entry, commit_audited};
use super::{Actor, Db, DbError, on_pool};

/// The setting's key, in the table and in the audit log's action.
const SEPARATION: &str = "separation_of_duties";
pub(super) const SEPARATION_OFF: &str =
    "SELECT COUNT(*) FROM settings WHERE key = 'separation_of_duties' AND value = 'off'";
const UPSERT: &str = "INSERT INTO settings (key, value) VALUES ($1, $2) \
     ON CONFLICT (key) DO UPDATE SET value = excluded.value";

impl Db {
    /// Whether an approver is refused the figures they last changed themselves (on
    /// unless an admin turned it off for a small office).
    pub async fn separation_of_duties(&self) -> Result<bool, DbError> {
        let off: i64 = on_pool!(self, p => sqlx::query_scalar(SEPARATION_OFF).fetch_one(p).await?);
        Ok(off == 0)
    }

    /// Turns the separation of duties on or off; audited with who and when. False
    /// when it already was so (nothing is written).
    pub async fn set_separation_of_duties(&self, on: bool, actor: &Actor) -> Result<bool, DbError> {
        let now = crate::clock::now_iso();
        let word = |on: bool| if on { "on" } else { "off" };
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let off: i64 = sqlx::query_scalar(SEPARATION_OFF).fetch_one(&mut *tx).await?;
            if (off == 0) == on {
                return Ok(false);
            }
            sqlx::query(UPSERT).bind(SEPARATION).bind(word(on)).execute(&mut *tx).await?;
            let (old, new) = (Some(word(!on).to_string()), Some(word(on).to_string()));
            commit_audited!(tx, actor, &now, Entry { action: "settings.separation_of_duties", old, new, ..Entry::default() });
            Ok(true)
        })
    }
}
