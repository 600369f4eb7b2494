//! One integration test binary: every suite below links the whole app once instead
//! of once per file (a tenth of the disk and link time). `cargo test --test it NAME`
//! runs one part.

#[macro_use]
mod common;

mod api;
mod api_edges;
mod api_tokens;
mod bulk_save;
mod caching;
mod cli;
mod copy;
mod definitions;
mod definitions_edit;
mod durability;
mod entry;
mod exports;
mod exports_more;
mod font_coverage;
mod hostile;
mod import;
mod layers;
mod limits;
mod logs;
mod multi_server;
mod openapi;
mod outages;
mod page_cache;
mod pages;
mod query_count;
mod roles;
mod scale;
mod seed_matches_report;
mod term_cache;
mod workflow;
mod write_api;
