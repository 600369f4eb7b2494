//! Sign-in throttling, per account and per address, counted in the database so
//! that several app servers share the count.

use crate::db::{Db, DbError};

/// Failed attempts allowed in the window, per account.
pub const PER_ACCOUNT: i64 = 5;
/// Failed attempts allowed in the window, per address (several clerks may share
/// one office address).
pub const PER_ADDRESS: i64 = 20;
/// The window, in seconds.
pub const WINDOW_SECS: i64 = 15 * 60;

/// True when this account or address has failed too often recently.
pub async fn blocked(db: &Db, username: &str, address: &str) -> Result<bool, DbError> {
    let since = crate::clock::iso_in(-WINDOW_SECS);
    let (by_user, by_address) = db.login_failures_since(username, address, &since).await?;
    Ok(by_user >= PER_ACCOUNT || by_address >= PER_ADDRESS)
}

pub async fn failed(db: &Db, username: &str, address: &str) -> Result<(), DbError> {
    db.record_login_failure(username, address, &crate::clock::now_iso())
        .await
}
