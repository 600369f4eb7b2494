//! View types of the accounts pages.

use crate::domain::Role;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserRowView {
    pub username: String,
    pub role: Role,
    pub disabled: bool,
}

/// An API token as the admin's list shows it (never the token itself).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApiTokenView {
    pub id: i64,
    pub username: String,
    pub label: String,
    /// The day it was made, and when it was last used ("—": never), written out.
    pub created: String,
    pub last_used: String,
    pub revoked: bool,
}

/// A token just issued: shown once, on the answer to the form that made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewToken(pub String);
