//! The indicators a file may name: the codes of the chosen term with their unit, so
//! that each value can be checked against what its unit allows.

use crate::domain::UnitKind;
use std::collections::HashMap;

/// Code → unit of every indicator that may receive a value.
#[derive(Debug, Clone, Default)]
pub struct Known {
    units: HashMap<String, UnitKind>,
}

impl Known {
    pub fn new(codes: impl IntoIterator<Item = (String, UnitKind)>) -> Self {
        Known {
            units: codes
                .into_iter()
                .map(|(code, unit)| (code.trim().to_string(), unit))
                .collect(),
        }
    }

    pub fn unit(&self, code: &str) -> Option<UnitKind> {
        self.units.get(code).copied()
    }

    pub fn len(&self) -> usize {
        self.units.len()
    }

    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }
}
