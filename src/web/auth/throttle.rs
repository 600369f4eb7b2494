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

/// Whether a sign-in attempt may check its password.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admission {
    /// Too many failures recently: refuse without checking.
    Blocked,
    /// Go ahead; the attempt is already counted as a failure until it succeeds.
    Allowed,
}

/// Counts the attempt *before* the password is checked, then looks at the count:
/// a burst of parallel guesses is counted as it arrives, so no more than the
/// allowed number are ever checked, however many arrive at once. A successful
/// sign-in clears the account's count; a refused one is not counted, so waiting
/// out the window is enough.
pub async fn admit(db: &Db, username: &str, address: &str) -> Result<Admission, DbError> {
    let id = db
        .record_login_failure(username, address, &crate::clock::now_iso())
        .await?;
    let since = crate::clock::iso_in(-WINDOW_SECS);
    let (by_user, by_address) = db.login_failures_since(username, address, &since).await?;
    // The counts include this attempt: the sixth within the window is refused.
    if by_user > PER_ACCOUNT || by_address > PER_ADDRESS {
        db.forget_login_failure(id).await?;
        return Ok(Admission::Blocked);
    }
    Ok(Admission::Allowed)
}
