//! resolution-dashboard: tracks the indicators of a Party congress resolution term by
//! term. Layers point one way: `domain` ← `db`, `charts`, `io` ← `app` ← `server`.

#[cfg(feature = "ssr")]
pub mod db;
pub mod domain;
#[cfg(feature = "ssr")]
pub mod io;
