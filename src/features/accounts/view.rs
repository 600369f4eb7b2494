//! View types of the accounts pages.

use crate::domain::Role;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserRowView {
    pub username: String,
    pub role: Role,
    pub disabled: bool,
}
