//! Presentation: turns stored records into what is shown (view types, chart specs, the
//! meeting pack), in the reader's language. Used alike by the pages, the JSON API and
//! the exports. The view types are plain data, also known to a browser bundle; the
//! builders run on the server. Pure functions of the stored data (plus the current year), so
//! their output can be cached per data version.

pub mod views;

#[cfg(feature = "ssr")]
mod chart_spec;
#[cfg(feature = "ssr")]
mod charts;
#[cfg(feature = "ssr")]
mod common;
#[cfg(feature = "ssr")]
mod compare;
#[cfg(feature = "ssr")]
mod downloads;
#[cfg(feature = "ssr")]
mod history;
#[cfg(feature = "ssr")]
mod home;
#[cfg(feature = "ssr")]
mod indicator;
#[cfg(feature = "ssr")]
mod pack;
#[cfg(feature = "ssr")]
mod term;

#[cfg(feature = "ssr")]
pub use chart_spec::{Chart, ChartSpec};
#[cfg(feature = "ssr")]
pub use compare::{compare_spec, same_indicator_in_terms};
#[cfg(feature = "ssr")]
pub use downloads::{
    Download, ascii_stem, breakdown_download, compare_download, indicator_download,
    overview_download,
};
#[cfg(feature = "ssr")]
pub use history::{history_row, moment_label};
#[cfg(feature = "ssr")]
pub use home::home_view;
#[cfg(feature = "ssr")]
pub use indicator::indicator_page;
#[cfg(feature = "ssr")]
pub use pack::{IndicatorBlock, MeetingPack, SummaryRow, meeting_pack};
#[cfg(feature = "ssr")]
pub use term::{status_counts, term_page};

#[cfg(feature = "ssr")]
pub use crate::clock::today_year;
#[cfg(feature = "ssr")]
pub use common::*;
