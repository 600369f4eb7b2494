//! Import and export of data files. For now: the seed data that a new installation
//! starts from.

pub mod seed;
