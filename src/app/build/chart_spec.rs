//! A chart described once and drawn for each use: inline on a page (900 px wide), as a
//! download (SVG or PNG at the requested size, with a frame that makes it stand alone),
//! or inside the PDF meeting pack.

use crate::app::views::ChartView;
use crate::charts::{
    ChartError, ChartSize, Frame, GroupedBarChart, HBarChart, VBarChart, hbar_height,
    render_grouped, render_grouped_framed, render_hbar, render_hbar_framed, render_vbar,
    render_vbar_framed,
};

/// Width of the charts inline on a page.
pub const PAGE_WIDTH: u32 = 900;
/// Height of vertical and grouped bar charts on a page.
pub const VBAR_HEIGHT: u32 = 420;

#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    HBar(HBarChart),
    VBar(VBarChart),
    Grouped(GroupedBarChart),
}

/// A chart and the data table that is its text alternative.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    pub chart: Chart,
    pub table: Vec<(String, String)>,
}

impl ChartSpec {
    pub fn title(&self) -> &str {
        match &self.chart {
            Chart::HBar(c) => &c.title,
            Chart::VBar(c) => &c.title,
            Chart::Grouped(c) => &c.title,
        }
    }

    /// Height the chart wants at `width` (horizontal bars grow with their number).
    pub fn natural_height(&self) -> u32 {
        match &self.chart {
            Chart::HBar(c) => hbar_height(c.bars.len()),
            Chart::VBar(_) | Chart::Grouped(_) => VBAR_HEIGHT,
        }
    }

    /// The SVG laid out at exactly `size`, with no frame.
    pub fn render_at(&self, size: ChartSize) -> Result<String, ChartError> {
        match &self.chart {
            Chart::HBar(c) => render_hbar(c, size),
            Chart::VBar(c) => render_vbar(c, size),
            Chart::Grouped(c) => render_grouped(c, size),
        }
    }

    /// The SVG for a download: `output` pixels, with the frame's texts.
    pub fn render_framed(&self, frame: &Frame, output: ChartSize) -> Result<String, ChartError> {
        match &self.chart {
            Chart::HBar(c) => render_hbar_framed(c, frame, output),
            Chart::VBar(c) => render_vbar_framed(c, frame, output),
            Chart::Grouped(c) => render_grouped_framed(c, frame, output),
        }
    }

    /// The chart inline on a page; None (and a log line) if it cannot be drawn.
    pub fn page_view(self) -> Option<ChartView> {
        let size = ChartSize {
            width: PAGE_WIDTH,
            height: self.natural_height(),
        };
        match self.render_at(size) {
            Ok(svg) => Some(ChartView {
                title: self.title().to_string(),
                svg,
                table: self.table,
            }),
            Err(e) => {
                tracing::error!(error = %e, chart = %self.title(), "chart rendering failed");
                None
            }
        }
    }
}
