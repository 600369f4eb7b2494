//! resolution-dashboard: tracks the indicators of a Party congress resolution term by
//! term. Layers point one way: `domain` ← `db`, `charts`, `io` ← `app` ← `server`.

pub mod domain;
