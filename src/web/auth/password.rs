//! Passwords: argon2id with the crate's defaults (19 MiB, 2 passes; ~60 ms here),
//! computed on the blocking pool so a sign-in never stalls other requests.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

/// Shortest password accepted.
pub const MIN_LENGTH: usize = 10;

#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    #[error("the password must have at least {MIN_LENGTH} characters")]
    TooShort,
    #[error("the password cannot be hashed: {0}")]
    Hash(String),
}

pub fn check_strength(password: &str) -> Result<(), PasswordError> {
    if password.chars().count() < MIN_LENGTH {
        Err(PasswordError::TooShort)
    } else {
        Ok(())
    }
}

pub async fn hash(password: String) -> Result<String, PasswordError> {
    check_strength(&password)?;
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(password.as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| PasswordError::Hash(e.to_string()))
    })
    .await
    .map_err(|e| PasswordError::Hash(e.to_string()))?
}

/// True when `password` matches the stored hash. A malformed hash never matches.
pub async fn verify(stored: String, password: String) -> bool {
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&stored).is_ok_and(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
    })
    .await
    .unwrap_or(false)
}

/// A fixed hash to verify against when the username does not exist, so that a
/// wrong username takes as long as a wrong password.
pub async fn verify_dummy(password: String) {
    static DUMMY: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    let stored = DUMMY.get_or_init(|| {
        Argon2::default()
            .hash_password(b"not a real password")
            .ok()
            .map(|h| h.to_string())
    });
    if let Some(stored) = stored.clone() {
        let _ = verify(stored, password).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hashed_password_verifies_and_a_wrong_one_does_not() -> Result<(), PasswordError> {
        let h = hash("correct horse battery".into()).await?;
        assert!(h.starts_with("$argon2id$"));
        assert!(verify(h.clone(), "correct horse battery".into()).await);
        assert!(!verify(h, "wrong horse battery".into()).await);
        assert!(!verify("garbage".into(), "x".into()).await);
        assert!(matches!(
            hash("short".into()).await,
            Err(PasswordError::TooShort)
        ));
        Ok(())
    }
}
