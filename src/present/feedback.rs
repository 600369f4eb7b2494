//! The feedback of a form sent back to the person who filled it: plain data that a
//! POST handler builds and the page shows beside the fields.

use std::collections::HashMap;

/// A form sent back to the person who filled it: what they typed, what is wrong
/// with it (per field and overall). Provided as context when a POST re-renders
/// its page instead of redirecting.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormFeedback {
    pub message: Option<String>,
    pub fields: HashMap<String, String>,
    pub errors: HashMap<String, String>,
}

impl FormFeedback {
    pub fn field(&self, name: &str) -> Option<String> {
        self.fields.get(name).cloned()
    }

    pub fn error(&self, name: &str) -> Option<String> {
        self.errors.get(name).cloned()
    }
}
