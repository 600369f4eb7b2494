//! What ends every change a person makes: its entry in the audit log and a new data
//! version (what caches and pages watch), written in the change's own transaction,
//! so that a change is never stored without its history, nor its history without it.
//!
//! The writers are macros because the transaction is one of either backend: they are
//! used inside `on_pool!` bodies, like the statements around them.

/// Every column of an audit entry; a change leaves out what it is not about.
pub(super) const AUDIT: &str = "INSERT INTO audit_log (user_id, username, origin, action, term_id, indicator_id, period, old_value, new_value, note) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
pub(super) const BUMP: &str =
    "UPDATE data_version SET version = version + 1, changed_at = $1 WHERE id = 1";

/// What one change says in the audit log, besides who made it (the `Actor`).
#[derive(Debug, Default)]
pub(super) struct Entry<'a> {
    pub action: &'a str,
    pub term: Option<i64>,
    pub indicator: Option<i64>,
    pub period: Option<&'a str>,
    pub old: Option<String>,
    pub new: Option<String>,
    pub note: Option<&'a str>,
}

/// Appends `entry`, made by `actor`, to the audit log in transaction `tx`.
macro_rules! audit {
    ($tx:ident, $actor:expr, $entry:expr) => {{
        let actor: &$crate::db::Actor = $actor;
        let entry: $crate::db::audit::Entry<'_> = $entry;
        sqlx::query($crate::db::audit::AUDIT)
            .bind(actor.user_id)
            .bind(&actor.username)
            .bind(actor.origin.key())
            .bind(entry.action)
            .bind(entry.term)
            .bind(entry.indicator)
            .bind(entry.period)
            .bind(entry.old)
            .bind(entry.new)
            .bind(entry.note)
            .execute(&mut *$tx)
            .await?;
    }};
}
pub(super) use audit;

/// Moves the data version, in transaction `tx`, to say the data changed at `now`.
macro_rules! bump_version {
    ($tx:ident, $now:expr) => {{
        sqlx::query($crate::db::audit::BUMP)
            .bind($now)
            .execute(&mut *$tx)
            .await?;
    }};
}
pub(super) use bump_version;

/// Ends a change of one thing: its audit entry, a new data version, then the commit.
macro_rules! commit_audited {
    ($tx:ident, $actor:expr, $now:expr, $entry:expr) => {{
        $crate::db::audit::audit!($tx, $actor, $entry);
        $crate::db::audit::bump_version!($tx, $now);
        $tx.commit().await?;
    }};
}
pub(super) use commit_audited;
