//! Import and export of data files: the seed data a new installation starts from,
//! and the yearly figures clerks upload as CSV or XLSX.

pub mod demo;
pub mod import;
pub mod seed;
