//! Tests of the import through its public functions: good files, bad files (each with
//! the failure the clerk would see), template round trips and robustness on garbage.

mod bad_files;
mod bad_rows;
mod fixtures;
mod good_files;
mod locale_keys;
mod robustness;
mod templates;
