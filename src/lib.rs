//! resolution-dashboard: tracks the indicators of a Party congress resolution term by
//! term. Layers point one way: `domain` ← `db`, `charts`, `io` ← `app` ← `export` ←
//! `server`.

pub mod app;
#[cfg(feature = "ssr")]
pub mod charts;
#[cfg(feature = "ssr")]
pub mod clock;
#[cfg(feature = "ssr")]
pub mod db;
pub mod domain;
#[cfg(feature = "ssr")]
pub mod export;
pub mod i18n;
#[cfg(feature = "ssr")]
pub mod io;
#[cfg(feature = "ssr")]
pub mod server;

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
}
