//! One integration test binary: every suite below links the whole app once instead
//! of once per file (a tenth of the disk and link time). `cargo test --test it NAME`
//! runs one part.

#[macro_use]
mod common;

mod api;
mod cli;
mod copy;
mod definitions;
mod entry;
mod exports;
mod font_coverage;
mod import;
mod multi_server;
mod page_cache;
mod pages;
mod query_count;
mod roles;
mod scale;
mod seed_matches_report;
mod write_api;
