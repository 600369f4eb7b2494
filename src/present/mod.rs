//! Presentation: turns stored records into what is shown (view types, chart specs, the
//! meeting pack), in the reader's language. Used alike by the pages, the JSON API and
//! the exports. The view types are plain data, also known to a browser bundle; the
//! builders run on the server. Pure functions of the stored data (plus the current year), so
//! their output can be cached per data version.

pub mod feedback;
pub mod views;

/// Declares the builders: they read database records, so only the server has them.
macro_rules! server_only {
    ($($item:item)*) => { $(#[cfg(feature = "ssr")] $item)* };
}

server_only! {
    mod chart_spec;
    mod charts;
    mod common;
    mod compare;
    mod conflicts;
    mod downloads;
    mod history;
    mod home;
    mod indicator;
    mod pack;
    mod term;

    pub use chart_spec::{Chart, ChartSpec};
    pub use compare::{compare_spec, same_indicator_in_terms};
    pub use conflicts::conflict_text;
    pub use downloads::{
        Download, ascii_stem, breakdown_download, compare_download, indicator_download,
        overview_download,
    };
    pub use history::{history_row, moment_label};
    pub use home::home_view;
    pub use indicator::indicator_page;
    pub use pack::{IndicatorBlock, MeetingPack, meeting_pack};
    pub use term::{status_counts, term_page};

    pub use crate::clock::today_year;
    pub use common::*;
}
