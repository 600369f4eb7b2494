//! The program: command line, start-up (the database, the seed, every feature's
//! routes assembled behind the shared layers) and the load-test route.

#[cfg(feature = "bench-static")]
mod bench_static;
pub mod cli;
pub mod startup;
