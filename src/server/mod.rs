//! The server: command line, start-up, and the HTTP routes that are not Leptos pages
//! (JSON API, health check, static assets, language switch, chart and data downloads).

pub mod api;
mod api_json;
mod api_page;
pub mod api_write;
mod api_write_input;
pub mod assets;
pub mod auth;
mod bench_static;
mod chart_files;
pub mod cli;
mod download;
pub mod error;
pub mod forms;
pub mod gate;
pub mod headers;
pub mod lang;
mod limits;
mod observe;
pub mod openapi;
pub mod page_cache;
pub mod rejection;
pub mod startup;
mod term_files;
