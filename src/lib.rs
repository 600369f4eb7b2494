//! resolution-dashboard: tracks the indicators of a Party congress resolution term by
//! term. Dependencies point one way (checked by `tests/it/layers.rs`):
//! `domain` ← `i18n` ← `clock` ← `db`, `charts` ← `ingest` ← `present` ← `export` ← `web`
//! ← `ui` ← `features` ← `shell` ← `server`.

#![recursion_limit = "256"]

#[cfg(feature = "ssr")]
pub mod charts;
#[cfg(feature = "ssr")]
pub mod clock;
#[cfg(feature = "ssr")]
pub mod db;
pub mod domain;
#[cfg(feature = "ssr")]
pub mod export;
pub mod features;
pub mod i18n;
#[cfg(feature = "ssr")]
pub mod ingest;
pub mod present;
#[cfg(feature = "ssr")]
pub mod server;
pub mod shell;
pub mod ui;
#[cfg(feature = "ssr")]
pub mod web;

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(shell::App);
}
